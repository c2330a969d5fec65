import type { FeedbackReport } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import { formatCount, formatNetSentiment, formatShare } from './format';
import { axisStyle, baseOption, shortLabel, shortWeek, tooltipStyle } from './option-common';
import { englishChartText, type ChartText } from './i18n/chart-text';
import { escapeHtml } from './pareto-option';
import type { DesignTokens } from './tokens';

/** 1★…5★ on a colour-blind-safe diverging scale (orange → grey → blue). */
export function ratingColors(tokens: DesignTokens): string[] {
  return [
    tokens.divergingNegative,
    '#E69F00',
    tokens.divergingNeutral,
    '#56B4E9',
    tokens.divergingPositive,
  ];
}

/** One 100 % bar of the rating distribution, 1★ on the left. */
export function buildRatingDistributionOption(
  ratings: readonly number[],
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const total = ratings.reduce((s, n) => s + n, 0) || 1;
  const colors = ratingColors(tokens);
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 8, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0, textStyle: { color: tokens.textMuted }, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesIndex: number };
        const n = ratings[p.seriesIndex] ?? 0;
        return `<strong>${p.seriesIndex + 1}★</strong><br/>${t('sentiment.items', { count: n })} · ${formatShare(n / total)}`;
      },
    },
    xAxis: { type: 'value', max: 100, show: false },
    yAxis: { type: 'category', data: [t('sentiment.ratedFeedback')], show: false },
    series: ratings.map((n, i) => ({
      name: `${i + 1}★`,
      type: 'bar' as const,
      stack: 'ratings',
      barWidth: 44,
      data: [Math.round((n / total) * 1000) / 10],
      itemStyle: { color: colors[i] },
      label: {
        show: n / total >= 0.04,
        color: i === 2 ? '#1d232b' : '#ffffff',
        fontWeight: 'bold' as const,
        formatter: `${formatShare(n / total)}`,
      },
    })),
  };
}

export function ratingHeadline(ratings: readonly number[]): string {
  const total = ratings.reduce((s, n) => s + n, 0);
  if (!total) return 'No rated feedback in this period';
  const high = (ratings[3] ?? 0) + (ratings[4] ?? 0);
  const low = (ratings[0] ?? 0) + (ratings[1] ?? 0);
  return `${formatShare(high / total)} of rated feedback gives 4–5★, ${formatShare(low / total)} gives 1–2★`;
}

/** Labelled items per week stacked by label, with net sentiment as a line. */
export function buildSentimentTrendOption(
  trend: FeedbackReport['trend'],
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const bar = (name: string, key: 'negative' | 'neutral' | 'positive', color: string) => ({
    name,
    type: 'bar' as const,
    stack: 'labels',
    data: trend.map((w) => w[key]),
    itemStyle: { color },
    barMaxWidth: 26,
  });
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: tokens.textMuted }, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0].dataIndex;
        const w = trend[i];
        const counts = t('sentiment.counts', {
          positive: formatCount(w.positive),
          neutral: formatCount(w.neutral),
          negative: formatCount(w.negative),
        });
        return `<strong>${w.week}</strong><br/>${t('sentiment.netValue', { value: formatNetSentiment(w.netSentiment) })}<br/>${counts}`;
      },
    },
    xAxis: { type: 'category', data: trend.map((w) => shortWeek(w.week)), ...axisStyle(tokens) },
    yAxis: [
      { type: 'value', name: t('sentiment.itemsAxis'), ...axisStyle(tokens) },
      {
        type: 'value',
        name: t('sentiment.net'),
        min: -100,
        max: 100,
        ...axisStyle(tokens),
        splitLine: { show: false },
      },
    ],
    series: [
      bar(t('sentiment.negative'), 'negative', tokens.divergingNegative),
      bar(t('sentiment.neutral'), 'neutral', tokens.divergingNeutral),
      bar(t('sentiment.positive'), 'positive', tokens.divergingPositive),
      {
        name: t('sentiment.net'),
        type: 'line',
        yAxisIndex: 1,
        data: trend.map((w) => (w.netSentiment === null ? null : Math.round(w.netSentiment * 100))),
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { color: tokens.text, width: 2 },
        itemStyle: { color: tokens.text },
      },
    ],
  };
}

