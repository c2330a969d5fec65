import type { IsoWeekRef } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import { formatShare } from './format';
import { axisStyle, baseOption, shortWeek, tooltipStyle } from './option-common';
import { englishChartText, type ChartText } from './i18n/chart-text';
import type { DesignTokens } from './tokens';

/** A supplier's defect rate per week against the overall rate of the period. */
export function buildRateTrendOption(
  weeks: readonly IsoWeekRef[],
  rates: readonly (number | null)[],
  overall: number | null,
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const toPct = (v: number | null) => (v === null ? null : Math.round(v * 100000) / 1000);
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0].dataIndex;
        const rate = rates[i];
        return `<strong>${weeks[i].week}</strong><br/>${rate === null ? t('supplier.noSales') : t('funnel.rate', { rate: formatShare(rate) })}`;
      },
    },
    xAxis: { type: 'category', data: weeks.map((w) => shortWeek(w.week)), ...axisStyle(tokens) },
    yAxis: {
      type: 'value',
      min: 0,
      ...axisStyle(tokens),
      axisLabel: { color: tokens.textMuted, formatter: '{value}%' },
    },
    series: [
      {
        type: 'line',
        name: t('funnel.rateAxis'),
        data: rates.map(toPct),
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { color: '#D55E00', width: 2 },
        itemStyle: { color: '#D55E00' },
        ...(overall !== null
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: tokens.accent, type: 'dashed' as const },
                label: {
                  formatter: t('supplier.allSuppliers', { rate: formatShare(overall) }),
                  color: tokens.textMuted,
                  fontSize: 10,
                  position: 'insideEndTop' as const,
                },
                data: [{ yAxis: toPct(overall) ?? 0 }],
              },
            }
          : {}),
      },
    ],
  };
}

/** An SVG polyline path for a table sparkline (no chart instance per row). */
export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
): string {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return '';
  const max = Math.max(...known);
  const min = Math.min(0, ...known);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = Math.round(i * step * 10) / 10;
    const y = Math.round((height - 1 - ((v - min) / span) * (height - 2)) * 10) / 10;
    path += `${pen ? 'L' : 'M'}${x},${y}`;
    pen = true;
  });
  return path;
}
