import { Injectable } from '@nestjs/common';
import {
  FILTER_KEYS,
  reasonLabel,
  type AlertMetric,
  type AnalyticsFilters,
  type IsoWeekRef,
  type KpiComparison,
  type SlaReport,
  type SupplierScorecard,
  type WeeklyReport,
} from '@returnlens/shared/contracts';
import { isoWeekBounds, slaPolicyKpis } from '@returnlens/shared/metrics';
import {
  AnalyticsReader,
  ScorecardsQuery,
  SlaQuery,
  WeeklyQuery,
} from '@returnlens/api/analytics/data-access';
import {
  formatAlertCount,
  formatFigure,
  type FigureValue,
  type MessageRef,
  type Observation,
} from './alert-decision';

/** What of a rule the figures depend on. */
export interface FigureQuestion {
  readonly metric: AlertMetric;
  readonly kind: 'threshold' | 'change' | 'control_limit';
  readonly policyId: number | null;
  readonly filters: AnalyticsFilters;
}

/**
 * The figures alert rules watch, each computed as the dashboard computes it with the rule's
 * filters (docs/notifications.md, "What an alert compares"): the weekly report's KPIs and
 * movers, the SLA report's weekly attainment, the supplier scorecard's funnel limits. One
 * `FigureRun` per evaluation shares the answers between rules with the same filters.
 */
@Injectable()
export class AlertFigures {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly weekly: WeeklyQuery,
    private readonly sla: SlaQuery,
    private readonly scorecards: ScorecardsQuery,
  ) {}

  run(now: Date): FigureRun {
    return new FigureRun(this.reader, this.weekly, this.sla, this.scorecards, now);
  }
}

/** The dashboard's filters of a rule: no period (alerts watch the latest complete week), no empty lists. */
export function ruleFilters(filters: AnalyticsFilters): AnalyticsFilters {
  const out: Record<string, readonly string[]> = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values?.length) out[key] = [...values].sort();
  }
  return out;
}

