/**
 * How digests write figures: the dashboard's own formats (libs/web/shared/ui-charts format.ts),
 * in one fixed locale, because a mail is read away from the browser that would pick one.
 */

import { MINUS, formatDateRange as formatDateRangeIn } from '@returnlens/shared/metrics';

export const DIGEST_LOCALE = 'en-GB';

/** The one minus sign of the dashboard (U+2212); durations and p-values as the dashboard writes them. */
export { MINUS, formatDuration, formatPValue } from '@returnlens/shared/metrics';

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

/** An SLA target: 48 → "2 d", 24 → "24 h". */
export function formatTarget(hours: number): string {
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} d` : `${hours} h`;
}

/** "q < 0.001", "q = 0.003" (a Benjamini–Hochberg adjusted p-value). */
export function formatQValue(q: number): string {
  return q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`;
}

/** `2026-11-16`, `2026-11-22` → "16–22 Nov 2026". */
export function formatDateRange(start: string, end: string): string {
  return formatDateRangeIn(start, end, DIGEST_LOCALE);
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
