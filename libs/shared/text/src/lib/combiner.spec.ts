import { combine, combinerFeatures, COMBINER_FEATURES, fitCombiner, topClass } from './combiner';

const noCues = { score: null, negation: false, contrast: false, rating: null, emoji: 0 };

describe('combiner', () => {
  it('builds one feature per name', () => {
    const x = combinerFeatures({ negative: 0.2, neutral: 0.3, positive: 0.5 }, noCues);
    expect(x).toHaveLength(COMBINER_FEATURES.length);
    expect(x[0]).toBe(1);
    expect(x[1]).toBe(0.5);
    expect(x[2]).toBe(0.2);
    expect(x[3]).toBeCloseTo(Math.log(0.5 / 0.3) / 10, 10);
    const cued = combinerFeatures(
      { negative: 0.2, neutral: 0.3, positive: 0.5 },
      { score: -0.6, negation: true, contrast: true, rating: 1, emoji: -2 },
    );
    expect(cued.slice(5)).toEqual([-0.6, 1, -1, 1, 1, -1, 1, Math.tanh(-1)]);
  });

  it('computes a softmax of hand-made weights', () => {
    // Weights only on the bias: logits 0, ln 2, ln 5 → probabilities 1/8, 2/8, 5/8.
    const weights = [
      [0, 0],
      [Math.log(2), 0],
      [Math.log(5), 0],
    ];
    const p = combine(weights, [1, 0.7]);
    expect(p.negative).toBeCloseTo(1 / 8, 10);
    expect(p.neutral).toBeCloseTo(2 / 8, 10);
    expect(p.positive).toBeCloseTo(5 / 8, 10);
    expect(topClass(p)).toBe('positive');
    // The second feature weighs on negative only.
    const q = combine(
      [
        [0, 3],
        [0, 0],
        [0, 0],
      ],
      [1, 1],
    );
    expect(q.negative).toBeCloseTo(Math.exp(3) / (Math.exp(3) + 2), 10);
    expect(topClass(q)).toBe('negative');
  });

  it('is monotonic in the model probability', () => {
    // Positive weighs model_positive and its log-odds, negative the reverse.
    const d = COMBINER_FEATURES.length;
    const row = (entries: Record<number, number>) =>
      Array.from({ length: d }, (_, i) => entries[i] ?? 0);
    const weights = [row({ 2: 2, 4: 3 }), row({ 0: 0.5 }), row({ 1: 2, 3: 3 })];
    let last = -1;
    for (const positive of [0.05, 0.2, 0.4, 0.6, 0.8, 0.95]) {
      const model = { negative: (1 - positive) / 2, neutral: (1 - positive) / 2, positive };
      const p = combine(weights, combinerFeatures(model, noCues));
      expect(p.positive).toBeGreaterThan(last);
      last = p.positive;
    }
  });

  it('fits separable data deterministically, balanced or not', () => {
    const rows = [
      [1, 1, 0],
      [1, 0.9, 0.1],
      [1, 0, 1],
      [1, 0.1, 0.9],
      [1, 0.5, 0.5],
    ];
    const labels = [2, 2, 0, 0, 1];
    const w = fitCombiner(rows, labels, { iterations: 2000 });
    expect(fitCombiner(rows, labels, { iterations: 2000 })).toEqual(w);
    expect(rows.map((x) => topClass(combine(w, x)))).toEqual([
      'positive',
      'positive',
      'negative',
      'negative',
      'neutral',
    ]);
    const balanced = fitCombiner(rows, labels, { iterations: 2000, balanced: true });
    expect(topClass(combine(balanced, [1, 0.5, 0.5]))).toBe('neutral');
  });
});
