import type { SupplierScore, SupplierScorecard } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import { currentFormatLocale, formatCount, formatShare } from './format';
import { axisStyle, baseOption, tooltipStyle } from './option-common';
import { englishChartText, type ChartText } from './i18n/chart-text';
import { escapeHtml } from './pareto-option';
import type { DesignTokens } from './tokens';

type Signal = SupplierScore['signal'];

/**
 * Colour (Okabe–Ito) and shape per signal, so the meaning never rests on colour alone. The
 * label is English; `signalLabel` writes it in the interface language.
 */
export const SIGNAL_STYLES: Readonly<
  Record<Exclude<Signal, 'no_sales'>, { label: string; color: string; symbol: string }>
> = {
  above: { label: 'Above 99.8 % limit', color: '#D55E00', symbol: 'triangle' },
  warning: { label: 'Above 95 % limit', color: '#E69F00', symbol: 'diamond' },
  within: { label: 'Within limits', color: '#56B4E9', symbol: 'circle' },
  below: { label: 'Below lower limit (better)', color: '#009E73', symbol: 'rect' },
};

/** A signal's name in the language of `t` ("Above 99.8 % limit"). */
export function signalLabel(
  signal: Exclude<Signal, 'no_sales'>,
  t: ChartText = englishChartText,
): string {
  return t(`funnel.${signal}`);
}

export const Z95 = 1.96;
export const Z998 = 3.09;

/** p₀ ± z·√(p₀(1−p₀)/n), clipped to [0, 1]. */
export function funnelLimits(p0: number, n: number, z: number): { lower: number; upper: number } {
  const se = Math.sqrt((p0 * (1 - p0)) / n);
  return { lower: Math.max(0, p0 - z * se), upper: Math.min(1, p0 + z * se) };
}

/** Points of the limit curves, log-spaced in volume from `nMin` to `nMax`. */
export function funnelCurve(
  p0: number,
  nMin: number,
  nMax: number,
  z: number,
  steps = 48,
): { n: number; lower: number; upper: number }[] {
  const a = Math.log(Math.max(1, nMin));
  const b = Math.log(Math.max(nMin + 1, nMax));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const n = Math.exp(a + ((b - a) * i) / steps);
    return { n, ...funnelLimits(p0, n, z) };
  });
}

export interface FunnelPoint {
  readonly value: [number, number];
  readonly name: string;
  readonly supplierId: string;
}

