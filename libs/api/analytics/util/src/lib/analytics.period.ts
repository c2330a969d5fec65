import { LRUCache } from 'lru-cache';
import {
  FILTER_KEYS,
  type AnalyticsFilters,
  type FilterKey,
  type IsoWeekRef,
} from '@returnlens/shared/contracts';
import {
  isoWeekBounds,
  isoWeekOf,
  lastCompleteIsoWeek,
  parseIsoWeek,
  weeksEndingWith,
} from '@returnlens/shared/metrics';
import type { CubeRange } from './cube';

/** A bad filter value, named: the controller answers 400 with it. */
export class FilterError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** The error's stable name and values: its message in the request's language. */
    readonly code?: string,
    readonly params?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

export const DEFAULT_WEEKS = 12;
const MAX_WEEKS = 520;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period as weeks: the ISO weeks, oldest first, with the range the cube reads. */
export interface ResolvedPeriod {
  readonly weeks: IsoWeekRef[];
  readonly range: CubeRange;
}

function weekOfParam(field: string, value: string, timeZone: string): IsoWeekRef {
  if (DATE.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    const noon = new Date(Date.UTC(y, m - 1, d, 12));
    if (noon.getUTCMonth() !== m - 1 || noon.getUTCDate() !== d)
      throw new FilterError(field, `"${value}" is not a calendar date`, 'not_a_date', { value });
    return isoWeekOf(noon, 'UTC');
  }
  try {
    return parseIsoWeek(value);
  } catch (error) {
    throw new FilterError(
      field,
      `${(error as Error).message} (or a date such as 2026-02-11) in the shop's time zone ${timeZone}`,
      'not_a_week',
      { value, timeZone },
    );
  }
}

/**
 * The weeks `filters.from`…`filters.to` cover; by default the 12 weeks ending with the
 * latest complete week — or with the week of the newest data when it stops earlier.
 */
export function resolvePeriod(
  filters: AnalyticsFilters,
  timeZone: string,
  now: Date,
  latestData: Date | null,
): ResolvedPeriod {
  // Time-zone arithmetic costs milliseconds; the answer changes at most every quarter hour
  // (every zone offset is a multiple of 15 minutes, so weeks turn on a quarter hour).
  const key = [
    filters.from,
    filters.to,
    timeZone,
    Math.floor(now.getTime() / 900_000),
    latestData?.getTime(),
  ].join('|');
  const cached = PERIODS.get(key);
  if (cached) return cached;
  const period = computePeriod(filters, timeZone, now, latestData);
  PERIODS.set(key, period);
  return period;
}

const PERIODS = new LRUCache<string, ResolvedPeriod>({ max: 1000 });

function computePeriod(
  filters: AnalyticsFilters,
  timeZone: string,
  now: Date,
  latestData: Date | null,
): ResolvedPeriod {
  let to: IsoWeekRef;
  if (filters.to) to = weekOfParam('to', filters.to, timeZone);
  else {
    const complete = lastCompleteIsoWeek(now, timeZone);
    const newest = latestData ? isoWeekOf(latestData, timeZone) : null;
    to = newest && newest.start < complete.start ? newest : complete;
  }
  const from = filters.from ? weekOfParam('from', filters.from, timeZone) : null;
  if (from && from.start > to.start)
    throw new FilterError(
      'from',
      `from (${from.week}) is after to (${to.week})`,
      'period_reversed',
      {
        from: from.week,
        to: to.week,
      },
    );
  const count = from
    ? Math.round((Date.parse(to.start) - Date.parse(from.start)) / (7 * 86_400_000)) + 1
    : DEFAULT_WEEKS;
  if (count > MAX_WEEKS)
    throw new FilterError(
      'from',
      `the period spans ${count} weeks; ask for at most ${MAX_WEEKS}`,
      'period_too_long',
      { count, max: MAX_WEEKS },
    );
  const weeks = weeksEndingWith(to, count);
  return {
    weeks,
    range: {
      fromWeek: weeks[0].start,
      toWeek: to.start,
      fromInstant: isoWeekBounds(weeks[0], timeZone).from,
      toInstant: isoWeekBounds(to, timeZone).to,
    },
  };
}

/** The filters as the cube takes them. */
export function cubeFilters(filters: AnalyticsFilters): Partial<Record<FilterKey, string[]>> {
  const out: Partial<Record<FilterKey, string[]>> = {};
  for (const key of FILTER_KEYS) {
    const v = filters[key];
    if (v && v.length) out[key] = [...v];
  }
  return out;
}
