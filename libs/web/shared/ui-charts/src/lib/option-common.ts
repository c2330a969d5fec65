import { formatAverage } from './format';
import type { DesignTokens } from './tokens';

/** The parts every chart shares: text, tooltip and axis colours from the theme. */
export function baseOption(tokens: DesignTokens) {
  return {
    aria: { enabled: true },
    animationDuration: 300,
    textStyle: { color: tokens.text, fontFamily: 'inherit' },
  };
}

export function tooltipStyle(tokens: DesignTokens) {
  return {
    backgroundColor: tokens.surface,
    borderColor: tokens.border,
    textStyle: { color: tokens.text },
    confine: true,
  };
}

export function axisStyle(tokens: DesignTokens) {
  return {
    // Numbers as everywhere else in the UI (grouping, and U+2212 for negatives).
    axisLabel: {
      color: tokens.textMuted,
      formatter: (value: unknown) =>
        typeof value === 'number' ? formatAverage(value) : String(value),
    },
    axisLine: { lineStyle: { color: tokens.border } },
    splitLine: { lineStyle: { color: tokens.gridLine } },
    nameTextStyle: { color: tokens.textMuted },
  };
}

/** `2026-W07` → "W7". */
export function shortWeek(week: string): string {
  return `W${Number(week.slice(-2))}`;
}

/** Rounds a share to a percentage with one decimal for chart data: 0.12345 → 12.3. */
export function pct(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** Shortens a label for an axis without cutting a word in half. */
export function shortLabel(text: string, max = 22): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** How a chart is laid out where it is shown: the reading direction and the room it has. */
export interface ChartLayout {
  /** The interface reads right to left (Hebrew): the chart mirrors. */
  readonly rtl: boolean;
  /** A narrow frame (a phone): fewer ticks, labels that may not overlap. */
  readonly compact: boolean;
}

/** Below this width (px) a chart is laid out for a phone. The printed A4 is wider. */
export const COMPACT_CHART_WIDTH = 600;

type Part = Record<string, unknown>;
const asList = (value: unknown): Part[] =>
  value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as Part[]);
const sameShape = (original: unknown, parts: Part[]): unknown =>
  Array.isArray(original) ? parts : parts[0];
const otherSide = (side: unknown): unknown =>
  side === 'left' ? 'right' : side === 'right' ? 'left' : side;
const isCategory = (axis: Part | undefined, byDefault: boolean) =>
  axis !== undefined && (axis['type'] === 'category' || (axis['type'] === undefined && byDefault));

/**
 * Vertical bars whose category labels the builder rotates because they are long (the Pareto's
 * reasons): on a phone they read better as horizontal bars, one label per line.
 */
function hasLongCategoryLabels(option: Part): boolean {
  const xAxes = asList(option['xAxis']);
  const yAxes = asList(option['yAxis']);
  const label = xAxes[0]?.['axisLabel'] as Part | undefined;
  return (
    xAxes.length === 1 &&
    isCategory(xAxes[0], true) &&
    Boolean(label?.['rotate']) &&
    yAxes.length > 0 &&
    yAxes.every((axis) => !isCategory(axis, false)) &&
    asList(option['series']).some((series) => series['type'] === 'bar')
  );
}

/**
 * The same chart with its axes swapped: categories down the side (first on top), values
 * along the bottom (a second value axis along the top), bar labels and rounded ends at the
 * bars' tips, mark lines on the value axis they were on.
 */
function turnSideways(option: Part): Part {
  const [category] = asList(option['xAxis']);
  const categoryLabel = { ...((category['axisLabel'] as Part | undefined) ?? {}) };
  delete categoryLabel['rotate'];
  const values = asList(option['yAxis']).map((axis, index) => {
    const turned: Part = { ...axis, position: index === 0 ? 'bottom' : 'top' };
    delete turned['nameTextStyle'];
    return { ...turned, nameLocation: 'middle', nameGap: 24 };
  });
  const series = asList(option['series']).map((one) => {
    const turned: Part = { ...one };
    if (turned['yAxisIndex'] !== undefined) {
      turned['xAxisIndex'] = turned['yAxisIndex'];
      delete turned['yAxisIndex'];
    }
    const label = turned['label'] as Part | undefined;
    if (label?.['position'] === 'top') turned['label'] = { ...label, position: 'right' };
    const markLine = turned['markLine'] as Part | undefined;
    if (markLine && Array.isArray(markLine['data']))
      turned['markLine'] = {
        ...markLine,
        data: (markLine['data'] as Part[]).map(({ yAxis, ...rest }) =>
          yAxis === undefined ? rest : { ...rest, xAxis: yAxis },
        ),
      };
    if (Array.isArray(turned['data']))
      turned['data'] = (turned['data'] as unknown[]).map((point) => {
        const style = (point as Part | null)?.['itemStyle'] as Part | undefined;
        return style && Array.isArray(style['borderRadius'])
          ? { ...(point as Part), itemStyle: { ...style, borderRadius: [0, 3, 3, 0] } }
          : point;
      });
    return turned;
  });
  const grid = option['grid'] as Part | undefined;
  return {
    ...option,
    // Room for the value axes' names below and above the bars.
    ...(grid && !Array.isArray(grid) ? { grid: { ...grid, top: 44, bottom: 32 } } : {}),
    xAxis: values.length === 1 ? values[0] : values,
    yAxis: { ...category, inverse: !category['inverse'], axisLabel: categoryLabel },
    series,
  };
}

