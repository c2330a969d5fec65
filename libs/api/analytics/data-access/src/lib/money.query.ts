import { Injectable } from '@nestjs/common';
import {
  RESOLUTION_OUTCOMES,
  reasonLabel,
  type AnalyticsFilters,
  type CostOfQualityRow,
  type IsoWeekRef,
  type KpiComparison,
  type MoneyReport,
  type MoneyWeekRow,
  type ResolutionAmountRow,
  type ResolutionMixRow,
  type ResolutionOutcome,
  type ResolutionsReport,
  type SupplierResolutionsReport,
} from '@returnlens/shared/contracts';
import { compareValueWithBaseline, isoWeekBounds } from '@returnlens/shared/metrics';
import type { Dimension, Measure } from '@returnlens/api/analytics/util';
import { minuteNow } from '@returnlens/api/shared/util';
import { AnalyticsReader, type Context, type Row } from './analytics-reader';

const MIX_MEASURES: Measure[] = [
  'claims',
  'units',
  'refund_claims',
  'refund_amount',
  'cost_claims',
  'cost_amount',
];
const MONEY_MEASURES: Measure[] = [
  'claims',
  'refund_claims',
  'refund_amount',
  'cost_claims',
  'cost_amount',
];

/** Money is reported in cents: sums of numeric(14, 2) read as float8, rounded back. */
const cents = (v: number) => Math.round(v * 100) / 100;

/** Whether week `w` is over at `now` in time zone `tz`. */
const isComplete = (w: IsoWeekRef, tz: string, now: Date) =>
  isoWeekBounds(w, tz).to.getTime() <= now.getTime();

/**
 * The resolution mix (how claims ended, by opening week, reason and supplier) and the money
 * claims cost the shop: refunds paid by the week they were paid, handling costs by the week
 * the claim was resolved (docs/metrics.md, "Money and resolutions").
 */
