import type { IsoWeekRef, SlaMetric, SlaReport } from '@returnlens/shared/contracts';
import type { ECOption } from './echarts-types';
import { formatCount, formatDuration, formatShare } from './format';
import { axisStyle, baseOption, pct, shortWeek, tooltipStyle } from './option-common';
import { englishChartText, type ChartText } from './i18n/chart-text';
import { escapeHtml } from './pareto-option';
import type { DesignTokens } from './tokens';

/** The attainment a policy should reach; bars below it are drawn as bad. */
export const SLA_ATTAINMENT_GOAL = 0.95;

export const SLA_METRIC_LABELS: Readonly<Record<SlaMetric, string>> = {
  first_response: 'First response',
  resolution: 'Resolution',
  refund: 'Refund',
};

/** A target in hours as people state it: 24 → "24 h", 240 → "10 d" (in the language of `t`). */
export function formatTarget(hours: number, t: ChartText = englishChartText): string {
  return hours >= 48 && hours % 24 === 0
    ? t('sla.days', { days: formatCount(hours / 24) })
    : t('sla.hours', { hours: formatCount(hours) });
}

export interface AttainmentRow {
  readonly label: string;
  readonly met: number;
  readonly breached: number;
  readonly attainment: number | null;
}

/** Horizontal bars of attainment (met ÷ met + breached) with the goal line. */
export function buildAttainmentOption(
  rows: readonly AttainmentRow[],
  tokens: DesignTokens,
  goal = SLA_ATTAINMENT_GOAL,
  t: ChartText = englishChartText,
): ECOption {
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 120, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const [first] = params as { dataIndex: number }[];
        const r = rows[first.dataIndex];
        const detail =
          r.attainment === null
            ? t('sla.noDecided')
            : t('sla.attainmentTooltip', {
                share: formatShare(r.attainment),
                met: formatCount(r.met),
                breached: formatCount(r.breached),
              });
        return `<strong>${escapeHtml(r.label)}</strong><br/>${detail}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      ...axisStyle(tokens),
      axisLabel: { color: tokens.textMuted, formatter: '{value}%' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      ...axisStyle(tokens),
      axisLabel: { color: tokens.text, fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        name: t('sla.attainment'),
        barMaxWidth: 22,
        data: rows.map((r) => ({
          value: pct(r.attainment) ?? 0,
          itemStyle: {
            color: r.attainment !== null && r.attainment < goal ? tokens.bad : tokens.good,
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: tokens.text,
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex];
            return r.attainment === null
              ? t('sla.noDecided')
              : t('sla.attainmentLabel', {
                  share: formatShare(r.attainment),
                  met: formatCount(r.met),
                  total: formatCount(r.met + r.breached),
                });
          },
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: tokens.text, type: 'dashed' },
          // The category axis runs top to bottom, so the line's start is its top end.
          label: {
            formatter: t('sla.goal', { goal: Math.round(goal * 100) }),
            position: 'start',
            color: tokens.textMuted,
            fontSize: 10,
          },
          data: [{ xAxis: goal * 100 }],
        },
      },
    ],
  };
}

/** The SLA page's finding: the policy furthest below the goal, or that all meet it. */
export function slaHeadline(
  policies: readonly AttainmentRow[],
  goal = SLA_ATTAINMENT_GOAL,
): string {
  const decided = policies.filter((p) => p.attainment !== null);
  if (!decided.length) return 'No claim was decided against a policy in this period';
  const worst = [...decided].sort((a, b) => (a.attainment ?? 1) - (b.attainment ?? 1))[0];
  const goalText = `${Math.round(goal * 100)} % goal`;
  if ((worst.attainment ?? 1) >= goal)
    return `Every policy meets the ${goalText}; lowest: ${worst.label} at ${formatShare(worst.attainment ?? 0)}`;
  const below = decided.filter((p) => (p.attainment ?? 1) < goal).length;
  return `${worst.label} is met in only ${formatShare(worst.attainment ?? 0)} of claims${below > 1 ? `; ${below} policies are below the ${goalText}` : ` — below the ${goalText}`}`;
}

/** Median and p90 per week of one duration, in hours. */
export function buildDurationOption(
  weeks: readonly IsoWeekRef[],
  duration: SlaReport['durations'][number],
  tokens: DesignTokens,
  targetHours: number | null,
  t: ChartText = englishChartText,
): ECOption {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  const max = Math.max(
    targetHours ?? 0,
    ...duration.p90.filter((v): v is number => v !== null),
    ...duration.median.filter((v): v is number => v !== null),
  );
  const dayTicks = durationTicks(max);
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: tokens.textMuted }, itemWidth: 16, itemHeight: 8 },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      formatter: (params: unknown) => {
        const items = params as { dataIndex: number; seriesName: string; value: number | null }[];
        const i = items[0].dataIndex;
        return [
          `<strong>${weeks[i].week}</strong> · ${t('sla.claims', { count: duration.count[i] ?? 0 })}`,
          ...items.map((item) => `${item.seriesName}: ${formatDuration(item.value)}`),
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => shortWeek(w.week)),
      boundaryGap: false,
      ...axisStyle(tokens),
    },
    yAxis: {
      type: 'value',
      min: 0,
      ...dayTicks,
      ...axisStyle(tokens),
      axisLabel: {
        color: tokens.textMuted,
        formatter: (v: number) => (v === 0 ? '0' : formatDuration(v)),
      },
    },
    series: [
      {
        name: t('sla.median'),
        type: 'line',
        data: duration.median.map(round),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { color: tokens.accent, width: 2 },
        itemStyle: { color: tokens.accent },
        ...(targetHours
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: tokens.bad, type: 'dashed' as const },
                label: {
                  formatter: t('sla.target', { target: formatTarget(targetHours, t) }),
                  color: tokens.textMuted,
                  fontSize: 10,
                  position: 'insideEndTop' as const,
                },
                data: [{ yAxis: targetHours }],
              },
            }
          : {}),
      },
      {
        name: t('sla.p90'),
        type: 'line',
        data: duration.p90.map(round),
        symbol: 'none',
        lineStyle: { color: tokens.textMuted, width: 1.5, type: 'dashed' },
        itemStyle: { color: tokens.textMuted },
      },
    ],
  };
}

/** Ticks on whole hours, half days, days or weeks: at most six steps up to `maxHours`. */
export function durationTicks(maxHours: number): { interval: number; max: number } | object {
  if (!(maxHours > 0)) return {};
  const steps = [1, 2, 3, 6, 12, 24, 48, 72, 96, 120, 168, 240, 336, 480, 720, 1440];
  const interval = steps.find((step) => maxHours / step <= 6) ?? Math.ceil(maxHours / 6);
  return { interval, max: Math.ceil(maxHours / interval) * interval };
}

/** Open claims by age: older buckets darker on the sequential scale. */
export function buildBacklogOption(
  buckets: SlaReport['backlogAging'],
  tokens: DesignTokens,
  t: ChartText = englishChartText,
): ECOption {
  const shades = buckets.map((_, i) =>
    mix(
      tokens.sequentialLow,
      tokens.sequentialHigh,
      0.35 + (0.65 * i) / Math.max(1, buckets.length - 1),
    ),
  );
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { ...tooltipStyle(tokens), trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: buckets.map((b) => b.bucket), ...axisStyle(tokens) },
    yAxis: { type: 'value', name: t('sla.openClaims'), ...axisStyle(tokens) },
    series: [
      {
        type: 'bar',
        name: t('sla.openClaims'),
        barMaxWidth: 48,
        data: buckets.map((b, i) => ({ value: b.claims, itemStyle: { color: shades[i] } })),
        label: { show: true, position: 'top', color: tokens.textMuted, fontSize: 11 },
      },
    ],
  };
}

/** Linear mix of two `#rrggbb` colours. */
export function mix(a: string, b: string, t: number): string {
  const parse = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [x, y] = [parse(a), parse(b)];
  return `#${x
    .map((v, i) =>
      Math.round(v + (y[i] - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
