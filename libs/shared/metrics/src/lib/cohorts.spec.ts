import { cohortMature, minimumRateRatioP, rateRatioTest } from './cohorts';

describe('cohortMature', () => {
  // Week of Monday 2026-10-19 ends 2026-10-26 00:00; + 30 days = 2026-11-25.
  it('is immature until the window after the week has passed', () => {
    expect(cohortMature('2026-10-19', 30, '2026-11-24')).toBe(false);
    expect(cohortMature('2026-10-19', 30, '2026-11-25')).toBe(true);
  });
  it('never calls the current week mature', () => {
    expect(cohortMature('2026-11-30', 0, '2026-12-05')).toBe(false);
    expect(cohortMature('2026-11-30', 0, '2026-12-07')).toBe(true);
  });
});

describe('rateRatioTest', () => {
  it('is the binomial test of the split of all events by exposure', () => {
    // 10 events, equal exposure → Binomial(10, 0.5); 9 or more on one side (or 1 or fewer): 22/1024.
    expect(rateRatioTest(9, 100, 1, 100)).toBeCloseTo(22 / 1024, 10);
    // Exposure 1 : 3 → p = 0.25; 5 of 5 events in the small exposure: 0.25^5 + 0 (0 events has 0.237 > 0.25^5).
    expect(rateRatioTest(5, 1, 0, 3)).toBeCloseTo(Math.pow(0.25, 5), 12);
  });
  it('finds nothing when rates are equal', () => {
    expect(rateRatioTest(20, 200, 80, 800)).toBeGreaterThan(0.9);
  });
  it('is 1 without exposure', () => {
    expect(rateRatioTest(3, 0, 2, 10)).toBe(1);
  });
});

describe('minimumRateRatioP', () => {
  it('is the probability of the most extreme split', () => {
    // 3 events, share 0.2: all three in the week 0.008; none 0.512 → the smaller, 0.008.
    expect(minimumRateRatioP(3, 0.2)).toBeCloseTo(0.008, 12);
    expect(minimumRateRatioP(0, 0.2)).toBe(1);
  });
});
