import type { BusinessCalendar } from '@returnlens/shared/metrics';
import { businessHoursBetween, calendarHoursBetween } from './durations';

const WARSAW: BusinessCalendar = {
  timeZone: 'Europe/Warsaw',
  workingDays: [1, 2, 3, 4, 5],
  hours: [
    { start: '09:00', end: '12:30' },
    { start: '13:00', end: '17:00' },
  ],
  holidays: ['2026-11-11'],
};

const at = (iso: string) => new Date(iso);

describe('businessHoursBetween', () => {
  it('skips the weekend: Friday 16:00 → Monday 10:00 is 2 h', () => {
    expect(
      businessHoursBetween(at('2026-11-20T15:00:00Z'), at('2026-11-23T09:00:00Z'), WARSAW),
    ).toBe(2);
  });

  it('skips the lunch break: 12:00 → 13:30 is 1 h', () => {
    expect(
      businessHoursBetween(at('2026-11-24T11:00:00Z'), at('2026-11-24T12:30:00Z'), WARSAW),
    ).toBe(1);
  });

  it('skips holidays: Tuesday 16:00 → Thursday 10:00 over 11 November is 2 h', () => {
    expect(
      businessHoursBetween(at('2026-11-10T15:00:00Z'), at('2026-11-12T09:00:00Z'), WARSAW),
    ).toBe(2);
  });

  it('counts opening hours on the wall clock across a DST change', () => {
    // Friday 09:00 CEST → Monday 17:00 CET: two full days of 7.5 h; 81 calendar hours.
    const from = at('2026-10-23T07:00:00Z');
    const to = at('2026-10-26T16:00:00Z');
    expect(businessHoursBetween(from, to, WARSAW)).toBe(15);
    expect(calendarHoursBetween(from, to)).toBe(81);
  });

  it('is 0 for an empty or reversed span and outside opening hours', () => {
    expect(
      businessHoursBetween(at('2026-11-24T12:00:00Z'), at('2026-11-24T12:00:00Z'), WARSAW),
    ).toBe(0);
    expect(
      businessHoursBetween(at('2026-11-24T12:00:00Z'), at('2026-11-24T10:00:00Z'), WARSAW),
    ).toBe(0);
    expect(
      businessHoursBetween(at('2026-11-21T08:00:00Z'), at('2026-11-22T20:00:00Z'), WARSAW),
    ).toBe(0);
  });
});
