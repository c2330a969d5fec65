/** A count of durations falling in one log bucket (see `durationBucket`). */
export interface HistogramBucket {
  readonly bucket: number;
  readonly n: number;
}

/** Ratio between consecutive bucket bounds: a bucket spans 2 % of its lower bound. */
export const BUCKET_RATIO = 1.02;

/** Bucket of a duration in hours: 0 below one minute, else 1 + ⌊ln(minutes) / ln 1.02⌋. */
export function durationBucket(hours: number, ratio = BUCKET_RATIO): number {
  const minutes = hours * 60;
  return minutes < 1 ? 0 : 1 + Math.floor(Math.log(minutes) / Math.log(ratio));
}

/** The value a bucket stands for, in hours: the geometric middle of its bounds (0 for bucket 0). */
export function bucketHours(bucket: number, ratio = BUCKET_RATIO): number {
  return bucket === 0 ? 0 : Math.pow(ratio, bucket - 1 + 0.5) / 60;
}

/**
 * Percentile `p` (type 7, as `percentile`) of the durations a histogram holds, each value
 * standing for its bucket: within half a bucket (1 %) of the exact figure. Null when empty.
 */
export function histogramPercentile(
  buckets: readonly HistogramBucket[],
  p: number,
  ratio = BUCKET_RATIO,
): number | null {
  if (p < 0 || p > 1) throw new RangeError(`percentile ${p} is outside [0, 1]`);
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  const h = (total - 1) * p;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (rank < seen) return bucketHours(b.bucket, ratio);
    }
    return bucketHours(sorted[sorted.length - 1].bucket, ratio);
  };
  const lo = Math.floor(h);
  const low = valueAt(lo);
  return lo === h ? low : low + (h - lo) * (valueAt(lo + 1) - low);
}
