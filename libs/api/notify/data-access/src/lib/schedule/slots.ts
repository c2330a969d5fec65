import { TZDate } from '@date-fns/tz';
import type { DigestSchedule } from '@returnlens/shared/contracts';

/**
 * The slots of a digest schedule: weekly on an ISO weekday at an hour, or daily at an hour,
 * in the shop's time zone. An hour that does not exist that day (the spring-forward gap) is
 * the first instant after the gap; an hour that happens twice (autumn) is its first time.
 */

/** The instant of `hour`:00 on the local calendar day (year, month 0-11, day) in `timeZone`. */
function slotOn(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  return new Date(new TZDate(year, month, day, hour, 0, 0, 0, timeZone).getTime());
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
function isoWeekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month, day)).getUTCDay() || 7;
}

/** Candidate slots around `at`: from `fromDay` to `toDay` local days away, in order. */
function candidates(
  schedule: DigestSchedule,
  timeZone: string,
  at: Date,
  fromDay: number,
  toDay: number,
): Date[] {
  const local = new TZDate(at.getTime(), timeZone);
  const [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate()];
  const out: Date[] = [];
  for (let offset = fromDay; offset <= toDay; offset++) {
    if (schedule.frequency === 'weekly' && isoWeekday(y, m, d + offset) !== schedule.weekday)
      continue;
    out.push(slotOn(y, m, d + offset, schedule.hour, timeZone));
  }
  return out;
}

/** The first slot strictly after `after`. */
export function nextSlot(schedule: DigestSchedule, timeZone: string, after: Date): Date {
  const found = candidates(schedule, timeZone, after, -1, 8).find(
    (slot) => slot.getTime() > after.getTime(),
  );
  if (!found)
    throw new Error(`no slot after ${after.toISOString()} for ${JSON.stringify(schedule)}`);
  return found;
}

/** The latest slot at or before `now` (the one a late scheduler still owes). */
export function latestSlot(schedule: DigestSchedule, timeZone: string, now: Date): Date {
  const found = candidates(schedule, timeZone, now, -8, 1)
    .reverse()
    .find((slot) => slot.getTime() <= now.getTime());
  if (!found)
    throw new Error(`no slot before ${now.toISOString()} for ${JSON.stringify(schedule)}`);
  return found;
}
