/**
 * How digests write figures: the dashboard's own formats (libs/web/shared/ui-charts format.ts),
 * in the locale of the reader's language (`NOTIFY_LOCALES`), English (`en-GB`) when none is
 * given: a mail is read away from the browser that would pick one.
 */

import {
  MINUS,
  formatDateRange as formatDateRangeIn,
  formatDuration as formatDurationIn,
} from '@returnlens/shared/metrics';

export const DIGEST_LOCALE = 'en-GB';

/** The one minus sign of the dashboard (U+2212); durations and p-values as the dashboard writes them. */
export { MINUS } from '@returnlens/shared/metrics';

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

export function formatCount(value: number, locale = DIGEST_LOCALE): string {
  return withMinusSign(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value));
}

/** One decimal for averages (496.25 → "496.3"). */
export function formatAverage(value: number, locale = DIGEST_LOCALE): string {
  return withMinusSign(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value));
}

/** A share in 0–1 as a percentage with one decimal: 0.0312 → "3.1%". */
export function formatShare(share: number | null, locale = DIGEST_LOCALE): string {
  if (share === null || !Number.isFinite(share)) return '–';
  return withMinusSign(
    new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(share),
  );
}

/** A relative change with its sign: 0.066 → "+6.6%". */
export function formatSignedShare(share: number, locale = DIGEST_LOCALE): string {
  return withMinusSign(
    new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(share),
  );
}

/** Money in its currency with its minor units: 1200 EUR → "€1,200.00"; never summed across currencies. */
export function formatMoney(amount: number, currency: string, locale = DIGEST_LOCALE): string {
  try {
    return withMinusSign(
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount),
    );
  } catch {
    return `${formatAverage(amount, locale)} ${currency}`;
  }
}

/** Net sentiment (−1…1) as points on −100…+100: 0.234 → "+23". */
export function formatNetSentiment(value: number | null, locale = DIGEST_LOCALE): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return withMinusSign(
    new Intl.NumberFormat(locale, {
      maximumFractionDigits: 0,
      signDisplay: 'exceptZero',
    }).format(Math.round(value * 100)),
  );
}

/** Hours as durations in the locale's units: 5.25 → "5 h 15 min", "5 godz. 15 min". */
export function formatDuration(hours: number | null, locale = DIGEST_LOCALE): string {
  return formatDurationIn(hours, locale);
}

/** An SLA target: 48 → "2 d", 24 → "24 h" (in another locale its own units: "2 dni", "24 ч"). */
export function formatTarget(hours: number, locale = DIGEST_LOCALE): string {
  const days = hours >= 48 && hours % 24 === 0;
  if (locale.split('-')[0] === 'en') return days ? `${hours / 24} d` : `${hours} h`;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: days ? 'day' : 'hour',
    unitDisplay: 'short',
  }).format(days ? hours / 24 : hours);
}

/** A probability with three decimals in the locale ("0.003", "0,003"). */
function probability(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(value);
}

/** "p < 0.001", "p = 0.034" ("p = 0,034" with a decimal comma). */
export function formatPValue(p: number, locale = DIGEST_LOCALE): string {
  return p < 0.001 ? `p < ${probability(0.001, locale)}` : `p = ${probability(p, locale)}`;
}

/** "q < 0.001", "q = 0.003" (a Benjamini–Hochberg adjusted p-value). */
export function formatQValue(q: number, locale = DIGEST_LOCALE): string {
  return q < 0.001 ? `q < ${probability(0.001, locale)}` : `q = ${probability(q, locale)}`;
}

/** `2026-11-16`, `2026-11-22` → "16–22 Nov 2026", "16–22 lis 2026". */
export function formatDateRange(start: string, end: string, locale = DIGEST_LOCALE): string {
  return formatDateRangeIn(start, end, locale);
}

/** An instant in the shop's time zone: "Sat 5 Dec, 14:05", "sob., 5 gru, 14:05". */
export function formatInstant(
  iso: string | Date,
  timeZone: string,
  locale = DIGEST_LOCALE,
): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locale, {
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
