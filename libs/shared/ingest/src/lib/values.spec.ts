import {
  parseCurrency,
  parseDecimal,
  parseInteger,
  parseTimestamp,
  wallClockToUtc,
} from './values';

const utc = { format: 'auto', timeZone: 'UTC' } as const;
const iso = (text: string, options: Parameters<typeof parseTimestamp>[1] = utc) => {
  const parsed = parseTimestamp(text, options);
  return parsed.ok ? parsed.value.toISOString() : parsed.message;
};

describe('parseTimestamp', () => {
  it('reads ISO dates, with and without time and offset', () => {
    expect(iso('2026-03-14')).toBe('2026-03-14T00:00:00.000Z');
    expect(iso('2026-03-14T10:30')).toBe('2026-03-14T10:30:00.000Z');
    expect(iso('2026-03-14 10:30:15.250')).toBe('2026-03-14T10:30:15.250Z');
    expect(iso('2026-03-14T10:30:00+02:00')).toBe('2026-03-14T08:30:00.000Z');
    expect(iso('2026-03-14T10:30:00-0330')).toBe('2026-03-14T14:00:00.000Z');
    expect(iso('2026-03-14T10:30:00Z')).toBe('2026-03-14T10:30:00.000Z');
  });

  it('reads dd.mm.yyyy and m/d/yyyy h:mm AM/PM', () => {
    expect(iso('14.03.2026')).toBe('2026-03-14T00:00:00.000Z');
    expect(iso('4.3.2026 9:05')).toBe('2026-03-04T09:05:00.000Z');
    expect(iso('3/14/2026 1:30 PM')).toBe('2026-03-14T13:30:00.000Z');
    expect(iso('3/14/2026 12:10 AM')).toBe('2026-03-14T00:10:00.000Z');
    expect(iso('03/04/2026')).toBe('2026-03-04T00:00:00.000Z'); // month first by default
    expect(iso('03/04/2026', { format: 'dd/mm/yyyy', timeZone: 'UTC' })).toBe(
      '2026-04-03T00:00:00.000Z',
    );
    expect(iso('14/03/2026')).toBe('2026-03-14T00:00:00.000Z'); // 14 cannot be a month
  });

  it('reads Unix seconds and milliseconds', () => {
    expect(iso('1773484200')).toBe('2026-03-14T10:30:00.000Z');
    expect(iso('1773484200.5')).toBe('2026-03-14T10:30:00.500Z');
    expect(iso('1773484200000')).toBe('2026-03-14T10:30:00.000Z');
  });

  it('puts wall-clock times in the given zone, across daylight saving changes', () => {
    const warsaw = { format: 'auto', timeZone: 'Europe/Warsaw' } as const;
    expect(iso('14.03.2026 10:00', warsaw)).toBe('2026-03-14T09:00:00.000Z'); // CET, UTC+1
    expect(iso('2026-07-01 10:00', warsaw)).toBe('2026-07-01T08:00:00.000Z'); // CEST, UTC+2
    expect(iso('2026-03-29 03:30', warsaw)).toBe('2026-03-29T01:30:00.000Z'); // first hour of CEST
    expect(iso('2026-10-25 01:30', warsaw)).toBe('2026-10-24T23:30:00.000Z');
    expect(iso('2026-03-14T10:00:00Z', warsaw)).toBe('2026-03-14T10:00:00.000Z'); // an offset wins
  });

  it('refuses what is not a date, in words', () => {
    expect(iso('yesterday')).toBe(
      '"yesterday" is not a date such as 2026-03-14, 14.03.2026, 3/14/2026 10:30 or a Unix time',
    );
    expect(iso('31.02.2026')).toBe('"31.02.2026" is not a real date or time');
    expect(iso('2026-03-14', { format: 'dd.mm.yyyy', timeZone: 'UTC' })).toBe(
      '"2026-03-14" is not a date in the form dd.mm.yyyy',
    );
    expect(iso('13/14/2026 1:00 PM')).toBe('"13/14/2026 1:00 PM" is not a real date or time');
  });

  it('refuses a time-zone offset no place uses, saying which offsets are valid', () => {
    const rule = 'an offset lies between -12:00 and +14:00, and its minutes are 00, 15, 30 or 45';
    expect(iso('2026-03-14T10:30:00+25:00')).toBe(
      `"2026-03-14T10:30:00+25:00" has the time-zone offset +25:00, which no place uses: ${rule}`,
    );
    expect(iso('2026-03-14T10:30:00+14:30')).toContain('has the time-zone offset +14:30');
    expect(iso('2026-03-14T10:30:00-12:15')).toContain('has the time-zone offset -12:15');
    expect(iso('2026-03-14T10:30:00+02:60')).toContain('has the time-zone offset +02:60');
    expect(iso('2026-03-14T10:30:00+0210')).toContain('has the time-zone offset +0210');
    expect(iso('2026-03-14T10:30:00+99')).toContain('has the time-zone offset +99');
  });

  it('accepts every offset from -12:00 to +14:00 in quarter hours', () => {
    expect(iso('2026-03-14T10:30:00+14:00')).toBe('2026-03-13T20:30:00.000Z');
    expect(iso('2026-03-14T10:30:00-12:00')).toBe('2026-03-14T22:30:00.000Z');
    expect(iso('2026-03-14T10:30:00+05:45')).toBe('2026-03-14T04:45:00.000Z');
    expect(iso('2026-03-14T10:30:00+1245')).toBe('2026-03-13T21:45:00.000Z');
    expect(iso('2026-03-14T10:30:00-00:00')).toBe('2026-03-14T10:30:00.000Z');
    expect(iso('2026-03-14T10:30:00+05')).toBe('2026-03-14T05:30:00.000Z');
  });

  it('converts local time with the zone offset of that instant', () => {
    expect(new Date(wallClockToUtc(2026, 1, 1, 12, 0, 0, 0, 'Asia/Jerusalem')).toISOString()).toBe(
      '2026-01-01T10:00:00.000Z',
    );
    expect(
      new Date(wallClockToUtc(2026, 1, 1, 12, 0, 0, 0, 'America/Sao_Paulo')).toISOString(),
    ).toBe('2026-01-01T15:00:00.000Z');
  });
});

