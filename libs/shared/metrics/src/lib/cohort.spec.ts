import { cohortReturnRate } from './cohort';

describe('cohortReturnRate', () => {
  const periodEnd = new Date('2026-11-01T00:00:00Z');

  it('divides returned by ordered units and flags a cohort inside its return window', () => {
    expect(cohortReturnRate(5, 100, periodEnd, 30, new Date('2026-11-20T00:00:00Z'))).toEqual({
      rate: 0.05,
      immature: true,
    });
    expect(cohortReturnRate(5, 100, periodEnd, 30, new Date('2026-12-01T00:00:00Z'))).toEqual({
      rate: 0.05,
      immature: false,
    });
  });

  it('has no rate without orders', () => {
    expect(cohortReturnRate(0, 0, periodEnd, 30, new Date('2027-01-01T00:00:00Z')).rate).toBeNull();
  });
});
