import { median, p90, percentile } from './percentile';

describe('percentile (type 7, linear interpolation)', () => {
  it('takes the mean of the two middle values for an even median', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7, 1, 3])).toBe(3);
  });

  it('interpolates p90 between order statistics', () => {
    // 1..10: position (10 − 1) × 0.9 = 8.1 → 9 + 0.1 × (10 − 9)
    expect(p90([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toBeCloseTo(9.1, 12);
    expect(percentile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5], 1)).toBe(5);
  });

  it('handles one element, none, and non-finite values', () => {
    expect(median([42])).toBe(42);
    expect(p90([42])).toBe(42);
    expect(median([])).toBeNull();
    expect(median([NaN, 3, Infinity, 1])).toBe(2);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});
