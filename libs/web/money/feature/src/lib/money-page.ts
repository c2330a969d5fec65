import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  RESOLUTION_OUTCOME_LABELS,
  type CostOfQualityRow,
  type MoneyReport,
  type ResolutionOutcome,
  type ResolutionsReport,
} from '@returnlens/shared/contracts';
import {
  DomainLabels,
  analyticsResource,
  csvUrl,
  describeHttpError,
  DrilldownStore,
  loadState,
  providePageMessages,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { FilterStore } from '@returnlens/web/shared/filters';
import {
  ChartComponent,
  formatCount,
  formatMoney,
  formatShare,
  ThemeStore,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ECElementEvent } from 'echarts/core';
import { MONEY_MESSAGES } from './i18n/en';
import { pageTranslate } from '@returnlens/web/shared/data-access';
import {
  buildCostOption,
  buildMixBarsOption,
  buildMixWeeksOption,
  buildMoneyWeeksOption,
  costHeadline,
  mixGroups,
  mixHeadline,
  moneyHeadline,
  type MixGroup,
} from './money-options';

/** How many suppliers, products and reasons the cost and mix charts show (all are in the CSV). */
const TOP = 12;

type CostDimension = 'supplier' | 'product' | 'reason';

/**
 * The owner's money question: what do claims cost us, how do they end, and who causes the
 * cost? Refunds paid and handling costs by the week the money went out, the resolution mix
 * by opening week, reason and supplier, and the cost of poor quality. Every bar opens exactly
 * its claims; every chart exports its table as CSV and Arrow.
 */
@Component({
  selector: 'rl-money-page',
  imports: [ChartComponent, PanelComponent, TranslocoPipe],
  providers: [providePageMessages('money', MONEY_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './money-page.html',
  styleUrl: './money-page.scss',
})
export class MoneyPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  private readonly words = inject(DomainLabels);
  /** The page's messages in TypeScript (inside computed(): follows the language). */
  private readonly t = pageTranslate('money', MONEY_MESSAGES);

  protected readonly resolutions = analyticsResource<ResolutionsReport>(
    'resolutions',
    this.filters.params,
  );
  protected readonly money = analyticsResource<MoneyReport>('money', this.filters.params);
  private readonly mixData = computed(() =>
    this.resolutions.hasValue() ? this.resolutions.value() : undefined,
  );
  private readonly moneyData = computed(() =>
    this.money.hasValue() ? this.money.value() : undefined,
  );
  protected readonly mixState = computed(() =>
    loadState(this.resolutions, () => !this.mixData()?.weekly.some((r) => r.claims > 0)),
  );
  protected readonly moneyState = computed(() =>
    loadState(this.money, () => !this.moneyData()?.currencies.length),
  );
  protected readonly mixError = computed(() => {
    const e = this.resolutions.error();
    return e ? describeHttpError(e) : null;
  });
  protected readonly moneyError = computed(() => {
    const e = this.money.error();
    return e ? describeHttpError(e) : null;
  });

  /** Money is never added across currencies: the page shows one at a time. */
  private readonly chosenCurrency = signal<string | null>(null);
  protected readonly currencies = computed(() => this.moneyData()?.currencies ?? []);
  protected readonly currency = computed(() => {
    const chosen = this.chosenCurrency();
    const all = this.currencies();
    return chosen && all.includes(chosen) ? chosen : (all[0] ?? 'EUR');
  });
  protected chooseCurrency(currency: string): void {
    this.chosenCurrency.set(currency);
  }

  private readonly weeks = computed(
    () => this.moneyData()?.period.weeks ?? this.mixData()?.period.weeks ?? [],
  );

  // The strip: the period's money in the chosen currency, and the claims still open.
  protected readonly stats = computed(() => {
    const currency = this.currency();
    const rows = (this.moneyData()?.weekly ?? []).filter((r) => r.currency === currency);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
    const refunds = sum((r) => r.refundAmount);
    const cost = sum((r) => r.costAmount);
    const mix = this.mixData()?.weekly ?? [];
    const claims = mix.reduce((s, r) => s + r.claims, 0);
    const open = mix.filter((r) => r.resolution === 'open').reduce((s, r) => s + r.claims, 0);
    return {
      refunds: formatMoney(refunds, currency),
      refundCount: formatCount(sum((r) => r.refunds)),
      cost: formatMoney(cost, currency),
      costCount: formatCount(sum((r) => r.costClaims)),
      total: formatMoney(refunds + cost, currency),
      open: claims ? formatShare(open / claims) : '–',
      openCount: formatCount(open),
    };
  });

  // Money per week.
  protected readonly moneyOption = computed(() =>
    buildMoneyWeeksOption(
      this.weeks(),
      this.moneyData()?.weekly ?? [],
      this.currency(),
      this.theme.tokens(),
      this.t,
    ),
  );
  protected readonly moneyTitle = computed(() =>
    moneyHeadline(this.weeks(), this.moneyData()?.weekly ?? [], this.currency(), this.t),
  );
  protected readonly moneyLabel = computed(() => {
    const currency = this.currency();
    const weeks = (this.moneyData()?.weekly ?? [])
      .filter((r) => r.currency === currency)
      .map((r) =>
        this.t(r.complete ? 'weekly.chartWeek' : 'weekly.chartWeekNotOver', {
          week: r.week,
          refunds: formatMoney(r.refundAmount, currency),
          cost: formatMoney(r.costAmount, currency),
        }),
      )
      .join('; ');
    return this.t('weekly.chart', { currency, weeks });
  });

  // The resolution mix per week.
  protected readonly mixOption = computed(() =>
    buildMixWeeksOption(this.weeks(), this.mixData()?.weekly ?? [], this.theme.tokens(), this.t),
  );
  protected readonly mixTitle = computed(() =>
    mixHeadline(this.mixData()?.weekly ?? [], this.weeks(), this.t),
  );
  protected readonly mixLabel = computed(() => this.mixTitle());

  // The mix by reason and by supplier.
  protected readonly reasonGroups = computed(() =>
    mixGroups(
      this.mixData()?.byReason ?? [],
      (r) => r.reasonCode,
      (r) => this.words.label('reason', r.reasonCode, r.reasonLabel),
      TOP,
    ),
  );
  protected readonly supplierGroups = computed(() =>
    mixGroups(
      this.mixData()?.bySupplier ?? [],
      (r) => r.supplierId,
      (r) => r.supplierName,
      TOP,
    ),
  );
  protected readonly reasonMixOption = computed(() =>
    buildMixBarsOption(this.reasonGroups(), this.theme.tokens(), this.t),
  );
  protected readonly supplierMixOption = computed(() =>
    buildMixBarsOption(this.supplierGroups(), this.theme.tokens(), this.t),
  );
  protected readonly reasonMixTitle = computed(() =>
    this.groupFinding(this.reasonGroups(), 'mixReason'),
  );
  protected readonly supplierMixTitle = computed(() =>
    this.groupFinding(this.supplierGroups(), 'mixSupplier'),
  );
  protected readonly reasonMixLabel = computed(() =>
    this.t('mixReason.chart', { groups: this.mixBarsLabel(this.reasonGroups()) }),
  );
  protected readonly supplierMixLabel = computed(() =>
    this.t('mixSupplier.chart', { groups: this.mixBarsLabel(this.supplierGroups()) }),
  );
  private mixBarsLabel(groups: readonly MixGroup[]): string {
    return groups
      .map(
        (g) =>
          `${g.label}: ${g.rows
            .filter((r) => r.claims > 0)
            .map((r) => `${this.t(`outcome.${r.resolution}`)} ${formatShare(r.share)}`)
            .join(', ')}`,
      )
      .join('; ');
  }

  /** The group whose claims most often end in money going back: refund or partial refund. */
  private groupFinding(groups: readonly MixGroup[], what: 'mixReason' | 'mixSupplier'): string {
    const refunded = groups
      .map((g) => ({
        g,
        claims: g.rows.reduce((s, r) => s + r.claims, 0),
        share: g.rows
          .filter((r) => r.resolution === 'refund' || r.resolution === 'partial_refund')
          .reduce((s, r) => s + r.share, 0),
      }))
      .filter((x) => x.claims >= 20)
      .sort((a, b) => b.share - a.share)[0];
    return refunded
      ? this.t(`${what}.finding`, { label: refunded.g.label, share: formatShare(refunded.share) })
      : this.t(`${what}.title`);
  }

  // Cost of poor quality.
  private costRows(dimension: CostDimension): CostOfQualityRow[] {
    const data = this.moneyData();
    const rows =
      dimension === 'supplier'
        ? data?.bySupplier
        : dimension === 'product'
          ? data?.byProduct
          : data?.byReason.map((r) => ({
              ...r,
              label: r.key ? this.words.label('reason', r.key, r.label) : r.label,
            }));
    return (rows ?? []).filter((r) => r.currency === this.currency());
  }
  protected readonly costs = computed(() =>
    (
      [
        ['supplier', 'supplier', 'bySupplier'],
        ['product', 'product', 'byProduct'],
        ['reason', 'reason', 'byReason'],
      ] as const
    ).map(([dimension, what, table]) => {
      const all = this.costRows(dimension);
      const rows = all.slice(0, TOP);
      const currency = this.currency();
      return {
        dimension,
        table,
        rows,
        title: costHeadline(all, currency, what, this.t),
        option: buildCostOption(rows, currency, this.theme.tokens(), this.t),
        label: this.t(`cost.chart.${what}`, {
          currency,
          rows: rows.map((r) => `${r.label} ${formatMoney(r.total, currency)}`).join('; '),
        }),
        height: 48 + Math.max(rows.length, 1) * 30,
      };
    }),
  );

  // Exports: every table of both answers (the chart menu offers each as CSV and Arrow).
  protected readonly csv = computed(() => {
    const p: QueryParams = this.filters.params() ?? {};
    return {
      moneyWeekly: csvUrl('money', p, 'weekly'),
      mixWeekly: csvUrl('resolutions', p, 'weekly'),
      byReason: csvUrl('resolutions', p, 'byReason'),
      bySupplier: csvUrl('resolutions', p, 'bySupplier'),
      bySupplierCost: csvUrl('money', p, 'bySupplier'),
      byProductCost: csvUrl('money', p, 'byProduct'),
      byReasonCost: csvUrl('money', p, 'byReason'),
    };
  });
  protected costCsv(table: 'bySupplier' | 'byProduct' | 'byReason'): string {
    return this.csv()[`${table}Cost`];
  }

  /** A message of the page, for titles handed to the drawers on a click. */
  protected text(key: string, params?: Record<string, unknown>): string {
    return this.t(key, params);
  }

  // Drill-down: each bar opens exactly the claims it counts.
  protected openRecords(title: string, extra: QueryParams = {}): void {
    this.drill.openRecords({
      kind: 'claims',
      title,
      params: { ...(this.filters.params() ?? {}), ...extra },
    });
  }

  protected onMoneyClick(event: ECElementEvent): void {
    const week = this.weeks()[event.dataIndex];
    const kind = event.seriesId === 'cost' ? 'cost' : 'refund';
    if (!week) return;
    const currency = this.currency();
    this.openRecords(
      this.t(kind === 'refund' ? 'weekly.recordsRefund' : 'weekly.recordsCost', {
        week: week.week,
        currency,
      }),
      { from: week.week, to: week.week, money: kind, currency },
    );
  }

  protected onMixWeekClick(event: ECElementEvent): void {
    const week = this.weeks()[event.dataIndex];
    const outcome = event.seriesId as ResolutionOutcome;
    if (!week || !RESOLUTION_OUTCOME_LABELS[outcome]) return;
    this.openRecords(
      this.t('mix.recordsWeek', { week: week.week, outcome: this.t(`outcomeLower.${outcome}`) }),
      { from: week.week, to: week.week, resolution: outcome },
    );
  }

  protected onMixGroupClick(event: ECElementEvent, by: 'reason' | 'supplier'): void {
    const groups = by === 'reason' ? this.reasonGroups() : this.supplierGroups();
    const group = groups[event.dataIndex];
    const outcome = event.seriesId as ResolutionOutcome;
    if (!group || !group.key || !RESOLUTION_OUTCOME_LABELS[outcome]) return;
    const title = this.t('mix.groupOutcome', {
      group: group.label,
      outcome: this.t(`outcomeLower.${outcome}`),
    });
    this.openRecords(title, {
      [by]: group.key,
      resolution: outcome,
    });
  }

  protected onCostClick(event: ECElementEvent, dimension: CostDimension): void {
    const row = this.costRows(dimension)[event.dataIndex];
    if (!row || !row.key) return;
    this.openRecords(this.t('cost.records', { label: row.label, currency: row.currency }), {
      [dimension]: row.key,
      money: 'any',
      currency: row.currency,
    });
  }

  protected explain(title: string, metrics: string[]): void {
    this.drill.openExplain({ title, metrics });
  }
}