export interface NetSentimentRow {
  readonly key: string;
  readonly label: string;
  readonly items: number;
  readonly netSentiment: number | null;
}

/** Net sentiment per group (language, supplier): bars left of zero orange, right blue. */
export function buildNetSentimentBarsOption(
  rows: readonly NetSentimentRow[],
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0].dataIndex];
        return `<strong>${escapeHtml(r.label)}</strong><br/>${t('sentiment.netValue', { value: formatNetSentiment(r.netSentiment) })} · ${t('sentiment.items', { count: r.items })}`;
      },
    },
    xAxis: { type: 'value', min: -100, max: 100, ...axisStyle(tokens) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => shortLabel(r.label, 24)),
      ...axisStyle(tokens),
      axisLabel: { color: tokens.textMuted, fontSize: 11 },
    },
    series: [
      {
        type: 'bar',
        name: t('sentiment.net'),
        barMaxWidth: 18,
        data: rows.map((r) => ({
          value: r.netSentiment === null ? 0 : Math.round(r.netSentiment * 100),
          itemStyle: {
            color: (r.netSentiment ?? 0) < 0 ? tokens.divergingNegative : tokens.divergingPositive,
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: tokens.textMuted,
          fontSize: 10,
          formatter: (p: { dataIndex: number }) =>
            `${formatNetSentiment(rows[p.dataIndex].netSentiment)} (n=${formatCount(rows[p.dataIndex].items)})`,
        },
      },
    ],
  };
}

const DELIVERY_KEYS = { on_time: 'sentiment.onTime', late: 'sentiment.late' } as const;

/**
 * Feedback after an on-time and after a late delivery: one 100 % bar of ratings each (1★ on
 * the left), the bar's label naming its items and net sentiment.
 */
export function buildDeliveryRatingsOption(
  rows: FeedbackReport['byDelivery'],
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const colors = ratingColors(tokens);
  const rated = rows.map((r) => r.ratings.reduce((s, n) => s + n, 0) || 1);
  const names = rows.map((r) =>
    t('sentiment.deliveryName', {
      delivery: t(DELIVERY_KEYS[r.delivery]),
      items: formatCount(r.items),
      net: formatNetSentiment(r.netSentiment),
    }),
  );
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0, textStyle: { color: tokens.textMuted }, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesIndex: number; dataIndex: number };
        const row = rows[p.dataIndex];
        const n = row?.ratings[p.seriesIndex] ?? 0;
        return `<strong>${escapeHtml(t(DELIVERY_KEYS[row.delivery]))}, ${p.seriesIndex + 1}★</strong><br/>${t('sentiment.items', { count: n })} · ${formatShare(n / rated[p.dataIndex])}`;
      },
    },
    xAxis: { type: 'value', max: 100, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { ...axisStyle(tokens).axisLabel, width: 190, overflow: 'truncate' },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [0, 1, 2, 3, 4].map((i) => ({
      name: `${i + 1}★`,
      type: 'bar' as const,
      stack: 'ratings',
      barWidth: 28,
      data: rows.map((r, k) => Math.round(((r.ratings[i] ?? 0) / rated[k]) * 1000) / 10),
      itemStyle: { color: colors[i] },
      label: {
        show: true,
        color: i === 2 ? '#1d232b' : '#ffffff',
        fontWeight: 'bold' as const,
        formatter: (p: unknown) => {
          const v = (p as { value: number }).value;
          return v >= 6 ? `${Math.round(v)} %` : '';
        },
      },
    })),
  };
}

/** "Late deliveries: net sentiment −100 against +78 on time (3 and 9 items)". */
export function deliveryHeadline(rows: FeedbackReport['byDelivery']): string {
  const late = rows.find((r) => r.delivery === 'late');
  const onTime = rows.find((r) => r.delivery === 'on_time');
  if (!late?.items && !onTime?.items)
    return 'No feedback on a delivered order with a promised date';
  if (!late?.items)
    return `No late delivery among the ${formatCount(onTime?.items ?? 0)} reviewed orders`;
  return `Late deliveries: net sentiment ${formatNetSentiment(late.netSentiment)} against ${formatNetSentiment(onTime?.netSentiment ?? null)} on time (${formatCount(late.items)} and ${formatCount(onTime?.items ?? 0)} items)`;
}
