import { businessMinutesAt, calendarDayJoin, instantAtBusinessMinutes } from './business-time.sql';
import { weekOf } from './metrics.sql';

/**
 * The SLA definitions in SQL (docs/metrics.md, "SLA"): durations per claim, met and breached
 * closed claims, and the cut-offs that decide an open claim's state now.
 */

/** The UTC hour claim `c` was opened in: the key of the hourly SLA rollups. */
export const openingHour = (c = 'c') => `date_trunc('hour', ${c}.opened_at, 'UTC')`;

/** The instants of a claim that durations are measured between, with their aliases. */
const EVENTS = [
  ['opened_at', 'open'],
  ['first_response_at', 'first'],
  ['resolved_at', 'resolved'],
  ['refunded_at', 'refund'],
] as const;

/**
 * Hours from opening to each measured event, by calendar and by business clock, of the
 * claims `c` that `from` and `where` select (`from` may join products as `p`); the opening
 * hour and whether the claim is open. Each instant is turned into local time once per claim
 * (`l`, kept from being inlined back by `OFFSET 0`) and the hours are float8: this runs over
 * every claim of a batch's weeks.
 */
export function timedClaimsSql(from: string, where: string): string {
  const hours = (event: string) => `date_part('epoch', c.${event} - c.opened_at) / 3600`;
  const business = (event: (typeof EVENTS)[number]) =>
    businessMinutesAt(`c.${event[0]}`, `d_${event[1]}`, `l.${event[1]}_minute`);
  const elapsedBusiness = (index: number) =>
    `(${business(EVENTS[index])} - ${business(EVENTS[0])}) / 60`;
  const locals = EVENTS.map(([column, a]) => `c.${column} AT TIME ZONE k.time_zone AS ${a}_local`);
  const minutes = EVENTS.map(
    ([, a]) => `x.${a}_local, date_part('epoch', x.${a}_local::time) / 60 AS ${a}_minute`,
  );
  const days = EVENTS.map(([column, a]) =>
    calendarDayJoin(`c.${column}`, `d_${a}`, `l.${a}_local`),
  );
  return `
  SELECT c.type, c.channel, c.resolution, COALESCE(c.assignee, '') AS assignee,
         ${weekOf('c.opened_at')} AS week,
         ${hours('first_response_at')} AS first_response_calendar,
         ${hours('resolved_at')}       AS resolution_calendar,
         ${hours('refunded_at')}       AS refund_calendar,
         ${elapsedBusiness(1)} AS first_response_business,
         ${elapsedBusiness(2)}       AS resolution_business,
         ${elapsedBusiness(3)}       AS refund_business,
         ${openingHour('c')} AS hour, (${CLAIM_OPEN}) AS open
    FROM ${from}
    JOIN business_calendars k ON k.shop_id = c.shop_id
    CROSS JOIN LATERAL (
      SELECT ${minutes.join(',\n             ')}
        FROM (SELECT ${locals.join(', ')} OFFSET 0) x
      OFFSET 0) l
    ${days.join('\n    ')}
   ${where}`;
}

/** The elapsed hours of timed claim `x` (a row of `timedClaimsSql`) on policy `p`'s metric and clock. */
const policyElapsed = (x: string, p: string) => `CASE ${p}.metric || '/' || ${p}.clock
                  WHEN 'first_response/calendar' THEN ${x}.first_response_calendar
                  WHEN 'first_response/business' THEN ${x}.first_response_business
                  WHEN 'resolution/calendar'     THEN ${x}.resolution_calendar
                  WHEN 'resolution/business'     THEN ${x}.resolution_business
                  WHEN 'refund/calendar'         THEN ${x}.refund_calendar
                  ELSE ${x}.refund_business END`;

/** `slaRowsSql`'s grouping of a row: by week, type, channel and assignee. */
export const SLA_ROWS_BY_WEEK = 8;
/** `slaRowsSql`'s grouping of a row: by opening hour and channel. */
export const SLA_ROWS_BY_HOUR_CHANNEL = 5;
/** `slaRowsSql`'s grouping of a row: by opening hour and assignee. */
export const SLA_ROWS_BY_HOUR_ASSIGNEE = 6;

