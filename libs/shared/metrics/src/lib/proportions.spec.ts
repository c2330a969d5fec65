import { funnelLimits, normalCdf, twoProportionTest, wilsonInterval, Z_998 } from './proportions';

describe('normalCdf', () => {
  it('matches the standard normal table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(3.090232)).toBeCloseTo(0.999, 6);
  });
});

describe('wilsonInterval', () => {
  it('gives 0.2366–0.7634 for 5 of 10', () => {
    const ci = wilsonInterval(5, 10)!;
    expect(ci.lower).toBeCloseTo(0.236593, 5);
    expect(ci.upper).toBeCloseTo(0.763407, 5);
  });

  it('stays informative at 0 of n: upper = z² / (n + z²)', () => {
    const ci = wilsonInterval(0, 10)!;
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(3.841459 / 13.841459, 6);
  });

  it('has no interval for an empty sample and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
  });
});

describe('funnelLimits', () => {
  it('puts 95% and 99.8% limits around the overall rate', () => {
    // p0 = 0.1, n = 100: SE = 0.03
    const inner = funnelLimits(0.1, 100);
    expect(inner.lower).toBeCloseTo(0.1 - 1.959964 * 0.03, 6);
    expect(inner.upper).toBeCloseTo(0.1 + 1.959964 * 0.03, 6);
    const outer = funnelLimits(0.1, 100, Z_998);
    expect(outer.lower).toBeCloseTo(0.007293, 5);
    expect(outer.upper).toBeCloseTo(0.192707, 5);
  });

  it('clamps to [0, 1] for small volumes', () => {
    expect(funnelLimits(0.05, 4)).toEqual({ lower: 0, upper: expect.closeTo(0.2636, 3) });
    expect(funnelLimits(0.5, 0)).toEqual({ lower: 0, upper: 1 });
  });
});

describe('twoProportionTest', () => {
  it('computes the pooled z-test: 30/100 vs 20/100 gives z = 1.633, p = 0.1025', () => {
    expect(twoProportionTest(30, 100, 20, 100)).toBeCloseTo(0.10247, 4);
  });

  it('is symmetric and 1 for equal rates or empty samples', () => {
    expect(twoProportionTest(20, 100, 30, 100)).toBeCloseTo(
      twoProportionTest(30, 100, 20, 100),
      12,
    );
    expect(twoProportionTest(10, 100, 20, 200)).toBeCloseTo(1, 6); // the normal CDF is exact to ~1e-7
    expect(twoProportionTest(1, 0, 2, 10)).toBe(1);
    expect(twoProportionTest(0, 10, 0, 10)).toBe(1);
  });
});
