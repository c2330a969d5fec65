/** Display formatting only: the figures themselves come from the API. */

export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** One decimal for averages such as a 4-week baseline (496.25 → "496.3"). */
export function formatAverage(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A share in 0–1 as a percentage with one decimal: 0.1875 → "18.8%". */
export function formatShare(share: number, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

export function formatSignedAverage(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
}

export function formatSignedShare(share: number, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(share);
}

/** p-values as people read them: "p < 0.001", "p = 0.034". */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** `2026-11-16`, `2026-11-22` → "16–22 Nov 2026" (or across months/years as needed). */
export function formatDateRange(start: string, end: string, locale = 'en-GB'): string {
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T00:00:00Z`);
  const format = (date: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  if (from.getUTCFullYear() !== to.getUTCFullYear()) {
    return `${format(from, { day: 'numeric', month: 'short', year: 'numeric' })} – ${format(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  }
  if (from.getUTCMonth() !== to.getUTCMonth()) {
    return `${format(from, { day: 'numeric', month: 'short' })} – ${format(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  }
  return `${from.getUTCDate()}–${format(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** `2026-W07` → "Week 7, 2026". */
export function formatWeek(week: string): string {
  const [year, number] = week.split('-W');
  return `Week ${Number(number)}, ${year}`;
}