/**
 * Per policy, in one pass over the timed claims, three groupings (`g`): met and breached
 * closed claims per week, type, channel and assignee (`SLA_ROWS_BY_WEEK`); and per week,
 * UTC opening hour and channel (`SLA_ROWS_BY_HOUR_CHANNEL`) or assignee
 * (`SLA_ROWS_BY_HOUR_ASSIGNEE`), the same plus `open_claims`, the open claims still waiting
 * for the policy's event (any resolution: an open claim is pending under a policy restricted to
 * some resolutions until it is decided). The timed rows need `hour` and `open`.
 */
export function slaRowsSql(timed: string): string {
  return `
     WITH timed AS (${timed})
     SELECT GROUPING(t.hour, t.type, t.channel, t.assignee) AS g,
            t.week, t.hour, p.id AS policy_id, t.type, t.channel, t.assignee,
            count(*) FILTER (WHERE t.counted AND t.elapsed <= p.target_hours) AS met,
            count(*) FILTER (WHERE t.counted AND t.elapsed > p.target_hours) AS breached,
            count(*) FILTER (WHERE t.elapsed IS NULL AND t.open) AS open_claims
       FROM sla_policies p
       CROSS JOIN LATERAL (
         SELECT x.week, x.hour, x.type, x.channel, x.assignee, x.open,
                (p.resolutions IS NULL OR COALESCE(x.resolution = ANY(p.resolutions), false)) AS counted,
                ${policyElapsed('x', 'p')} AS elapsed
           FROM timed x
          WHERE x.type = ANY(p.claim_types)
       ) t
      WHERE p.shop_id = {shop} AND ((t.elapsed IS NOT NULL AND t.counted) OR (t.elapsed IS NULL AND t.open))
      GROUP BY GROUPING SETS ((t.week, p.id, t.type, t.channel, t.assignee),
                              (t.week, t.hour, p.id, t.channel),
                              (t.week, t.hour, p.id, t.assignee))`;
}

/** Every measured duration of the timed claims, one row per (claim, metric, clock). */
export function durationValuesSql(timed: string): string {
  return `
     WITH timed AS (${timed})
     SELECT t.week, m.metric, m.clock, m.hours
       FROM timed t
       CROSS JOIN LATERAL (VALUES
         ('first_response', 'calendar', t.first_response_calendar),
         ('first_response', 'business', t.first_response_business),
         ('resolution', 'calendar', t.resolution_calendar),
         ('resolution', 'business', t.resolution_business),
         ('refund', 'calendar', t.refund_calendar),
         ('refund', 'business', t.refund_business)) AS m(metric, clock, hours)
      WHERE m.hours IS NOT NULL AND m.hours >= 0`;
}

/**
 * Per policy, the opening instants that decide an open claim's state at `{now}`: opened before
 * `breach_cutoff` it is breached, before `risk_cutoff` it is at risk. Elapsed time only grows
 * with age — in business hours too (the cumulative business minutes never decrease) — so one
 * cutoff per policy replaces a clock computation per claim. `f_now` is the business clock at
 * `{now}`.
 */
export function slaCutoffsSql(): string {
  const fNow = businessMinutesAt('{now}::timestamptz', 'd_now');
  return `
      SELECT s.id, s.name, s.metric, s.clock, s.claim_types, s.resolutions, s.target_hours::float8 AS target_hours,
             s.at_risk_hours::float8 AS at_risk_hours, ${fNow}::float8 AS f_now,
             CASE WHEN s.clock = 'calendar' THEN {now}::timestamptz - make_interval(secs => s.target_hours * 3600)
                  ELSE ${instantAtBusinessMinutes(`${fNow} - s.target_hours * 60`)} END AS breach_cutoff,
             CASE WHEN s.clock = 'calendar'
                  THEN {now}::timestamptz - make_interval(secs => GREATEST(s.target_hours - s.at_risk_hours, 0) * 3600)
                  ELSE ${instantAtBusinessMinutes(`${fNow} - GREATEST(s.target_hours - s.at_risk_hours, 0) * 60`)} END AS risk_cutoff
        FROM sla_policies s
        JOIN business_calendars k ON k.shop_id = s.shop_id
        ${calendarDayJoin('{now}::timestamptz', 'd_now')}
       WHERE s.shop_id = {shop}`;
}