@Injectable()
export class MoneyQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  async resolutions(filters: AnalyticsFilters, now = minuteNow()): Promise<ResolutionsReport> {
    const ctx = await this.reader.context(filters, now);
    const [weekly, byReason, bySupplier] = await Promise.all([
      this.reader.cube(ctx, 'claims', ['week', 'resolution', 'currency'], MIX_MEASURES),
      this.reader.cube(ctx, 'claims', ['reason_code', 'resolution', 'currency'], MIX_MEASURES),
      this.reader.cube(ctx, 'claims', ['supplier_id', 'resolution', 'currency'], MIX_MEASURES),
    ]);
    const weeks = ctx.period.weeks.map((w) => w.start);
    const complete = new Map(
      ctx.period.weeks.map((w) => [w.start, isComplete(w, this.reader.tz, now)]),
    );
    return {
      period: this.reader.periodOf(ctx),
      weekly: mix(weekly, 'week', weeks).map(({ key, ...row }) => ({
        week: key,
        complete: complete.get(key) ?? false,
        ...row,
      })),
      byReason: mix(byReason, 'reason_code').map(({ key, ...row }) => ({
        reasonCode: key,
        reasonLabel: reasonLabel(key),
        ...row,
      })),
      bySupplier: await this.supplierRows(bySupplier),
      amounts: amounts(weekly),
    };
  }

  /** The mix per supplier, counts only: what a buyer may read (docs/security.md). */
  async supplierResolutions(filters: AnalyticsFilters): Promise<SupplierResolutionsReport> {
    const ctx = await this.reader.context(filters);
    const rows = await this.reader.cube(
      ctx,
      'claims',
      ['supplier_id', 'resolution'],
      ['claims', 'units'],
    );
    return { period: this.reader.periodOf(ctx), bySupplier: await this.supplierRows(rows) };
  }

  /** Refunds paid and handling costs per week and currency, and the cost of poor quality. */
  async money(filters: AnalyticsFilters, now = minuteNow()): Promise<MoneyReport> {
    const ctx = await this.reader.context(filters, now);
    const [weekly, bySupplier, byProduct, byReason] = await Promise.all([
      this.reader.cube(ctx, 'money', ['week', 'currency'], MONEY_MEASURES),
      this.reader.cube(ctx, 'money', ['supplier_id', 'currency'], MONEY_MEASURES),
      this.reader.cube(ctx, 'money', ['sku', 'currency'], MONEY_MEASURES),
      this.reader.cube(ctx, 'money', ['reason_code', 'currency'], MONEY_MEASURES),
    ]);
    const totals = new Map<string, number>();
    for (const r of weekly)
      totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.refund_amount + r.cost_amount);
    const currencies = [...totals.keys()].sort(
      (a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b),
    );
    const weekRows: MoneyWeekRow[] = ctx.period.weeks.flatMap((w) =>
      currencies.map((currency) => {
        const r = weekly.find((x) => x.week === w.start && x.currency === currency);
        return {
          week: w.start,
          complete: isComplete(w, this.reader.tz, now),
          currency,
          refunds: r?.refund_claims ?? 0,
          refundAmount: cents(r?.refund_amount ?? 0),
          costClaims: r?.cost_claims ?? 0,
          costAmount: cents(r?.cost_amount ?? 0),
        };
      }),
    );
    const [supplierNames, productNames] = await Promise.all([
      this.reader.names('suppliers', distinct(bySupplier, 'supplier_id')),
      this.reader.names('products', distinct(byProduct, 'sku')),
    ]);
    return {
      period: this.reader.periodOf(ctx),
      currencies,
      weekly: weekRows,
      bySupplier: costRows(bySupplier, 'supplier_id', (k) =>
        k === '' ? 'No supplier known' : (supplierNames.get(k) ?? k),
      ),
      byProduct: costRows(byProduct, 'sku', (k) =>
        k === '' ? 'No product known' : (productNames.get(k) ?? k),
      ),
      byReason: costRows(byReason, 'reason_code', reasonLabel),
    };
  }

  private async supplierRows(rows: Row[]) {
    const names = await this.reader.names('suppliers', distinct(rows, 'supplier_id'));
    return mix(rows, 'supplier_id').map(({ key, ...row }) => ({
      supplierId: key,
      supplierName: key === '' ? 'No supplier known' : (names.get(key) ?? key),
      ...row,
    }));
  }
}

/**
 * The weekly report's "Refunds paid" per currency: the reported week against the mean of the
 * four weeks before it, compared and never tested (money is not a count). A week that is not
 * over is compared with the same part of the four weeks before it (Monday 00:00 up to the
 * same hour), so a half week is never set against whole ones.
 */
export async function refundsPaidKpis(
  reader: AnalyticsReader,
  ctx: Context,
  reported: IsoWeekRef,
  complete: boolean,
  now: Date,
): Promise<{ currency: string; kpi: KpiComparison }[]> {
  const rows = await reader.cube(ctx, 'money', ['week', 'currency'], ['refund_amount']);
  const currencies = [...new Set(rows.map((r) => r.currency).filter(Boolean))].sort();
  const series = (currency: string) =>
    reader
      .series(
        ctx,
        rows.filter((r) => r.currency === currency),
        'refund_amount',
      )
      .map(cents);
  if (complete) {
    return currencies.map((currency) => ({
      currency,
      kpi: compareValueWithBaseline(series(currency))!,
    }));
  }
  const { from } = isoWeekBounds(reported, reader.tz);
  const elapsed = now.getTime() - from.getTime();
  const baselineWeeks = ctx.period.weeks.slice(-5, -1);
  const partial = await Promise.all(
    baselineWeeks.map((w) => {
      const start = isoWeekBounds(w, reader.tz).from;
      return reader.cube(ctx, 'money', ['currency'], ['refund_amount'], {
        raw: true,
        range: {
          fromWeek: w.start,
          toWeek: w.start,
          fromInstant: start,
          toInstant: new Date(start.getTime() + elapsed),
        },
      });
    }),
  );
  return currencies.map((currency) => {
    const values = series(currency);
    const kpi = compareValueWithBaseline(values)!;
    const sums = partial.map((week) =>
      week.filter((r) => r.currency === currency).reduce((s, r) => s + r.refund_amount, 0),
    );
    const baseline = sums.length ? cents(sums.reduce((a, b) => a + b, 0) / sums.length) : 0;
    return {
      currency,
      kpi: {
        ...kpi,
        baseline,
        change: kpi.value - baseline,
        relativeChange: baseline === 0 ? null : (kpi.value - baseline) / baseline,
        untested: 'incomplete_week' as const,
      },
    };
  });
}

