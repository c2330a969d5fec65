import {
  RESOLUTION_OUTCOMES,
  type CostOfQualityRow,
  type IsoWeekRef,
  type MoneyWeekRow,
  type ResolutionMixRow,
  type ResolutionOutcome,
  type ResolutionWeekRow,
} from '@returnlens/shared/contracts';
import {
  axisStyle,
  baseOption,
  escapeHtml,
  formatCount,
  formatMoney,
  formatShare,
  pct,
  shortLabel,
  shortWeek,
  tooltipStyle,
  type DesignTokens,
  type ECOption,
} from '@returnlens/web/shared/ui-charts';
import { MONEY_MESSAGES } from './i18n/en';
import { englishTranslate, type Translate } from '@returnlens/web/shared/data-access';

/** English, for callers that do not pass the page's translator (and the unit tests). */
const ENGLISH: Translate = englishTranslate(MONEY_MESSAGES);

/**
 * Option builders of the Money & resolutions page: pure functions of the API's rows and the
 * theme's tokens (unit-tested in money-options.spec.ts). Every series carries an `id` the
 * page reads back on a click to open exactly the records behind the bar.
 */

/**
 * One fixed colour per resolution outcome (Okabe–Ito where it has enough): money leaving the
 * shop in blues, goods in green and orange, refusals in red; "still open" is the neutral
 * grey with hatching — not an outcome yet.
 */
export const RESOLUTION_COLORS: Readonly<Record<ResolutionOutcome, string>> = {
  refund: '#0072B2',
  partial_refund: '#56B4E9',
  replacement: '#009E73',
  repair: '#E69F00',
  store_credit: '#CC79A7',
  rejected: '#D55E00',
  cancelled: '#8c8c8c',
  unrecorded: '#5f5f5f',
  open: '#b4bac2',
};

/** Refunds and handling costs keep their colours on every money chart. */
export const MONEY_COLORS = { refund: '#0072B2', cost: '#E69F00' } as const;

/** Hatching for a bar that is not final (a week not over, claims still open). */
const hatch = (tokens: DesignTokens) => ({
  decal: {
    symbol: 'rect',
    dashArrayX: [1, 0],
    dashArrayY: [3, 4],
    rotation: -Math.PI / 4,
    color: tokens.surface === '#ffffff' ? 'rgba(0,0,0,0.28)' : 'rgba(255,255,255,0.35)',
  },
});

/** A bar of a week that is not over: faded and hatched. */
const notOver = (tokens: DesignTokens, color: string) => ({
  color,
  opacity: 0.55,
  ...hatch(tokens),
});

/** Money of one currency per week: refunds paid and handling cost, stacked. */
export function buildMoneyWeeksOption(
  weeks: readonly IsoWeekRef[],
  rows: readonly MoneyWeekRow[],
  currency: string,
  tokens: DesignTokens,
  t: Translate = ENGLISH,
): ECOption {
  const byWeek = weeks.map((w) => rows.find((r) => r.week === w.start && r.currency === currency));
  const money = (v: number) => formatMoney(v, currency);
  const series = (id: 'refund' | 'cost', name: string) => ({
    id,
    name,
    type: 'bar' as const,
    stack: 'money',
    barMaxWidth: 34,
    itemStyle: { color: MONEY_COLORS[id] },
    data: byWeek.map((r) => {
      const value = r ? (id === 'refund' ? r.refundAmount : r.costAmount) : 0;
      return r && !r.complete ? { value, itemStyle: notOver(tokens, MONEY_COLORS[id]) } : { value };
    }),
  });
  const incomplete = weeks.filter((_, i) => byWeek[i] && !byWeek[i]!.complete);
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: tokens.textMuted }, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0].dataIndex;
        const r = byWeek[i];
        const head = `<strong>${weeks[i].week}</strong>${r && !r.complete ? ` · ${t('weekly.notOverYet')}` : ''}`;
        if (!r) return `${head}<br/>${t('weekly.noMoney')}`;
        return [
          head,
          t('weekly.tipRefunds', { amount: money(r.refundAmount), count: r.refunds }),
          t('weekly.tipCost', { amount: money(r.costAmount), count: r.costClaims }),
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => shortWeek(w.week)),
      ...axisStyle(tokens),
    },
    yAxis: {
      type: 'value',
      ...axisStyle(tokens),
      axisLabel: { color: tokens.textMuted, formatter: (v: number) => money(v) },
    },
    series: [
      {
        ...series('refund', t('weekly.series.refunds', { currency })),
        ...(incomplete.length
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: tokens.surfaceMuted, opacity: 0.6 },
                label: { color: tokens.textMuted, fontSize: 10, position: 'insideTop' as const },
                data: incomplete.map((w) => [
                  { xAxis: shortWeek(w.week), name: t('weekly.notOver') },
                  { xAxis: shortWeek(w.week) },
                ]),
              },
            }
          : {}),
      },
      series('cost', t('weekly.series.cost', { currency })),
    ],
  };
}

