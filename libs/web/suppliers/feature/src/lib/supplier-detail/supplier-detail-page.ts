import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { drillScorecard, type ParetoRow } from '@returnlens/shared/contracts';
import {
  DomainLabels,
  arrowOfCsvUrl,
  csvUrl,
  describeHttpError,
  DrilldownStore,
  loadState,
  paretoResource,
  productsResource,
  pageTranslate,
  providePageMessages,
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
  injectChartText,
  paretoHeadline,
  SIGNAL_STYLES,
  ThemeStore,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';
import { SUPPLIERS_MESSAGES } from '../i18n/en';
import { evidenceSummary, SIGNAL_KEY } from '../supplier-table';

/** One supplier: its weekly defect rate, reason mix, worst products and evidence pack. */
@Component({
  selector: 'rl-supplier-detail-page',
  imports: [ChartComponent, PanelComponent, RouterLink, TranslocoPipe],
  providers: [providePageMessages('suppliers', SUPPLIERS_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supplier-detail-page.html',
  styleUrl: './supplier-detail-page.scss',
})
export class SupplierDetailPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  private readonly words = inject(DomainLabels);
  /**
   * A message of the page in the current language (English from the code until that
   * language's file has arrived); in a computed() it re-runs on a switch and a load.
   */
  private readonly t = pageTranslate('suppliers', SUPPLIERS_MESSAGES);
  /** The shared charts' own texts (series, axes, tooltips, finding) in the interface language. */
  private readonly c = injectChartText();

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
      claimCount: s.claims,
      rate: s.defectRate === null ? '–' : formatShare(s.defectRate),
      ci: s.ci95 ? `${formatShare(s.ci95.lower)}–${formatShare(s.ci95.upper)}` : '–',
      ppm: formatPpm(s.ppm),
      sentiment: formatNetSentiment(s.netSentiment),
      feedback: formatCount(s.feedbackItems),
      feedbackCount: s.feedbackItems,
      signal: this.t(`signal.${SIGNAL_KEY[s.signal]}`),
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
      this.c,
    ),
  );
  protected readonly trendTitle = computed(() => {
    const trend = (this.supplier()?.trend ?? []).filter((v): v is number => v !== null);
    const name = this.name();
    if (trend.length < 4) return this.t('detail.trend.perWeek', { name });
    const last3 = trend.slice(-3).reduce((a, b) => a + b, 0) / 3;
    const before = trend.slice(0, -3).reduce((a, b) => a + b, 0) / (trend.length - 3);
    if (before > 0 && last3 >= before * 2)
      return this.t('detail.trend.rose', { name, factor: (last3 / before).toFixed(1) });
    if (before > 0 && last3 <= before / 2) return this.t('detail.trend.fell', { name });
    return this.t('detail.trend.steady', { name });
  });
  protected readonly trendLabel = computed(() =>
    this.t('detail.trend.label', {
      name: this.name(),
      values: (this.supplier()?.trend ?? [])
        .map((v, i) =>
          this.t('detail.trend.point', {
            week: this.weeks()[i]?.week ?? i,
            value: v === null ? this.t('noSalesWeek') : formatShare(v),
          }),
        )
        .join(', '),
    }),
  );

  private readonly paretoRows = computed(() =>
    (
      (this.pareto.hasValue() ? (this.pareto.value()?.rows ?? []) : []) as unknown as ParetoRow[]
    ).map((r) => ({
      ...r,
      reasonLabel: this.words.label('reason', r.reasonCode, r.reasonLabel),
    })),
  );
  protected readonly paretoState = computed(() =>
    loadState(this.pareto, () => this.paretoRows().length === 0),
  );
  protected readonly mixOption = computed(() =>
    buildParetoOption(this.paretoRows(), this.theme.tokens(), this.c),
  );
  protected readonly mixTitle = computed(() =>
    paretoHeadline(
      this.paretoRows(),
      {
        filters: this.name(),
        empty: this.t('detail.mix.noClaims'),
      },
      this.c,
    ),
  );
  protected readonly mixLabel = computed(() =>
    this.t('detail.mix.label', {
      values: this.paretoRows()
        .map((r) => `${r.reasonLabel}: ${r.claims}`)
        .join('; '),
    }),
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
      (key, params) => this.t(`evidence.${key}`, params),
    );
  });
  protected readonly summaryHref = computed(
    () => `data:text/plain;charset=utf-8,${encodeURIComponent(this.summary())}`,
  );
  protected readonly formatCount = formatCount;

  protected readonly arrowOf = arrowOfCsvUrl;

  /** An id inside a sentence, kept in its own direction (the text form of `<bdi>`). */
  protected isolated(id: string): string {
    return `\u2068${id}\u2069`;
  }

  protected onMixClick(event: ECElementEvent): void {
    const row = this.paretoRows()[event.dataIndex];
    const params = this.ownParams();
    if (row && params)
      this.drill.openDrill(
        this.t('drill.reasonOf', { name: this.name(), reason: row.reasonLabel }),
        drillScorecard(params, { reason: row.reasonCode }),
      );
  }

  /** A week of the defect-rate trend: the defect claims of that week (their units). */
  protected onTrendClick(event: ECElementEvent): void {
    const week = this.weeks()[event.dataIndex];
    const params = this.ownParams();
    if (week && params && event.componentType === 'series')
      this.drill.openDrill(
        this.t('drill.defectsOfWeek', { name: this.name(), week: week.week }),
        drillScorecard(params, { week: week.week }, 'defects'),
      );
  }

  /** The claims counted in the supplier's (or one product's) defect units. */
  protected openDefects(sku?: string, productName?: string): void {
    const params = this.ownParams();
    if (params)
      this.drill.openDrill(
        this.t('drill.defectsOf', { name: productName ?? this.name() }),
        drillScorecard(params, { product: sku }, 'defects'),
      );
  }

  /** The claims of the supplier, or of one of its products (`name`), in the records drawer. */
  protected openRecords(name?: string, extra: QueryParams = {}): void {
    const params = this.ownParams();
    if (params)
      this.drill.openRecords({
        kind: 'supplier-claims',
        title: this.t('drill.claimsOf', { name: name ?? this.name() }),
        params: { ...params, ...extra },
      });
  }

  /** `titleKey` below `suppliers.`. */
  protected explain(titleKey: string): void {
    this.drill.openExplain({ title: this.t(titleKey), metrics: ['defect_rate', 'funnel'] });
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
