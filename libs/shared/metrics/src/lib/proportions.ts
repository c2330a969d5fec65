/** Standard normal cumulative distribution, from the complementary error function below. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  // Chebyshev approximation (Numerical Recipes' erfcc): relative error below 1.2e-7 everywhere.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval of a proportion `successes / n` (default 95%). Honest for small
 * samples and for 0 or n successes, unlike the bare rate ± z·SE. `null` when n is 0.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z = 1.959963984540054,
): Interval | null {
  if (n === 0) return null;
  if (successes < 0 || successes > n)
    throw new RangeError(`wilsonInterval needs 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/**
 * Control limits of a funnel plot at volume `n` around the overall rate `p0`, by the
 * normal approximation, clamped to [0, 1]: 95% (z = 1.96) and 99.8% (z = 3.09) by default.
 */
export function funnelLimits(p0: number, n: number, z = 1.959963984540054): Interval {
  if (n <= 0) return { lower: 0, upper: 1 };
  const half = z * Math.sqrt((p0 * (1 - p0)) / n);
  return { lower: Math.max(0, p0 - half), upper: Math.min(1, p0 + half) };
}

export const Z_95 = 1.959963984540054;
export const Z_998 = 3.090232306167813;

/**
 * Two-sided two-proportion z-test with the pooled proportion: is x1/n1 different from
 * x2/n2? Returns the p-value; 1 when either sample is empty or the pooled rate is 0 or 1.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 1;
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return 1;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (x1 / n1 - x2 / n2) / se;
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}