export class FigureRun {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly reader: AnalyticsReader,
    private readonly weeklyQuery: WeeklyQuery,
    private readonly slaQuery: SlaQuery,
    private readonly scorecardsQuery: ScorecardsQuery,
    readonly now: Date,
  ) {}

  /** The rule's figure for the latest week(s), one observation per period. */
  async observe(q: FigureQuestion): Promise<Observation[]> {
    const filters = ruleFilters(q.filters);
    switch (q.metric) {
      case 'sla_attainment':
        return this.slaAttainment(filters, q.policyId);
      case 'return_rate':
        return this.returnRate(filters);
      case 'claims':
        return this.claims(filters);
      case 'refunds_paid':
        return this.refundsPaid(filters);
      case 'net_sentiment':
        return this.netSentiment(filters);
      case 'defect_rate':
        return q.kind === 'threshold'
          ? this.defectRate(filters)
          : q.kind === 'change'
            ? this.defectRateMovers(filters)
            : this.controlLimits(filters);
    }
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.memo.set(key, hit);
    }
    return hit;
  }

  private report(filters: AnalyticsFilters): Promise<WeeklyReport> {
    return this.once(`weekly|${JSON.stringify(filters)}`, () =>
      this.weeklyQuery.weekly(filters, this.now),
    );
  }

  private slaReport(filters: AnalyticsFilters): Promise<SlaReport> {
    // The weekly report's own call (its SLA tiles): calendar clock, summary only.
    return this.once(`sla|${JSON.stringify(filters)}`, () =>
      this.slaQuery.sla(filters, 'calendar', this.now, true),
    );
  }

  private suppliers(filters: AnalyticsFilters): Promise<SupplierScorecard> {
    return this.once(`suppliers|${JSON.stringify(filters)}`, () =>
      this.scorecardsQuery.suppliers(filters),
    );
  }

  /** Texts of these rows are still analysed in the background: figures counting them are provisional. */
  private analysing(kind: 'claims' | 'feedback'): Promise<boolean> {
    return this.once(`analysing|${kind}`, async () => !!(await this.reader.analysing(kind)));
  }

  private complete(week: IsoWeekRef): boolean {
    return isoWeekBounds(week, this.reader.tz).to.getTime() <= this.now.getTime();
  }

  /** The weekly report's SLA tile of the policy: the latest mature week's attainment. */
  private async slaAttainment(
    filters: AnalyticsFilters,
    policyId: number | null,
  ): Promise<Observation[]> {
    const report = await this.slaReport(filters);
    const tile = slaPolicyKpis(report).find((t) => t.policyId === policyId);
    const policy = report.policies.find((p) => p.id === policyId);
    if (!tile?.kpi || !policy) return [];
    const weeks = report.period.weeks;
    const week = tile.kpi.week ?? weeks[weeks.length - 1];
    const row = policy.weekly[weeks.findIndex((w) => w.start === week.start)];
    if (!row) return [];
    const complete = this.complete(week);
    const due = row.met + row.breached;
    return [
      {
        period: week.week,
        week: week.week,
        label: `SLA ${policy.name}`,
        unit: 'share',
        value: tile.kpi.value,
        baseline: tile.kpi.baseline,
        significant: tested(tile.kpi) && complete,
        test: { name: 'p', value: tile.kpi.pValue },
        complete,
        mature: !row.immature,
        evidence: ` — ${formatAlertCount(row.breached)} of ${formatAlertCount(due)} claims late`,
        detail: { policyId, met: row.met, breached: row.breached, pending: row.pending },
        words: {
          label: { key: 'alertFigure.sla', values: { policy: policy.name } },
          evidence: {
            key: 'alertEvidence.slaLate',
            values: { late: count(row.breached), due },
          },
        },
      },
    ];
  }

  /** The weekly report's return rate: the latest mature order cohort. */
  private async returnRate(filters: AnalyticsFilters): Promise<Observation[]> {
    const report = await this.report(filters);
    const kpi = report.kpis.returnRate;
    const week = kpi?.week;
    const cohort = week && report.returnCohorts.weeks.find((w) => w.week.start === week.start);
    if (!kpi || !cohort) return [];
    return [
      {
        period: cohort.week.week,
        week: cohort.week.week,
        label: 'Return rate of the units ordered',
        unit: 'share',
        value: kpi.value,
        baseline: kpi.baseline,
        significant: tested(kpi),
        test: { name: 'p', value: kpi.pValue },
        complete: this.complete(cohort.week),
        mature: cohort.mature,
        evidence:
          ` — ${formatAlertCount(cohort.returnedUnits)} of ${formatAlertCount(cohort.unitsSold)} units came back` +
          ` (the ${report.returnCohorts.returnWindowDays}-day return window is over)`,
        detail: { unitsSold: cohort.unitsSold, returnedUnits: cohort.returnedUnits },
        words: {
          label: { key: 'alertFigure.returnRate' },
          evidence: {
            key: 'alertEvidence.returned',
            values: {
              returned: count(cohort.returnedUnits),
              sold: cohort.unitsSold,
              days: report.returnCohorts.returnWindowDays,
            },
          },
        },
      },
    ];
  }

  private async claims(filters: AnalyticsFilters): Promise<Observation[]> {
    const report = await this.report(filters);
    const kpi = report.claimsReceived;
    return [
      {
        ...this.weekOf(report),
        label: 'Claims received',
        unit: 'count',
        value: kpi.value,
        baseline: kpi.baseline,
        significant: tested(kpi) && report.weekComplete,
        test: { name: 'p', value: kpi.pValue },
        mature: true,
        evidence: ` — ${formatAlertCount(report.unitsReturned.value)} units`,
        detail: { baseline: kpi.baseline, units: report.unitsReturned.value },
        words: {
          label: { key: 'alertFigure.claims' },
          evidence: { key: 'alertEvidence.units', values: { units: report.unitsReturned.value } },
        },
      },
    ];
  }

  /** Refunds paid per currency (never summed across currencies): one period per currency. */
  private async refundsPaid(filters: AnalyticsFilters): Promise<Observation[]> {
    const report = await this.report(filters);
    const week = this.weekOf(report);
    return report.kpis.refundsPaid.map(({ currency, kpi }) => ({
      ...week,
      period: `${week.week}:${currency}`,
      label: `Refunds paid (${currency})`,
      unit: 'money' as const,
      currency,
      value: kpi.value,
      baseline: kpi.baseline,
      mature: true,
      evidence: ` — normal ${formatFigure(kpi.baseline, 'money', currency)} a week`,
      detail: { currency, baseline: kpi.baseline },
      words: {
        label: { key: 'alertFigure.refunds', values: { currency } },
        evidence: {
          key: 'alertEvidence.normalWeekly',
          values: { normal: { figure: kpi.baseline, unit: 'money' as const, currency } },
        },
      },
    }));
  }

  private async netSentiment(filters: AnalyticsFilters): Promise<Observation[]> {
    const [report, analysing] = await Promise.all([
      this.report(filters),
      this.analysing('feedback'),
    ]);
    const kpi = report.kpis.netSentiment;
    if (!kpi) return [];
    return [
      {
        ...this.weekOf(report),
        label: 'Net sentiment',
        unit: 'score',
        value: kpi.value,
        baseline: kpi.baseline,
        mature: !analysing,
        evidence: ` — normal ${formatFigure(kpi.baseline, 'score')}`,
        detail: { baseline: kpi.baseline },
        words: {
          label: { key: 'alertFigure.netSentiment' },
          evidence: {
            key: 'alertEvidence.normal',
            values: { normal: { figure: kpi.baseline, unit: 'score' } },
          },
        },
      },
    ];
  }

  /** The defect rate of the filtered suppliers in the latest complete week (the scorecard of that week). */
  private async defectRate(filters: AnalyticsFilters): Promise<Observation[]> {
    const ctx = await this.reader.context(filters, this.now);
    const week = ctx.period.weeks[ctx.period.weeks.length - 1];
    const [card, analysing] = await Promise.all([
      this.suppliers({ ...filters, from: week.week, to: week.week }),
      this.analysing('claims'),
    ]);
    if (card.overallDefectRate === null) return [];
    const sold = card.suppliers.reduce((s, r) => s + r.unitsSold, 0);
    const defects = card.suppliers.reduce((s, r) => s + r.defectUnits, 0);
    return [
      {
        period: week.week,
        week: week.week,
        label: 'Defect rate',
        unit: 'share',
        value: card.overallDefectRate,
        complete: this.complete(week),
        mature: !analysing,
        evidence: ` — ${formatAlertCount(defects)} defect units of ${formatAlertCount(sold)} units sold`,
        detail: { defectUnits: defects, unitsSold: sold },
        words: {
          label: { key: 'alertFigure.defectRate' },
          evidence: { key: 'alertEvidence.defects', values: { defects, sold } },
        },
      },
    ];
  }

  /** Suppliers among the weekly report's movers whose defect rate changed significantly. */
  private async defectRateMovers(filters: AnalyticsFilters): Promise<Observation[]> {
    const [report, analysing] = await Promise.all([this.report(filters), this.analysing('claims')]);
    const week = this.weekOf(report);
    return report.movers
      .filter((m) => m.kind === 'supplier' && m.metric === 'defect_rate')
      .map((m) => ({
        ...week,
        period: `${week.week}:${m.key}`,
        label: `Defect rate of ${m.label}`,
        unit: 'share' as const,
        value: m.value,
        baseline: m.baseline,
        significant: true,
        test: { name: 'q' as const, value: m.qValue },
        mature: !analysing,
        evidence:
          ` — ${formatAlertCount(m.count)} defect units against ${formatAlertCount(m.exposure)} units sold in the 4 weeks before` +
          (m.topReason ? `, mostly ${reasonLabel(m.topReason)}` : ''),
        detail: { supplierId: m.key, count: m.count, exposure: m.exposure, qValue: m.qValue },
        words: {
          label: { key: 'alertFigure.supplierDefectRate', values: { supplier: m.label } },
          evidence: (m.topReason
            ? {
                key: 'alertEvidence.moverDefectsMostly',
                values: {
                  defects: m.count,
                  sold: m.exposure,
                  reason: {
                    word: 'reason' as const,
                    code: m.topReason,
                    fallback: reasonLabel(m.topReason),
                  },
                },
              }
            : {
                key: 'alertEvidence.moverDefects',
                values: { defects: m.count, sold: m.exposure },
              }) as MessageRef,
        },
      }));
  }

  /** Suppliers above their 99.8 % funnel limit on the scorecard (the supplier page's default 12 weeks). */
  private async controlLimits(filters: AnalyticsFilters): Promise<Observation[]> {
    const [card, analysing] = await Promise.all([
      this.suppliers(filters),
      this.analysing('claims'),
    ]);
    const weeks = card.period.weeks;
    const last = weeks[weeks.length - 1];
    const span = `${weeks[0].week} – ${last.week}`;
    const complete = this.complete(last);
    return card.suppliers.flatMap((s) => {
      const rate = s.defectRate;
      const limit = s.limits998?.upper;
      if (s.signal !== 'above' || rate === null || limit === undefined) return [];
      const obs: Observation = {
        period: `${last.week}:${s.supplierId}`,
        week: last.week,
        span,
        label: `Defect rate of ${s.name}`,
        unit: 'share',
        value: rate,
        limit,
        complete,
        mature: !analysing,
        evidence:
          ` (all suppliers ${formatFigure(card.overallDefectRate ?? 0, 'share')})` +
          ` — ${formatAlertCount(s.defectUnits)} defect units of ${formatAlertCount(s.unitsSold)} units sold`,
        detail: {
          supplierId: s.supplierId,
          defectUnits: s.defectUnits,
          unitsSold: s.unitsSold,
          limit,
          overall: card.overallDefectRate,
        },
        words: {
          label: { key: 'alertFigure.supplierDefectRate', values: { supplier: s.name } },
          evidence: {
            key: 'alertEvidence.limitDefects',
            values: {
              overall: { figure: card.overallDefectRate ?? 0, unit: 'share' },
              defects: s.defectUnits,
              sold: s.unitsSold,
            },
          },
        },
      };
      return [obs];
    });
  }

  private weekOf(report: WeeklyReport) {
    return { period: report.week.week, week: report.week.week, complete: report.weekComplete };
  }
}

/**
 * A count put into a message as a figure (not a plural choice): written with the locale's
 * separators when the sentence is written.
 */
function count(value: number): FigureValue {
  return { figure: value, unit: 'count' };
}

/** A comparison that was really tested (not shown-only). */
function tested(kpi: KpiComparison): boolean {
  return kpi.significant && !kpi.untested;
}