const distinct = (rows: readonly Row[], dim: Dimension) => [
  ...new Set(rows.map((r) => r[dim]).filter(Boolean)),
];

/**
 * Rows grouped by `dim` and resolution (summed over currencies), with each resolution's share
 * of its group. `keys` fixes the groups and their order (every resolution listed, zeros
 * included); without it, the groups with claims, most claims first, and only resolutions
 * that occur.
 */
function mix(
  rows: readonly Row[],
  dim: Dimension,
  keys?: readonly string[],
): (ResolutionMixRow & { key: string })[] {
  const groups = new Map<string, Map<string, { claims: number; units: number }>>();
  for (const key of keys ?? []) groups.set(key, new Map());
  for (const r of rows) {
    const group = groups.get(r[dim]) ?? (keys ? undefined : new Map());
    if (!group) continue;
    groups.set(r[dim], group);
    const cell = group.get(r.resolution) ?? { claims: 0, units: 0 };
    cell.claims += r.claims;
    cell.units += r.units;
    group.set(r.resolution, cell);
  }
  const total = (g: Map<string, { claims: number }>) =>
    [...g.values()].reduce((s, c) => s + c.claims, 0);
  const ordered = keys
    ? [...groups.entries()]
    : [...groups.entries()].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  return ordered.flatMap(([key, group]) => {
    const n = total(group);
    return RESOLUTION_OUTCOMES.filter((res) => keys || group.has(res)).map((resolution) => {
      const cell = group.get(resolution) ?? { claims: 0, units: 0 };
      return {
        key,
        resolution: resolution as ResolutionOutcome,
        claims: cell.claims,
        units: cell.units,
        share: n === 0 ? 0 : cell.claims / n,
      };
    });
  });
}

/** Money of the period per resolution and currency (claims without money left out). */
function amounts(rows: readonly Row[]): ResolutionAmountRow[] {
  const cells = new Map<string, ResolutionAmountRow>();
  for (const r of rows) {
    if (r.currency === '') continue;
    const key = `${r.resolution}\u0000${r.currency}`;
    const c = cells.get(key);
    cells.set(key, {
      resolution: r.resolution as ResolutionOutcome,
      currency: r.currency,
      claims: (c?.claims ?? 0) + r.claims,
      refunds: (c?.refunds ?? 0) + r.refund_claims,
      refundAmount: cents((c?.refundAmount ?? 0) + r.refund_amount),
      costClaims: (c?.costClaims ?? 0) + r.cost_claims,
      costAmount: cents((c?.costAmount ?? 0) + r.cost_amount),
    });
  }
  const order = (res: string) => RESOLUTION_OUTCOMES.indexOf(res as ResolutionOutcome);
  return [...cells.values()].sort(
    (a, b) => order(a.resolution) - order(b.resolution) || a.currency.localeCompare(b.currency),
  );
}

/** Cost of poor quality per `dim` and currency, largest total first. */
function costRows(
  rows: readonly Row[],
  dim: Dimension,
  label: (key: string) => string,
): CostOfQualityRow[] {
  return rows
    .map((r) => {
      const refundAmount = cents(r.refund_amount);
      const costAmount = cents(r.cost_amount);
      return {
        key: r[dim],
        label: label(r[dim]),
        currency: r.currency,
        claims: r.claims,
        refunds: r.refund_claims,
        refundAmount,
        costClaims: r.cost_claims,
        costAmount,
        total: cents(refundAmount + costAmount),
      };
    })
    .sort(
      (a, b) =>
        b.total - a.total || a.currency.localeCompare(b.currency) || a.key.localeCompare(b.key),
    );
}
