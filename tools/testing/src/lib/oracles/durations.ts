import { TZDate } from '@date-fns/tz';
import type { BusinessCalendar } from '@returnlens/shared/metrics';

/**
 * Test oracles of the duration definitions (docs/metrics.md): the product computes durations
 * in SQL (`@returnlens/api/shared/sql`); these straightforward day-by-day versions check it.
 */

const HOUR = 3_600_000;
const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * Business hours between two instants: the overlap of [from, to) with the calendar's
 * opening periods, day by day on the calendar's wall clock (so a DST change, a holiday or
 * a lunch break is counted right). 0 when `to` is not after `from`.
 */
export function businessHoursBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const holidays = new Set(calendar.holidays);
  const start = new TZDate(from.getTime(), calendar.timeZone);
  let day = new TZDate(start.getFullYear(), start.getMonth(), start.getDate(), calendar.timeZone);
  let total = 0;
  while (day.getTime() < to.getTime()) {
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const weekday = day.getDay() === 0 ? 7 : day.getDay();
    if (calendar.workingDays.includes(weekday) && !holidays.has(iso)) {
      for (const period of calendar.hours) {
        const open = new TZDate(
          day.getFullYear(),
          day.getMonth(),
          day.getDate(),
          0,
          minutes(period.start),
          calendar.timeZone,
        ).getTime();
        const close = new TZDate(
          day.getFullYear(),
          day.getMonth(),
          day.getDate(),
          0,
          minutes(period.end),
          calendar.timeZone,
        ).getTime();
        const overlap = Math.min(close, to.getTime()) - Math.max(open, from.getTime());
        if (overlap > 0) total += overlap;
      }
    }
    day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, calendar.timeZone);
  }
  return total / HOUR;
}

export function calendarHoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR;
}
