import type { ParetoResult, ReasonMatrix, ReasonCategoryCode } from '@returnlens/shared/contracts';
import { REASON_CATEGORIES } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import { formatCount, formatShare, HEADLINE_MIN_COUNT, type HeadlineScope } from './format';
import { englishChartText, type ChartText } from './i18n/chart-text';
import { axisStyle, baseOption, shortLabel, tooltipStyle } from './option-common';
import { escapeHtml } from './pareto-option';
import { CATEGORY_COLORS, type DesignTokens } from './tokens';

type ParetoRows = ParetoResult['rows'];

/** What a click on a figure narrows the filters to. */
export interface FilterTarget {
  readonly reason?: string;
  readonly reasonCategory?: string;
  readonly product?: string;
  readonly supplier?: string;
}

const categoryColor = (category: string) =>
  CATEGORY_COLORS[category as ReasonCategoryCode] ?? CATEGORY_COLORS.other;
const englishCategoryLabel = (category: string) =>
  REASON_CATEGORIES.find((c) => c.code === category)?.label ?? category;

/**
 * The headline of too small a sample in the language of `t` ("Only 5 claims (Supplier:
 * Kestrel): too few for a finding …"), or null when there are enough to state a finding.
 */
function tooFewClaims(count: number, scope: HeadlineScope, t: ChartText): string | null {
  if (count >= HEADLINE_MIN_COUNT) return null;
  return t(scope.filters ? 'pareto.tooFewFiltered' : 'pareto.tooFew', {
    count,
    filters: scope.filters ?? '',
    min: HEADLINE_MIN_COUNT,
  });
}

export interface HeatmapCell {
  readonly value: [number, number, number];
  readonly target: FilterTarget;
  readonly label?: { color: string };
}

/**
 * The reasons × columns table of `/matrix`, reduced to the `maxColumns` columns and
 * `maxReasons` reasons with most claims, largest first.
 */
export function heatmapLayout(matrix: ReasonMatrix, maxColumns = 15, maxReasons = 14) {
  const columnTotals = new Map<string, number>();
  const reasonTotals = new Map<string, number>();
  for (const cell of matrix.cells) {
    columnTotals.set(cell.key, (columnTotals.get(cell.key) ?? 0) + cell.claims);
    reasonTotals.set(cell.reasonCode, (reasonTotals.get(cell.reasonCode) ?? 0) + cell.claims);
  }
  const columns = [...matrix.columns]
    .filter((c) => columnTotals.has(c.key))
    .sort((a, b) => (columnTotals.get(b.key) ?? 0) - (columnTotals.get(a.key) ?? 0))
    .slice(0, maxColumns);
  const reasons = [...reasonTotals.keys()]
    .sort((a, b) => (reasonTotals.get(b) ?? 0) - (reasonTotals.get(a) ?? 0))
    .slice(0, maxReasons);
  return { columns, reasons, columnTotals, reasonTotals };
}

/** Reason × supplier (or product, category) claims, with the count in every cell. */
export function buildReasonHeatmapOption(
  matrix: ReasonMatrix,
  reasonLabel: (code: string) => string,
  tokens: DesignTokens,
  maxColumns = 15,
  t: ChartText = englishChartText,
): ECOption {
  const { columns, reasons } = heatmapLayout(matrix, maxColumns);
  const columnIndex = new Map(columns.map((c, i) => [c.key, i]));
  const reasonIndex = new Map(reasons.map((r, i) => [r, i]));
  const cells = matrix.cells.filter((c) => columnIndex.has(c.key) && reasonIndex.has(c.reasonCode));
  const max = Math.max(1, ...cells.map((c) => c.claims));
  const dimension = matrix.by;
  const data: HeatmapCell[] = cells.map((c) => ({
    value: [columnIndex.get(c.key) ?? 0, reasonIndex.get(c.reasonCode) ?? 0, c.claims],
    target: { reason: c.reasonCode, [dimension]: c.key },
    label: { color: c.claims > max * 0.5 ? '#ffffff' : tokens.text },
  }));
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'item',
      formatter: (params: unknown) => {
        const [x, y, claims] = (params as { value: [number, number, number] }).value;
        return `<strong>${escapeHtml(reasonLabel(reasons[y]))}</strong> × ${escapeHtml(columns[x].label)}<br/>${t('rootCauses.cellClaims', { claims })}`;
      },
    },
    xAxis: {
      type: 'category',
      data: columns.map((c) => shortLabel(c.label, 18)),
      ...axisStyle(tokens),
      axisLabel: {
        color: tokens.textMuted,
        interval: 0,
        rotate: columns.length > 8 ? 35 : 0,
        fontSize: 11,
      },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: reasons.map((r) => reasonLabel(r)),
      inverse: true,
      ...axisStyle(tokens),
      axisLabel: { color: tokens.textMuted, fontSize: 11 },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      itemWidth: 10,
      text: [formatCount(max), '0'],
      textStyle: { color: tokens.textMuted },
      inRange: { color: [tokens.sequentialLow, tokens.sequentialHigh] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontSize: 10 },
        itemStyle: { borderColor: tokens.surface, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: tokens.text, borderWidth: 1 } },
      },
    ],
  };
}

