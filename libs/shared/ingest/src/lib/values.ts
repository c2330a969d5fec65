import { tzOffset } from '@date-fns/tz';
import type { DateFormat } from '@returnlens/shared/contracts';
import { LRUCache } from 'lru-cache';

/** The values a problem's message puts in, by name (RowError.params). */
export type ProblemParams = Readonly<Record<string, string | number>>;

/**
 * A parse result: the value, or a message saying in plain words what is wrong (English), with
 * the problem's stable code and values, from which the message is written in other languages.
 */
export type Parsed<T> =
  { ok: true; value: T } | { ok: false; message: string; code: string; params: ProblemParams };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string, code: string, params: ProblemParams = {}): Parsed<never> => ({
  ok: false,
  message,
  code,
  params,
});

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const UNIX = /^(\d{9,10})(?:\.(\d{1,6}))?$/;
const UNIX_MS = /^\d{13}$/;

const HOUR_MS = 3_600_000;
/** Per time zone: UTC hour → offset in ms, for hours in which the offset does not change. */
const offsetsByZone = new Map<string, LRUCache<number, number>>();

function offsetMs(timeZone: string, utcMs: number): number {
  // Whole seconds: the offsets of old local mean times have seconds, and tzOffset gives minutes.
  return Math.round(tzOffset(timeZone, new Date(utcMs)) * 60) * 1000;
}

/**
 * Offset of `timeZone` from UTC at `utcMs`, in ms. This runs for every timestamp of every
 * row: tzOffset formats a date with Intl each time (about 0.36 M conversions/s, against
 * 3.3 M/s with this cache). An hour in which the offset changes is not cached: Adelaide or
 * St. John's change it at half past a UTC hour.
 */
function offsetAt(timeZone: string, utcMs: number): number {
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) {
    // Throws a RangeError for a zone Intl does not know (tzOffset would answer NaN, and
    // would take "+02:00" for a zone).
    new Intl.DateTimeFormat('en-US', { timeZone });
    offsets = new LRUCache({ max: 50_000 });
    offsetsByZone.set(timeZone, offsets);
  }
  const hour = Math.floor(utcMs / HOUR_MS);
  const cached = offsets.get(hour);
  if (cached !== undefined) return cached;
  const offset = offsetMs(timeZone, utcMs);
  if (
    offsetMs(timeZone, hour * HOUR_MS) === offset &&
    offsetMs(timeZone, (hour + 1) * HOUR_MS - 1) === offset
  ) {
    offsets.set(hour, offset);
  }
  return offset;
}

/**
 * The instant at which the wall clock of `timeZone` shows the given time: the time read as
 * UTC, less the offset at the instant that the offset at that time gives. A time that
 * occurs twice when the clocks go back reads as the later one east of UTC (Warsaw 02:30 →
 * CET) and the earlier one west of it (New York 01:30 → EDT); one the clocks skip moves an
 * hour forward east of UTC (Warsaw 02:30 → 03:30 CEST) and back west of it (New York
 * 02:30 → 01:30 EST).
 */
export function wallClockToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  timeZone: string,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (timeZone === 'UTC') return asUtc;
  const first = asUtc - offsetAt(timeZone, asUtc);
  const second_ = asUtc - offsetAt(timeZone, first);
  return second_;
}

function validDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What a valid UTC offset is, as the error message says it. */
export const OFFSET_RULE =
  'an offset lies between -12:00 and +14:00, and its minutes are 00, 15, 30 or 45';

/**
 * The minutes east of UTC of an ISO 8601 offset (`Z`, `±hh`, `±hhmm`, `±hh:mm`), or null
 * when no clock could show it: real offsets run from -12:00 (Baker Island) to +14:00
 * (Kiribati), in whole quarter hours (+05:45 Nepal, +12:45 Chatham Islands).
 */
