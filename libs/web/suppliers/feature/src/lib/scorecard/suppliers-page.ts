import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Router, RouterLink } from '@angular/router';
import {
  drillScorecard,
  drillScorecardCohort,
  REASONS,
  reasonLabel,
  type ReasonCategoryCode,
  type SupplierScore,
} from '@returnlens/shared/contracts';
import {
  DomainLabels,
  csvUrl,
  describeHttpError,
  DrilldownStore,
  loadState,
  pageTranslate,
  providePageMessages,
  returnRatesResource,
  suppliersResource,
} from '@returnlens/web/shared/data-access';
import { FilterStore } from '@returnlens/web/shared/filters';
import {
  buildFunnelOption,
  CATEGORY_COLORS,
  ChartComponent,
  formatCount,
  formatNetSentiment,
  formatPpm,
  formatShare,
  formatShareOrDash,
  funnelHeadline,
  injectChartText,
  SIGNAL_STYLES,
  SparklineComponent,
  ThemeStore,
  type FunnelPoint,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';
import {
  SIGNAL_KEY,
  SMALL_SAMPLE_UNITS,
  sortSuppliers,
  type SupplierSort,
  type SupplierSortKey,
} from '../supplier-table';
import { SUPPLIERS_MESSAGES } from '../i18n/en';

const reasonColor = (code: string) =>
  CATEGORY_COLORS[
    (REASONS.find((r) => r.code === code)?.category ?? 'other') as ReasonCategoryCode
  ];

/**
 * The buyer's question: which supplier's goods break, and is that noise or a real problem?
 * A funnel plot judges each supplier against control limits for its volume; the scorecard
 * ranks by the 95 % interval, never the bare rate.
 */
@Component({
  selector: 'rl-suppliers-page',
  imports: [ChartComponent, PanelComponent, RouterLink, SparklineComponent, TranslocoPipe],
  providers: [providePageMessages('suppliers', SUPPLIERS_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './suppliers-page.html',
  styleUrl: './suppliers-page.scss',
})
export class SuppliersPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  private readonly words = inject(DomainLabels);
  private readonly router = inject(Router);
  /**
   * A message of the page in the current language (English from the code until that
   * language's file has arrived); in a computed() it re-runs on a switch and a load.
   */
  private readonly t = pageTranslate('suppliers', SUPPLIERS_MESSAGES);
  /** The shared charts' own texts (series, axes, tooltips, finding) in the interface language. */
  private readonly c = injectChartText();

  protected readonly scorecard = suppliersResource(this.filters.params);
  private readonly data = computed(() =>
    this.scorecard.hasValue() ? this.scorecard.value() : undefined,
  );
  protected readonly state = computed(() =>
    loadState(this.scorecard, () => !this.data()?.suppliers.some((s) => s.unitsSold > 0)),
  );
  protected readonly error = computed(() => {
    const error = this.scorecard.error();
    return error ? describeHttpError(error) : null;
  });

  protected readonly funnelOption = computed(() => {
    const data = this.data();
    return data ? buildFunnelOption(data, this.theme.tokens(), this.c) : {};
  });
  protected readonly funnelTitle = computed(() => {
    const data = this.data();
    return data ? funnelHeadline(data, this.c) : '';
  });
  protected readonly funnelLabel = computed(() =>
    (this.data()?.suppliers ?? [])
      .filter((s) => s.defectRate !== null)
      .map((s) =>
        this.t('list.funnel.point', {
          name: s.name,
          rate: formatShare(s.defectRate ?? 0),
          units: s.unitsSold,
          signal: this.t(`signal.${SIGNAL_KEY[s.signal]}`),
        }),
      )
      .join('; '),
  );
  protected readonly funnelAria = computed(() =>
    this.t('list.funnel.label', { points: this.funnelLabel() }),
  );
  protected readonly overall = computed(() => {
    const rate = this.data()?.overallDefectRate;
    return rate === null || rate === undefined ? '–' : formatShare(rate);
  });

  protected readonly search = signal('');
  protected readonly sort = signal<SupplierSort>({ key: 'ciLower', order: 'desc' });
  /** Return rate by order cohort per supplier (the mature order weeks of the period). */
  protected readonly returnRates = returnRatesResource('supplier', this.filters.params);
  private readonly returnRateOf = computed(() => {
    const report = this.returnRates.hasValue() ? this.returnRates.value() : undefined;
    return new Map((report?.rows ?? []).map((r) => [r.key, r]));
  });
  /** The last mature order week of the period: where the return rates' drill-down ends. */
  private readonly matureThrough = computed(() => {
    const report = this.returnRates.hasValue() ? this.returnRates.value() : undefined;
    return report?.cohorts.weeks.filter((w) => w.mature).at(-1)?.week.week ?? null;
  });
  protected readonly rows = computed(() =>
    sortSuppliers(this.data()?.suppliers ?? [], this.search(), this.sort()).map((s) => ({
      ...s,
      returnRate: this.returnRateOf().get(s.supplierId) ?? null,
      returnText: formatShareOrDash(this.returnRateOf().get(s.supplierId)?.rate ?? null),
      small: s.unitsSold < SMALL_SAMPLE_UNITS,
      rateText: s.defectRate === null ? '–' : formatShare(s.defectRate),
      ppmText: formatPpm(s.ppm),
      ciText: s.ci95 ? `${formatShare(s.ci95.lower)}–${formatShare(s.ci95.upper)}` : '–',
      sentimentText: formatNetSentiment(s.netSentiment),
      signalText: this.t(`signalShort.${SIGNAL_KEY[s.signal]}`),
      signalTitle: this.t(`signal.${SIGNAL_KEY[s.signal]}`),
      signalColor: s.signal === 'no_sales' ? 'transparent' : SIGNAL_STYLES[s.signal].color,
      reasons: s.topReasons.slice(0, 2).map((r) => ({
        code: r.reasonCode,
        label: this.words.label('reason', r.reasonCode, reasonLabel(r.reasonCode)),
        claims: r.claims,
        color: reasonColor(r.reasonCode),
      })),
      trendLabel: this.t('list.scorecard.trendLabel', {
        values: s.trend
          .map((v) => (v === null ? this.t('noSalesWeek') : formatShare(v)))
          .join(', '),
      }),
    })),
  );
  /** The sortable columns; `label` is a key below `suppliers.list.column.`. */
  protected readonly columns: readonly { key: SupplierSortKey; numeric: boolean }[] = [
    { key: 'name', numeric: false },
    { key: 'unitsSold', numeric: true },
    { key: 'defectUnits', numeric: true },
    { key: 'defectRate', numeric: true },
    { key: 'ciLower', numeric: true },
  ];
  protected readonly csvHref = computed(() => csvUrl('suppliers', this.filters.params() ?? {}));
  protected readonly smallSample = SMALL_SAMPLE_UNITS;
  protected readonly formatCount = formatCount;

  protected ariaSort(key: SupplierSortKey): 'ascending' | 'descending' | 'none' {
    const sort = this.sort();
    return sort.key === key ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none';
  }

  protected sortBy(key: SupplierSortKey): void {
    const sort = this.sort();
    this.sort.set({
      key,
      order:
        sort.key === key
          ? sort.order === 'asc'
            ? 'desc'
            : 'asc'
          : key === 'name'
            ? 'asc'
            : 'desc',
    });
  }

  /** A point of the funnel is a supplier's defect rate: it opens the defect claims behind it. */
  protected onFunnelClick(event: ECElementEvent): void {
    const point = event.data as FunnelPoint | undefined;
    const supplier = this.data()?.suppliers.find((s) => s.supplierId === point?.supplierId);
    if (supplier) this.openDefects(supplier);
  }

  /** The returns behind a supplier's return rate: its mature order weeks' returns, in units. */
  protected openReturns(s: Pick<SupplierScore, 'supplierId' | 'name'>): void {
    const params = this.filters.params() ?? {};
    const through = this.matureThrough();
    const period = this.returnRates.hasValue() ? this.returnRates.value().period : null;
    if (!through || !period) return;
    this.drill.openDrill(
      this.t('drill.returnsOf', { name: s.name, from: period.from.week, to: through }),
      drillScorecardCohort(
        { ...params, from: period.from.week, to: through },
        {
          supplier: s.supplierId,
        },
      ),
      { supplier: [s.supplierId] },
    );
  }

  /** The claims counted in a supplier's defect units (the drawer shows their units). */
  protected openDefects(s: Pick<SupplierScore, 'supplierId' | 'name'>): void {
    this.drill.openDrill(
      this.t('drill.defectsOf', { name: s.name }),
      drillScorecard(this.filters.params() ?? {}, { supplier: s.supplierId }, 'defects'),
      { supplier: [s.supplierId] },
    );
  }

  /** One of a supplier's top reasons: its claims of that reason. */
  protected openReason(s: SupplierScore, reason: string, label: string): void {
    this.drill.openDrill(
      this.t('drill.reasonOf', { name: s.name, reason: label }),
      drillScorecard(this.filters.params() ?? {}, { supplier: s.supplierId, reason }),
      { supplier: [s.supplierId], reason: [reason] },
    );
  }

  protected openSupplier(id: string): void {
    void this.router.navigate(['/suppliers', id], { queryParamsHandling: 'preserve' });
  }

  /** The claims of all suppliers in the records drawer (`titleKey` below `suppliers.`). */
  protected openRecords(titleKey: string, supplier?: SupplierScore): void {
    const params = { ...(this.filters.params() ?? {}) };
    if (supplier) params['supplier'] = supplier.supplierId;
    this.drill.openRecords({ kind: 'supplier-claims', title: this.t(titleKey), params });
  }

  /** `titleKey` below `suppliers.`. */
  protected explain(titleKey: string): void {
    this.drill.openExplain({
      title: this.t(titleKey),
      metrics: ['defect_rate', 'funnel', 'net_sentiment'],
    });
  }
}
