import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  drillMatrixCell,
  drillReason,
  drillRootCause,
  REASONS,
  type FilterKey,
} from '@returnlens/shared/contracts';
import {
  csvUrl,
  describeHttpError,
  DomainLabels,
  DrilldownStore,
  loadState,
  valueOf,
  matrixResource,
  paretoResource,
  pageTranslate,
  providePageMessages,
  reasonMismatchesResource,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { describeValueFilters, FilterStore } from '@returnlens/web/shared/filters';
import {
  buildReasonHeatmapOption,
  buildRootCauseTreemapOption,
  buildStatedInferredOption,
  ChartComponent,
  formatCount,
  formatShare,
  HEADLINE_MIN_COUNT,
  heatmapHeadline,
  heatmapLayout,
  injectChartText,
  mismatchHeadline,
  rootCauseTree,
  statedInferredHeadline,
  ThemeStore,
  type FilterTarget,
  type HeadlineScope,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';
import { ROOT_CAUSES_MESSAGES } from './i18n/en';

/** How often an answer is asked again while claim texts are being read. */
const ANALYSIS_POLL_MS = 5_000;

/**
 * "What is the root cause?" — claims broken down category → reason → product, reasons
 * against suppliers, and how many reasons were stated versus read from the customer's text.
 * A click on any part narrows the filters to it.
 */
@Component({
  selector: 'rl-root-causes-page',
  imports: [ChartComponent, PanelComponent, TranslocoPipe],
  providers: [providePageMessages('rootCauses', ROOT_CAUSES_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './root-causes-page.html',
  styleUrl: './root-causes-page.scss',
})
export class RootCausesPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  /**
   * A message of the page in the current language (English from the code until that
   * language's file has arrived); in a computed() it re-runs on a switch and a load.
   */
  private readonly t = pageTranslate('rootCauses', ROOT_CAUSES_MESSAGES);
  /** The shared charts' own texts (series, axes, tooltips, findings) in the same language. */
  private readonly c = injectChartText();
  private readonly domain = inject(DomainLabels);
  /** Reason categories in the interface language (the treemap's outer boxes). */
  private readonly category = (code: string) => this.domain.label('category', code);

  private readonly params = this.filters.params;
  protected readonly pareto = paretoResource(this.params);
  protected readonly byProduct = matrixResource('product', this.params);
  protected readonly bySupplier = matrixResource('supplier', this.params);
  protected readonly mismatches = reasonMismatchesResource(this.params);

  /** The Pareto rows, each reason named in the interface language (a shop's own: as written). */
  private readonly rows = computed(() =>
    (this.pareto.hasValue() ? (this.pareto.value()?.rows ?? []) : []).map((r) => ({
      ...r,
      reasonLabel: this.domain.label('reason', r.reasonCode, r.reasonLabel),
    })),
  );
  /** Claim texts of large batches still read in the background: the reasons are provisional. */
  protected readonly analysing = computed(() =>
    this.pareto.hasValue() ? (this.pareto.value()?.analysing ?? null) : null,
  );
  /** While texts are being read, the answer is asked again until they are done. */
  private readonly followAnalysis = effect((onCleanup) => {
    if (!this.analysing()) return;
    const timer = setTimeout(() => this.pareto.reload(), ANALYSIS_POLL_MS);
    onCleanup(() => clearTimeout(timer));
  });
  protected readonly totals = computed(() => {
    const rows = this.rows();
    const claims = rows.reduce((s, r) => s + r.claims, 0);
    const inferred = rows.reduce((s, r) => s + r.inferred, 0);
    return { claims, inferred, share: claims ? inferred / claims : 0 };
  });
  protected readonly periodText = computed(() => {
    const period = this.pareto.hasValue() ? this.pareto.value()?.period : undefined;
    return period
      ? period.from.week === period.to.week
        ? period.to.week
        : `${period.from.week} – ${period.to.week}`
      : '';
  });
  protected readonly paretoState = computed(() =>
    loadState(this.pareto, () => this.totals().claims === 0),
  );
  protected readonly paretoError = computed(() => errorText(this.pareto.error()));

  private readonly label = (code: string) =>
    this.rows().find((r) => r.reasonCode === code)?.reasonLabel ??
    this.domain.label('reason', code, REASONS.find((r) => r.code === code)?.label ?? code);

  // Treemap: category → reason → product
  protected readonly treeState = computed(() => {
    const state = loadState(this.pareto, () => this.totals().claims === 0);
    return state === 'ready' && !this.byProduct.hasValue() && !this.byProduct.error()
      ? 'loading'
      : state;
  });
  protected readonly treeOption = computed(() =>
    buildRootCauseTreemapOption(
      this.rows(),
      this.byProduct.hasValue() ? (this.byProduct.value() ?? null) : null,
      this.theme.tokens(),
      this.c,
      this.category,
    ),
  );
  /** What the headlines' shares are of: all claims, or those of the active filters. */
  private readonly scope = computed<HeadlineScope>(() => ({
    filters: describeValueFilters(this.filters.state()),
  }));
  protected readonly treeTitle = computed(() => {
    const tree = rootCauseTree(this.rows(), null, undefined, undefined, {
      category: this.category,
    });
    const total = this.totals().claims;
    if (!tree.length || !total) return this.t('tree.heading');
    const filters = this.scope().filters;
    // Each headline has a form for a filtered page ("… of Supplier: Kestrel").
    const say = (key: string, params: Record<string, unknown>) =>
      this.t(filters ? `tree.${key}Filtered` : `tree.${key}`, { ...params, filters });
    if (total < HEADLINE_MIN_COUNT) return say('tooFew', { count: total, min: HEADLINE_MIN_COUNT });
    const top = tree[0];
    const reason = [...(top.children ?? [])].sort((a, b) => b.value - a.value)[0];
    const reasonShare = formatShare((reason?.value ?? 0) / total);
    // One category or one reason (a reason filter): no share to state, only what it is.
    if (tree.length === 1 && (top.children?.length ?? 0) <= 1)
      return say('allOne', { count: total, category: top.name, reason: reason?.name ?? '' });
    if (tree.length === 1)
      return say('allShare', {
        count: total,
        category: top.name,
        reason: reason?.name ?? '',
        share: reasonShare,
      });
    return say('causes', {
      category: top.name,
      share: formatShare(top.value / total),
      reason: reason?.name ?? '',
      reasonShare,
    });
  });
  protected readonly treeLabel = computed(() =>
    this.t('tree.label', {
      values: rootCauseTree(this.rows(), null, undefined, undefined, {
        category: this.category,
      })
        .map((c) =>
          this.t('tree.item', {
            name: c.name,
            count: c.value,
            reasons: (c.children ?? []).map((r) => `${r.name} ${r.value}`).join(', '),
          }),
        )
        .join('; '),
    }),
  );

  // Heatmap: reason × supplier
  protected readonly heatState = computed(() =>
    loadState(this.bySupplier, () => (this.bySupplier.value()?.cells.length ?? 0) === 0),
  );
  protected readonly heatError = computed(() => errorText(this.bySupplier.error()));
  protected readonly heatOption = computed(() => {
    const matrix = valueOf(this.bySupplier);
    return matrix
      ? buildReasonHeatmapOption(matrix, this.label, this.theme.tokens(), undefined, this.c)
      : {};
  });
  protected readonly heatTitle = computed(() => {
    const matrix = valueOf(this.bySupplier);
    return matrix ? heatmapHeadline(matrix, this.label, this.scope(), this.c) : '';
  });
  protected readonly heatHeight = computed(() => {
    const matrix = valueOf(this.bySupplier);
    return matrix ? 110 + heatmapLayout(matrix).reasons.length * 30 : 420;
  });
  protected readonly heatLabel = computed(() => {
    const matrix = valueOf(this.bySupplier);
    if (!matrix) return '';
    const names = new Map(matrix.columns.map((c) => [c.key, c.label]));
    return this.t('heatmap.label', {
      values: [...matrix.cells]
        .sort((a, b) => b.claims - a.claims)
        .slice(0, 12)
        .map((c) => `${names.get(c.key) ?? c.key} × ${this.label(c.reasonCode)}: ${c.claims}`)
        .join('; '),
    });
  });

  // Stated vs inferred
  protected readonly statedOption = computed(() =>
    buildStatedInferredOption(this.rows(), this.theme.tokens(), this.c),
  );
  protected readonly statedTitle = computed(() =>
    statedInferredHeadline(this.rows(), this.scope(), this.c),
  );
  protected readonly statedHeight = computed(() => 60 + this.rows().length * 26);
  protected readonly statedLabel = computed(() =>
    this.t('stated.label', {
      values: this.rows()
        .map((r) =>
          this.t('stated.item', { reason: r.reasonLabel, stated: r.stated, inferred: r.inferred }),
        )
        .join('; '),
    }),
  );
  protected readonly reasonTable = computed(() =>
    this.rows().map((r) => ({
      ...r,
      inferredShare: formatShare(r.claims ? r.inferred / r.claims : 0),
      shareText: formatShare(r.share),
    })),
  );

  // Stated vs text: claims whose own text reads as another reason than the stated one
  protected readonly mismatchState = computed(() =>
    loadState(this.mismatches, () => (valueOf(this.mismatches)?.withText ?? 0) === 0),
  );
  protected readonly mismatchError = computed(() => errorText(this.mismatches.error()));
  protected readonly mismatchTitle = computed(() => {
    const report = valueOf(this.mismatches);
    return report ? mismatchHeadline(report, this.label, this.c) : '';
  });
  protected readonly mismatchSummary = computed(() => {
    const report = valueOf(this.mismatches);
    if (!report) return null;
    return {
      any: report.mismatched > 0,
      mismatched: formatCount(report.mismatched),
      withText: formatCount(report.withText),
      share: formatShare(report.withText ? report.mismatched / report.withText : 0),
      share100: report.withText ? Math.round((report.mismatched / report.withText) * 1000) / 10 : 0,
    };
  });
  protected readonly mismatchPairs = computed(() => {
    const report = valueOf(this.mismatches);
    if (!report) return [];
    const pairs = [...report.pairs].sort((a, b) => b.claims - a.claims).slice(0, 8);
    const max = pairs[0]?.claims ?? 1;
    return pairs.map((p) => ({
      ...p,
      statedLabel: this.label(p.stated),
      inferredLabel: this.label(p.inferred),
      shareText: formatShare(report.mismatched ? p.claims / report.mismatched : 0),
      width: Math.max(2, Math.round((p.claims / max) * 100)),
    }));
  });

  protected readonly csv = computed(() => {
    const p = this.params() ?? {};
    return {
      pareto: csvUrl('pareto', p),
      // The matrices as tidy long tables: one row per (reason, column) with its claims.
      product: csvUrl('matrix', { ...p, by: 'product' }, 'cells'),
      supplier: csvUrl('matrix', { ...p, by: 'supplier' }, 'cells'),
      mismatches: csvUrl('reason-mismatches', p, 'pairs'),
    };
  });

  protected formatCount = formatCount;

  /** A part of the tree opens its claims (category, reason, or reason and product). */
  protected onTreeClick(event: ECElementEvent): void {
    const node = event.data as { target?: FilterTarget; name?: string } | undefined;
    if (node?.target)
      this.openTarget(this.t('drill.claims', { name: node.name ?? '' }), node.target);
  }

  /** A cell opens the claims of its reason and supplier. */
  protected onHeatClick(event: ECElementEvent): void {
    const target = (event.data as { target?: FilterTarget } | undefined)?.target;
    if (!target?.reason || target.supplier === undefined) return;
    const supplier = valueOf(this.bySupplier)?.columns.find((c) => c.key === target.supplier);
    this.drill.openDrill(
      this.t('drill.cell', {
        reason: this.label(target.reason),
        supplier: supplier?.label ?? target.supplier,
      }),
      drillMatrixCell(this.params() ?? {}, 'supplier', target.supplier, target.reason),
      narrowTo(target),
    );
  }

  protected onStatedClick(event: ECElementEvent): void {
    const row = this.rows()[event.dataIndex];
    if (row) this.openReason(row.reasonCode);
  }

  /** The claims of one reason (a bar or a row), with "show the page for it only". */
  protected openReason(code: string): void {
    this.drill.openDrill(
      this.t('drill.claims', { name: this.label(code) }),
      drillReason(this.params() ?? {}, code),
      narrowTo({ reason: code }),
    );
  }

  private openTarget(title: string, target: FilterTarget): void {
    this.drill.openDrill(title, drillRootCause(this.params() ?? {}, target), narrowTo(target));
  }

  protected selectReason(code: string): void {
    this.filters.onlyMany(narrowTo({ reason: code }));
  }

  /** The claims in the records drawer (`titleKey` below `rootCauses.`). */
  protected openRecords(titleKey: string, extra: QueryParams = {}): void {
    this.drill.openRecords({
      kind: 'claims',
      title: this.t(titleKey),
      params: { ...(this.params() ?? {}), ...extra },
    });
  }

  /** `titleKey` below `rootCauses.`. */
  protected explain(titleKey: string, metrics: string[]): void {
    this.drill.openExplain({ title: this.t(titleKey), metrics });
  }

  protected openMismatches(): void {
    this.openRecords('mismatch.records', { mismatch: 'true' });
  }

  protected reload(): void {
    this.pareto.reload();
    this.byProduct.reload();
    this.bySupplier.reload();
  }
}

/** The filters that narrow the page to a figure's target. */
function narrowTo(target: FilterTarget): Partial<Record<FilterKey, readonly string[]>> {
  const entries: Partial<Record<FilterKey, readonly string[]>> = {};
  for (const [key, value] of Object.entries(target) as [FilterKey, string | undefined][])
    if (value) entries[key] = [value];
  return entries;
}

function errorText(error: unknown): string | null {
  return error ? describeHttpError(error) : null;
}
