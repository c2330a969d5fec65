import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { parseIsoWeek, shiftIsoWeek } from '@returnlens/shared/metrics';
import { describeHttpError, weeklyReportResource } from '@returnlens/web/shared/data-access';
import {
  buildCategoryTrendOption,
  buildParetoOption,
  ChartComponent,
  formatDateRange,
  formatShare,
  formatWeek,
  KpiTileComponent,
  paretoHeadline,
  ThemeStore,
} from '@returnlens/web/shared/ui-charts';

/**
 * The shop owner's weekly question: what came back this week, why, and what changed
 * against normal. Every figure comes from the API; this page only lays them out.
 */
@Component({
  selector: 'rl-weekly-report-page',
  imports: [ChartComponent, KpiTileComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './weekly-report-page.html',
  styleUrl: './weekly-report-page.scss',
})
export class WeeklyReportPage {
  private readonly theme = inject(ThemeStore);

  /** `?week=2026-W47` in the URL; absent means the latest complete week. */
  readonly week = input<string>();

  protected readonly report = weeklyReportResource(() => this.week() || undefined);
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

  protected retry(): void {
    this.report.reload();
  }
}