/** Claim `c` is open: not resolved and in status open or in progress. */
export const CLAIM_OPEN = `c.resolved_at IS NULL AND c.status IN ('open', 'in_progress')`;

/**
 * Each claim `c` that `from` and `where` select, under each policy of `sp` (the rows of
 * `slaCutoffsSql`) that covers it, with its outcome at `{now}` (docs/metrics.md, "SLA"):
 *
 * - its deadline has passed (opened before `breach_cutoff`): `met` when the measured event
 *   happened within the target, `breached` when it happened later or the claim is still open
 *   without it;
 * - its deadline has not passed: `pending`, whatever already happened — so early successes
 *   do not count before the slow cases of the same cohort can;
 * - open under a policy restricted to some resolutions (refund): `pending` until decided,
 *   since the claim may end outside the policy.
 *
 * Closed claims whose event never happened, and closed claims with a resolution outside the
 * policy's, have no row. `closed_met` says how a `pending` claim with its event would count
 * once due (what the rollups counted); `age` is the time since opening at `{now}` on the policy's
 * clock. Needs `{now}` and the alias `sp`.
 */
export function slaOutcomesSql(from: string, where: string): string {
  const elapsedBusiness = `(${businessMinutesAt('e.at', 'd_event')} - ${businessMinutesAt('c.opened_at', 'd_open')}) / 60`;
  return `
  SELECT c.external_id, c.type, sp.id AS policy_id, ${weekOf('c.opened_at')} AS week,
         c.opened_at, c.channel, COALESCE(c.assignee, '') AS assignee,
         CASE WHEN sp.clock = 'calendar' THEN extract(epoch FROM {now}::timestamptz - c.opened_at) / 3600
              ELSE (sp.f_now - ${businessMinutesAt('c.opened_at', 'd_open')}) / 60 END::float8 AS age,
         x.elapsed IS NOT NULL AS closed, x.elapsed <= sp.target_hours AS closed_met,
         CASE WHEN x.elapsed IS NOT NULL THEN
                CASE WHEN c.opened_at >= sp.breach_cutoff THEN 'pending'
                     WHEN x.elapsed <= sp.target_hours THEN 'met' ELSE 'breached' END
              WHEN sp.resolutions IS NOT NULL OR c.opened_at >= sp.breach_cutoff THEN 'pending'
              ELSE 'breached' END AS outcome,
         sp.resolutions IS NULL AND e.at IS NULL AND c.opened_at >= sp.breach_cutoff
           AND c.opened_at < sp.risk_cutoff AS at_risk
    FROM ${from}
    JOIN sp ON c.type = ANY(sp.claim_types)
    CROSS JOIN LATERAL (SELECT CASE sp.metric WHEN 'first_response' THEN c.first_response_at
                                              WHEN 'resolution' THEN c.resolved_at ELSE c.refunded_at END AS at) e
    JOIN business_calendars k ON k.shop_id = c.shop_id
    ${calendarDayJoin('c.opened_at', 'd_open')}
    ${calendarDayJoin('e.at', 'd_event')}
    CROSS JOIN LATERAL (
      SELECT CASE WHEN e.at IS NULL OR (sp.resolutions IS NOT NULL AND NOT COALESCE(c.resolution = ANY(sp.resolutions), false)) THEN NULL
                  WHEN sp.clock = 'calendar' THEN extract(epoch FROM e.at - c.opened_at) / 3600
                  ELSE ${elapsedBusiness} END::float8 AS elapsed) x
   ${where}
     AND (x.elapsed IS NOT NULL OR (e.at IS NULL AND ${CLAIM_OPEN}))`;
}

/**
 * The open claims that `from` and `where` select, as censored durations: per metric and clock,
 * the claim's age at `{now}` while its event is still to come (docs/metrics.md, "Durations").
 * First response: open without a first response; resolution: open; refund: open, not
 * refunded, of a type some refund policy covers. One row per (claim, metric, clock), in the
 * shape of `durationValuesSql`.
 */
