import { binomialTestTwoSided } from './significance';

const DAY_MS = 86_400_000;

/**
 * Is the order cohort of the week starting `monday` (a local date, `YYYY-MM-DD`) mature at
 * `asOf`? It is once `windowDays` have passed since the week's last day ended: every unit
 * of the week has had its full return window. Dates are compared as calendar dates (the
 * shop's), so `asOf` is the local date of the newest data.
 */
export function cohortMature(monday: string, windowDays: number, asOf: string): boolean {
  const weekEnd = Date.parse(`${monday}T00:00:00Z`) + 7 * DAY_MS;
  return weekEnd + windowDays * DAY_MS <= Date.parse(`${asOf}T00:00:00Z`);
}

/**
 * Exact test of two Poisson rates with exposures (the conditional binomial test): given
 * `count + baselineCount` events, `count` is Binomial with p = exposure ÷ (exposure +
 * baselineExposure) when the rates are equal. Two-sided; 1 when either exposure is 0.
 */
export function rateRatioTest(
  count: number,
  exposure: number,
  baselineCount: number,
  baselineExposure: number,
): number {
  if (exposure <= 0 || baselineExposure <= 0) return 1;
  return binomialTestTwoSided(
    count,
    count + baselineCount,
    exposure / (exposure + baselineExposure),
  );
}

/**
 * The smallest p-value `rateRatioTest` can give for `total` events split between the two
 * exposures: a candidate that cannot reach the level is left out before the correction
 * (filtering by the total count, which the conditional test does not use, keeps the false
 * discovery rate; Bourgon, Gentleman & Huber 2010).
 */
export function minimumRateRatioP(total: number, share: number): number {
  if (total === 0 || share <= 0 || share >= 1) return 1;
  return Math.min(binomialTestTwoSided(0, total, share), binomialTestTwoSided(total, total, share));
}
