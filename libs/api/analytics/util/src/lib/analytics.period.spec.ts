import { FilterError, resolvePeriod } from './analytics.period';

describe('resolvePeriod', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('defaults to the 12 weeks ending with the latest complete week', () => {
    const p = resolvePeriod({}, 'UTC', now, new Date('2026-11-24T00:00:00Z'));
    expect(p.weeks).toHaveLength(12);
    expect(p.weeks[11].week).toBe('2026-W47');
    expect(p.range.toInstant.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('ends with the newest data when the data stops earlier', () => {
    const p = resolvePeriod({}, 'UTC', now, new Date('2026-03-04T00:00:00Z'));
    expect(p.weeks[11].week).toBe('2026-W10');
  });

  it('takes weeks or dates, spanning a year boundary, in the shop time zone', () => {
    const p = resolvePeriod({ from: '2025-12-24', to: '2026-W01' }, 'Europe/Warsaw', now, null);
    expect(p.weeks.map((w) => w.week)).toEqual(['2025-W52', '2026-W01']);
    // Monday 22 December 2025 00:00 in Warsaw is 23:00 UTC the day before.
    expect(p.range.fromInstant.toISOString()).toBe('2025-12-21T23:00:00.000Z');
  });

  it('names the bad parameter', () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as FilterError;
      }
      throw new Error('no error');
    };
    expect(
      error(() => resolvePeriod({ from: '2026-W10', to: '2026-W09' }, 'UTC', now, null)).field,
    ).toBe('from');
    expect(error(() => resolvePeriod({ to: '2026-02-30' }, 'UTC', now, null)).field).toBe('to');
  });
});
