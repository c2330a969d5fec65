/**
 * Kaplan–Meier survival estimate for durations with open (censored) cases: a claim still
 * waiting for its event is known only to take longer than its age so far. Pure functions,
 * docs/metrics.md "Durations".
 */

/** `count` cases that ended (`event`) or were still open (censored) after `time`. */
export interface SurvivalObservation {
  readonly time: number;
  readonly event: boolean;
  /** Cases with this time and state; 1 when left out. */
  readonly count?: number;
}

/** The estimate just after one distinct time. */
export interface SurvivalStep {
  readonly time: number;
  /** Cases whose time is this one or later (events before censorings at a tie). */
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  /** S(t): the estimated share of cases still without their event after `time`. */
  readonly survival: number;
}

/**
 * The Kaplan–Meier product-limit estimate: S(t) = Π over event times tᵢ ≤ t of
 * (1 − dᵢ / nᵢ), with dᵢ events at tᵢ and nᵢ cases at risk just before tᵢ. A case censored at
 * the same time as an event counts as at risk for it (the usual convention). One step per
 * distinct time, oldest first; negative or non-finite times and empty counts are ignored.
 */
export function kaplanMeier(observations: readonly SurvivalObservation[]): SurvivalStep[] {
  const byTime = new Map<number, { events: number; censored: number }>();
  for (const o of observations) {
    const n = o.count ?? 1;
    if (!Number.isFinite(o.time) || o.time < 0 || !(n > 0)) continue;
    const e = byTime.get(o.time) ?? { events: 0, censored: 0 };
    if (o.event) e.events += n;
    else e.censored += n;
    byTime.set(o.time, e);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  let atRisk = [...byTime.values()].reduce((s, e) => s + e.events + e.censored, 0);
  let survival = 1;
  const steps: SurvivalStep[] = [];
  for (const time of times) {
    const { events, censored } = byTime.get(time)!;
    if (events > 0) survival *= 1 - events / atRisk;
    steps.push({ time, atRisk, events, censored, survival });
    atRisk -= events + censored;
  }
  return steps;
}

/**
 * Quantile `q` of the durations from a Kaplan–Meier curve: the first event time at which
 * S(t) ≤ 1 − q. When S(t) equals 1 − q exactly, the curve is flat at that level until the next
 * event, and the quantile is the middle of the two times — so without censoring the median
 * of an even sample is the mean of its two middle values. Null when the curve never falls to
 * 1 − q (too many cases still open: the quantile is not yet known).
 */
export function survivalQuantile(steps: readonly SurvivalStep[], q: number): number | null {
  if (!(q > 0 && q < 1)) throw new RangeError(`survivalQuantile needs 0 < q < 1, got ${q}`);
  const level = 1 - q;
  const eps = 1e-9;
  const events = steps.filter((s) => s.events > 0);
  for (let i = 0; i < events.length; i++) {
    const s = events[i];
    if (Math.abs(s.survival - level) <= eps) {
      return i + 1 < events.length ? (s.time + events[i + 1].time) / 2 : s.time;
    }
    if (s.survival < level) return s.time;
  }
  return null;
}

/** Median and p90 of censored durations, with the counts behind them. */
export interface SurvivalSummary {
  readonly median: number | null;
  readonly p90: number | null;
  /** Cases whose event happened. */
  readonly events: number;
  /** Cases still open (censored at their age). */
  readonly censored: number;
}

export function survivalSummary(observations: readonly SurvivalObservation[]): SurvivalSummary {
  const steps = kaplanMeier(observations);
  return {
    median: survivalQuantile(steps, 0.5),
    p90: survivalQuantile(steps, 0.9),
    events: steps.reduce((s, x) => s + x.events, 0),
    censored: steps.reduce((s, x) => s + x.censored, 0),
  };
}