/** Defect rate against units sold per supplier, with the 95 % and 99.8 % control limits. */
export function buildFunnelOption(
  scorecard: SupplierScorecard,
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const p0 = scorecard.overallDefectRate ?? 0;
  const withSales = scorecard.suppliers.filter((s) => s.unitsSold > 0 && s.defectRate !== null);
  const volumes = withSales.map((s) => s.unitsSold);
  const nMin = Math.max(1, Math.min(...volumes, 100) * 0.8);
  const nMax = Math.max(...volumes, 1000) * 1.25;
  const curve = (z: number) => funnelCurve(p0, nMin, nMax, z);
  const limitLine = (name: string, z: number, side: 'lower' | 'upper', dashed: boolean) => ({
    name,
    type: 'line' as const,
    data: curve(z).map((point) => [point.n, Math.round(point[side] * 100000) / 1000]),
    symbol: 'none',
    silent: true,
    smooth: true,
    lineStyle: {
      color: tokens.textMuted,
      width: 1,
      type: dashed ? ('dashed' as const) : ('solid' as const),
    },
    itemStyle: { color: tokens.textMuted },
    tooltip: { show: false },
    z: 1,
  });
  const bySignal = (signal: Exclude<Signal, 'no_sales'>) => ({
    name: signalLabel(signal, t),
    type: 'scatter' as const,
    symbol: SIGNAL_STYLES[signal].symbol,
    symbolSize: signal === 'within' ? 9 : 12,
    itemStyle: {
      color: SIGNAL_STYLES[signal].color,
      borderColor: tokens.surface,
      borderWidth: 1,
    },
    z: 3,
    data: withSales
      .filter((s) => s.signal === signal)
      .map((s): FunnelPoint => ({
        value: [s.unitsSold, Math.round((s.defectRate ?? 0) * 100000) / 1000],
        name: s.name,
        supplierId: s.supplierId,
      })),
    label: {
      show: signal === 'above' || signal === 'warning',
      formatter: (p: { name: string }) => p.name,
      position: 'right' as const,
      color: tokens.text,
      fontSize: 11,
    },
    labelLayout: { hideOverlap: true, moveOverlap: 'shiftY' as const },
  });
  const scores = new Map(withSales.map((s) => [s.supplierId, s]));
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 110, top: 40, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      textStyle: { color: tokens.textMuted },
      data: [
        ...(['above', 'warning', 'within', 'below'] as const).map((s) => signalLabel(s, t)),
        t('funnel.limits95'),
        t('funnel.limits998'),
      ],
    },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'item',
      formatter: (params: unknown) => {
        const data = (params as { data?: FunnelPoint }).data;
        const s = data?.supplierId ? scores.get(data.supplierId) : undefined;
        if (!s) return '';
        const rate = formatShare(s.defectRate ?? 0);
        return [
          `<strong>${escapeHtml(s.name)}</strong>`,
          s.ci95
            ? t('funnel.rateWithInterval', {
                rate,
                lower: formatShare(s.ci95.lower),
                upper: formatShare(s.ci95.upper),
              })
            : t('funnel.rate', { rate }),
          t('funnel.units', {
            defects: formatCount(s.defectUnits),
            sold: formatCount(s.unitsSold),
          }),
          s.signal === 'within'
            ? t('funnel.withinLimits')
            : signalLabel(s.signal as Exclude<Signal, 'no_sales'>, t),
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'log',
      name: t('funnel.unitsAxis'),
      nameLocation: 'middle',
      nameGap: 26,
      min: nMin,
      max: nMax,
      ...axisStyle(tokens),
      axisLabel: {
        color: tokens.textMuted,
        formatter: (v: number) => formatCount(v),
        showMinLabel: false,
        showMaxLabel: false,
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: t('funnel.rateAxis'),
      min: 0,
      ...axisStyle(tokens),
      axisLabel: { color: tokens.textMuted, formatter: '{value}%' },
    },
    series: [
      limitLine(t('funnel.limits95'), Z95, 'upper', true),
      limitLine(t('funnel.limits95'), Z95, 'lower', true),
      limitLine(t('funnel.limits998'), Z998, 'upper', false),
      limitLine(t('funnel.limits998'), Z998, 'lower', false),
      {
        name: t('funnel.overall'),
        type: 'line',
        data: [
          [nMin, Math.round(p0 * 100000) / 1000],
          [nMax, Math.round(p0 * 100000) / 1000],
        ],
        symbol: 'none',
        silent: true,
        lineStyle: { color: tokens.accent, width: 1 },
        tooltip: { show: false },
        z: 1,
      },
      bySignal('within'),
      bySignal('below'),
      bySignal('warning'),
      bySignal('above'),
    ],
  };
}

/** A ratio with one decimal always, as in "3.0× the overall rate". */
function formatRatio(value: number): string {
  return new Intl.NumberFormat(currentFormatLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** The funnel plot's finding, as its title, in the language of `t`. */
export function funnelHeadline(
  scorecard: SupplierScorecard,
  t: ChartText = englishChartText,
): string {
  const overall = scorecard.overallDefectRate;
  const above = scorecard.suppliers.filter((s) => s.signal === 'above');
  const warning = scorecard.suppliers.filter((s) => s.signal === 'warning');
  if (!scorecard.suppliers.some((s) => s.unitsSold > 0)) return t('funnel.noSales');
  const overallShare = overall === null ? '' : formatShare(overall);
  if (above.length === 1) {
    const s = above[0];
    const rate = formatShare(s.defectRate ?? 0);
    return overall
      ? t('funnel.oneAboveTimes', {
          name: s.name,
          rate,
          times: formatRatio((s.defectRate ?? 0) / overall),
          overall: overallShare,
        })
      : t('funnel.oneAbove', { name: s.name, rate });
  }
  if (above.length > 1) {
    const names = above
      .slice(0, 3)
      .map((s) => s.name)
      .join(', ');
    return t('funnel.manyAbove', {
      count: above.length,
      names: `${names}${above.length > 3 ? '…' : ''}`,
    });
  }
  if (warning.length)
    return t(overallShare ? 'funnel.warning95Overall' : 'funnel.warning95', {
      count: warning.length,
      overall: overallShare,
    });
  return t(overallShare ? 'funnel.allWithinOverall' : 'funnel.allWithin', {
    overall: overallShare,
  });
}
