import { SIGNIFICANCE_LEVEL } from './baseline';
import { minimumRateRatioP, rateRatioTest } from './cohorts';
import { benjaminiHochberg } from './significance';

/** One rate's weekly series: events and their exposure, oldest first, the reported week last. */
export interface RateSeries<K> {
  readonly key: K;
  readonly events: readonly number[];
  readonly exposures: readonly number[];
}

/** A rate of the reported week against its pooled baseline, with its test. */
export interface RateChange<K> {
  readonly key: K;
  readonly count: number;
  readonly exposure: number;
  readonly baselineCount: number;
  readonly baselineExposure: number;
  /** count ÷ exposure, and baselineCount ÷ baselineExposure. */
  readonly value: number;
  readonly baseline: number;
  readonly rateRatio: number | null;
  readonly direction: 'up' | 'down';
  readonly pValue: number;
  readonly qValue: number;
}

/**
 * Rates that moved: the last week of each series against the pooled weeks before it (exact
 * conditional test of two Poisson rates with exposure), Benjamini–Hochberg across every series
 * tested. A series without exposure in either part, or whose total count is too small for any
 * split to reach the significance level, is left out before the correction (it could never be
 * flagged; filtering on the total, which the conditional test does not use, keeps the false
 * discovery rate). Returns the significant changes, largest effect (|log rate ratio|) first,
 * and how many series were tested.
 */
export function rateMovers<K>(
  series: readonly RateSeries<K>[],
  level = SIGNIFICANCE_LEVEL,
): { readonly changes: RateChange<K>[]; readonly tested: number } {
  const tested: Omit<RateChange<K>, 'qValue'>[] = [];
  for (const { key, events, exposures } of series) {
    const last = events.length - 1;
    const count = events[last];
    const exposure = exposures[last];
    const baselineCount = events.slice(0, last).reduce((a, b) => a + b, 0);
    const baselineExposure = exposures.slice(0, last).reduce((a, b) => a + b, 0);
    if (!(exposure > 0 && baselineExposure > 0)) continue;
    const share = exposure / (exposure + baselineExposure);
    if (minimumRateRatioP(count + baselineCount, share) >= level) continue;
    const value = count / exposure;
    const baseline = baselineCount / baselineExposure;
    tested.push({
      key,
      count,
      exposure,
      baselineCount,
      baselineExposure,
      value,
      baseline,
      rateRatio: baseline === 0 ? null : value / baseline,
      direction: value >= baseline ? 'up' : 'down',
      pValue: rateRatioTest(count, exposure, baselineCount, baselineExposure),
    });
  }
  const q = benjaminiHochberg(tested.map((t) => t.pValue));
  const effect = (c: Omit<RateChange<K>, 'qValue'>) =>
    c.baseline === 0 ? Infinity : Math.abs(Math.log(Math.max(c.value, 1e-12) / c.baseline));
  const changes = tested
    .map((t, i) => ({ ...t, qValue: q[i] }))
    .filter((t) => t.qValue < level)
    .sort((a, b) => effect(b) - effect(a) || a.qValue - b.qValue);
  return { changes, tested: tested.length };
}
