import { percentile } from './percentile';
import { bucketHours, durationBucket, histogramPercentile } from './histogram';

describe('duration histogram', () => {
  it('puts sub-minute durations in bucket 0 and grows 2 % per bucket', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(0.5 / 60)).toBe(0);
    // 1 minute: ln(1) = 0 → bucket 1; 1.02 minutes is the next bucket's lower bound.
    expect(durationBucket(1 / 60)).toBe(1);
    expect(durationBucket(1.0201 / 60)).toBe(2);
    // 24 h = 1440 min: ln(1440)/ln(1.02) = 367.3 → bucket 368.
    expect(durationBucket(24)).toBe(368);
    expect(bucketHours(368)).toBeGreaterThan(24 * 0.99);
    expect(bucketHours(368)).toBeLessThan(24 * 1.02);
  });

  it('is empty-safe and rejects a percentile outside [0, 1]', () => {
    expect(histogramPercentile([], 0.5)).toBeNull();
    expect(() => histogramPercentile([{ bucket: 1, n: 1 }], 1.5)).toThrow(RangeError);
  });

  it('gives a one-element sample its own bucket value', () => {
    expect(histogramPercentile([{ bucket: durationBucket(10), n: 1 }], 0.9)).toBeCloseTo(
      bucketHours(durationBucket(10)),
    );
  });

  it('interpolates between order statistics like the exact percentile, within 1 %', () => {
    const values = [0.5, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144];
    const counts = new Map<number, number>();
    for (const v of values) counts.set(durationBucket(v), (counts.get(durationBucket(v)) ?? 0) + 1);
    const buckets = [...counts].map(([bucket, n]) => ({ bucket, n }));
    for (const p of [0, 0.25, 0.5, 0.9, 1]) {
      const exact = percentile(values, p) as number;
      const approx = histogramPercentile(buckets, p) as number;
      expect(Math.abs(approx - exact) / exact).toBeLessThan(0.01);
    }
  });
});
