import { TZDate } from '@date-fns/tz';
import { addWeeks, format, getISOWeek, getISOWeekYear, setISOWeek, startOfISOWeek } from 'date-fns';
import type { IsoWeekRef } from '@returnlens/shared/contracts';

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** Throws a RangeError unless `timeZone` is an IANA zone the runtime knows. */
const knownZones = new Set<string>();

export function assertTimeZone(timeZone: string): void {
  if (knownZones.has(timeZone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    knownZones.add(timeZone);
  } catch {
    throw new RangeError(
      `Unknown time zone "${timeZone}" (expected an IANA name such as Europe/Warsaw)`,
    );
  }
}

function refFromMonday(monday: Date): IsoWeekRef {
  const year = getISOWeekYear(monday);
  const week = getISOWeek(monday);
  const sunday = addWeeks(monday, 1);
  sunday.setDate(sunday.getDate() - 1);
  return {
    week: `${year}-W${String(week).padStart(2, '0')}`,
    start: format(monday, 'yyyy-MM-dd'),
    end: format(sunday, 'yyyy-MM-dd'),
  };
}

/** The ISO week (Monday start) that contains `instant` on the wall clock of `timeZone`. */
export function isoWeekOf(instant: Date, timeZone: string): IsoWeekRef {
  assertTimeZone(timeZone);
  return refFromMonday(startOfISOWeek(new TZDate(instant.getTime(), timeZone)));
}

/** Parses `2026-W47`; throws a RangeError naming the bad value. */
export function parseIsoWeek(week: string): IsoWeekRef {
  const match = WEEK_PATTERN.exec(week);
  if (!match) {
    throw new RangeError(`"${week}" is not an ISO week; expected the form 2026-W07`);
  }
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1 of its ISO year.
  const inWeekOne = new TZDate(year, 0, 4, 'UTC');
  const monday = startOfISOWeek(setISOWeek(inWeekOne, number));
  if (number < 1 || getISOWeekYear(monday) !== year || getISOWeek(monday) !== number) {
    throw new RangeError(`"${week}" does not exist: ${year} has no ISO week ${number}`);
  }
  return refFromMonday(monday);
}

export function shiftIsoWeek(week: IsoWeekRef, weeks: number): IsoWeekRef {
  const [y, m, d] = week.start.split('-').map(Number);
  return refFromMonday(addWeeks(new TZDate(y, m - 1, d, 'UTC'), weeks));
}

/** `count` consecutive weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: IsoWeekRef, count: number): IsoWeekRef[] {
  return Array.from({ length: count }, (_, i) => shiftIsoWeek(last, i - count + 1));
}

/** The newest ISO week that has fully ended at `now` in `timeZone`. */
export function lastCompleteIsoWeek(now: Date, timeZone: string): IsoWeekRef {
  return shiftIsoWeek(isoWeekOf(now, timeZone), -1);
}

/**
 * The instants a week spans in `timeZone`: [Monday 00:00, next Monday 00:00).
 * A week with a DST change is 167 or 169 hours long.
 */
export function isoWeekBounds(week: IsoWeekRef, timeZone: string): { from: Date; to: Date } {
  assertTimeZone(timeZone);
  const [y, m, d] = week.start.split('-').map(Number);
  const from = new TZDate(y, m - 1, d, timeZone);
  const to = addWeeks(from, 1);
  return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}
