/**
 * The instant analytics judge "now" by: the start of the current minute, so answers that
 * depend on the clock stay the same (and cacheable) within a minute.
 */
export function minuteNow(at = Date.now()): Date {
  return new Date(at - (at % 60_000));
}
