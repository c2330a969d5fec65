/** Opening hours of a help desk, in its own time zone. */
export interface BusinessCalendar {
  readonly timeZone: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  readonly workingDays: readonly number[];
  /** Opening periods of a working day, `HH:MM`, e.g. 09:00–12:30 and 13:00–17:00. */
  readonly hours: readonly { readonly start: string; readonly end: string }[];
  /** Days off, `YYYY-MM-DD`. */
  readonly holidays: readonly string[];
}

export const DEFAULT_CALENDAR: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  hours: [{ start: '09:00', end: '17:00' }],
  holidays: [],
};
