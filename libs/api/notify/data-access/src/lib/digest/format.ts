/**
 * How digests write figures: the dashboard's own formats (libs/web/shared/ui-charts format.ts),
 * in one fixed locale, because a mail is read away from the browser that would pick one.
 */

export const DIGEST_LOCALE = 'en-GB';

/** The one minus sign of the dashboard (U+2212). */
export const MINUS = '\u2212';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `&`, `<`, `>`, `"` and `'` as entities: any text from a user, a shop or a file, in HTML. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function withMinusSign(text: string): string {
  return text.replace(/^-|-(?=[\d\p{Sc}.,\s]|$)/gu, MINUS);
}

export function formatCount(value: number): string {
  return withMinusSign(
    new Intl.NumberFormat(DIGEST_LOCALE, { maximumFractionDigits: 0 }).format(value),
  );
}

/** One decimal for averages (496.25 → "496.3"). */
export function formatAverage(value: number): string {
  return withMinusSign(
    new Intl.NumberFormat(DIGEST_LOCALE, { maximumFractionDigits: 1 }).format(value),
  );
}

/** A share in 0–1 as a percentage with one decimal: 0.0312 → "3.1%". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '–';
  return withMinusSign(
    new Intl.NumberFormat(DIGEST_LOCALE, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(share),
  );
}

/** A relative change with its sign: 0.066 → "+6.6%". */
export function formatSignedShare(share: number): string {
  return withMinusSign(
    new Intl.NumberFormat(DIGEST_LOCALE, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(share),
  );
}

/** Money in its currency with its minor units: 1200 EUR → "€1,200.00"; never summed across currencies. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return withMinusSign(
      new Intl.NumberFormat(DIGEST_LOCALE, { style: 'currency', currency }).format(amount),
    );
  } catch {
    return `${formatAverage(amount)} ${currency}`;
  }
}

/** Net sentiment (−1…1) as points on −100…+100: 0.234 → "+23". */
export function formatNetSentiment(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return withMinusSign(
    new Intl.NumberFormat(DIGEST_LOCALE, {
      maximumFractionDigits: 0,
      signDisplay: 'exceptZero',
    }).format(Math.round(value * 100)),
  );
}

/** Hours as people read durations: 0.6 → "36 min", 5.25 → "5 h 15 min", 52 → "2 d 4 h". */
export function formatDuration(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '–';
  const sign = hours < 0 ? MINUS : '';
  const abs = Math.abs(hours);
  if (abs < 1) return `${sign}${Math.round(abs * 60)} min`;
  if (abs < 24) {
    const h = Math.floor(abs);
    const m = Math.round((abs - h) * 60);
    return m === 0 || h >= 10 ? `${sign}${Math.round(abs)} h` : `${sign}${h} h ${m} min`;
  }
  let d = Math.floor(abs / 24);
  let h = Math.round(abs - d * 24);
  if (h === 24) {
    d += 1;
    h = 0;
  }
  return h === 0 || d >= 10 ? `${sign}${Math.round(abs / 24)} d` : `${sign}${d} d ${h} h`;
}

/** An SLA target: 48 → "2 d", 24 → "24 h". */
export function formatTarget(hours: number): string {
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} d` : `${hours} h`;
}

/** "p < 0.001", "p = 0.034". */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** "q < 0.001", "q = 0.003" (a Benjamini–Hochberg adjusted p-value). */
export function formatQValue(q: number): string {
  return q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`;
}

/** `2026-11-16`, `2026-11-22` → "16–22 Nov 2026". */
export function formatDateRange(start: string, end: string): string {
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T00:00:00Z`);
  const format = (date: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(DIGEST_LOCALE, { ...options, timeZone: 'UTC' }).format(date);
  if (from.getUTCFullYear() !== to.getUTCFullYear())
    return `${format(from, { day: 'numeric', month: 'short', year: 'numeric' })} – ${format(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  if (from.getUTCMonth() !== to.getUTCMonth())
    return `${format(from, { day: 'numeric', month: 'short' })} – ${format(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  return `${from.getUTCDate()}–${format(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** An instant in the shop's time zone: "Sat 5 Dec, 14:05". */
export function formatInstant(iso: string | Date, timeZone: string): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(DIGEST_LOCALE, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(date);
}

/** `return_defective` → "Return defective". */
export function humanize(code: string): string {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
