import { Injectable } from '@nestjs/common';
import {
  REASON_CATEGORIES,
  reasonCategoryOf,
  reasonLabel,
  type AnalyticsFilters,
  type Mover,
  type WeeklyReport,
} from '@returnlens/shared/contracts';
import {
  benjaminiHochberg,
  compareProportionWithBaseline,
  compareValueWithBaseline,
  compareWithBaseline,
  netSentiment,
  paretoShares,
  poissonRateTest,
} from '@returnlens/shared/metrics';
import { type Dimension } from '@returnlens/api/analytics/util';
import { minuteNow } from '@returnlens/api/shared/util';
import { AnalyticsReader, type Row } from './analytics-reader';

import { SlaQuery } from './sla.query';

/** The weekly report: KPIs against the previous four weeks, movers, the reason Pareto and the trend. */
@Injectable()
export class WeeklyQuery {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly slaQuery: SlaQuery,
  ) {}

  async weekly(filters: AnalyticsFilters, now = minuteNow()): Promise<WeeklyReport> {
    const ctx = await this.reader.context({ ...filters, from: undefined }, now);
    const weeks = ctx.period.weeks;
    const reported = weeks[weeks.length - 1];
    const lastWeek = { where: { week: [reported.start] } };
    const recent = ctx.period.weeks.slice(-5).map((w) => w.start);
    const [
      byCategory,
      sales,
      reasons,
      refunds,
      sla,
      labels,
      recentReasons,
      recentSkus,
      recentSuppliers,
    ] = await Promise.all([
      this.reader.cube(ctx, 'claims', ['week', 'reason_category'], ['claims', 'units']),
      this.reader.cube(ctx, 'sales', ['week'], ['units']),
      this.reader.cube(ctx, 'claims', ['reason_code'], ['claims'], lastWeek),
      this.reader.cube(ctx, 'claims', ['week', 'currency'], ['refund_amount']),
      this.slaQuery.sla({ ...filters, from: undefined }, 'calendar', now, true),
      this.reader.cube(ctx, 'feedback', ['week', 'label'], ['items']),
      this.reader.cube(ctx, 'claims', ['week', 'reason_code'], ['claims'], {
        where: { week: recent },
      }),
      this.reader.cube(ctx, 'claims', ['week', 'sku'], ['claims'], { where: { week: recent } }),
      this.reader.cube(ctx, 'claims', ['week', 'supplier_id'], ['claims'], {
        where: { week: recent },
      }),
    ]);
    const claimsPerWeek = this.reader.series(ctx, byCategory, 'claims');
    const unitsPerWeek = this.reader.series(ctx, byCategory, 'units');
    const soldPerWeek = this.reader.series(ctx, sales, 'units');
    const currencies = [...new Set(refunds.map((r) => r.currency).filter(Boolean))].sort();
    const firstResponse = sla.durations.find((d) => d.metric === 'first_response')!;
    const slaWeekly = weeks.map((_, i) => {
      const met = sla.policies.reduce((s, p) => s + p.weekly[i].met, 0);
      const breached = sla.policies.reduce((s, p) => s + p.weekly[i].breached, 0);
      return { hits: met, trials: met + breached };
    });
    const sentimentWeekly = weeks.map((w) => {
      const rows = labels.filter((r) => r.week === w.start);
      const n = (l: string) => rows.filter((r) => r.label === l).reduce((s, r) => s + r.items, 0);
      return netSentiment(n('positive'), n('neutral'), n('negative'));
    });
    const movers = this.movers(recentReasons, recentSkus, recentSuppliers, recent);
    const [productNames, supplierNames] = await Promise.all([
      this.reader.names(
        'products',
        movers.filter((m) => m.kind === 'product').map((m) => m.key),
      ),
      this.reader.names(
        'suppliers',
        movers.filter((m) => m.kind === 'supplier').map((m) => m.key),
      ),
    ]);

    return {
      timeZone: this.reader.tz,
      week: reported,
      baselineWeeks: weeks.slice(-5, -1),
      claimsReceived: compareWithBaseline(claimsPerWeek),
      unitsReturned: compareWithBaseline(unitsPerWeek),
      pareto: paretoShares(reasons.map((r) => ({ key: r.reason_code, count: r.claims }))).map(
        (row) => ({
          reasonCode: row.key,
          reasonLabel: reasonLabel(row.key),
          category: reasonCategoryOf(row.key),
          claims: row.count,
          share: row.share,
          cumulativeShare: row.cumulativeShare,
        }),
      ),
      trendWeeks: weeks,
      trend: REASON_CATEGORIES.map((category) => ({
        category: category.code,
        label: category.label,
        claims: this.reader.series(
          ctx,
          byCategory.filter((r) => r.reason_category === category.code),
          'claims',
        ),
      })),
      dataThrough: await this.latest(),
      kpis: {
        returnRate: compareProportionWithBaseline(
          unitsPerWeek.map((u, i) => ({ hits: u, trials: soldPerWeek[i] })),
        ),
        refundsPaid: currencies.map((currency) => ({
          currency,
          // Money is not a count: compared with its baseline, not tested.
          kpi: compareValueWithBaseline(
            this.reader
              .series(
                ctx,
                refunds.filter((r) => r.currency === currency),
                'refund_amount',
              )
              .map((v) => Math.round(v * 100) / 100),
          )!,
        })),
        medianFirstResponseHours: compareValueWithBaseline(firstResponse.median),
        slaAttainment: compareProportionWithBaseline(slaWeekly),
        netSentiment: compareValueWithBaseline(sentimentWeekly),
      },
      movers: movers.map((m) => ({
        ...m,
        label:
          m.kind === 'product'
            ? (productNames.get(m.key) ?? m.key)
            : m.kind === 'supplier'
              ? (supplierNames.get(m.key) ?? m.key)
              : m.label,
      })),
    };
  }

  private async latest(): Promise<string | null> {
    return (await this.reader.latestOpenedAt())?.toISOString() ?? null;
  }

  /**
   * Reasons, products and suppliers whose claims in the reported week rose against their
   * previous four weeks (Poisson test), corrected together with Benjamini–Hochberg.
   */
  private movers(reasons: Row[], skus: Row[], suppliers: Row[], weeks: string[]): Mover[] {
    const candidates: Omit<Mover, 'qValue'>[] = [];
    const collect = (
      rows: Row[],
      dim: Dimension,
      kind: Mover['kind'],
      label: (k: string) => string,
    ) => {
      const series = new Map<string, number[]>();
      for (const r of rows) {
        const i = weeks.indexOf(r.week);
        if (i < 0 || r[dim] === '') continue;
        const s = series.get(r[dim]) ?? new Array<number>(weeks.length).fill(0);
        s[i] += r.claims;
        series.set(r[dim], s);
      }
      for (const [key, s] of series) {
        const value = s[s.length - 1];
        const previous = s.slice(0, -1);
        const baseline = previous.reduce((a, b) => a + b, 0) / previous.length;
        if (value <= baseline) continue;
        candidates.push({
          kind,
          key,
          label: label(key),
          value,
          baseline,
          pValue: poissonRateTest(value, previous),
        });
      }
    };
    collect(reasons, 'reason_code', 'reason', reasonLabel);
    collect(skus, 'sku', 'product', (k) => k);
    collect(suppliers, 'supplier_id', 'supplier', (k) => k);
    const q = benjaminiHochberg(candidates.map((c) => c.pValue));
    return candidates
      .map((c, i) => ({ ...c, qValue: q[i] }))
      .filter((c) => c.qValue < 0.05)
      .sort((a, b) => a.qValue - b.qValue)
      .slice(0, 20);
  }
}