/** The outcomes that occur in `rows`, in the canonical order. */
export function outcomesIn(rows: readonly { resolution: ResolutionOutcome; claims: number }[]) {
  return RESOLUTION_OUTCOMES.filter((o) => rows.some((r) => r.resolution === o && r.claims > 0));
}

/** The resolution mix per opening week: 100 % stacked bars; a week not over is hatched. */
export function buildMixWeeksOption(
  weeks: readonly IsoWeekRef[],
  rows: readonly ResolutionWeekRow[],
  tokens: DesignTokens,
  t: Translate = ENGLISH,
): ECOption {
  const outcomes = outcomesIn(rows);
  const cell = (w: IsoWeekRef, o: ResolutionOutcome) =>
    rows.find((r) => r.week === w.start && r.resolution === o);
  const totals = weeks.map((w) =>
    rows.filter((r) => r.week === w.start).reduce((s, r) => s + r.claims, 0),
  );
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    legend: {
      top: 0,
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
        const w = weeks[i];
        const lines = outcomes
          .map((o) => cell(w, o))
          .filter((r): r is ResolutionWeekRow => !!r && r.claims > 0)
          .map(
            (r) =>
              `${t(`outcome.${r.resolution}`)}: ${formatShare(r.share)} (${formatCount(r.claims)})`,
          );
        const notOverYet = rows.some((r) => r.week === w.start && !r.complete);
        return [
          `<strong>${w.week}</strong> · ${t('mix.tipWeek', { count: totals[i] })}${notOverYet ? ` · ${t('weekly.notOverYet')}` : ''}`,
          ...lines,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => shortWeek(w.week)),
      ...axisStyle(tokens),
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      ...axisStyle(tokens),
      axisLabel: { color: tokens.textMuted, formatter: '{value}%' },
    },
    series: outcomes.map((o) => ({
      id: o,
      name: t(`outcome.${o}`),
      type: 'bar' as const,
      stack: 'mix',
      barMaxWidth: 34,
      itemStyle: { color: RESOLUTION_COLORS[o], ...(o === 'open' ? hatch(tokens) : {}) },
      data: weeks.map((w) => {
        const r = cell(w, o);
        const value = pct(r?.share ?? 0) ?? 0;
        return r && !r.complete
          ? { value, itemStyle: { ...notOver(tokens, RESOLUTION_COLORS[o]) } }
          : { value };
      }),
    })),
  };
}

/** A group of the mix by reason or supplier: its label and its rows. */
export interface MixGroup {
  readonly key: string;
  readonly label: string;
  readonly rows: readonly ResolutionMixRow[];
}

/** Groups the rows of a mix by `key`, in the rows' order (the API sorts by claims). */
export function mixGroups<T extends ResolutionMixRow>(
  rows: readonly T[],
  key: (row: T) => string,
  label: (row: T) => string,
  limit = 12,
): MixGroup[] {
  const groups = new Map<string, MixGroup & { rows: T[] }>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k) ?? { key: k, label: label(r), rows: [] };
    g.rows.push(r);
    groups.set(k, g);
  }
  return [...groups.values()].slice(0, limit);
}

/** The mix of each group as a horizontal 100 % bar, the group's claims beside it. */
export function buildMixBarsOption(
  groups: readonly MixGroup[],
  tokens: DesignTokens,
  t: Translate = ENGLISH,
): ECOption {
  const outcomes = outcomesIn(groups.flatMap((g) => g.rows));
  const totals = groups.map((g) => g.rows.reduce((s, r) => s + r.claims, 0));
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 56, top: 56, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: tokens.textMuted }, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataIndex, seriesId } = p as { dataIndex: number; seriesId: ResolutionOutcome };
        const g = groups[dataIndex];
        const r = g.rows.find((x) => x.resolution === seriesId);
        const of = t('mix.ofClaims', {
          count: formatCount(r?.claims ?? 0),
          total: totals[dataIndex],
        });
        return `<strong>${escapeHtml(g.label)}</strong><br/>${t(`outcome.${seriesId}`)}: ${formatShare(r?.share ?? 0)} · ${of}`;
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
      data: groups.map((g) => shortLabel(g.label, 26)),
      ...axisStyle(tokens),
      axisLabel: { color: tokens.text, fontSize: 12 },
    },
    series: outcomes.map((o, i) => ({
      id: o,
      name: t(`outcome.${o}`),
      type: 'bar' as const,
      stack: 'mix',
      barMaxWidth: 20,
      itemStyle: { color: RESOLUTION_COLORS[o], ...(o === 'open' ? hatch(tokens) : {}) },
      data: groups.map((g) => pct(g.rows.find((r) => r.resolution === o)?.share ?? 0) ?? 0),
      // The group's claims, once, at the end of the bar.
      ...(i === outcomes.length - 1
        ? {
            label: {
              show: true,
              position: 'right' as const,
              color: tokens.textMuted,
              fontSize: 11,
              formatter: (p: { dataIndex: number }) => `n = ${formatCount(totals[p.dataIndex])}`,
            },
          }
        : {}),
    })),
  };
}

