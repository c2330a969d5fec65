import {
  isoWeekBounds,
  isoWeekOf,
  lastCompleteIsoWeek,
  parseIsoWeek,
  shiftIsoWeek,
  weeksEndingWith,
} from './iso-week';

describe('isoWeekOf', () => {
  it('puts a Monday in the week it starts', () => {
    expect(isoWeekOf(new Date('2026-11-23T12:00:00Z'), 'UTC')).toEqual({
      week: '2026-W48',
      start: '2026-11-23',
      end: '2026-11-29',
    });
  });

  it('gives 1 January 2027 (a Friday) to week 53 of 2026', () => {
    expect(isoWeekOf(new Date('2027-01-01T10:00:00Z'), 'UTC')).toEqual({
      week: '2026-W53',
      start: '2026-12-28',
      end: '2027-01-03',
    });
  });

  it('gives 29 December 2025 (a Monday) to week 1 of 2026', () => {
    expect(isoWeekOf(new Date('2025-12-29T00:00:00Z'), 'UTC').week).toBe('2026-W01');
  });

  it('buckets by the wall clock of the shop time zone', () => {
    const sundayNightUtc = new Date('2026-11-22T23:30:00Z'); // Monday 00:30 in Warsaw
    expect(isoWeekOf(sundayNightUtc, 'UTC').week).toBe('2026-W47');
    expect(isoWeekOf(sundayNightUtc, 'Europe/Warsaw').week).toBe('2026-W48');
    expect(isoWeekOf(new Date('2026-11-23T03:00:00Z'), 'America/New_York').week).toBe('2026-W47');
  });

  it('rejects an unknown time zone by name', () => {
    expect(() => isoWeekOf(new Date(), 'Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
  });
});

describe('parseIsoWeek', () => {
  it('parses a week into its Monday and Sunday', () => {
    expect(parseIsoWeek('2026-W01')).toEqual({
      week: '2026-W01',
      start: '2025-12-29',
      end: '2026-01-04',
    });
  });

  it('accepts week 53 only in years that have it', () => {
    expect(parseIsoWeek('2026-W53').start).toBe('2026-12-28');
    expect(() => parseIsoWeek('2025-W53')).toThrow('2025 has no ISO week 53');
  });

  it('rejects malformed and zero weeks', () => {
    expect(() => parseIsoWeek('2026-47')).toThrow('expected the form 2026-W07');
    expect(() => parseIsoWeek('2026-W00')).toThrow('has no ISO week 0');
  });
});

describe('week arithmetic', () => {
  it('shifts across a year boundary', () => {
    expect(shiftIsoWeek(parseIsoWeek('2026-W53'), 1).week).toBe('2027-W01');
    expect(shiftIsoWeek(parseIsoWeek('2027-W01'), -2).week).toBe('2026-W52');
  });

  it('lists consecutive weeks oldest first', () => {
    expect(weeksEndingWith(parseIsoWeek('2027-W02'), 4).map((w) => w.week)).toEqual([
      '2026-W52',
      '2026-W53',
      '2027-W01',
      '2027-W02',
    ]);
  });

  it('finds the last complete week before now', () => {
    expect(lastCompleteIsoWeek(new Date('2026-11-23T12:00:00Z'), 'UTC').week).toBe('2026-W47');
    expect(lastCompleteIsoWeek(new Date('2026-11-22T23:59:59Z'), 'UTC').week).toBe('2026-W46');
  });
});

describe('isoWeekBounds', () => {
  it('spans 168 hours in UTC', () => {
    const { from, to } = isoWeekBounds(parseIsoWeek('2026-W48'), 'UTC');
    expect(from.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(to.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('spans 169 hours in the week Warsaw leaves summer time', () => {
    const { from, to } = isoWeekBounds(parseIsoWeek('2026-W43'), 'Europe/Warsaw');
    expect(from.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(to.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(169);
  });

  it('spans 167 hours in the week Warsaw enters summer time', () => {
    const { from, to } = isoWeekBounds(parseIsoWeek('2026-W13'), 'Europe/Warsaw');
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(167);
  });
});
