export interface CohortRate {
  readonly rate: number | null;
  /** The cohort's return window has not closed yet: more returns may come. */
  readonly immature: boolean;
}

/**
 * Order-cohort return rate: units returned from orders placed in a period ÷ units ordered
 * in it. Immature while `now` is before the end of the period plus the return window.
 */
export function cohortReturnRate(
  unitsReturned: number,
  unitsOrdered: number,
  periodEnd: Date,
  returnWindowDays: number,
  now: Date,
): CohortRate {
  return {
    rate: unitsOrdered === 0 ? null : unitsReturned / unitsOrdered,
    immature: now.getTime() < periodEnd.getTime() + returnWindowDays * 86_400_000,
  };
}
