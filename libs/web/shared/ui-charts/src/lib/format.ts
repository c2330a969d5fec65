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

/** Hours as people read durations: 0.6 → "36 min", 5.25 → "5 h 15 min", 52 → "2 d 4 h". */
export function formatDuration(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '–';
  const sign = hours < 0 ? '−' : '';
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

/** Parts per million as an integer: 0.0012345 → "1,235". */
export function formatPpm(ppm: number | null, locale?: string): string {
  return ppm === null ? '–' : formatCount(Math.round(ppm), locale);
}

/** Money with its currency; amounts of different currencies are never added. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${formatCount(amount, locale)} ${currency}`;
  }
}

/** Net sentiment (−1…1) as points on a −100…+100 scale: 0.234 → "+23". */
export function formatNetSentiment(value: number | null, locale?: string): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(Math.round(value * 100));
}

/** A share or '–' when unknown. */
export function formatShareOrDash(share: number | null, locale?: string): string {
  return share === null || !Number.isFinite(share) ? '–' : formatShare(share, locale);
}
