import { compareProportionWithBaseline, compareValueWithBaseline, netSentiment } from './rates';

describe('compareProportionWithBaseline', () => {
  it('pools the four previous weeks and tests the last week against them', () => {
    // Baseline: 40 of 4000 = 1 %; last week 30 of 1000 = 3 %.
    const series = [
      { hits: 10, trials: 1000 },
      { hits: 10, trials: 1000 },
      { hits: 10, trials: 1000 },
      { hits: 10, trials: 1000 },
      { hits: 30, trials: 1000 },
    ];
    const kpi = compareProportionWithBaseline(series);
    expect(kpi?.value).toBeCloseTo(0.03);
    expect(kpi?.baseline).toBeCloseTo(0.01);
    expect(kpi?.relativeChange).toBeCloseTo(2);
    // Pooled p = 70/5000 = 0.014; se = sqrt(0.014·0.986·(1/1000 + 1/4000)) = 0.004154;
    // z = 0.02 / 0.004154 = 4.81 → p ≈ 1.5e-6.
    expect(kpi?.pValue).toBeLessThan(1e-5);
    expect(kpi?.significant).toBe(true);
  });

  it('is null when the last week sold nothing, and not significant without a baseline', () => {
    expect(compareProportionWithBaseline([{ hits: 0, trials: 0 }])).toBeNull();
    const alone = compareProportionWithBaseline([{ hits: 1, trials: 10 }]);
    expect(alone?.pValue).toBe(1);
    expect(alone?.significant).toBe(false);
  });
});

describe('netSentiment', () => {
  it('is % positive − % negative of labelled items', () => {
    expect(netSentiment(6, 2, 2)).toBeCloseTo(0.4);
    expect(netSentiment(0, 0, 0)).toBeNull();
  });
});

describe('compareValueWithBaseline', () => {
  it('averages the previous weeks that have a value', () => {
    const kpi = compareValueWithBaseline([10, null, 20, 30, 40]);
    expect(kpi?.baseline).toBe(20);
    expect(kpi?.change).toBe(20);
    expect(compareValueWithBaseline([1, null])).toBeNull();
  });
});
