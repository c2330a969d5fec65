import { Injectable } from '@nestjs/common';
import {
  REASON_CATEGORIES,
  reasonLabel,
  type AnalyticsFilters,
  type CohortReturnRates,
  type IsoWeekRef,
  type KpiComparison,
  type ReasonCategoryCode,
  type WeeklyReport,
} from '@returnlens/shared/contracts';
import {
  compareProportionWithBaseline,
  compareValueWithBaseline,
  compareWithBaseline,
  isoWeekBounds,
  netSentiment,
  paretoShares,
  slaPolicyKpis,
} from '@returnlens/shared/metrics';
import { minuteNow } from '@returnlens/api/shared/util';
import { AnalyticsReader } from './analytics-reader';
import { refundsPaidKpis } from './money.query';
import { MoversQuery } from './movers.query';
import { ReturnsQuery } from './returns.query';
import { SlaQuery } from './sla.query';

/** The weekly report: KPIs against the previous four weeks, movers, the reason Pareto and the trend. */
@Injectable()
export class WeeklyQuery {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly slaQuery: SlaQuery,
    private readonly returnsQuery: ReturnsQuery,
    private readonly moversQuery: MoversQuery,
  ) {}

  async weekly(filters: AnalyticsFilters, now = minuteNow()): Promise<WeeklyReport> {
    const ctx = await this.reader.context({ ...filters, from: undefined }, now);
    const weeks = ctx.period.weeks;
    const reported = weeks[weeks.length - 1];
    const lastWeek = { where: { week: [reported.start] } };
    // A week that is not over is shown, never tested (docs/metrics.md, "Honest signals").
    const weekComplete = isoWeekBounds(reported, this.reader.tz).to.getTime() <= now.getTime();
    const [byCategory, reasons, refunds, sla, labels, returnCohorts, movers] = await Promise.all([
      this.reader.cube(ctx, 'claims', ['week', 'reason_category'], ['claims', 'units']),
      this.reader.cube(ctx, 'claims', ['reason_code', 'reason_category'], ['claims'], lastWeek),
      // Refunds by the week they were paid; a week not over against the same part of the others.
      refundsPaidKpis(this.reader, ctx, reported, weekComplete, now),
      this.slaQuery.sla({ ...filters, from: undefined }, 'calendar', now, true),
      this.reader.cube(ctx, 'feedback', ['week', 'label'], ['items']),
      this.returnsQuery.cohorts(ctx, now),
      weekComplete
        ? this.moversQuery.movers(ctx, reported)
        : {
            movers: [],
            test: { candidates: 0, baselineWeeks: 0, untested: 'incomplete_week' as const },
          },
    ]);
    const claimsPerWeek = this.reader.series(ctx, byCategory, 'claims');
    const unitsPerWeek = this.reader.series(ctx, byCategory, 'units');
    const firstResponse = sla.durations.find((d) => d.metric === 'first_response')!;
    const sentimentWeekly = weeks.map((w) => {
      const rows = labels.filter((r) => r.week === w.start);
      const n = (l: string) => rows.filter((r) => r.label === l).reduce((s, r) => s + r.items, 0);
      return netSentiment(n('positive'), n('neutral'), n('negative'));
    });
    const tested = (kpi: KpiComparison | null) => (weekComplete ? kpi : untested(kpi));

    return {
      timeZone: this.reader.tz,
      week: reported,
      weekComplete,
      returnCohorts,
      baselineWeeks: weeks.slice(-5, -1),
      claimsReceived: tested(compareWithBaseline(claimsPerWeek))!,
      unitsReturned: tested(compareWithBaseline(unitsPerWeek))!,
      pareto: paretoShares(reasons.map((r) => ({ key: r.reason_code, count: r.claims }))).map(
        (row) => ({
          reasonCode: row.key,
          reasonLabel: reasonLabel(row.key),
          // The stored category: a shop's own reason is where the shop's rule put it.
          category: reasons.find((r) => r.reason_code === row.key)!
            .reason_category as ReasonCategoryCode,
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
        returnRate: latestMatureCohort(returnCohorts),
        refundsPaid: refunds,
        medianFirstResponseHours: compareValueWithBaseline(firstResponse.median),
        firstResponseStillOpen: firstResponse.open[firstResponse.open.length - 1] ?? 0,
        slaPolicies: slaPolicyKpis(sla).map((p) => ({ ...p, kpi: tested(p.kpi) })),
        netSentiment: compareValueWithBaseline(sentimentWeekly),
      },
      movers: movers.movers,
      moversTest: movers.test,
    };
  }

  private async latest(): Promise<string | null> {
    return (await this.reader.latestOpenedAt())?.toISOString() ?? null;
  }
}

/** A KPI shown but not tested: its week is not over. */
function untested(kpi: KpiComparison | null): KpiComparison | null {
  return kpi && { ...kpi, pValue: 1, significant: false, untested: 'incomplete_week' };
}

/**
 * The return rate of the latest mature order cohort against the four mature cohorts before
 * it (two-proportion test: a cohort's returned units are units of its own orders). Null when
 * no cohort of the period is mature yet.
 */
function latestMatureCohort(cohorts: CohortReturnRates): KpiComparison | null {
  const last = cohorts.weeks.findLastIndex((w) => w.mature);
  if (last < 0) return null;
  const series = cohorts.weeks
    .slice(0, last + 1)
    .map((w) => ({ hits: Math.min(w.returnedUnits, w.unitsSold), trials: w.unitsSold }));
  const kpi = compareProportionWithBaseline(series);
  const week: IsoWeekRef = cohorts.weeks[last].week;
  return kpi && { ...kpi, week };
}