export function censoredDurationsSql(from: string, where: string): string {
  return `
     SELECT t.week, m.metric, m.clock, m.hours
       FROM (
         SELECT ${weekOf('c.opened_at')} AS week,
                c.first_response_at IS NULL AS first_response_pending,
                c.refunded_at IS NULL AND c.type IN (
                  SELECT unnest(claim_types) FROM sla_policies WHERE shop_id = {shop} AND metric = 'refund') AS refund_pending,
                extract(epoch FROM {now}::timestamptz - c.opened_at) / 3600 AS calendar,
                (${businessMinutesAt('{now}::timestamptz', 'd_now')} - ${businessMinutesAt('c.opened_at', 'd_open')}) / 60 AS business
           FROM ${from}
           JOIN business_calendars k ON k.shop_id = c.shop_id
           ${calendarDayJoin('c.opened_at', 'd_open')}
           ${calendarDayJoin('{now}::timestamptz', 'd_now')}
          ${where} AND ${CLAIM_OPEN}
       ) t
       CROSS JOIN LATERAL (VALUES
         ('first_response', 'calendar', CASE WHEN t.first_response_pending THEN t.calendar END),
         ('first_response', 'business', CASE WHEN t.first_response_pending THEN t.business END),
         ('resolution', 'calendar', t.calendar),
         ('resolution', 'business', t.business),
         ('refund', 'calendar', CASE WHEN t.refund_pending THEN t.calendar END),
         ('refund', 'business', CASE WHEN t.refund_pending THEN t.business END)) AS m(metric, clock, hours)
      WHERE m.hours IS NOT NULL AND m.hours >= 0`;
}

/**
 * Open claims at least this many hours old (on the clock asked about, at the end of their
 * opening hour) are censored from the hourly rollup at the middle of their opening hour: at
 * most half an hour — 1 % of their age — from their exact age, within the 2 % duration buckets'
 * own resolution. Younger ones are read claim by claim (docs/metrics.md, "Durations").
 */
export const CENSORED_EXACT_BELOW_HOURS = 50;

/**
 * The open claims of `rollup_open_hour` in weeks `{fromWeek}`–`{toWeek}`, per opening hour: the
 * same rows as `censoredDurationsSql` (for `clock` only) with a count `n`; `settled` says
 * whether the hour is old enough on that clock (`CENSORED_EXACT_BELOW_HOURS`) to be taken from
 * here. The calendar clock needs no calendar lookups.
 */
export function censoredFromRollupSql(clock: 'calendar' | 'business'): string {
  const mid = `(o.hour + interval '30 minutes')`;
  const end = `(o.hour + interval '1 hour')`;
  const fNow = businessMinutesAt('{now}::timestamptz', 'd_now');
  const age = (at: string, day: string) =>
    clock === 'calendar'
      ? `extract(epoch FROM {now}::timestamptz - ${at}) / 3600`
      : `(${fNow} - ${businessMinutesAt(at, day)}) / 60`;
  const calendar =
    clock === 'calendar'
      ? ''
      : `JOIN business_calendars k ON k.shop_id = o.shop_id
           ${calendarDayJoin(mid, 'd_mid')}
           ${calendarDayJoin(end, 'd_end')}
           ${calendarDayJoin('{now}::timestamptz', 'd_now')}`;
  return `
     WITH refund_types AS (
       SELECT DISTINCT unnest(claim_types) AS type FROM sla_policies WHERE shop_id = {shop} AND metric = 'refund')
     SELECT t.week, t.hour, t.settled, m.metric, '${clock}' AS clock, m.hours, t.claims AS n
       FROM (
         SELECT o.week, o.hour, o.claims, o.first_response_pending,
                NOT o.refunded AND o.type IN (SELECT type FROM refund_types) AS refund_pending,
                (${age(mid, 'd_mid')})::float8 AS age,
                (${age(end, 'd_end')}) >= ${CENSORED_EXACT_BELOW_HOURS} AS settled
           FROM rollup_open_hour o
           ${calendar}
          WHERE o.shop_id = {shop} AND o.week BETWEEN {fromWeek}::date AND {toWeek}::date
       ) t
       CROSS JOIN LATERAL (VALUES
         ('first_response', CASE WHEN t.first_response_pending THEN t.age END),
         ('resolution', t.age),
         ('refund', CASE WHEN t.refund_pending THEN t.age END)) AS m(metric, hours)
      WHERE m.hours IS NOT NULL`;
}