export function offsetMinutes(offset: string): number | null {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.replace(/[^\d]/g, '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || 0);
  if (minutes % 15 !== 0 || minutes > 45) return null;
  const total = sign * (hours * 60 + minutes);
  if (total < -12 * 60 || total > 14 * 60) return null;
  return total;
}

export interface TimestampOptions {
  readonly format: DateFormat;
  readonly timeZone: string;
}

/**
 * Reads a timestamp in any of the styles shops export: ISO 8601 (with or without time and
 * offset), `dd.mm.yyyy [hh:mm[:ss]]`, `m/d/yyyy [h:mm [AM|PM]]` (or `dd/mm/yyyy` when
 * declared), Unix seconds or milliseconds. Times without an offset are wall-clock times
 * in `timeZone`.
 */
export function parseTimestamp(text: string, options: TimestampOptions): Parsed<Date> {
  const value = text.trim();
  const { format, timeZone } = options;
  let m: RegExpExecArray | null;

  if ((format === 'auto' || format === 'unix') && (m = UNIX.exec(value))) {
    return ok(new Date(Number(m[1]) * 1000 + Math.round(Number(`0.${m[2] ?? '0'}`) * 1000)));
  }
  if ((format === 'auto' || format === 'unix') && UNIX_MS.test(value))
    return ok(new Date(Number(value)));
  if (format === 'unix')
    return fail(`"${value}" is not a Unix time in seconds`, 'row.notUnixTime', { value });

  let parts: [number, number, number, number, number, number, number] | null = null;
  let offset: string | undefined;
  if ((format === 'auto' || format === 'iso') && (m = ISO.exec(value))) {
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    parts = [
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      ms,
    ];
    offset = m[8];
  } else if ((format === 'auto' || format === 'dd.mm.yyyy') && (m = DOTTED.exec(value))) {
    parts = [
      Number(m[3]),
      Number(m[2]),
      Number(m[1]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      0,
    ];
  } else if (
    (format === 'auto' || format === 'm/d/yyyy' || format === 'dd/mm/yyyy') &&
    (m = SLASHED.exec(value))
  ) {
    let [a, b] = [Number(m[1]), Number(m[2])];
    // m/d/yyyy unless declared dd/mm/yyyy, or unless the first number cannot be a month.
    const dayFirst = format === 'dd/mm/yyyy' || (format === 'auto' && a > 12);
    if (dayFirst) [a, b] = [b, a];
    let hour = Number(m[4] ?? 0);
    const meridiem = m[7]?.toLowerCase();
    if (meridiem) {
      if (hour < 1 || hour > 12)
        return fail(
          `"${value}" has hour ${hour} with ${meridiem.toUpperCase()}`,
          'row.hourMeridiem',
          {
            value,
            hour,
            meridiem: meridiem.toUpperCase(),
          },
        );
      hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    }
    parts = [Number(m[3]), a, b, hour, Number(m[5] ?? 0), Number(m[6] ?? 0), 0];
  }
  if (!parts) {
    return format === 'auto'
      ? fail(
          `"${value}" is not a date such as 2026-03-14, 14.03.2026, 3/14/2026 10:30 or a Unix time`,
          'row.notADate',
          { value },
        )
      : fail(`"${value}" is not a date in the form ${format}`, 'row.notADateInFormat', {
          value,
          format,
        });
  }
  const [year, month, day, hour, minute, second, ms] = parts;
  if (!validDate(year, month, day, hour, minute, second))
    return fail(`"${value}" is not a real date or time`, 'row.notARealDate', { value });
  if (offset) {
    const minutes = offsetMinutes(offset);
    if (minutes === null) {
      return fail(
        `"${value}" has the time-zone offset ${offset}, which no place uses: ${OFFSET_RULE}`,
        'row.offsetUnused',
        { value, offset },
      );
    }
    return ok(
      new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - minutes * 60_000),
    );
  }
  return ok(new Date(wallClockToUtc(year, month, day, hour, minute, second, ms, timeZone)));
}

/**
 * Reads an amount: "12.50", "12,50", "1 234,56", "1,234.56", "€ 12.50". With `auto`, the
 * last of `.` and `,` is the decimal mark when both appear; a single comma is a decimal
 * comma; repeated commas group thousands.
 */
export function parseDecimal(text: string, separator: '.' | ',' | 'auto' = 'auto'): Parsed<string> {
  let value = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  value = value.replace(/^(?:[A-Za-z]{3}|[€$£₽₪]|zł|R\$)|(?:[A-Za-z]{3}|[€$£₽₪]|zł)$/gu, '');
  if (!/^[+-]?[\d.,]+$/.test(value) || !/\d/.test(value))
    return fail(`"${text}" is not a number`, 'row.notANumber', { value: text });
  let decimal = separator;
  if (decimal === 'auto') {
    const lastDot = value.lastIndexOf('.');
    const lastComma = value.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
    else if (lastComma >= 0) decimal = (value.match(/,/g)?.length ?? 0) > 1 ? '.' : ',';
    else decimal = '.';
  }
  const group = decimal === '.' ? ',' : '.';
  const normalised = value.split(group).join('').replace(decimal, '.');
  if (!/^[+-]?\d+(\.\d+)?$/.test(normalised))
    return fail(`"${text}" is not a number`, 'row.notANumber', { value: text });
  return ok(normalised.replace(/^\+/, ''));
}

export function parseInteger(text: string): Parsed<number> {
  const value = text.trim();
  if (!/^[+-]?\d+(?:[.,]0+)?$/.test(value))
    return fail(`"${text}" is not a whole number`, 'row.notAWholeNumber', { value: text });
  const number = Number.parseInt(value, 10);
  if (!Number.isSafeInteger(number))
    return fail(`"${text}" is too large`, 'row.tooLarge', { value: text });
  return ok(number);
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  $: 'USD',
  '£': 'GBP',
  zł: 'PLN',
  '₽': 'RUB',
  '₪': 'ILS',
  R$: 'BRL',
};

export function parseCurrency(text: string): Parsed<string> {
  const value = text.trim();
  const symbol = CURRENCY_SYMBOLS[value.toLowerCase() === 'zł' ? 'zł' : value];
  if (symbol) return ok(symbol);
  if (/^[A-Za-z]{3}$/.test(value)) return ok(value.toUpperCase());
  return fail(`"${text}" is not a currency code such as EUR, PLN or USD`, 'row.notACurrency', {
    value: text,
  });
}

export function parseCountry(text: string): Parsed<string> {
  const value = text.trim();
  if (/^[A-Za-z]{2}$/.test(value)) return ok(value.toUpperCase());
  return fail(
    `"${text}" is not a two-letter country code such as DE, PL or PT`,
    'row.notACountry',
    { value: text },
  );
}