/** Cost of poor quality of one currency: refunds and handling cost, stacked, largest first. */
export function buildCostOption(
  rows: readonly CostOfQualityRow[],
  currency: string,
  tokens: DesignTokens,
  t: Translate = ENGLISH,
): ECOption {
  const money = (v: number) => formatMoney(v, currency);
  const bar = (id: 'refund' | 'cost', name: string, value: (r: CostOfQualityRow) => number) => ({
    id,
    name,
    type: 'bar' as const,
    stack: 'cost',
    barMaxWidth: 20,
    itemStyle: { color: MONEY_COLORS[id] },
    data: rows.map(value),
  });
  return {
    ...baseOption(tokens),
    grid: { left: 8, right: 72, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: tokens.textMuted }, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      ...tooltipStyle(tokens),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0].dataIndex];
        return [
          `<strong>${escapeHtml(r.label)}</strong> · ${t('cost.tipTotal', { amount: money(r.total), count: r.claims })}`,
          t('cost.tipRefunds', { amount: money(r.refundAmount), count: formatCount(r.refunds) }),
          t('cost.tipCost', { amount: money(r.costAmount), count: formatCount(r.costClaims) }),
        ].join('<br/>');
      },
    },
    // Each bar is labelled with its total: axis labels would only crowd a narrow panel.
    xAxis: { type: 'value', ...axisStyle(tokens), axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => shortLabel(r.label, 26)),
      ...axisStyle(tokens),
      axisLabel: { color: tokens.text, fontSize: 12 },
    },
    series: [
      bar('refund', t('cost.refunds'), (r) => r.refundAmount),
      {
        ...bar('cost', t('cost.handling'), (r) => r.costAmount),
        label: {
          show: true,
          position: 'right' as const,
          color: tokens.textMuted,
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => money(rows[p.dataIndex].total),
        },
      },
    ],
  };
}

/** The money chart's finding: what went out in the last complete week against the weeks before. */
export function moneyHeadline(
  weeks: readonly IsoWeekRef[],
  rows: readonly MoneyWeekRow[],
  currency: string,
  t: Translate = ENGLISH,
): string {
  const own = rows.filter((r) => r.currency === currency);
  if (!own.length) return t('weekly.none');
  const total = (r: MoneyWeekRow) => r.refundAmount + r.costAmount;
  const sum = own.reduce((s, r) => s + total(r), 0);
  const complete = own.filter((r) => r.complete);
  const last = complete[complete.length - 1];
  if (!last) return t('weekly.period', { sum: formatMoney(sum, currency) });
  const name = weeks.find((w) => w.start === last.week)?.week ?? last.week;
  const before = complete.slice(-5, -1);
  const baseline = before.length ? before.reduce((s, r) => s + total(r), 0) / before.length : 0;
  const changed = baseline > 0 && Math.abs(total(last) - baseline) / baseline >= 0.2;
  const key = !changed
    ? 'weekly.headline'
    : total(last) > baseline
      ? 'weekly.headlineUp'
      : 'weekly.headlineDown';
  return t(key, {
    amount: formatMoney(total(last), currency),
    week: shortWeek(name),
    baseline: formatMoney(baseline, currency),
    sum: formatMoney(sum, currency),
  });
}

/** The mix chart's finding: how the claims of the last complete week ended so far. */
export function mixHeadline(
  rows: readonly ResolutionWeekRow[],
  weeks: readonly IsoWeekRef[],
  t: Translate = ENGLISH,
): string {
  const complete = weeks.filter((w) => rows.some((r) => r.week === w.start && r.complete));
  const w = complete[complete.length - 1];
  if (!w) return t('mix.howClaimsEnd');
  const own = rows.filter((r) => r.week === w.start);
  const total = own.reduce((s, r) => s + r.claims, 0);
  if (!total) return t('mix.noneOpened', { week: w.week });
  const decided = own.filter((r) => r.resolution !== 'open' && r.claims > 0);
  const top = [...decided].sort((a, b) => b.claims - a.claims)[0];
  const open = own.find((r) => r.resolution === 'open')?.share ?? 0;
  const week = shortWeek(w.week);
  return top
    ? t('mix.ended', {
        share: formatShare(top.share),
        week,
        outcome: t(`outcomeLower.${top.resolution}`),
        open: formatShare(open),
      })
    : t('mix.undecided', { week, open: formatShare(open) });
}

/** A cost chart's finding: who costs the most, and their share of the currency's total. */
export function costHeadline(
  rows: readonly CostOfQualityRow[],
  currency: string,
  what: 'supplier' | 'product' | 'reason',
  t: Translate = ENGLISH,
): string {
  const own = rows.filter((r) => r.currency === currency);
  const total = own.reduce((s, r) => s + r.total, 0);
  const top = own[0];
  if (!top || total === 0) return t(`cost.none.${what}`);
  return t('cost.top', {
    label: top.label,
    amount: formatMoney(top.total, currency),
    share: formatShare(top.total / total),
  });
}
