import type { KpiComparison } from '@returnlens/shared/contracts';
import { SIGNIFICANCE_LEVEL } from './baseline';
import { twoProportionTest } from './proportions';

/** A weekly proportion: `hits` out of `trials`. */
export interface WeeklyProportion {
  readonly hits: number;
  readonly trials: number;
}

/**
 * Compares the last week's proportion with the pooled proportion of the four weeks before
 * it (two-proportion z-test). The values and sparkline are rates; a week without trials
 * has no rate (NaN in the sparkline is avoided: it shows 0). Null when the last week has no
 * trials.
 */
export function compareProportionWithBaseline(
  series: readonly WeeklyProportion[],
  baselineWeeks = 4,
): KpiComparison | null {
  if (series.length === 0) return null;
  const last = series[series.length - 1];
  if (last.trials === 0) return null;
  const previous = series.slice(Math.max(0, series.length - 1 - baselineWeeks), -1);
  const hits = previous.reduce((s, w) => s + w.hits, 0);
  const trials = previous.reduce((s, w) => s + w.trials, 0);
  const value = last.hits / last.trials;
  const baseline = trials === 0 ? 0 : hits / trials;
  const pValue = trials === 0 ? 1 : twoProportionTest(last.hits, last.trials, hits, trials);
  return {
    value,
    baseline,
    change: value - baseline,
    relativeChange: baseline === 0 ? null : (value - baseline) / baseline,
    pValue,
    significant: pValue < SIGNIFICANCE_LEVEL,
    sparkline: series.slice(-12).map((w) => (w.trials === 0 ? 0 : w.hits / w.trials)),
  };
}

/** Net sentiment (docs/metrics.md): % positive − % negative of labelled items; null when none. */
export function netSentiment(positive: number, neutral: number, negative: number): number | null {
  const total = positive + neutral + negative;
  return total === 0 ? null : (positive - negative) / total;
}

/**
 * A measured value (a median, say) against the mean of the previous weeks' values, with no
 * test: `significant` is always false, `pValue` 1. Null when the last week has no value.
 */
export function compareValueWithBaseline(
  series: readonly (number | null)[],
  baselineWeeks = 4,
): KpiComparison | null {
  const value = series[series.length - 1];
  if (value === null || value === undefined) return null;
  const previous = series
    .slice(Math.max(0, series.length - 1 - baselineWeeks), -1)
    .filter((v): v is number => v !== null);
  const baseline = previous.length ? previous.reduce((s, v) => s + v, 0) / previous.length : 0;
  return {
    value,
    baseline,
    change: value - baseline,
    relativeChange: baseline === 0 ? null : (value - baseline) / baseline,
    pValue: 1,
    significant: false,
    sparkline: series.slice(-12).map((v) => v ?? 0),
  };
}
