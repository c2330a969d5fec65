import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  drillFeedback,
  drillReason,
  drillCohort,
  drillWeek,
  drillWeekCategory,
  reasonLabel,
  type CaseStudyKpi,
  type FilterKey,
  type Mover,
} from '@returnlens/shared/contracts';
import { parseIsoWeek, shiftIsoWeek } from '@returnlens/shared/metrics';
import {
  csvUrl,
  describeHttpError,
  DrilldownStore,
  kpisResource,
  weeklyReportResource,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { describeValueFilters, FilterStore } from '@returnlens/web/shared/filters';
import {
  buildCategoryTrendOption,
  buildCohortOption,
  buildParetoOption,
  ChartComponent,
  formatAverage,
  formatDateRange,
  formatDuration,
  formatShare,
  formatShareOrDash,
  formatWeek,
  KpiTileComponent,
  paretoHeadline,
  ThemeStore,
} from '@returnlens/web/shared/ui-charts';
import { ChartMenuComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';

const MOVER_KIND: Readonly<Record<Mover['kind'], { label: string; filter: FilterKey }>> = {
  reason: { label: 'Reason', filter: 'reason' },
  product: { label: 'Product', filter: 'product' },
  supplier: { label: 'Supplier', filter: 'supplier' },
};

/** What each mover's rate is, and what its counts are counts of. */
const MOVER_METRIC: Readonly<Record<Mover['metric'], { rate: string; events: string }>> = {
  defect_rate: { rate: 'defect rate', events: 'defect units' },
  claim_rate: { rate: 'claim rate', events: 'claims' },
  reason_share: { rate: 'share of claims', events: 'claims' },
};

/**
 * The shop owner's weekly question: what came back this week, why, and what changed
 * against normal. Every figure comes from the API; this page only lays them out.
 */
@Component({
  selector: 'rl-weekly-report-page',
  imports: [ChartComponent, ChartMenuComponent, KpiTileComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './weekly-report-page.html',
  styleUrl: './weekly-report-page.scss',
})
export class WeeklyReportPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);

  /** `?week=2026-W47` in the URL; absent means the latest complete week. */
  readonly week = input<string>();

  protected readonly report = weeklyReportResource(
    () => this.week() || undefined,
    () => this.filters.valueParams(),
  );
  protected readonly data = computed(() =>
    this.report.hasValue() ? this.report.value() : undefined,
  );
  protected readonly errorMessage = computed(() => {
    const error = this.report.error();
    return error ? describeHttpError(error) : null;
  });

  protected readonly weekTitle = computed(() => {
    const data = this.data();
    return data
      ? `${formatWeek(data.week.week)} · ${formatDateRange(data.week.start, data.week.end)}`
      : '';
  });
  protected readonly previousWeek = computed(() => {
    const data = this.data();
    return data ? shiftIsoWeek(data.week, -1).week : null;
  });
  protected readonly nextWeek = computed(() => {
    const data = this.data();
    return data ? shiftIsoWeek(parseIsoWeek(data.week.week), 1).week : null;
  });
  protected readonly incompleteNote = computed(() => {
    const data = this.data();
    if (!data?.dataThrough) return null;
    const through = data.dataThrough.slice(0, 10);
    return through < data.week.end
      ? `The data ends on ${through}: this week is incomplete, so its figures are lower than the real week's.`
      : null;
  });

  protected readonly paretoTitle = computed(() =>
    paretoHeadline(this.data()?.pareto ?? [], {
      filters: describeValueFilters(this.filters.state()),
    }),
  );
  protected readonly paretoOption = computed(() =>
    buildParetoOption(this.data()?.pareto ?? [], this.theme.tokens()),
  );
  protected readonly paretoLabel = computed(() =>
    (this.data()?.pareto ?? []).map((row) => `${row.reasonLabel}: ${row.claims} claims`).join('; '),
  );
  protected readonly paretoTable = computed(() =>
    (this.data()?.pareto ?? []).map((row) => ({
      ...row,
      shareText: formatShare(row.share),
      cumulativeText: formatShare(row.cumulativeShare),
    })),
  );

  protected readonly trendOption = computed(() => {
    const data = this.data();
    return buildCategoryTrendOption(data?.trendWeeks ?? [], data?.trend ?? [], this.theme.tokens());
  });
  protected readonly trendLabel = computed(() => {
    const data = this.data();
    if (!data) return '';
    return data.trend
      .filter((series) => series.claims.some((count) => count > 0))
      .map((series) => `${series.label}: ${series.claims.join(', ')}`)
      .join('; ');
  });

  /** The reported week and the global filter values: what every drill-down narrows. */
  private readonly weekParams = computed<QueryParams | null>(() => {
    const data = this.data();
    return data
      ? { from: data.week.week, to: data.week.week, ...this.filters.valueParams() }
      : null;
  });
  protected readonly kpis = computed(() => this.data()?.kpis ?? null);
  protected readonly movers = computed(() => {
    const data = this.data();
    if (!data) return [];
    const weeks = data.moversTest.baselineWeeks;
    return data.movers.map((m) => {
      const metric = MOVER_METRIC[m.metric];
      return {
        ...m,
        kindLabel: MOVER_KIND[m.kind].label,
        rateName: metric.rate,
        valueText: formatShare(m.value),
        baselineText: formatShare(m.baseline),
        arrow: m.direction === 'up' ? '▲' : '▼',
        times: m.rateRatio === null ? 'new' : `${m.rateRatio.toFixed(1)}×`,
        evidence:
          `${m.count} ${metric.events} this week against ` +
          `${formatAverage(m.baselineCount / weeks)} a week in the ${weeks} weeks before` +
          (m.topReason ? `, mostly ${reasonLabel(m.topReason).toLowerCase()}` : ''),
        qText: m.qValue < 0.001 ? 'q < 0.001' : `q = ${m.qValue.toFixed(3)}`,
      };
    });
  });
  /** What an empty movers list means, in words. */
  protected readonly moversNote = computed(() => {
    const test = this.data()?.moversTest;
    if (!test) return '';
    if (test.untested === 'incomplete_week')
      return 'Not tested: this week is not over yet. Movers are tested on complete weeks only.';
    return `No significant change this week: none of the ${test.candidates} rates compared moved beyond its own baseline (q < 0.05).`;
  });

  /** The return-rate tile: the latest order cohort whose return window has passed. */
  protected readonly returnRate = computed(() => {
    const kpi = this.kpis()?.returnRate;
    return kpi
      ? {
          kpi,
          label: `Return rate · orders of ${formatWeek(kpi.week?.week ?? '')}`,
        }
      : null;
  });
  protected readonly cohortOption = computed(() => {
    const cohorts = this.data()?.returnCohorts;
    const target = this.operations.hasValue() ? this.operations.value().returnShare.target : null;
    return buildCohortOption(cohorts?.weeks ?? [], this.theme.tokens(), target);
  });
  protected readonly cohortLabel = computed(() =>
    (this.data()?.returnCohorts.weeks ?? [])
      .map(
        (w) =>
          `${w.week.week}: ${w.rate === null ? 'no sales' : formatShare(w.rate)}${w.mature ? '' : ' so far'}`,
      )
      .join('; '),
  );

  /** Operations figures of the reported week from /api/analytics/kpis. */
  protected readonly operations = kpisResource(this.weekParams);
  protected readonly operationTiles = computed(() => {
    const k = this.operations.hasValue() ? this.operations.value() : undefined;
    if (!k) return null;
    const duration = (v: number | null) => (v === null ? '–' : formatDuration(v));
    const tile = (
      label: string,
      metric: string,
      kpi: CaseStudyKpi,
      format: (v: number | null) => string,
      note = '',
    ) => ({
      label,
      metric,
      value: format(kpi.value),
      target: `${kpi.better === 'lower' ? 'target ≤' : 'target ≥'} ${format(kpi.target)}`,
      previous: `previous period ${format(kpi.previous)}`,
      verdict: kpi.meetsTarget === null ? 'none' : kpi.meetsTarget ? 'met' : 'missed',
      note,
    });
    const cohortWeeks = k.returnShare.cohortWeeks;
    return [
      tile(
        'Processing time (median)',
        'processing_time',
        k.processingTimeHours,
        duration,
        k.processingTimeHours.stillOpen ? `${k.processingTimeHours.stillOpen} still open` : '',
      ),
      tile(
        'Customer satisfaction',
        'satisfaction',
        k.satisfaction,
        formatShareOrDash,
        `${k.satisfaction.n} rated answers`,
      ),
      tile('Repeat contacts', 'repeat_contact_rate', k.repeatContactRate, formatShareOrDash),
      tile(
        'Goods returned',
        'return_rate',
        k.returnShare,
        formatShareOrDash,
        cohortWeeks.length === 1
          ? `orders of the week of ${cohortWeeks[0]}`
          : cohortWeeks.length
            ? `orders of ${cohortWeeks.length} weeks`
            : 'no mature order week yet',
      ),
    ];
  });

  /** CSV of one of the report's own tables, for the same week and filters. */
  private reportCsv(table: 'pareto' | 'trend'): string | null {
    const data = this.data();
    return data
      ? csvUrl('weekly', { week: data.week.week, ...this.filters.valueParams() }, table)
      : null;
  }
  protected readonly paretoCsv = computed(() => this.reportCsv('pareto'));
  protected readonly trendCsv = computed(() => this.reportCsv('trend'));

  /** A bar opens the week's claims of its reason; the drawer offers the report for it only. */
  protected onParetoClick(event: ECElementEvent): void {
    const row = this.data()?.pareto[event.dataIndex];
    const params = this.weekParams();
    if (row && params)
      this.drill.openDrill(
        `${row.reasonLabel}, ${this.weekTitle()}`,
        drillReason(params, row.reasonCode),
        { reason: [row.reasonCode] },
      );
  }

  /** A point of the 12-week trend: the claims of that category opened in that week. */
  protected onTrendClick(event: ECElementEvent): void {
    const data = this.data();
    const series = data?.trend.filter((s) => s.claims.some((count) => count > 0))[
      event.seriesIndex ?? -1
    ];
    const week = data?.trendWeeks[event.dataIndex]?.week;
    if (!series || !week) return;
    this.drill.openDrill(
      `${series.label}, ${formatWeek(week)}`,
      drillWeekCategory(this.filters.valueParams(), week, series.category),
      { reasonCategory: [series.category] },
    );
  }

  /**
   * A KPI tile's records: the claims of the reported week (`units` for units in claims), its
   * feedback, or — for the return rate — the returns of the order week the tile is of.
   */
  protected openTile(tile: 'claims' | 'units' | 'feedback' | 'returnRate', title: string): void {
    const data = this.data();
    if (!data) return;
    const base = this.filters.valueParams();
    const week = data.week.week;
    const cohortWeek = data.kpis.returnRate?.week?.week;
    if (tile === 'feedback') this.drill.openDrill(title, drillFeedback(base, { week }));
    else if (tile === 'returnRate' && cohortWeek)
      this.drill.openDrill(title, drillCohort(base, cohortWeek));
    else this.drill.openDrill(title, drillWeek(base, week, tile === 'units' ? 'units' : 'records'));
  }

  /** A refunds tile: the claims whose refund in that currency was paid in the week. */
  protected openRefunds(currency: string): void {
    const data = this.data();
    if (!data) return;
    const week = data.week.week;
    this.drill.openRecords({
      kind: 'claims',
      title: `Refunds paid (${currency}), ${this.weekTitle()}`,
      params: {
        ...this.filters.valueParams(),
        from: week,
        to: week,
        money: 'refund',
        currency,
      },
    });
  }

  /**
   * An SLA policy tile: the policy's breached claims of the week the tile is of (the reported
   * week, or its latest mature week), judged now as the tile was.
   */
  protected openSlaBreaches(policyId: number, name: string, tileWeek?: string): void {
    const data = this.data();
    if (!data) return;
    const week = tileWeek ?? data.week.week;
    this.drill.openRecords({
      kind: 'claims',
      title: `${name}: breached, ${formatWeek(week)}`,
      params: {
        ...this.filters.valueParams(),
        from: week,
        to: week,
        outcome: 'breached',
        policy: String(policyId),
        asOf: new Date().toISOString(),
      },
    });
  }

  /** A bar of the return rate by order week: the returns of that week's orders. */
  protected onCohortClick(event: ECElementEvent): void {
    const week = this.data()?.returnCohorts.weeks[event.dataIndex];
    if (week)
      this.drill.openDrill(
        `Returns of the orders of ${formatWeek(week.week.week)}${week.mature ? '' : ' (so far)'}`,
        drillCohort(this.filters.valueParams(), week.week.week),
      );
  }

  protected selectMover(mover: Mover): void {
    this.filters.only(MOVER_KIND[mover.kind].filter, [mover.key]);
  }

  protected openRecords(title: string, extra: QueryParams = {}): void {
    const params = this.weekParams();
    if (params) this.drill.openRecords({ kind: 'claims', title, params: { ...params, ...extra } });
  }

  /**
   * "Why this number" names what the figure covers: the report week, or for the trend the 12
   * weeks ending with it (the page's period picker does not apply to this report).
   */
  protected explain(title: string, metrics: string[], twelveWeeks = false): void {
    const data = this.data();
    const first = data?.trendWeeks[0]?.week;
    const covers =
      twelveWeeks && first && data
        ? `${formatWeek(first)} – ${formatWeek(data.week.week)}`
        : this.weekTitle();
    const filters = describeValueFilters(this.filters.state());
    this.drill.openExplain({
      title,
      metrics,
      scope: [covers, filters].filter(Boolean).join(' · '),
    });
  }

  /** Every claim of the 12-week trend. */
  protected openTrendRecords(): void {
    const data = this.data();
    const weeks = data?.trendWeeks ?? [];
    if (!data || !weeks.length) return;
    this.drill.openRecords({
      kind: 'claims',
      title: 'Claims per week, last 12 weeks',
      params: {
        ...this.filters.valueParams(),
        from: weeks[0].week,
        to: weeks[weeks.length - 1].week,
      },
    });
  }

  protected retry(): void {
    this.report.reload();
  }
}
