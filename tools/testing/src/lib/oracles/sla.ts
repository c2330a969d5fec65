/** One claim as an SLA sees it: when the clock started and when the measured event happened. */
export interface SlaCase {
  readonly start: Date;
  /** First response, resolution or refund; null while it has not happened. */
  readonly done: Date | null;
}

export interface SlaOutcome {
  readonly met: number;
  readonly breached: number;
  /** Open cases whose deadline has not passed: left out of attainment. */
  readonly pending: number;
  /** met ÷ (met + breached); null when nothing is decided yet. */
  readonly attainment: number | null;
}

/**
 * SLA attainment (docs/metrics.md): a case is met when done within the target, breached when
 * done late — or still open after its deadline; an open case before its deadline is left
 * out. `elapsedHours` measures the clock (calendar or business hours).
 */
export function slaAttainment(
  cases: readonly SlaCase[],
  targetHours: number,
  now: Date,
  elapsedHours: (from: Date, to: Date) => number,
): SlaOutcome {
  let met = 0;
  let breached = 0;
  let pending = 0;
  for (const c of cases) {
    if (c.done) {
      if (elapsedHours(c.start, c.done) <= targetHours) met++;
      else breached++;
    } else if (elapsedHours(c.start, now) > targetHours) breached++;
    else pending++;
  }
  return {
    met,
    breached,
    pending,
    attainment: met + breached === 0 ? null : met / (met + breached),
  };
}

/** Open cases that will breach within `withinHours` unless handled: the at-risk list. */
export function isAtRisk(
  c: SlaCase,
  targetHours: number,
  now: Date,
  withinHours: number,
  elapsedHours: (from: Date, to: Date) => number,
): boolean {
  if (c.done) return false;
  const used = elapsedHours(c.start, now);
  return used <= targetHours && targetHours - used <= withinHours;
}
