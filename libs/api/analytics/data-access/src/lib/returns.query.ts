import { Injectable } from '@nestjs/common';
import {
  RETURN_TYPES,
  type AnalyticsFilters,
  type CohortReturnRates,
  type CohortWeek,
  type ReturnRateBy,
  type ReturnRateReport,
} from '@returnlens/shared/contracts';
import {
  cohortMature,
  isoWeekBounds,
  isoWeekOf,
  parseIsoWeek,
  wilsonInterval,
} from '@returnlens/shared/metrics';
import { minuteNow } from '@returnlens/api/shared/util';
import { AnalyticsReader, sum, type Context } from './analytics-reader';

const DIMENSION = { supplier: 'supplier_id', product: 'sku', category: 'category' } as const;

/**
 * Return rate by order cohort (docs/metrics.md, "Return rate"): the units of a week's orders
 * that came back (return, defective return, exchange — whenever they were opened) ÷ the units
 * ordered that week. A cohort is mature once its return window has passed after the week;
 * before, its rate is shown as "so far" and never tested.
 */
@Injectable()
export class ReturnsQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  /** The period's cohort weeks for the shop (or the filtered slice). */
  async cohorts(ctx: Context, now = minuteNow()): Promise<CohortReturnRates> {
    const [settings, asOf, returned, sold, opened] = await Promise.all([
      this.reader.reportingSettings(),
      this.reader.knownThrough(now),
      this.reader.cube(ctx, 'returns', ['week'], ['returned_units']),
      this.reader.cube(ctx, 'sales', ['week'], ['units']),
      this.returnsOpened(ctx),
    ]);
    const returnedPerWeek = this.reader.series(ctx, returned, 'returned_units');
    const soldPerWeek = this.reader.series(ctx, sold, 'units');
    return {
      returnWindowDays: settings.returnWindowDays,
      asOf,
      weeks: ctx.period.weeks.map((week, i) => ({
        week,
        unitsSold: soldPerWeek[i],
        returnedUnits: returnedPerWeek[i],
        rate: soldPerWeek[i] === 0 ? null : returnedPerWeek[i] / soldPerWeek[i],
        mature: cohortMature(week.start, settings.returnWindowDays, asOf),
      })),
      ...opened,
    };
  }

  /**
   * The latest mature cohort week no later than the period's end (when the period's own weeks
   * are all still in their return window), or null when there is none.
   */
  async latestMatureBefore(ctx: Context, now = minuteNow()): Promise<CohortWeek | null> {
    const [settings, asOf] = await Promise.all([
      this.reader.reportingSettings(),
      this.reader.knownThrough(now),
    ]);
    const latest = isoWeekOf(
      new Date(Date.parse(`${asOf}T12:00:00Z`) - (settings.returnWindowDays + 7) * 86_400_000),
      'UTC',
    );
    const end = ctx.period.weeks[ctx.period.weeks.length - 1];
    const week = latest.start <= end.start ? latest : end;
    if (!cohortMature(week.start, settings.returnWindowDays, asOf)) return null;
    const bounds = isoWeekBounds(parseIsoWeek(week.week), this.reader.tz);
    const range = {
      fromWeek: week.start,
      toWeek: week.start,
      fromInstant: bounds.from,
      toInstant: bounds.to,
    };
    const [returned, sold] = await Promise.all([
      this.reader.cube(ctx, 'returns', [], ['returned_units'], { range }),
      this.reader.cube(ctx, 'sales', [], ['units'], { range }),
    ]);
    const unitsSold = sum(sold, 'units');
    const returnedUnits = sum(returned, 'returned_units');
    return {
      week,
      unitsSold,
      returnedUnits,
      rate: unitsSold === 0 ? null : returnedUnits / unitsSold,
      mature: true,
    };
  }

  /** Return rate per supplier, product or category over the mature cohorts of the period. */
  async returnRates(
    filters: AnalyticsFilters,
    by: ReturnRateBy,
    now = minuteNow(),
  ): Promise<ReturnRateReport> {
    const ctx = await this.reader.context(filters, now);
    const dim = DIMENSION[by];
    const [cohorts, returned, sold] = await Promise.all([
      this.cohorts(ctx, now),
      this.reader.cube(ctx, 'returns', ['week', dim], ['returned_units']),
      this.reader.cube(ctx, 'sales', ['week', dim], ['units']),
    ]);
    const mature = new Set(cohorts.weeks.filter((w) => w.mature).map((w) => w.week.start));
    const totals = new Map<string, [number, number, number, number]>();
    const add = (key: string, week: string, slot: 0 | 2, value: number) => {
      if (key === '') return;
      const t = totals.get(key) ?? [0, 0, 0, 0];
      t[slot + (mature.has(week) ? 0 : 1)] += value;
      totals.set(key, t);
    };
    for (const r of sold) add(r[dim], r.week, 0, r.units);
    for (const r of returned) add(r[dim], r.week, 2, r.returned_units);
    const names =
      by === 'category'
        ? new Map<string, string>()
        : await this.reader.names(by === 'supplier' ? 'suppliers' : 'products', [...totals.keys()]);
    const rows = [...totals].map(([key, [sold, soldLate, back, backLate]]) => ({
      key,
      label: names.get(key) ?? key,
      unitsSold: sold,
      returnedUnits: back,
      rate: sold === 0 ? null : back / sold,
      ci95: sold === 0 ? null : wilsonInterval(Math.min(back, sold), sold),
      immatureUnitsSold: soldLate,
      immatureReturnedUnits: backLate,
    }));
    // Highest first by the interval's lower bound: a handful of units never tops the list.
    rows.sort((a, b) => (b.ci95?.lower ?? -1) - (a.ci95?.lower ?? -1) || b.unitsSold - a.unitsSold);
    return { period: this.reader.periodOf(ctx), by, cohorts, rows };
  }

  /**
   * Returns opened in the period, and those of them whose order line is unknown (no sales
   * line of their order and SKU): the cohort rate cannot count those, so the report says how
   * many there are.
   */
  private async returnsOpened(
    ctx: Context,
  ): Promise<Pick<CohortReturnRates, 'returnsOpened' | 'unmatchedReturns'>> {
    const weeks = ctx.period.weeks.map((w) => w.start);
    const [opened, matched] = await Promise.all([
      this.reader.cube(ctx, 'claims', [], ['claims'], { where: { type: [...RETURN_TYPES] } }),
      this.reader.cube(ctx, 'returns', [], ['return_claims'], {
        where: { opened_week: weeks },
        range: {
          ...ctx.period.range,
          fromWeek: '1970-01-05',
          fromInstant: new Date('1970-01-05T00:00:00Z'),
        },
      }),
    ]);
    const returnsOpened = sum(opened, 'claims');
    return {
      returnsOpened,
      unmatchedReturns: Math.max(0, returnsOpened - sum(matched, 'return_claims')),
    };
  }
}
