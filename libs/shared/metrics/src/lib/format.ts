/**
 * Formatters that read the same on the dashboard and in a digest mail: pure functions of their
 * arguments (dates in UTC, a fixed default locale), so the API and the web app share them.
 */

/** The one minus sign of the dashboard and its mails (U+2212), as in "−2.5 pp" and "−12 %". */
export const MINUS = '\u2212';

/**
 * Hours as people read durations: 0.6 → "36 min", 5.25 → "5 h 15 min", 52 → "2 d 4 h". In
 * another locale than English the units are the locale's own (`Intl.NumberFormat` unit style:
 * "5 ч 15 мин", "5 godz. 15 min", "2 T 4 Std."); the rounding is the same.
 */
export function formatDuration(hours: number | null, locale = 'en-GB'): string {
  if (hours === null || !Number.isFinite(hours)) return '–';
  const sign = hours < 0 ? MINUS : '';
  const abs = Math.abs(hours);
  const english = locale.split('-')[0] === 'en';
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    english
      ? `${value} ${name === 'day' ? 'd' : name === 'hour' ? 'h' : 'min'}`
      : new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(
          value,
        );
  if (abs < 1) return `${sign}${unit(Math.round(abs * 60), 'minute')}`;
  if (abs < 24) {
    const h = Math.floor(abs);
    const m = Math.round((abs - h) * 60);
    return m === 0 || h >= 10
      ? `${sign}${unit(Math.round(abs), 'hour')}`
      : `${sign}${unit(h, 'hour')} ${unit(m, 'minute')}`;
  }
  let d = Math.floor(abs / 24);
  let h = Math.round(abs - d * 24);
  if (h === 24) {
    d += 1;
    h = 0;
  }
  return h === 0 || d >= 10
    ? `${sign}${unit(Math.round(abs / 24), 'day')}`
    : `${sign}${unit(d, 'day')} ${unit(h, 'hour')}`;
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
