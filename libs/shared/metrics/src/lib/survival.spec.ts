import { median } from './percentile';
import { kaplanMeier, survivalQuantile, survivalSummary } from './survival';

const ev = (time: number, count?: number) => ({ time, event: true, count });
const open = (time: number, count?: number) => ({ time, event: false, count });

describe('kaplanMeier', () => {
  it('steps down by d/n at each event time, censorings leave the risk set afterwards', () => {
    // Events at 2, 3, 6, 8; open cases aged 3 and 5 (6 cases).
    // t=2: n=6, d=1 → 5/6; t=3: n=5, d=1 (and one censored) → 5/6 · 4/5 = 2/3;
    // t=5: n=3, censored only → 2/3; t=6: n=2, d=1 → 1/3; t=8: n=1, d=1 → 0.
    const steps = kaplanMeier([ev(6), open(3), ev(2), ev(8), open(5), ev(3)]);
    expect(steps.map((s) => s.time)).toEqual([2, 3, 5, 6, 8]);
    expect(steps.map((s) => s.atRisk)).toEqual([6, 5, 3, 2, 1]);
    expect(steps.map((s) => [s.events, s.censored])).toEqual([
      [1, 0],
      [1, 1],
      [0, 1],
      [1, 0],
      [1, 0],
    ]);
    const expected = [5 / 6, 2 / 3, 2 / 3, 1 / 3, 0];
    steps.forEach((s, i) => expect(s.survival).toBeCloseTo(expected[i], 12));
  });

  it('weights observations by count and ignores negative, non-finite and empty ones', () => {
    // 4 cases: 2 events at 1 → S = 1 − 2/4 = 1/2.
    const steps = kaplanMeier([ev(1, 2), open(2, 2), ev(-1), ev(NaN), ev(3, 0)]);
    expect(steps).toEqual([
      { time: 1, atRisk: 4, events: 2, censored: 0, survival: 0.5 },
      { time: 2, atRisk: 2, events: 0, censored: 2, survival: 0.5 },
    ]);
    expect(kaplanMeier([])).toEqual([]);
  });
});

describe('survivalQuantile', () => {
  it('equals the ordinary median and the first value past 90 % without censoring', () => {
    const steps = kaplanMeier([4, 1, 3, 2].map((t) => ev(t)));
    // S(2) = 1/2 exactly: flat until 3 → (2 + 3) / 2, as the ordinary median.
    expect(survivalQuantile(steps, 0.5)).toBe(2.5);
    expect(survivalQuantile(steps, 0.5)).toBe(median([1, 2, 3, 4]));
    // S(3) = 1/4 > 0.1, S(4) = 0 → p90 = 4.
    expect(survivalQuantile(steps, 0.9)).toBe(4);
    expect(survivalQuantile(kaplanMeier([ev(7), ev(1), ev(3)]), 0.5)).toBe(3);
  });

  it('counts open cases: the median is later than the median of the closed ones alone', () => {
    const obs = [ev(2), ev(3), ev(6), ev(8), open(3), open(5)];
    // From the steps above: S(3) = 2/3, S(6) = 1/3 → median 6; the closed ones alone say 4.5.
    expect(survivalSummary(obs)).toEqual({ median: 6, p90: 8, events: 4, censored: 2 });
    expect(median([2, 3, 6, 8])).toBe(4.5);
  });

  it('takes the middle of a flat stretch at exactly 1 − q, across a censoring', () => {
    // 5 cases: events 1, 2; open at 3; event 5; open at 9.
    // S(1) = 4/5; S(2) = 4/5 · 3/4 = 3/5; t=3 censored; S(5) = 3/5 · 1/2 = 3/10 → median 5.
    expect(survivalQuantile(kaplanMeier([ev(1), ev(2), open(3), ev(5), open(9)]), 0.5)).toBe(5);
    // 4 cases: S(1) = 3/4, S(2) = 3/4 · 2/3 = 1/2 exactly; open at 3; next event 5 → 3.5.
    expect(survivalQuantile(kaplanMeier([ev(1), ev(2), open(3), ev(5)]), 0.5)).toBe(3.5);
    // Flat at 1/2 with no later event: the last event time.
    expect(survivalQuantile(kaplanMeier([ev(1, 2), open(2, 2)]), 0.5)).toBe(1);
  });

  it('is null while too many cases are open, and rejects q outside (0, 1)', () => {
    // S(1) = 3/4 and no later event: half the cases have not ended yet.
    expect(survivalSummary([ev(1), open(2), open(2), open(2)])).toEqual({
      median: null,
      p90: null,
      events: 1,
      censored: 3,
    });
    expect(survivalQuantile([], 0.5)).toBeNull();
    expect(() => survivalQuantile([], 1)).toThrow(RangeError);
    expect(() => survivalQuantile([], 0)).toThrow(RangeError);
  });
});
