import { calendarHoursBetween } from './durations';
import { isAtRisk, slaAttainment } from './sla';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-23T12:00:00Z');

describe('slaAttainment (first response ≤ 24 h)', () => {
  it('counts late and overdue-open cases as breached and leaves open cases before their deadline out', () => {
    const outcome = slaAttainment(
      [
        { start: at('2026-11-20T08:00:00Z'), done: at('2026-11-20T18:00:00Z') }, // 10 h: met
        { start: at('2026-11-20T08:00:00Z'), done: at('2026-11-21T14:00:00Z') }, // 30 h: breached
        { start: at('2026-11-21T00:00:00Z'), done: null }, // open for 60 h: breached
        { start: at('2026-11-23T00:00:00Z'), done: null }, // open for 12 h: pending
        { start: at('2026-11-22T12:00:00Z'), done: at('2026-11-23T12:00:00Z') }, // exactly 24 h: met
      ],
      24,
      NOW,
      calendarHoursBetween,
    );
    expect(outcome).toEqual({ met: 2, breached: 2, pending: 1, attainment: 0.5 });
  });

  it('has no attainment when nothing is decided yet', () => {
    expect(
      slaAttainment([{ start: NOW, done: null }], 24, NOW, calendarHoursBetween).attainment,
    ).toBeNull();
    expect(slaAttainment([], 24, NOW, calendarHoursBetween)).toEqual({
      met: 0,
      breached: 0,
      pending: 0,
      attainment: null,
    });
  });
});

describe('isAtRisk', () => {
  it('flags open cases within the warning window of their deadline', () => {
    expect(
      isAtRisk({ start: at('2026-11-22T14:00:00Z'), done: null }, 24, NOW, 4, calendarHoursBetween),
    ).toBe(true);
    expect(
      isAtRisk({ start: at('2026-11-23T00:00:00Z'), done: null }, 24, NOW, 4, calendarHoursBetween),
    ).toBe(false);
    expect(
      isAtRisk({ start: at('2026-11-21T00:00:00Z'), done: null }, 24, NOW, 4, calendarHoursBetween),
    ).toBe(false); // already breached
    expect(
      isAtRisk({ start: at('2026-11-22T14:00:00Z'), done: NOW }, 24, NOW, 4, calendarHoursBetween),
    ).toBe(false);
  });
});