/** The heatmap's finding: its largest cell and what share of its column that is. */
export function heatmapHeadline(
  matrix: ReasonMatrix,
  reasonLabel: (code: string) => string,
  scope: HeadlineScope = {},
  t: ChartText = englishChartText,
): string {
  const { columnTotals } = heatmapLayout(matrix);
  const top = [...matrix.cells].sort((a, b) => b.claims - a.claims)[0];
  if (!top) return t('rootCauses.noClaims');
  const few = tooFewClaims(
    matrix.cells.reduce((sum, c) => sum + c.claims, 0),
    scope,
    t,
  );
  if (few) return few;
  const column = matrix.columns.find((c) => c.key === top.key)?.label ?? top.key;
  const share = top.claims / (columnTotals.get(top.key) ?? top.claims);
  return t('rootCauses.largestCell', {
    column,
    reason: reasonLabel(top.reasonCode),
    claims: top.claims,
    share: formatShare(share),
  });
}

interface TreeNode {
  name: string;
  value: number;
  target: FilterTarget;
  itemStyle?: { color?: string; borderColor?: string; opacity?: number };
  children?: TreeNode[];
}

/**
 * Category → reason → product: claims of the Pareto's reasons, split over the products of
 * `/matrix?by=product` — the largest `productsPerReason` that each hold at least
 * `minProductShare` of the reason's claims, the rest as "other products". A reason no single
 * product stands out in stays whole.
 */
export function rootCauseTree(
  rows: ParetoRows,
  products: ReasonMatrix | null,
  productsPerReason = 6,
  minProductShare = 0.04,
  names: RootCauseNames = {},
): TreeNode[] {
  const categoryLabel = names.category ?? englishCategoryLabel;
  const productLabel = new Map((products?.columns ?? []).map((c) => [c.key, c.label]));
  const categories = new Map<string, TreeNode>();
  for (const row of rows) {
    if (row.claims <= 0) continue;
    let category = categories.get(row.category);
    if (!category) {
      category = {
        name: categoryLabel(row.category),
        value: 0,
        target: { reasonCategory: row.category },
        itemStyle: { color: categoryColor(row.category) },
        children: [],
      };
      categories.set(row.category, category);
    }
    const cells = (products?.cells ?? [])
      .filter(
        (c) =>
          c.reasonCode === row.reasonCode &&
          c.claims > 0 &&
          c.claims >= row.claims * minProductShare,
      )
      .sort((a, b) => b.claims - a.claims);
    const shown = cells.slice(0, productsPerReason);
    const rest = row.claims - shown.reduce((sum, c) => sum + c.claims, 0);
    const children: TreeNode[] = shown.map((c) => ({
      name: productLabel.get(c.key) ?? c.key,
      value: c.claims,
      target: { reason: row.reasonCode, product: c.key },
    }));
    if (rest > 0 && children.length)
      children.push({
        name: names.otherProducts ?? 'other products',
        value: rest,
        target: { reason: row.reasonCode },
        itemStyle: { opacity: 0.55 },
      });
    category.children?.push({
      name: row.reasonLabel,
      value: row.claims,
      target: { reason: row.reasonCode },
      ...(children.length ? { children } : {}),
    });
    category.value += row.claims;
  }
  return [...categories.values()].sort((a, b) => b.value - a.value);
}

/** The treemap's own names in the interface language (English by default). */
export interface RootCauseNames {
  /** A reason category's name by its code ("Product defect"). */
  readonly category?: (code: string) => string;
  /** The rest of a reason's claims beside its largest products. */
  readonly otherProducts?: string;
}

