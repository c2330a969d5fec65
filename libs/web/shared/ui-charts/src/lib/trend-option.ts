import type { CategoryTrend, IsoWeekRef } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import { escapeHtml } from './pareto-option';
import { englishChartText, type ChartText } from './i18n/chart-text';
import { CATEGORY_COLORS, type DesignTokens } from './tokens';

/** Weekly claims stacked by reason category: the composition and the total in one chart. */
export function buildCategoryTrendOption(
  weeks: readonly IsoWeekRef[],
  trend: readonly CategoryTrend[],
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const visible = trend.filter((series) => series.claims.some((count) => count > 0));
  return {
    aria: { enabled: true },
    animationDuration: 300,
    textStyle: { color: tokens.text, fontFamily: 'inherit' },
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      type: 'scroll',
      textStyle: { color: tokens.textMuted },
      pageTextStyle: { color: tokens.textMuted },
      itemWidth: 14,
      itemHeight: 10,
    },
    tooltip: {
      trigger: 'axis',
      backgroundColor: tokens.surface,
      borderColor: tokens.border,
      textStyle: { color: tokens.text },
      formatter: (params: unknown) => {
        const items = params as {
          dataIndex: number;
          seriesName: string;
          value: number;
          color: string;
        }[];
        const week = weeks[items[0].dataIndex];
        const total = items.reduce((sum, item) => sum + item.value, 0);
        const lines = [...items]
          .reverse()
          .filter((item) => item.value > 0)
          .map(
            (item) =>
              `<span style="color:${item.color}">■</span> ${escapeHtml(item.seriesName)}: ${item.value}`,
          );
        return [
          `<strong>${week.week}</strong> (${week.start} – ${week.end}) · ${t('trend.tooltipTotal', { total })}`,
          ...lines,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: weeks.map((week) => `W${Number(week.week.slice(-2))}`),
      axisLabel: { color: tokens.textMuted },
      axisLine: { lineStyle: { color: tokens.border } },
    },
    yAxis: {
      type: 'value',
      name: t('trend.claimsAxis'),
      nameTextStyle: { color: tokens.textMuted, align: 'left' },
      axisLabel: { color: tokens.textMuted },
      splitLine: { lineStyle: { color: tokens.gridLine } },
    },
    series: visible.map((series) => ({
      name: series.label,
      type: 'line' as const,
      stack: 'claims',
      symbol: 'none',
      lineStyle: { width: 1, color: CATEGORY_COLORS[series.category] },
      itemStyle: { color: CATEGORY_COLORS[series.category] },
      areaStyle: { color: CATEGORY_COLORS[series.category], opacity: 0.85 },
      emphasis: { focus: 'series' as const },
      data: [...series.claims],
    })),
  };
}