/**
 * A builder's option laid out for where the chart is shown — one place, so every chart
 * (shared and page-own builders alike) mirrors and shrinks the same way:
 *
 * - right to left: a category x-axis runs from the right (`inverse`), value y-axes swap sides
 *   (the first on the right), horizontal bars grow from the right with their categories on the
 *   right, the grid's margins, labels beside bars and the legend swap sides, and tooltips
 *   read right to left (numbers keep their own direction: they are left-to-right runs);
 * - compact (a phone): at most about three steps on value axes, category labels that would
 *   overlap are dropped (the tooltip still names each), and long ones are cut; vertical bars
 *   with long (rotated) labels turn into horizontal bars.
 *
 * Options without axes (the treemap) only get the tooltip and legend changes. The option given
 * is not changed.
 */
export function layOutChart<T extends object>(option: T, layout: ChartLayout): T {
  if (!layout.rtl && !layout.compact) return option;
  const given = option as Part;
  const source = layout.compact && hasLongCategoryLabels(given) ? turnSideways(given) : given;
  const result: Part = { ...source };
  const xAxes = asList(source['xAxis']).map((axis) => ({ ...axis }));
  const yAxes = asList(source['yAxis']).map((axis) => ({ ...axis }));
  const horizontalBars = isCategory(yAxes[0], false) && !isCategory(xAxes[0], true);

  if (layout.rtl) {
    xAxes.forEach((axis) => {
      if (isCategory(axis, true) || horizontalBars) axis['inverse'] = !axis['inverse'];
    });
    yAxes.forEach((axis, index) => {
      axis['position'] = axis['position']
        ? otherSide(axis['position'])
        : index === 0
          ? 'right'
          : 'left';
      const name = axis['nameTextStyle'] as Part | undefined;
      if (name?.['align']) axis['nameTextStyle'] = { ...name, align: otherSide(name['align']) };
    });
    result['grid'] = sameShape(
      source['grid'],
      asList(source['grid']).map(({ left, right, ...grid }) => ({
        ...grid,
        ...(right !== undefined ? { left: right } : {}),
        ...(left !== undefined ? { right: left } : {}),
      })),
    );
    if (source['legend'] !== undefined)
      result['legend'] = sameShape(
        source['legend'],
        asList(source['legend']).map((legend) => ({
          ...legend,
          align: 'right',
          ...(legend['left'] !== undefined ? { left: otherSide(legend['left']) } : {}),
        })),
      );
    if (source['tooltip'] !== undefined)
      result['tooltip'] = {
        ...(source['tooltip'] as Part),
        extraCssText: 'direction: rtl; text-align: right;',
      };
    if (source['series'] !== undefined)
      result['series'] = asList(source['series']).map((series) => {
        const label = series['label'] as Part | undefined;
        return label?.['position'] === 'right' || label?.['position'] === 'left'
          ? { ...series, label: { ...label, position: otherSide(label['position']) } }
          : series;
      });
  }

  if (layout.compact) {
    for (const axis of [...xAxes, ...yAxes]) {
      const label: Part = { ...((axis['axisLabel'] as Part | undefined) ?? {}), hideOverlap: true };
      if (isCategory(axis, xAxes.includes(axis))) {
        const count = Array.isArray(axis['data']) ? axis['data'].length : 0;
        if (xAxes.includes(axis) && label['interval'] === 0 && count > 6)
          label['interval'] = 'auto';
        if (xAxes.includes(axis) && label['rotate'])
          Object.assign(label, { rotate: 45, width: 80, overflow: 'truncate' });
        if (yAxes.includes(axis)) Object.assign(label, { width: 110, overflow: 'truncate' });
      } else if (axis['interval'] === undefined) {
        axis['splitNumber'] = 3;
      }
      axis['axisLabel'] = label;
    }
    if (source['legend'] !== undefined)
      result['legend'] = sameShape(
        result['legend'],
        asList(result['legend']).map((legend) => ({ ...legend, type: 'scroll' })),
      );
  }

  if (source['xAxis'] !== undefined) result['xAxis'] = sameShape(source['xAxis'], xAxes);
  if (source['yAxis'] !== undefined) result['yAxis'] = sameShape(source['yAxis'], yAxes);
  return result as T;
}
