// Lanczos approximation (g = 7, n = 9); relative error below 1e-13 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) {
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function logBinomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return (
    logGamma(n + 1) -
    logGamma(k + 1) -
    logGamma(n - k + 1) +
    k * Math.log(p) +
    (n - k) * Math.log1p(-p)
  );
}

/**
 * Exact two-sided binomial test: the probability, under Binomial(n, p), of an outcome no
 * more likely than `k` (the "minimum likelihood" method used by R's binom.test).
 *
 * The distribution is unimodal, so the outcomes are visited from the mode outwards, each
 * probability from its neighbour's (one logarithm a step). Beyond the mode the ratio of
 * neighbours only falls, so once a side is among the outcomes as extreme as `k`, what is left
 * of it is at most a geometric series: the side stops when that bound is below 1e-17 of the
 * sum (or the probabilities below the smallest double). The work is then proportional to the
 * spread of the distribution, not to `n`: the movers test thousands of rates with up to a
 * million events each (docs/performance.md).
 */
export function binomialTestTwoSided(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`binomial test needs integers 0 ≤ k ≤ n, got k=${k}, n=${n}`);
  }
  if (p < 0 || p > 1) throw new RangeError(`binomial test needs 0 ≤ p ≤ 1, got ${p}`);
  if (n === 0) return 1;
  // A point mass: only its one outcome is as likely as itself.
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const tolerance = 1e-7; // relative, as in R, so equal probabilities count as "as extreme"
  const threshold = logBinomialPmf(k, n, p) + Math.log1p(tolerance);
  const logOdds = Math.log(p) - Math.log1p(-p);
  /** Below this a probability is 0 as a double (`Math.exp(-746) === 0`). */
  const negligible = -746;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const atMode = logBinomialPmf(mode, n, p);
  let asExtreme = 0;
  let moreLikely = 0;
  const add = (logP: number) => {
    if (logP <= threshold) asExtreme += Math.exp(logP);
    else moreLikely += Math.exp(logP);
  };
  /** Whether the rest of a side, after `logP` with falling ratio `logRatio`, is negligible. */
  const restNegligible = (logP: number, logRatio: number) => {
    if (logP < negligible) return true;
    if (logP > threshold || logRatio >= 0) return false;
    const ratio = Math.exp(logRatio);
    return (Math.exp(logP) * ratio) / (1 - ratio) < asExtreme * 1e-17;
  };
  add(atMode);
  // Upwards: P(i + 1) = P(i) · (n − i) / (i + 1) · p / (1 − p)
  for (let i = mode, logP = atMode; i < n; i++) {
    const logRatio = Math.log((n - i) / (i + 1)) + logOdds;
    logP += logRatio;
    add(logP);
    if (restNegligible(logP, logRatio)) break;
  }
  // Downwards: P(i − 1) = P(i) · i / (n − i + 1) · (1 − p) / p
  for (let i = mode, logP = atMode; i > 0; i--) {
    const logRatio = Math.log(i / (n - i + 1)) - logOdds;
    logP += logRatio;
    add(logP);
    if (restNegligible(logP, logRatio)) break;
  }
  // Sum the smaller side, so neither tiny p-values nor p = 1 drown in rounding error.
  return asExtreme < 0.5 ? asExtreme : Math.max(0, 1 - moreLikely);
}

/**
 * Is this week's count different from the rate of the baseline weeks? Under equal Poisson
 * rates, the week's count given the total is Binomial(total, 1 / (1 + baselineWeeks)); this
 * conditional test accounts for the noise in the baseline as well as in the week.
 */
export function poissonRateTest(count: number, baselineCounts: readonly number[]): number {
  if (baselineCounts.length === 0) return 1;
  const baselineTotal = baselineCounts.reduce((sum, c) => sum + c, 0);
  return binomialTestTwoSided(count, count + baselineTotal, 1 / (1 + baselineCounts.length));
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the order given. Flag a finding when
 * its q-value is below the false discovery rate you accept (0.05 in this product).
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1];
    running = Math.min(running, (p * m) / rank);
    q[i] = running;
  }
  return q;
}
