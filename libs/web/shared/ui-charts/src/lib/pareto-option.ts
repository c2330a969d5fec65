import type { ParetoRow } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import {
  countOf,
  formatShare,
  HEADLINE_MIN_COUNT,
  headlineOf,
  tooFewForHeadline,
  type HeadlineScope,
} from './format';
import { englishChartText, type ChartText } from './i18n/chart-text';
import { CATEGORY_COLORS, type DesignTokens } from './tokens';

/** Sorted bars of claims per reason, coloured by category, with the cumulative share line. */
export function buildParetoOption(
  rows: readonly ParetoRow[],
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const labels = rows.map((row) => row.reasonLabel);
  return {
    aria: { enabled: true },
    animationDuration: 300,
    textStyle: { color: tokens.text, fontFamily: 'inherit' },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: tokens.surface,
      borderColor: tokens.border,
      textStyle: { color: tokens.text },
      formatter: (params: unknown) => {
        const [bar] = params as { dataIndex: number }[];
        const row = rows[bar.dataIndex];
        return `<strong>${escapeHtml(row.reasonLabel)}</strong><br/>${t('pareto.tooltip', {
          claims: row.claims,
          share: formatShare(row.share),
          cumulative: formatShare(row.cumulativeShare),
        })}`;
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: {
        color: tokens.textMuted,
        interval: 0,
        rotate: rows.length > 6 ? 35 : 0,
        fontSize: 11,
      },
      axisLine: { lineStyle: { color: tokens.border } },
      axisTick: { show: false },
    },
    yAxis: [
      {
        type: 'value',
        name: t('pareto.claimsAxis'),
        nameTextStyle: { color: tokens.textMuted, align: 'left' },
        axisLabel: { color: tokens.textMuted },
        splitLine: { lineStyle: { color: tokens.gridLine } },
      },
      {
        type: 'value',
        name: t('pareto.cumulativeAxis'),
        min: 0,
        max: 100,
        interval: 20,
        nameTextStyle: { color: tokens.textMuted, align: 'right' },
        axisLabel: { color: tokens.textMuted, formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: t('pareto.claimsSeries'),
        type: 'bar',
        barMaxWidth: 38,
        data: rows.map((row) => ({
          value: row.claims,
          itemStyle: { color: CATEGORY_COLORS[row.category], borderRadius: [3, 3, 0, 0] },
        })),
        label: { show: true, position: 'top', color: tokens.textMuted, fontSize: 11 },
      },
      {
        name: t('pareto.cumulativeSeries'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((row) => Math.round(row.cumulativeShare * 1000) / 10),
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { color: tokens.cumulativeLine, width: 1.5 },
        itemStyle: { color: tokens.cumulativeLine },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: tokens.textMuted, type: 'dashed' },
          label: {
            formatter: t('pareto.eightyPercent'),
            position: 'insideEndTop',
            color: tokens.textMuted,
            fontSize: 10,
          },
          data: [{ yAxis: 80 }],
        },
      },
    ],
  };
}

/**
 * The Pareto's finding: the two largest reasons' share, and how many reasons cover 80 %. On a
 * filtered page it says what the share is of; under `HEADLINE_MIN_COUNT` claims it says only how
 * few there are. Given `t`, it speaks that language (claims only: `scope.noun` is English).
 */
export function paretoHeadline(
  rows: readonly ParetoRow[],
  scope: HeadlineScope & { empty?: string } = {},
  t?: ChartText,
): string {
  if (t) return translatedParetoHeadline(rows, scope, t);
  if (rows.length === 0) return scope.empty ?? 'No claims this week';
  const total = rows.reduce((sum, row) => sum + row.claims, 0);
  const few = tooFewForHeadline(total, scope);
  if (few) return few;
  const vital = rows.findIndex((row) => row.cumulativeShare >= 0.8) + 1;
  if (rows.length === 1)
    return `All ${countOf(total, scope)} came for one reason: ${rows[0].reasonLabel}`;
  const [first, second] = rows;
  return (
    `${first.reasonLabel} and ${second.reasonLabel} make up ${formatShare(second.cumulativeShare)} of ${headlineOf(scope)}; ` +
    `${vital} of ${rows.length} reasons cover 80%`
  );
}

function translatedParetoHeadline(
  rows: readonly ParetoRow[],
  scope: HeadlineScope & { empty?: string },
  t: ChartText,
): string {
  if (rows.length === 0) return scope.empty ?? t('pareto.noClaims');
  const total = rows.reduce((sum, row) => sum + row.claims, 0);
  const filters = scope.filters || '';
  const filtered = filters ? 'Filtered' : '';
  if (total < HEADLINE_MIN_COUNT)
    return t(`pareto.tooFew${filtered}`, { count: total, filters, min: HEADLINE_MIN_COUNT });
  if (rows.length === 1)
    return t(`pareto.oneReason${filtered}`, {
      count: total,
      filters,
      reason: rows[0].reasonLabel,
    });
  const [first, second] = rows;
  return t(`pareto.headline${filtered}`, {
    first: first.reasonLabel,
    second: second.reasonLabel,
    share: formatShare(second.cumulativeShare),
    filters,
    vital: rows.findIndex((row) => row.cumulativeShare >= 0.8) + 1,
    reasons: rows.length,
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
