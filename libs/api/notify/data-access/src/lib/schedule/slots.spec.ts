import { latestSlot, nextSlot } from './slots';

const at = (iso: string) => new Date(iso);
const weekly = (weekday: number, hour: number) => ({ frequency: 'weekly' as const, weekday, hour });
const daily = (hour: number) => ({ frequency: 'daily' as const, weekday: 1, hour });

describe('digest slots', () => {
  it('finds the next weekly slot in the shop time zone', () => {
    // Wednesday 2026-12-02 10:00 UTC = 11:00 in Warsaw (CET, UTC+1).
    const now = at('2026-12-02T10:00:00Z');
    // Monday 08:00 Warsaw = 07:00 UTC, the coming Monday.
    expect(nextSlot(weekly(1, 8), 'Europe/Warsaw', now).toISOString()).toBe(
      '2026-12-07T07:00:00.000Z',
    );
    // Wednesday 12:00 Warsaw: later the same day.
    expect(nextSlot(weekly(3, 12), 'Europe/Warsaw', now).toISOString()).toBe(
      '2026-12-02T11:00:00.000Z',
    );
    // Wednesday 11:00 Warsaw is exactly now: strictly after, so a week later.
    expect(nextSlot(weekly(3, 11), 'Europe/Warsaw', now).toISOString()).toBe(
      '2026-12-09T10:00:00.000Z',
    );
    // Sunday (7) in New York (EST, UTC-5) at 23:00 = Monday 04:00 UTC.
    expect(nextSlot(weekly(7, 23), 'America/New_York', now).toISOString()).toBe(
      '2026-12-07T04:00:00.000Z',
    );
  });

  it('finds the next daily slot, across midnight in the zone', () => {
    // 23:30 UTC on Dec 2 is 08:30 on Dec 3 in Tokyo (UTC+9).
    const now = at('2026-12-02T23:30:00Z');
    expect(nextSlot(daily(8), 'Asia/Tokyo', now).toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(nextSlot(daily(9), 'Asia/Tokyo', now).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(nextSlot(daily(0), 'UTC', now).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('keeps the local hour across daylight saving time', () => {
    // Europe/Warsaw springs forward on Sunday 2026-03-29 (02:00 → 03:00), falls back on 2026-10-25.
    const before = at('2026-03-27T12:00:00Z');
    expect(nextSlot(daily(8), 'Europe/Warsaw', before).toISOString()).toBe(
      '2026-03-28T07:00:00.000Z', // CET
    );
    expect(nextSlot(daily(8), 'Europe/Warsaw', at('2026-03-28T07:00:00Z')).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z', // CEST: 08:00 is 06:00 UTC from that day
    );
    // Weekly on Monday 08:00: the week across the change is 167 hours long.
    const monday = nextSlot(weekly(1, 8), 'Europe/Warsaw', before);
    const next = nextSlot(weekly(1, 8), 'Europe/Warsaw', monday);
    expect(monday.toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect((next.getTime() - monday.getTime()) / 3_600_000).toBe(168);
    const sundayBefore = nextSlot(weekly(7, 8), 'Europe/Warsaw', at('2026-03-22T08:00:00Z'));
    expect(sundayBefore.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect((sundayBefore.getTime() - at('2026-03-22T07:00:00Z').getTime()) / 3_600_000).toBe(167);
    // Autumn: 08:00 CET again, a 25-hour day before it.
    expect(nextSlot(daily(8), 'Europe/Warsaw', at('2026-10-24T07:00:00Z')).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
  });

  it('places an hour that does not exist (the spring gap) after the gap, and one that repeats once', () => {
    // 02:00 does not exist in Warsaw on 2026-03-29: the slot is 03:00 CEST = 01:00 UTC.
    const gap = nextSlot(daily(2), 'Europe/Warsaw', at('2026-03-28T12:00:00Z'));
    expect(gap.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // The day after, 02:00 CEST = 00:00 UTC.
    expect(nextSlot(daily(2), 'Europe/Warsaw', gap).toISOString()).toBe('2026-03-30T00:00:00.000Z');
    // 02:00 happens twice on 2026-10-25: one slot that day, then the next day's.
    const first = nextSlot(daily(2), 'Europe/Warsaw', at('2026-10-24T12:00:00Z'));
    const second = nextSlot(daily(2), 'Europe/Warsaw', first);
    expect(first.toISOString().slice(0, 10)).toBe('2026-10-25');
    expect(['2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z']).toContain(first.toISOString());
    expect(second.toISOString()).toBe('2026-10-26T01:00:00.000Z');
  });

  it('gives the latest slot due, for a scheduler that was down over several slots', () => {
    const now = at('2026-12-16T09:00:00Z'); // Wednesday
    expect(latestSlot(weekly(1, 8), 'UTC', now).toISOString()).toBe('2026-12-14T08:00:00.000Z');
    expect(latestSlot(daily(8), 'UTC', now).toISOString()).toBe('2026-12-16T08:00:00.000Z');
    expect(latestSlot(daily(10), 'UTC', now).toISOString()).toBe('2026-12-15T10:00:00.000Z');
    expect(latestSlot(daily(9), 'UTC', now).toISOString()).toBe('2026-12-16T09:00:00.000Z');
    // Every slot is the next of the one before it.
    const slot = latestSlot(weekly(5, 17), 'America/New_York', now);
    expect(nextSlot(weekly(5, 17), 'America/New_York', slot).getTime()).toBeGreaterThan(
      now.getTime(),
    );
  });
});