describe('wallClockToUtc where the clocks change', () => {
  const at = (zone: string, ...t: [number, number, number, number, number]) =>
    new Date(wallClockToUtc(...t, 0, 0, zone)).toISOString();

  it('moves a skipped time and picks one reading of a repeated time, as documented', () => {
    expect(at('Europe/Warsaw', 2026, 3, 29, 2, 30)).toBe('2026-03-29T01:30:00.000Z');
    expect(at('Europe/Warsaw', 2026, 10, 25, 2, 30)).toBe('2026-10-25T01:30:00.000Z');
    expect(at('America/New_York', 2026, 3, 8, 2, 30)).toBe('2026-03-08T06:30:00.000Z');
    expect(at('America/New_York', 2026, 11, 1, 1, 30)).toBe('2026-11-01T05:30:00.000Z');
  });

  it('gives the same answer whatever was converted before, where the offset changes mid-hour', () => {
    // Adelaide leaves daylight time at 16:30 UTC, so one UTC hour has two offsets.
    at('Australia/Adelaide', 2026, 4, 5, 2, 10);
    expect(at('Australia/Adelaide', 2026, 4, 5, 1, 50)).toBe('2026-04-04T15:20:00.000Z');
  });

  it('refuses a time zone Intl does not know', () => {
    expect(() => at('Klingon/Qonos', 2026, 1, 1, 12, 0)).toThrow(RangeError);
    expect(() => at('+02:00', 2026, 1, 1, 12, 0)).toThrow(RangeError);
  });
});

describe('parseDecimal', () => {
  const value = (text: string, sep: '.' | ',' | 'auto' = 'auto') => {
    const parsed = parseDecimal(text, sep);
    return parsed.ok ? parsed.value : parsed.message;
  };

  it('understands decimal points, decimal commas and grouping', () => {
    expect(value('12.50')).toBe('12.50');
    expect(value('12,50')).toBe('12.50');
    expect(value('1 234,56')).toBe('1234.56');
    expect(value('1.234,56')).toBe('1234.56');
    expect(value('1,234.56')).toBe('1234.56');
    expect(value('1,234,567')).toBe('1234567');
    expect(value('€ 12.50')).toBe('12.50');
    expect(value('49,99 zł')).toBe('49.99');
    expect(value('1,234', '.')).toBe('1234');
  });

  it('refuses text that is not a number', () => {
    expect(value('twelve')).toBe('"twelve" is not a number');
    expect(value('1.2.3,4,5')).toBe('"1.2.3,4,5" is not a number');
  });
});

describe('parseInteger and parseCurrency', () => {
  it('reads whole numbers, also written as 2.0', () => {
    expect(parseInteger('2')).toEqual({ ok: true, value: 2 });
    expect(parseInteger('2.0')).toEqual({ ok: true, value: 2 });
    expect(parseInteger('2.5')).toEqual({
      ok: false,
      message: '"2.5" is not a whole number',
      code: 'row.notAWholeNumber',
      params: { value: '2.5' },
    });
  });

  it('reads currency codes and the usual symbols', () => {
    expect(parseCurrency('eur')).toEqual({ ok: true, value: 'EUR' });
    expect(parseCurrency('zł')).toEqual({ ok: true, value: 'PLN' });
    expect(parseCurrency('₪')).toEqual({ ok: true, value: 'ILS' });
    expect(parseCurrency('euro').ok).toBe(false);
  });
});
