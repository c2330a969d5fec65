import type { AspectsReport } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import { formatCount, formatNetSentiment, formatShare } from './format';
import { axisStyle, baseOption, shortLabel, tooltipStyle } from './option-common';
import { englishChartText, type ChartText } from './i18n/chart-text';
import { escapeHtml } from './pareto-option';
import type { DesignTokens } from './tokens';

export type AspectRow = AspectsReport['aspects'][number];

/** Fewer mentions than this and an aspect's shares say little; the headline skips it. */
export const ASPECT_MIN_MENTIONS = 10;

export const aspectMentions = (a: AspectRow): number => a.positive + a.neutral + a.negative;

/** Aspects in the order the chart draws them: the least positive first (top). */
export function sortAspects(aspects: readonly AspectRow[]): AspectRow[] {
  return aspects
    .filter((a) => aspectMentions(a) > 0)
    .sort(
      (a, b) =>
        (a.netSentiment ?? 0) - (b.netSentiment ?? 0) || aspectMentions(b) - aspectMentions(a),
    );
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? '#ffffff' : '#1d232b';
}

const share = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);

/**
 * Mentions of each aspect as a diverging bar of shares: negative to the left of zero,
 * positive to the right, neutral split evenly across zero (so the bar's centre stays where
 * the balance of opinion is). The least positive aspect is on top.
 */
export function buildAspectDivergingOption(
  aspects: readonly AspectRow[],
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const rows = sortAspects(aspects);
  const totals = rows.map(aspectMentions);
  const negative = rows.map((a, i) => -share(a.negative, totals[i]));
  const halfNeutral = rows.map((a, i) => share(a.neutral, totals[i]) / 2);
  const positive = rows.map((a, i) => share(a.positive, totals[i]));
  const reach = Math.max(
    10,
    ...rows.map((_, i) => Math.max(-negative[i] + halfNeutral[i], positive[i] + halfNeutral[i])),
  );
  const limit = Math.min(100, Math.ceil(reach / 10) * 10);
  const label = (color: string) => ({
    show: true,
    color: textOn(color),
    fontSize: 11,
    fontWeight: 'bold' as const,
    formatter: (p: { value: unknown }) => {
      const v = Math.abs(Number(p.value));
      return v >= 8 ? `${Math.round(v)}%` : '';
    },
  });
  const names = {
    negative: t('sentiment.negative'),
    neutral: t('sentiment.neutral'),
    positive: t('sentiment.positive'),
  };
  const bar = {
    type: 'bar' as const,
    stack: 'sentiment',
    barMaxWidth: 22,
    emphasis: { focus: 'series' as const },
  };
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      data: [names.negative, names.neutral, names.positive],
      textStyle: { color: tokens.textMuted },
      itemWidth: 14,
      itemHeight: 10,
    },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0].dataIndex;
        const a = rows[i];
        const total = totals[i];
        const counts = [
          t('aspects.negative', {
            count: formatCount(a.negative),
            share: formatShare(a.negative / total),
          }),
          t('aspects.neutral', { count: formatCount(a.neutral) }),
          t('aspects.positive', {
            count: formatCount(a.positive),
            share: formatShare(a.positive / total),
          }),
        ];
        return (
          `<strong>${escapeHtml(a.label)}</strong> · ${t('aspects.mentions', { count: total })}<br/>` +
          `${counts.join(' · ')}<br/>` +
          t('sentiment.netValue', { value: formatNetSentiment(a.netSentiment) })
        );
      },
    },
    xAxis: {
      type: 'value',
      min: -limit,
      max: limit,
      interval: limit > 50 ? 25 : 10,
      ...axisStyle(tokens),
      axisLabel: {
        color: tokens.textMuted,
        formatter: (v: number) => `${Math.abs(v)}%`,
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((a, i) => `${shortLabel(a.label, 28)} (${formatCount(totals[i])})`),
      ...axisStyle(tokens),
      axisTick: { show: false },
      axisLabel: { color: tokens.textMuted, fontSize: 11 },
    },
    series: [
      // Nearest zero first: each side stacks outwards from the centre line.
      {
        ...bar,
        name: names.neutral,
        data: halfNeutral.map((v) => -v),
        itemStyle: { color: tokens.divergingNeutral },
      },
      {
        ...bar,
        name: names.negative,
        data: negative,
        itemStyle: { color: tokens.divergingNegative },
        label: label(tokens.divergingNegative),
      },
      {
        ...bar,
        name: names.neutral,
        data: halfNeutral,
        itemStyle: { color: tokens.divergingNeutral },
      },
      {
        ...bar,
        name: names.positive,
        data: positive,
        itemStyle: { color: tokens.divergingPositive },
        label: label(tokens.divergingPositive),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: tokens.text, width: 1, type: 'solid' },
          data: [{ xAxis: 0 }],
        },
      },
    ],
  };
}

/** The finding: the least positive aspect with enough mentions, and how negative it is. */
export function aspectHeadline(aspects: readonly AspectRow[]): string {
  const rows = sortAspects(aspects);
  if (!rows.length) return 'No aspects mentioned in reviews in this period';
  const solid = rows.filter((a) => aspectMentions(a) >= ASPECT_MIN_MENTIONS);
  const worst = (solid.length ? solid : rows)[0];
  const total = aspectMentions(worst);
  if ((worst.netSentiment ?? 0) >= 0)
    return `Every aspect is discussed more positively than negatively; least so ${worst.label} (net ${formatNetSentiment(worst.netSentiment)})`;
  return `${worst.label} draws the most criticism: ${formatShare(worst.negative / total)} of its ${formatCount(total)} mentions are negative (net ${formatNetSentiment(worst.netSentiment)})`;
}

/** A screen-reader summary of the chart. */
export function aspectsLabel(aspects: readonly AspectRow[]): string {
  return sortAspects(aspects)
    .map(
      (a) =>
        `${a.label}: ${a.negative} negative, ${a.neutral} neutral, ${a.positive} positive (net ${formatNetSentiment(a.netSentiment)})`,
    )
    .join('; ');
}
