import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { drillScorecard, type ParetoRow } from '@returnlens/shared/contracts';
import {
  arrowOfCsvUrl,
  csvUrl,
  describeHttpError,
  DrilldownStore,
  loadState,
  paretoResource,
  productsResource,
  suppliersResource,
  valueOf,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { FilterStore } from '@returnlens/web/shared/filters';
import {
  buildParetoOption,
  buildRateTrendOption,
  ChartComponent,
  formatCount,
  formatNetSentiment,
  formatPpm,
  formatShare,
  paretoHeadline,
  SIGNAL_STYLES,
  ThemeStore,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';
import { evidenceSummary } from '../supplier-table';

/** One supplier: its weekly defect rate, reason mix, worst products and evidence pack. */
@Component({
  selector: 'rl-supplier-detail-page',
  imports: [ChartComponent, PanelComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supplier-detail-page.html',
  styleUrl: './supplier-detail-page.scss',
})
export class SupplierDetailPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);

  /** From the route: `/suppliers/:supplierId`. */
  readonly supplierId = input.required<string>();

  /** The page's filters without a supplier filter: this supplier is compared with all. */
  private readonly baseParams = computed<QueryParams | null>(() => {
    const p = this.filters.params();
    if (!p) return null;
    const rest: Record<string, string> = { ...p };
    delete rest['supplier'];
    return rest;
  });
  private readonly ownParams = computed<QueryParams | null>(() => {
    const p = this.baseParams();
    return p ? { ...p, supplier: this.supplierId() } : null;
  });

  protected readonly scorecard = suppliersResource(this.baseParams);
  protected readonly pareto = paretoResource(this.ownParams);
  protected readonly products = productsResource(this.ownParams, 20);

  protected readonly supplier = computed(() =>
    this.scorecard.hasValue()
      ? this.scorecard.value()?.suppliers.find((s) => s.supplierId === this.supplierId())
      : undefined,
  );
  protected readonly state = computed(() => loadState(this.scorecard, () => !this.supplier()));
  protected readonly error = computed(() => {
    const error = this.scorecard.error() ?? this.pareto.error() ?? this.products.error();
    return error ? describeHttpError(error) : null;
  });
  protected readonly name = computed(() => this.supplier()?.name ?? this.supplierId());
  protected readonly figures = computed(() => {
    const s = this.supplier();
    if (!s) return null;
    return {
      units: formatCount(s.unitsSold),
      defects: formatCount(s.defectUnits),
      claims: formatCount(s.claims),
      rate: s.defectRate === null ? '–' : formatShare(s.defectRate),
      ci: s.ci95 ? `${formatShare(s.ci95.lower)}–${formatShare(s.ci95.upper)}` : '–',
      ppm: formatPpm(s.ppm),
      sentiment: formatNetSentiment(s.netSentiment),
      feedback: formatCount(s.feedbackItems),
      signal: s.signal === 'no_sales' ? 'No sales' : SIGNAL_STYLES[s.signal].label,
      signalColor: s.signal === 'no_sales' ? 'transparent' : SIGNAL_STYLES[s.signal].color,
    };
  });
  private readonly weeks = computed(() =>
    this.scorecard.hasValue() ? (this.scorecard.value()?.period.weeks ?? []) : [],
  );
  protected readonly periodText = computed(() => {
    const weeks = this.weeks();
    return weeks.length ? `${weeks[0].week} – ${weeks[weeks.length - 1].week}` : '';
  });

  protected readonly trendOption = computed(() =>
    buildRateTrendOption(
      this.weeks(),
      this.supplier()?.trend ?? [],
      valueOf(this.scorecard)?.overallDefectRate ?? null,
      this.theme.tokens(),
    ),
  );
  protected readonly trendTitle = computed(() => {
    const trend = (this.supplier()?.trend ?? []).filter((v): v is number => v !== null);
    if (trend.length < 4) return `${this.name()}'s defect rate per week`;
    const last3 = trend.slice(-3).reduce((a, b) => a + b, 0) / 3;
    const before = trend.slice(0, -3).reduce((a, b) => a + b, 0) / (trend.length - 3);
    if (before > 0 && last3 >= before * 2)
      return `${this.name()}'s defect rate rose ${(last3 / before).toFixed(1)}× in the last 3 weeks`;
    if (before > 0 && last3 <= before / 2)
      return `${this.name()}'s defect rate fell by half or more in the last 3 weeks`;
    return `${this.name()}'s defect rate per week: no sharp change in the last 3 weeks`;
  });
  protected readonly trendLabel = computed(
    () =>
      `Weekly defect rate of ${this.name()}: ${(this.supplier()?.trend ?? [])
        .map((v, i) => `${this.weeks()[i]?.week ?? i}: ${v === null ? 'no sales' : formatShare(v)}`)
        .join(', ')}`,
  );

  private readonly paretoRows = computed(
    () =>
      (this.pareto.hasValue() ? (this.pareto.value()?.rows ?? []) : []) as unknown as ParetoRow[],
  );
  protected readonly paretoState = computed(() =>
    loadState(this.pareto, () => this.paretoRows().length === 0),
  );
  protected readonly mixOption = computed(() =>
    buildParetoOption(this.paretoRows(), this.theme.tokens()),
  );
  protected readonly mixTitle = computed(() =>
    paretoHeadline(this.paretoRows(), {
      filters: this.name(),
      empty: 'No claims in this period',
    }),
  );
  protected readonly mixLabel = computed(() =>
    this.paretoRows()
      .map((r) => `${r.reasonLabel}: ${r.claims}`)
      .join('; '),
  );

  protected readonly productsState = computed(() =>
    loadState(this.products, () => (this.products.value()?.products.length ?? 0) === 0),
  );
  protected readonly productRows = computed(() =>
    (this.products.hasValue() ? (this.products.value()?.products ?? []) : [])
      .filter((p) => p.claims > 0 || p.unitsSold > 0)
      .sort((a, b) => (b.ci95?.lower ?? -1) - (a.ci95?.lower ?? -1))
      .slice(0, 10)
      .map((p) => ({
        ...p,
        rateText: p.defectRate === null ? '–' : formatShare(p.defectRate),
        ciText: p.ci95 ? `${formatShare(p.ci95.lower)}–${formatShare(p.ci95.upper)}` : '–',
      })),
  );

  protected readonly evidenceCsv = computed(() => {
    const p = this.ownParams();
    return p ? csvUrl('records/supplier-claims', { ...p, sort: 'openedAt', order: 'desc' }) : null;
  });
  protected readonly summary = computed(() => {
    const s = this.supplier();
    if (!s) return '';
    return evidenceSummary(
      s,
      valueOf(this.scorecard)?.overallDefectRate ?? null,
      this.periodText(),
      this.paretoRows()
        .slice(0, 5)
        .map((r) => ({ label: r.reasonLabel, claims: r.claims })),
      { share: (v) => formatShare(v), count: (v) => formatCount(v) },
    );
  });
  protected readonly summaryHref = computed(
    () => `data:text/plain;charset=utf-8,${encodeURIComponent(this.summary())}`,
  );
  protected readonly formatCount = formatCount;

  protected readonly arrowOf = arrowOfCsvUrl;

  protected onMixClick(event: ECElementEvent): void {
    const row = this.paretoRows()[event.dataIndex];
    const params = this.ownParams();
    if (row && params)
      this.drill.openDrill(
        `${this.name()}: ${row.reasonLabel}`,
        drillScorecard(params, { reason: row.reasonCode }),
      );
  }

  /** A week of the defect-rate trend: the defect claims of that week (their units). */
  protected onTrendClick(event: ECElementEvent): void {
    const week = this.weeks()[event.dataIndex];
    const params = this.ownParams();
    if (week && params && event.componentType === 'series')
      this.drill.openDrill(
        `Defect claims of ${this.name()}, ${week.week}`,
        drillScorecard(params, { week: week.week }, 'defects'),
      );
  }

  /** The claims counted in the supplier's (or one product's) defect units. */
  protected openDefects(sku?: string, productName?: string): void {
    const params = this.ownParams();
    if (params)
      this.drill.openDrill(
        `Defect claims of ${productName ?? this.name()}`,
        drillScorecard(params, { product: sku }, 'defects'),
      );
  }

  protected openRecords(title: string, extra: QueryParams = {}): void {
    const params = this.ownParams();
    if (params)
      this.drill.openRecords({ kind: 'supplier-claims', title, params: { ...params, ...extra } });
  }

  protected explain(title: string): void {
    this.drill.openExplain({ title, metrics: ['defect_rate', 'funnel'] });
  }

  protected print(): void {
    window.print();
  }

  protected reload(): void {
    this.scorecard.reload();
    this.pareto.reload();
    this.products.reload();
  }
}
