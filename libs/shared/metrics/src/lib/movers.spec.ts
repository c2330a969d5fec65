import { rateMovers } from './movers';

describe('rateMovers', () => {
  // Hand-computed. Series A: 3 baseline weeks of 10 events per 1,000 units, then 40 per 1,000.
  // Given 70 events, the week's share under equal rates is 1000 / 4000 = 0.25; the two-sided
  // exact p of 40 for Binomial(70, 0.25) is 1.2549752e-8 (R: binom.test(40, 70, 0.25)).
  const a = { key: 'A', events: [10, 10, 10, 40], exposures: [1000, 1000, 1000, 1000] };
  // Series B: the same rate every week (10 per 1,000): p = 1.
  const b = { key: 'B', events: [10, 10, 10, 10], exposures: [1000, 1000, 1000, 1000] };
  // Series C: its count rose, but so did its exposure: the rate is flat.
  const c = { key: 'C', events: [10, 10, 10, 30], exposures: [1000, 1000, 1000, 3000] };
  // Series D: 1 event in all: no split of 1 event can reach 0.05 → not tested.
  const d = { key: 'D', events: [0, 0, 0, 1], exposures: [1000, 1000, 1000, 1000] };

  const { changes, tested } = rateMovers([a, b, c, d]);

  it('tests rates with their exposure, not counts', () => {
    expect(tested).toBe(3);
    expect(changes.map((m) => m.key)).toEqual(['A']);
  });

  it('gives the evidence: rates, counts, ratio, p and the BH q over all tested', () => {
    const [m] = changes;
    expect(m.value).toBeCloseTo(0.04, 12);
    expect(m.baseline).toBeCloseTo(0.01, 12);
    expect(m.rateRatio).toBeCloseTo(4, 12);
    expect(m.count).toBe(40);
    expect(m.baselineCount).toBe(30);
    expect(m.direction).toBe('up');
    expect(m.pValue / 1.2549752330138283e-8).toBeCloseTo(1, 6);
    // BH with 3 tested, A ranked first: q = 3 p.
    expect(m.qValue).toBeCloseTo(3 * m.pValue, 15);
  });

  it('finds falls too, and orders by the size of the change', () => {
    const fall = { key: 'F', events: [40, 40, 40, 5], exposures: [1000, 1000, 1000, 1000] };
    const rise = { key: 'R', events: [20, 20, 20, 45], exposures: [1000, 1000, 1000, 1000] };
    const result = rateMovers([rise, fall]);
    expect(result.changes.map((m) => [m.key, m.direction])).toEqual([
      ['F', 'down'],
      ['R', 'up'],
    ]);
  });

  it('corrects for everything compared at once', () => {
    // A alone has q = p; among 1,000 flat series it keeps q = 1000 p (rank 1).
    const many = Array.from({ length: 999 }, (_, i) => ({ ...b, key: `B${i}` }));
    const result = rateMovers([a, ...many]);
    expect(result.tested).toBe(1000);
    expect(result.changes[0].qValue).toBeCloseTo(1000 * result.changes[0].pValue, 12);
  });
});
