/**
 * Exact percentile of a sample by linear interpolation between order statistics
 * (Hyndman & Fan type 7 — numpy's default, Excel's PERCENTILE.INC): the median of an even
 * sample is the mean of the two middle values. `null` for an empty sample.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 1 || Number.isNaN(p))
    throw new RangeError(`percentile needs 0 ≤ p ≤ 1, got ${p}`);
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const fraction = position - lower;
  return lower + 1 < sorted.length
    ? sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    : sorted[lower];
}

export const median = (values: readonly number[]) => percentile(values, 0.5);
export const p90 = (values: readonly number[]) => percentile(values, 0.9);
