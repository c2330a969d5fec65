import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { REASONS, type ReasonCategoryCode, type SupplierScore } from '@returnlens/shared/contracts';
import {
  csvUrl,
  describeHttpError,
  DrilldownStore,
  loadState,
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
  funnelHeadline,
  SIGNAL_STYLES,
  SparklineComponent,
  ThemeStore,
  type FunnelPoint,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';
import {
  SMALL_SAMPLE_UNITS,
  sortSuppliers,
  type SupplierSort,
  type SupplierSortKey,
} from '../supplier-table';

const SIGNAL_SHORT: Readonly<Record<SupplierScore['signal'], string>> = {
  above: 'Beyond 99.8 %',
  warning: 'Beyond 95 %',
  within: 'Within',
  below: 'Better',
  no_sales: 'No sales',
};

const reasonLabel = (code: string) => REASONS.find((r) => r.code === code)?.label ?? code;
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
  imports: [ChartComponent, PanelComponent, RouterLink, SparklineComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './suppliers-page.html',
  styleUrl: './suppliers-page.scss',
})
export class SuppliersPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  private readonly router = inject(Router);

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
    return data ? buildFunnelOption(data, this.theme.tokens()) : {};
  });
  protected readonly funnelTitle = computed(() => {
    const data = this.data();
    return data ? funnelHeadline(data) : '';
  });
  protected readonly funnelLabel = computed(() =>
    (this.data()?.suppliers ?? [])
      .filter((s) => s.defectRate !== null)
      .map(
        (s) => `${s.name}: ${formatShare(s.defectRate ?? 0)} of ${s.unitsSold} units, ${s.signal}`,
      )
      .join('; '),
  );
  protected readonly overall = computed(() => {
    const rate = this.data()?.overallDefectRate;
    return rate === null || rate === undefined ? '–' : formatShare(rate);
  });

  protected readonly search = signal('');
  protected readonly sort = signal<SupplierSort>({ key: 'ciLower', order: 'desc' });
  protected readonly rows = computed(() =>
    sortSuppliers(this.data()?.suppliers ?? [], this.search(), this.sort()).map((s) => ({
      ...s,
      small: s.unitsSold < SMALL_SAMPLE_UNITS,
      rateText: s.defectRate === null ? '–' : formatShare(s.defectRate),
      ppmText: formatPpm(s.ppm),
      ciText: s.ci95 ? `${formatShare(s.ci95.lower)}–${formatShare(s.ci95.upper)}` : '–',
      sentimentText: formatNetSentiment(s.netSentiment),
      signalText: SIGNAL_SHORT[s.signal],
      signalTitle: s.signal === 'no_sales' ? 'No sales' : SIGNAL_STYLES[s.signal].label,
      signalColor: s.signal === 'no_sales' ? 'transparent' : SIGNAL_STYLES[s.signal].color,
      reasons: s.topReasons.slice(0, 2).map((r) => ({
        label: reasonLabel(r.reasonCode),
        claims: r.claims,
        color: reasonColor(r.reasonCode),
      })),
      trendLabel: `Weekly defect rate: ${s.trend.map((v) => (v === null ? 'no sales' : formatShare(v))).join(', ')}`,
    })),
  );
  protected readonly columns: readonly { key: SupplierSortKey; label: string; numeric: boolean }[] =
    [
      { key: 'name', label: 'Supplier', numeric: false },
      { key: 'unitsSold', label: 'Units sold', numeric: true },
      { key: 'defectUnits', label: 'Defect units', numeric: true },
      { key: 'defectRate', label: 'Rate', numeric: true },
      { key: 'ciLower', label: '95 % CI', numeric: true },
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

  protected onFunnelClick(event: ECElementEvent): void {
    const point = event.data as FunnelPoint | undefined;
    if (point?.supplierId) this.openSupplier(point.supplierId);
  }

  protected openSupplier(id: string): void {
    void this.router.navigate(['/suppliers', id], { queryParamsHandling: 'preserve' });
  }

  protected openRecords(title: string, supplier?: SupplierScore): void {
    const params = { ...(this.filters.params() ?? {}) };
    if (supplier) params['supplier'] = supplier.supplierId;
    this.drill.openRecords({ kind: 'supplier-claims', title, params });
  }

  protected explain(title: string): void {
    this.drill.openExplain({ title, metrics: ['defect_rate', 'funnel', 'net_sentiment'] });
  }
}
