import type { KpiComparison } from '@returnlens/shared/contracts';
import { poissonRateTest } from './significance';

export const SIGNIFICANCE_LEVEL = 0.05;

/**
 * Compares the last value of a weekly count series with the mean of the four weeks before
 * it. `series` is oldest first and must hold at least one value; the sparkline is the
 * series' last 12 values.
 */
export function compareWithBaseline(series: readonly number[], baselineWeeks = 4): KpiComparison {
  if (series.length === 0) throw new RangeError('compareWithBaseline needs at least one week');
  const value = series[series.length - 1];
  const previous = series.slice(Math.max(0, series.length - 1 - baselineWeeks), series.length - 1);
  const baseline = previous.length ? previous.reduce((s, c) => s + c, 0) / previous.length : 0;
  const pValue = poissonRateTest(value, previous);
  return {
    value,
    baseline,
    change: value - baseline,
    relativeChange: baseline === 0 ? null : (value - baseline) / baseline,
    pValue,
    significant: pValue < SIGNIFICANCE_LEVEL,
    sparkline: series.slice(-12),
  };
}
