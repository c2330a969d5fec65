import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FilterKey, Mover } from '@returnlens/shared/contracts';
import { parseIsoWeek, shiftIsoWeek } from '@returnlens/shared/metrics';
import {
  csvUrl,
  describeHttpError,
  DrilldownStore,
  kpisResource,
  weeklyReportResource,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { FilterStore } from '@returnlens/web/shared/filters';
import {
  buildCategoryTrendOption,
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

  protected readonly paretoTitle = computed(() => paretoHeadline(this.data()?.pareto ?? []));
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
  protected readonly movers = computed(() =>
    (this.data()?.movers ?? []).map((m) => ({
      ...m,
      kindLabel: MOVER_KIND[m.kind].label,
      valueText: m.value < 1 && m.baseline < 1 ? formatShare(m.value) : formatAverage(m.value),
      baselineText:
        m.value < 1 && m.baseline < 1 ? formatShare(m.baseline) : formatAverage(m.baseline),
      times: m.baseline > 0 ? `${(m.value / m.baseline).toFixed(1)}×` : 'new',
      qText: m.qValue < 0.001 ? 'q < 0.001' : `q = ${m.qValue.toFixed(3)}`,
    })),
  );

  /** Operations figures of the reported week from /api/analytics/kpis. */
  protected readonly operations = kpisResource(this.weekParams);
  protected readonly operationTiles = computed(() => {
    const k = this.operations.hasValue() ? this.operations.value() : undefined;
    if (!k) return null;
    return [
      {
        label: 'Processing time (median)',
        value: formatDuration(k.processingTimeHours),
        metric: 'resolution_time',
      },
      {
        label: 'Repeat contacts',
        value: formatShareOrDash(k.repeatContactRate),
        metric: 'repeat_contact_rate',
      },
      {
        label: 'Return share of claims',
        value: formatShareOrDash(k.returnShare),
        metric: 'return_share',
      },
      {
        label: 'Negative-review share',
        value: formatShareOrDash(k.negativeReviewShare),
        metric: 'negative_review_share',
      },
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

  protected onParetoClick(event: ECElementEvent): void {
    const row = this.data()?.pareto[event.dataIndex];
    if (row) this.filters.only('reason', [row.reasonCode]);
  }

  protected selectMover(mover: Mover): void {
    this.filters.only(MOVER_KIND[mover.kind].filter, [mover.key]);
  }

  protected openRecords(title: string, extra: QueryParams = {}): void {
    const params = this.weekParams();
    if (params) this.drill.openRecords({ kind: 'claims', title, params: { ...params, ...extra } });
  }

  protected explain(title: string, metrics: string[]): void {
    this.drill.openExplain({ title, metrics });
  }

  protected retry(): void {
    this.report.reload();
  }
}
