import { benjaminiHochberg, binomialTestTwoSided, logGamma, poissonRateTest } from './significance';

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln(100!)
  });
});

describe('binomialTestTwoSided', () => {
  // Binomial(5, 0.2): P = .32768 .4096 .2048 .0512 .0064 .00032
  it('sums every outcome no more likely than the observed one', () => {
    expect(binomialTestTwoSided(0, 5, 0.2)).toBeCloseTo(1 - 0.4096, 10);
    expect(binomialTestTwoSided(5, 5, 0.2)).toBeCloseTo(0.00032, 12);
    expect(binomialTestTwoSided(3, 5, 0.2)).toBeCloseTo(0.0512 + 0.0064 + 0.00032, 12);
  });

  it('gives 1 for the most likely outcome and for an empty sample', () => {
    expect(binomialTestTwoSided(1, 5, 0.2)).toBe(1);
    expect(binomialTestTwoSided(0, 0, 0.2)).toBe(1);
  });

  it('agrees with the sum over every outcome, for small and large samples', () => {
    // The definition, term by term over all n + 1 outcomes.
    const lnPmf = (i: number, n: number, p: number) =>
      logGamma(n + 1) -
      logGamma(i + 1) -
      logGamma(n - i + 1) +
      i * Math.log(p) +
      (n - i) * Math.log1p(-p);
    const reference = (k: number, n: number, p: number) => {
      const observed = lnPmf(k, n, p) + Math.log1p(1e-7);
      let asExtreme = 0;
      let moreLikely = 0;
      for (let i = 0; i <= n; i++) {
        const v = Math.exp(lnPmf(i, n, p));
        if (lnPmf(i, n, p) <= observed) asExtreme += v;
        else moreLikely += v;
      }
      return asExtreme < 0.5 ? asExtreme : Math.max(0, 1 - moreLikely);
    };
    const cases: [number, number, number][] = [
      [0, 1, 0.5],
      [1, 1, 0.5],
      [7, 20, 1 / 9],
      [0, 40, 1 / 9],
      [40, 40, 1 / 9],
      [13, 30, 0.5],
      [2_600, 20_000, 1 / 9],
      [2_222, 20_000, 1 / 9],
      [1_900, 20_000, 1 / 9],
      [60_000, 200_000, 0.3],
      [61_000, 200_000, 0.3],
      [5, 200_000, 0.001],
    ];
    for (const [k, n, p] of cases) {
      const expected = reference(k, n, p);
      const got = binomialTestTwoSided(k, n, p);
      if (expected < 1e-300) expect(got).toBeLessThan(1e-290);
      else expect(Math.abs(got - expected) / expected).toBeLessThan(1e-8);
    }
  });

  it('treats p = 0 and p = 1 as point masses', () => {
    expect(binomialTestTwoSided(0, 10, 0)).toBe(1);
    expect(binomialTestTwoSided(1, 10, 0)).toBe(0);
    expect(binomialTestTwoSided(10, 10, 1)).toBe(1);
    expect(binomialTestTwoSided(9, 10, 1)).toBe(0);
  });

  it('rejects impossible arguments', () => {
    expect(() => binomialTestTwoSided(6, 5, 0.2)).toThrow(RangeError);
    expect(() => binomialTestTwoSided(1, 5, 1.5)).toThrow(RangeError);
  });
});

describe('poissonRateTest', () => {
  it('conditions on the total: 5 this week against 0,0,0,0 is Binomial(5, 1/5) at 5', () => {
    expect(poissonRateTest(5, [0, 0, 0, 0])).toBeCloseTo(0.00032, 12);
  });

  it('finds nothing unusual in a flat series', () => {
    expect(poissonRateTest(4, [4, 4, 4, 4])).toBe(1);
  });

  it('flags a doubling on a large count but not on a small one', () => {
    expect(poissonRateTest(200, [100, 100, 100, 100])).toBeLessThan(1e-10);
    // Binomial(6, 0.2) at 2: .24576 + .08192 + .01536 + .001536 + .000064
    expect(poissonRateTest(2, [1, 1, 1, 1])).toBeCloseTo(0.34464, 12);
  });
});

describe('benjaminiHochberg', () => {
  it('adjusts p-values and keeps them monotone in rank', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.16 / 3, 12);
    expect(q[2]).toBeCloseTo(0.16 / 3, 12);
    expect(q[3]).toBeCloseTo(0.2, 12);
  });

  it('handles no tests', () => {
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
