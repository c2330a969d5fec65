import type { CohortWeek } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import { formatShare } from './format';
import { axisStyle, baseOption, pct, shortWeek, tooltipStyle } from './option-common';
import { englishChartText, type ChartText } from './i18n/chart-text';
import type { DesignTokens } from './tokens';

/**
 * Return rate by order week: one bar per cohort, solid once its return window has passed,
 * faint ("so far") while returns are still to come; the target as a dashed line.
 */
export function buildCohortOption(
  weeks: readonly CohortWeek[],
  tokens: DesignTokens,
  target: number | null = null,
  t: ChartText = englishChartText,
): ECOption {
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      formatter: (params: unknown) => {
        const [item] = params as { dataIndex: number }[];
        const w = weeks[item.dataIndex];
        const state = w.mature ? t('cohort.final') : t('cohort.soFarOpen');
        const rate = w.rate === null ? '–' : formatShare(w.rate);
        return [
          `<strong>${t('cohort.ordersOf', { week: w.week.week })}</strong> (${w.week.start} – ${w.week.end})`,
          `${t('cohort.returned', { returned: w.returnedUnits, sold: w.unitsSold, rate })} (${state})`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => shortWeek(w.week.week)),
      ...axisStyle(tokens),
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: t('cohort.axis'),
      ...axisStyle(tokens),
      nameTextStyle: { color: tokens.textMuted, align: 'left' },
      axisLabel: { color: tokens.textMuted, formatter: '{value} %' },
    },
    series: [
      {
        name: t('cohort.series'),
        type: 'bar',
        barMaxWidth: 36,
        data: weeks.map((w) => ({
          value: pct(w.rate),
          itemStyle: {
            color: tokens.accent,
            opacity: w.mature ? 1 : 0.35,
            borderColor: tokens.accent,
            borderType: w.mature ? 'solid' : 'dashed',
            borderWidth: w.mature ? 0 : 1,
          },
        })),
        label: {
          show: true,
          position: 'top',
          color: tokens.textMuted,
          fontSize: 11,
          formatter: (p: unknown) => {
            const { dataIndex } = p as { dataIndex: number };
            return weeks[dataIndex].mature ? '' : t('cohort.soFar');
          },
        },
        ...(target === null
          ? {}
          : {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: tokens.textMuted, type: 'dashed' },
                label: {
                  formatter: t('cohort.target', { target: formatShare(target) }),
                  position: 'insideEndTop',
                  color: tokens.textMuted,
                },
                data: [{ yAxis: pct(target) }],
              },
            }),
      },
    ],
  } as ECOption;
}