/** The hierarchy as a treemap: categories in their fixed colours, reasons, then products. */
export function buildRootCauseTreemapOption(
  rows: ParetoRows,
  products: ReasonMatrix | null,
  tokens: DesignTokens,
  t: ChartText = englishChartText,
  categoryName?: (code: string) => string,
): ECOption {
  const tree = rootCauseTree(rows, products, undefined, undefined, {
    category: categoryName,
    otherProducts: t('rootCauses.otherProducts'),
  });
  const total = tree.reduce((sum, node) => sum + node.value, 0);
  return {
    ...baseOption(tokens),
    // A resize re-lays the rectangles out: move them there quickly.
    animationDurationUpdate: 300,
    tooltip: {
      ...tooltipStyle(tokens),
      formatter: (params: unknown) => {
        const p = params as { treePathInfo: { name: string; value: number }[]; value: number };
        const path = p.treePathInfo
          .slice(1)
          .map((n) => escapeHtml(n.name))
          .join(' › ');
        return `<strong>${path}</strong><br/>${t('rootCauses.claimsShare', { claims: p.value, share: formatShare(p.value / (total || 1)) })}`;
      },
    },
    series: [
      {
        type: 'treemap',
        name: t('rootCauses.allClaims'),
        data: tree,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        top: 4,
        left: 4,
        right: 4,
        bottom: 4,
        label: { show: true, color: '#1d232b', fontSize: 11, overflow: 'truncate' },
        upperLabel: { show: true, height: 20, color: '#1d232b', fontWeight: 'bold', fontSize: 11 },
        levels: [
          {
            itemStyle: { borderColor: tokens.surface, borderWidth: 3, gapWidth: 3 },
            upperLabel: { show: true },
          },
          {
            colorSaturation: [0.35, 0.6],
            itemStyle: { borderColorSaturation: 0.7, gapWidth: 2, borderWidth: 2 },
            upperLabel: { show: true },
          },
          {
            colorSaturation: [0.3, 0.55],
            itemStyle: { borderColorSaturation: 0.6, gapWidth: 1 },
          },
        ],
      },
    ],
  };
}

/** Stated vs inferred reasons per reason, as stacked horizontal bars. */
export function buildStatedInferredOption(
  rows: ParetoRows,
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const shown = rows.filter((r) => r.claims > 0);
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: tokens.textMuted } },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const [first] = params as { dataIndex: number }[];
        const r = shown[first.dataIndex];
        return `<strong>${escapeHtml(r.reasonLabel)}</strong><br/>${t('rootCauses.statedTooltip', { stated: formatCount(r.stated), inferred: formatCount(r.inferred), share: formatShare(r.inferred / (r.claims || 1)) })}`;
      },
    },
    xAxis: { type: 'value', name: t('rootCauses.claimsAxis'), ...axisStyle(tokens) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((r) => r.reasonLabel),
      ...axisStyle(tokens),
      axisLabel: { color: tokens.textMuted, fontSize: 11 },
    },
    series: [
      {
        name: t('rootCauses.stated'),
        type: 'bar',
        stack: 'source',
        data: shown.map((r) => r.stated),
        itemStyle: { color: tokens.divergingPositive },
        barMaxWidth: 18,
      },
      {
        name: t('rootCauses.inferred'),
        type: 'bar',
        stack: 'source',
        data: shown.map((r) => r.inferred),
        itemStyle: { color: '#E69F00' },
        barMaxWidth: 18,
      },
    ],
  };
}

export function statedInferredHeadline(
  rows: ParetoRows,
  scope: HeadlineScope = {},
  t: ChartText = englishChartText,
): string {
  const claims = rows.reduce((s, r) => s + r.claims, 0);
  const inferred = rows.reduce((s, r) => s + r.inferred, 0);
  if (!claims) return t('rootCauses.noClaims');
  const few = tooFewClaims(claims, scope, t);
  if (few) return few;
  const filters = scope.filters ?? '';
  const filtered = filters ? 'Filtered' : '';
  if (!inferred) return t(`rootCauses.allStated${filtered}`, { filters });
  const top = [...rows].sort((a, b) => b.inferred - a.inferred)[0];
  return t(`rootCauses.inferredShare${filtered}`, {
    share: formatShare(inferred / claims),
    filters,
    reason: top.reasonLabel,
  });
}

export interface ReasonMismatchSummary {
  readonly withText: number;
  readonly mismatched: number;
  readonly pairs: readonly {
    readonly stated: string;
    readonly inferred: string;
    readonly claims: number;
  }[];
}

/** The finding of the stated-vs-text check: how often the text contradicts the stated reason. */
export function mismatchHeadline(
  report: ReasonMismatchSummary,
  reasonLabel: (code: string) => string,
  t: ChartText = englishChartText,
): string {
  if (!report.withText) return t('rootCauses.noMismatchData');
  if (!report.mismatched) return t('rootCauses.textAgrees', { count: report.withText });
  const top = [...report.pairs].sort((a, b) => b.claims - a.claims)[0];
  const values = {
    mismatched: formatCount(report.mismatched),
    withText: formatCount(report.withText),
    share: formatShare(report.mismatched / report.withText),
  };
  return top
    ? t('rootCauses.mismatch', {
        ...values,
        stated: reasonLabel(top.stated),
        inferred: reasonLabel(top.inferred),
      })
    : t('rootCauses.mismatchPlain', values);
}
