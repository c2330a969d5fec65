import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
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
  DomainLabels,
  DrilldownStore,
  kpisResource,
  LanguageStore,
  providePageMessages,
  weeklyReportResource,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { describeValueFilters, FilterStore } from '@returnlens/web/shared/filters';
import {
  buildCategoryTrendOption,
  buildCohortOption,
  buildParetoOption,
  CHARTS_MESSAGES,
  ChartComponent,
  formatAverage,
  formatDateRange,
  formatDuration,
  formatShare,
  formatShareOrDash,
  injectScopeText,
  KpiTileComponent,
  paretoHeadline,
  ThemeStore,
  weekName,
} from '@returnlens/web/shared/ui-charts';
import { ChartMenuComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';
import { WEEKLY_MESSAGES } from './i18n/en';

/** What each kind of mover filters, and its label (`weekly.movers.kind.*`). */
const MOVER_KIND: Readonly<Record<Mover['kind'], { label: string; filter: FilterKey }>> = {
  reason: { label: 'reason', filter: 'reason' },
  product: { label: 'product', filter: 'product' },
  supplier: { label: 'supplier', filter: 'supplier' },
};

/** The key of each mover's metric: its rate's name and what its counts are counts of. */
const MOVER_METRIC: Readonly<Record<Mover['metric'], string>> = {
  defect_rate: 'defectRate',
  claim_rate: 'claimRate',
  reason_share: 'reasonShare',
};

/**
 * The shop owner's weekly question: what came back this week, why, and what changed
 * against normal. Every figure comes from the API; this page only lays them out.
 */
@Component({
  selector: 'rl-weekly-report-page',
  imports: [ChartComponent, ChartMenuComponent, KpiTileComponent, RouterLink, TranslocoPipe],
  providers: [
    providePageMessages('weekly', WEEKLY_MESSAGES),
    providePageMessages('charts', CHARTS_MESSAGES),
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './weekly-report-page.html',
  styleUrl: './weekly-report-page.scss',
})
export class WeeklyReportPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  private readonly language = inject(LanguageStore);
  private readonly labels = inject(DomainLabels);
  private readonly weeklyText = injectScopeText('weekly');
  private readonly chartText = injectScopeText('charts');
  /** A `weekly` message in the current language (re-read by computeds when it changes). */
  private t(key: string, params?: Record<string, unknown>): string {
    this.language.language();
    return this.weeklyText(key, params);
  }
  /** A `charts` message in the current language, for the chart options built here. */
  private readonly c = (key: string, params?: Record<string, unknown>): string => {
    this.language.language();
    return this.chartText(key, params);
  };
  private formatWeek(week: string): string {
    return weekName(week, this.c);
  }

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
      ? `${this.formatWeek(data.week.week)} · ${formatDateRange(data.week.start, data.week.end)}`
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
    return through < data.week.end ? this.t('incomplete', { date: through }) : null;
  });

  /** The week's reasons, named in the interface language (a shop's own reason keeps its name). */
  private readonly pareto = computed(() =>
    (this.data()?.pareto ?? []).map((row) => ({
      ...row,
      reasonLabel: this.labels.label('reason', row.reasonCode, row.reasonLabel),
    })),
  );
  /** The 12-week trend, its categories named in the interface language. */
  private readonly trend = computed(() =>
    (this.data()?.trend ?? []).map((series) => ({
      ...series,
      label: this.labels.label('category', series.category, series.label),
    })),
  );

  protected readonly paretoTitle = computed(() =>
    paretoHeadline(this.pareto(), { filters: describeValueFilters(this.filters.state()) }, this.c),
  );
  protected readonly paretoOption = computed(() =>
    buildParetoOption(this.pareto(), this.theme.tokens(), this.c),
  );
  protected readonly paretoLabel = computed(() =>
    this.t('pareto.chartLabel', {
      data: this.pareto()
        .map((row) => this.t('pareto.row', { reason: row.reasonLabel, count: row.claims }))
        .join('; '),
    }),
  );
  protected readonly paretoTable = computed(() =>
    this.pareto().map((row) => ({
      ...row,
      shareText: formatShare(row.share),
      cumulativeText: formatShare(row.cumulativeShare),
    })),
  );

  protected readonly trendOption = computed(() => {
    const data = this.data();
    return buildCategoryTrendOption(
      data?.trendWeeks ?? [],
      this.trend(),
      this.theme.tokens(),
      this.c,
    );
  });
  protected readonly trendLabel = computed(() => {
    const data = this.data();
    if (!data) return '';
    return this.t('trend.chartLabel', {
      data: this.trend()
        .filter((series) => series.claims.some((count) => count > 0))
        .map((series) => `${series.label}: ${series.claims.join(', ')}`)
        .join('; '),
    });
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
      const evidence = this.t(`movers.evidence.${metric}`, {
        count: m.count,
        average: formatAverage(m.baselineCount / weeks),
        weeks,
      });
      return {
        ...m,
        label: m.kind === 'reason' ? this.labels.label('reason', m.key, m.label) : m.label,
        kindLabel: this.t(`movers.kind.${MOVER_KIND[m.kind].label}`),
        figure: this.t('movers.figure', {
          rate: this.t(`movers.rate.${metric}`),
          value: formatShare(m.value),
          baseline: formatShare(m.baseline),
          times: m.rateRatio === null ? this.t('movers.new') : `${m.rateRatio.toFixed(1)}×`,
        }),
        arrow: m.direction === 'up' ? '▲' : '▼',
        evidence: m.topReason
          ? this.t('movers.mostly', { evidence, reason: this.topReason(m.topReason) })
          : evidence,
        qText: m.qValue < 0.001 ? 'q < 0.001' : `q = ${m.qValue.toFixed(3)}`,
      };
    });
  });
  /** A mover's main reason inside the sentence: lower case in English ("mostly product defect"). */
  private topReason(code: string): string {
    const label = this.labels.label('reason', code, reasonLabel(code));
    return this.language.language() === 'en' ? label.toLowerCase() : label;
  }

  /** What an empty movers list means, in words. */
  protected readonly moversNote = computed(() => {
    const test = this.data()?.moversTest;
    if (!test) return '';
    if (test.untested === 'incomplete_week') return this.t('movers.untestedIncomplete');
    return this.t('movers.none', { count: test.candidates });
  });

  /** The return-rate tile: the latest order cohort whose return window has passed. */
  protected readonly returnRate = computed(() => {
    const kpi = this.kpis()?.returnRate;
    return kpi
      ? {
          kpi,
          label: this.t('kpis.returnRate', { week: this.formatWeek(kpi.week?.week ?? '') }),
        }
      : null;
  });
  protected readonly cohortOption = computed(() => {
    const cohorts = this.data()?.returnCohorts;
    const target = this.operations.hasValue() ? this.operations.value().returnShare.target : null;
    return buildCohortOption(cohorts?.weeks ?? [], this.theme.tokens(), target, this.c);
  });
  protected readonly cohortLabel = computed(() =>
    this.t('cohort.chartLabel', {
      data: (this.data()?.returnCohorts.weeks ?? [])
        .map((w) => {
          const rate = w.rate === null ? this.t('cohort.noSales') : formatShare(w.rate);
          return `${w.week.week}: ${w.mature ? rate : this.t('cohort.soFar', { rate })}`;
        })
        .join('; '),
    }),
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
      target: this.t(
        kpi.better === 'lower' ? 'operations.targetAtMost' : 'operations.targetAtLeast',
        { target: format(kpi.target) },
      ),
      previous: this.t('operations.previous', { value: format(kpi.previous) }),
      verdict: kpi.meetsTarget === null ? 'none' : kpi.meetsTarget ? 'met' : 'missed',
      note,
    });
    const cohortWeeks = k.returnShare.cohortWeeks;
    return [
      tile(
        this.t('operations.processingTime'),
        'processing_time',
        k.processingTimeHours,
        duration,
        k.processingTimeHours.stillOpen
          ? this.t('operations.stillOpen', { count: k.processingTimeHours.stillOpen })
          : '',
      ),
      tile(
        this.t('operations.satisfaction'),
        'satisfaction',
        k.satisfaction,
        formatShareOrDash,
        this.t('operations.rated', { count: k.satisfaction.n }),
      ),
      tile(
        this.t('operations.repeatContacts'),
        'repeat_contact_rate',
        k.repeatContactRate,
        formatShareOrDash,
      ),
      tile(
        this.t('operations.goodsReturned'),
        'return_rate',
        k.returnShare,
        formatShareOrDash,
        cohortWeeks.length === 1
          ? this.t('operations.ordersOfWeek', { week: cohortWeeks[0] })
          : cohortWeeks.length
            ? this.t('operations.ordersOfWeeks', { count: cohortWeeks.length })
            : this.t('operations.noMatureWeek'),
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
    const row = this.pareto()[event.dataIndex];
    const params = this.weekParams();
    if (row && params)
      this.drill.openDrill(
        this.t('drill.withWeek', { title: row.reasonLabel, week: this.weekTitle() }),
        drillReason(params, row.reasonCode),
        { reason: [row.reasonCode] },
      );
  }

  /** A point of the 12-week trend: the claims of that category opened in that week. */
  protected onTrendClick(event: ECElementEvent): void {
    const data = this.data();
    const series = this.trend().filter((s) => s.claims.some((count) => count > 0))[
      event.seriesIndex ?? -1
    ];
    const week = data?.trendWeeks[event.dataIndex]?.week;
    if (!series || !week) return;
    this.drill.openDrill(
      this.t('drill.withWeek', { title: series.label, week: this.formatWeek(week) }),
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
      title: this.t('drill.refunds', { currency, week: this.weekTitle() }),
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
      title: this.t('drill.slaBreached', { policy: name, week: this.formatWeek(week) }),
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
        this.t(week.mature ? 'drill.cohort' : 'drill.cohortSoFar', {
          week: this.formatWeek(week.week.week),
        }),
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
        ? `${this.formatWeek(first)} – ${this.formatWeek(data.week.week)}`
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
      title: this.t('drill.trend'),
      params: {
        ...this.filters.valueParams(),
        from: weeks[0].week,
        to: weeks[weeks.length - 1].week,
      },
    });
  }

  /** A `weekly` message for the template's event handlers (pipes are not allowed there). */
  protected text(key: string, params?: Record<string, unknown>): string {
    return this.t(key, params);
  }

  /** An SLA policy tile's label: its name, the week it is of, and what is not yet due. */
  protected slaLabel(
    policy: { name: string; immature?: boolean; pending?: number },
    week?: string,
  ): string {
    const label = week ? this.t('kpis.slaMatureWeek', { policy: policy.name, week }) : policy.name;
    return policy.immature
      ? this.t('kpis.slaPending', { label, count: policy.pending ?? 0 })
      : label;
  }

  protected retry(): void {
    this.report.reload();
  }
}
