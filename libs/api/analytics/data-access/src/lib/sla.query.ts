import { Injectable } from '@nestjs/common';
import {
  SLA_METRICS,
  type AnalyticsFilters,
  type SlaClock,
  type SlaMetric,
  type SlaOpenClaim,
  type SlaPolicy,
  type SlaReport,
} from '@returnlens/shared/contracts';
import {
  censoredDurationsSql,
  censoredFromRollupSql,
  durationBucket,
  durationValuesSql,
  slaCutoffsSql,
  slaOutcomesSql,
  CLAIM_OPEN,
  timedClaimsSql,
} from '@returnlens/api/shared/sql';
import { bucketHours, survivalSummary, type SurvivalObservation } from '@returnlens/shared/metrics';
import { DEFAULT_SHOP_ID, minuteNow } from '@returnlens/api/shared/util';
import { AnalyticsReader, filtersBeyondPeriod, ratio, type Context } from './analytics-reader';

/** Counts per policy and week ('pw'), per policy and channel ('ch'), per policy and assignee ('as'). */
interface SlaGroupRow {
  readonly grp: 'pw' | 'ch' | 'as';
  readonly week: string | null;
  readonly policy_id: number;
  readonly channel: string;
  readonly assignee: string;
  readonly met: number;
  readonly breached: number;
}
/** The same from the claim outcomes: `pending_met` / `pending_breached` are the pending claims
 * whose event already happened, counted as met or breached by the rollups. */
interface OutcomeGroupRow extends SlaGroupRow {
  readonly pending: number;
  /** Open claims breached now (the rest of `breached` are closed claims the rollups counted). */
  readonly open_breached: number;
  readonly pending_met: number;
  readonly pending_breached: number;
}
interface OpenClaimRow {
  readonly list: 'risk' | 'breach';
  readonly external_id: string;
  readonly type: string;
  readonly channel: string;
  readonly assignee: string;
  readonly opened_at: Date;
  readonly policy_id: number;
  readonly policy: string;
  readonly clock: SlaClock;
  readonly target_hours: number;
  readonly age: number;
}
type Counts = { met: number; breached: number; pending: number };
/** Claims (events or censored) per week of opening, metric and 2 % duration bucket. */
export interface DurationBucketRow {
  readonly week: string;
  readonly metric: SlaMetric;
  readonly bucket: number;
  readonly n: number;
}
const keyOf = (r: SlaGroupRow) =>
  `${r.grp}|${r.policy_id}|${r.grp === 'pw' ? r.week : r.grp === 'ch' ? r.channel : r.assignee}`;

/**
 * The policies' cut-offs at `{now}` (`slaCutoffsSql`) and the UTC hours they fall in: `cut`
 * (breach) and `risk_cut`.
 */
const CUTOFFS = `SELECT x.*, date_trunc('hour', x.breach_cutoff, 'UTC') AS cut,
                        date_trunc('hour', x.risk_cutoff, 'UTC') AS risk_cut
                   FROM (${slaCutoffsSql()}) x`;

/**
 * The claims `c` opened in the UTC hours `h` of `hours` (a query naming its column `h`), each
 * hour read through the opening-time index: `OFFSET 0` keeps the planner from turning the
 * per-hour ranges into one scan of the whole table.
 */
const claimsInHours = (hours: string, where = 'true') => `(${hours}) u
  CROSS JOIN LATERAL (
    SELECT * FROM claims c
     WHERE c.shop_id = {shop} AND c.opened_at >= u.h AND c.opened_at < u.h + interval '1 hour' AND ${where}
    OFFSET 0) c`;

/** An open claim `c` still waits for a policy's event (each condition matches an index). */
const WAITING: Record<SlaMetric, string> = {
  first_response: 'c.first_response_at IS NULL',
  resolution: 'true',
  refund: 'c.refunded_at IS NULL',
};

/**
 * Distinct open claims at risk and past a deadline, from the open claims' hourly rollup: a
 * row is at risk (breached) when a policy without a resolution restriction covers its type, it
 * still waits for the policy's event, and its whole hour lies between the policy's breach and
 * risk cut-offs (before the breach cut-off). The hours a cut-off falls in are left out: they are
 * counted claim by claim.
 */
const OPEN_COUNTS_SQL = `
  WITH sp AS MATERIALIZED (${CUTOFFS}),
  f AS (
    SELECT o.claims, bool_or(o.hour < sp.cut) AS breach, bool_or(o.hour > sp.cut AND o.hour < sp.risk_cut) AS risk
      FROM rollup_open_hour o
      JOIN sp ON sp.resolutions IS NULL AND o.type = ANY(sp.claim_types)
             AND CASE sp.metric WHEN 'first_response' THEN o.first_response_pending
                                WHEN 'refund' THEN NOT o.refunded ELSE true END
     WHERE o.shop_id = {shop}
       AND o.hour NOT IN (SELECT h FROM sp, unnest(ARRAY[sp.cut, sp.risk_cut]) h)
     GROUP BY o.week, o.hour, o.type, o.first_response_pending, o.refunded, o.claims)
  SELECT COALESCE(sum(claims) FILTER (WHERE risk), 0)::int AS risk,
         COALESCE(sum(claims) FILTER (WHERE breach), 0)::int AS breach
    FROM f`;

/**
 * What the hourly SLA rollup `table` (by `key`: channel or assignee) changes in the weekly
 * rollups' counts, per policy and week ('pw') and per policy and key ('ch' / 'as'): in the whole
 * hours after a policy's cut-off hour, met and breached closed claims become pending and open
 * ones are pending; in the hours before it, open claims are breached (pending under a policy
 * restricted to some resolutions). The cut-off hour itself is read raw.
 */
function hourCorrectionsSql(table: string, key: 'channel' | 'assignee'): string {
  const rows = (condition: string) => `
      SELECT r.week, r.policy_id, r.${key}, r.hour, r.met, r.breached, r.open_claims, sp.cut,
             sp.resolutions IS NOT NULL AS restricted
        FROM sp CROSS JOIN LATERAL (
          SELECT * FROM ${table} r
           WHERE r.shop_id = {shop} AND r.policy_id = sp.id AND ${condition}
             AND r.week BETWEEN {fromWeek}::date AND {toWeek}::date
          OFFSET 0) r`;
  const after = 'h.hour > h.cut';
  return `
    WITH sp AS MATERIALIZED (${CUTOFFS})
    SELECT ${key === 'channel' ? `CASE WHEN GROUPING(h.week) = 0 THEN 'pw' ELSE 'ch' END` : `'as'`} AS grp,
           ${key === 'channel' ? `to_char(h.week, 'YYYY-MM-DD')` : 'NULL'} AS week, h.policy_id,
           ${key === 'channel' ? `COALESCE(h.channel, '')` : `''`} AS channel,
           ${key === 'assignee' ? 'h.assignee' : `''`} AS assignee,
           (-COALESCE(sum(h.met) FILTER (WHERE ${after}), 0))::int AS met,
           (COALESCE(sum(h.open_claims) FILTER (WHERE NOT ${after} AND NOT h.restricted), 0)
             - COALESCE(sum(h.breached) FILTER (WHERE ${after}), 0))::int AS breached,
           (COALESCE(sum(h.met + h.breached + h.open_claims) FILTER (WHERE ${after}), 0)
             + COALESCE(sum(h.open_claims) FILTER (WHERE NOT ${after} AND h.restricted), 0))::int AS pending
      FROM (${rows('r.hour > sp.cut')}
            UNION ALL
            ${rows('r.hour < sp.cut AND r.open_claims > 0')}) h
     GROUP BY ${key === 'channel' ? 'GROUPING SETS ((h.policy_id, h.week), (h.policy_id, h.channel))' : 'h.policy_id, h.assignee'}`;
}

/** JSON answers list at most this many open claims per list; CSV and Arrow list every one. */
export const SLA_LIST_LIMIT = 100;

/**
 * Are we answering and refunding on time: attainment per policy over the claims whose
 * deadline has passed (met and breached closed claims from the rollups, corrected at query time
 * for the claims not yet due; open claims judged against the cut-offs at `now`), Kaplan–Meier
 * durations, splits, at-risk and overdue lists, backlog aging.
 */
@Injectable()
export class SlaQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  async policies(): Promise<SlaPolicy[]> {
    const rows = await this.reader.raw(
      `SELECT id, name, metric, target_hours::float8 AS "targetHours", clock, claim_types AS "claimTypes",
              resolutions, at_risk_hours::float8 AS "atRiskHours"
         FROM sla_policies WHERE shop_id = $1 ORDER BY id`,
      [DEFAULT_SHOP_ID],
    );
    return rows;
  }

  /**
   * Outcomes of the claims `scope` selects, counted three ways at once; `throughIndexes`: read
   * through the opening-time index (`queryThroughIndexes`) — a few hours of claims, or a
   * filtered period (see `attainmentCounts`).
   */
  private outcomeCounts(
    scope: { from: string; where: string },
    params: Record<string, unknown>,
    throughIndexes = false,
  ): Promise<OutcomeGroupRow[]> {
    const sql = `WITH sp AS MATERIALIZED (${CUTOFFS})
       SELECT CASE WHEN GROUPING(o.week) = 0 THEN 'pw' WHEN GROUPING(o.channel) = 0 THEN 'ch' ELSE 'as' END AS grp,
              to_char(o.week, 'YYYY-MM-DD') AS week, o.policy_id,
              COALESCE(o.channel, '') AS channel, COALESCE(o.assignee, '') AS assignee,
              count(*) FILTER (WHERE o.outcome = 'met')::int AS met,
              count(*) FILTER (WHERE o.outcome = 'breached')::int AS breached,
              count(*) FILTER (WHERE o.outcome = 'pending')::int AS pending,
              count(*) FILTER (WHERE o.outcome = 'breached' AND NOT o.closed)::int AS open_breached,
              count(*) FILTER (WHERE o.outcome = 'pending' AND o.closed AND o.closed_met)::int AS pending_met,
              count(*) FILTER (WHERE o.outcome = 'pending' AND o.closed AND NOT o.closed_met)::int AS pending_breached
         FROM (${slaOutcomesSql(scope.from, scope.where)}) o
        GROUP BY GROUPING SETS ((o.policy_id, o.week), (o.policy_id, o.channel), (o.policy_id, o.assignee))`;
    return throughIndexes
      ? this.reader.queryThroughIndexes<OutcomeGroupRow>(sql, params)
      : this.reader.query<OutcomeGroupRow>(sql, params);
  }

  /**
   * Met, breached and pending per policy and week, channel and assignee, counting only claims
   * whose deadline has passed in met and breached. Without filters, from rollups: the weekly
   * met and breached closed claims; less, from the hourly rollups, those opened in the whole
   * hours after each policy's breach cut-off (pending), plus the open claims still waiting
   * (breached before the cut-off, pending after); only the claims of the hour the cut-off falls
   * in are read raw (decision 0025). With filters: every claim's outcome.
   */
  private async attainmentCounts(
    ctx: Context,
    now: Date,
  ): Promise<Map<string, Counts & SlaGroupRow>> {
    const out = new Map<string, Counts & SlaGroupRow>();
    const add = (r: SlaGroupRow, c: Counts) => {
      const key = keyOf(r);
      const e = out.get(key) ?? { ...r, met: 0, breached: 0, pending: 0 };
      e.met += c.met;
      e.breached += c.breached;
      e.pending += c.pending;
      out.set(key, e);
    };
    if (filtersBeyondPeriod(ctx.filters)) {
      ctx.raw = true;
      const params: Record<string, unknown> = { now };
      // A filtered period through the opening-time index: PostgreSQL otherwise scans the whole
      // table in parallel for one period's claims, which costs twice as much at 10 M claims and
      // takes both cores from the other statements of the answer (docs/performance.md).
      const rows = await this.outcomeCounts(this.reader.claimScope(ctx, params), params, true);
      for (const r of rows) add(r, r);
      return out;
    }
    const range = 'WHERE shop_id = {shop} AND week BETWEEN {fromWeek}::date AND {toWeek}::date';
    const weeks = { fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek };
    const boundaryParams: Record<string, unknown> = {
      now,
      fromTs: ctx.period.range.fromInstant,
      toTs: ctx.period.range.toInstant,
    };
    const [byPolicy, byAssignee, byHour, byAssigneeHour, boundary] = await Promise.all([
      this.reader.query<SlaGroupRow>(
        `SELECT CASE WHEN GROUPING(week) = 0 THEN 'pw' ELSE 'ch' END AS grp,
                to_char(week, 'YYYY-MM-DD') AS week, policy_id, COALESCE(channel, '') AS channel, '' AS assignee,
                sum(met)::int AS met, sum(breached)::int AS breached
           FROM rollup_sla_week ${range}
          GROUP BY GROUPING SETS ((policy_id, week), (policy_id, channel))`,
        weeks,
      ),
      this.reader.query<SlaGroupRow>(
        `SELECT 'as' AS grp, NULL AS week, policy_id, '' AS channel, assignee,
                sum(met)::int AS met, sum(breached)::int AS breached
           FROM rollup_sla_assignee_week ${range}
          GROUP BY policy_id, assignee`,
        weeks,
      ),
      this.reader.query<SlaGroupRow & Counts>(hourCorrectionsSql('rollup_sla_hour', 'channel'), {
        now,
        ...weeks,
      }),
      this.reader.query<SlaGroupRow & Counts>(
        hourCorrectionsSql('rollup_sla_assignee_hour', 'assignee'),
        { now, ...weeks },
      ),
      // The hour each policy's cut-off falls in, claim by claim.
      this.outcomeCounts(
        {
          from: claimsInHours(
            'SELECT b.id, b.cut AS h FROM sp b',
            'c.opened_at >= {fromTs} AND c.opened_at < {toTs}',
          ),
          where: 'WHERE sp.id = u.id',
        },
        boundaryParams,
        true,
      ),
    ]);
    for (const r of [...byPolicy, ...byAssignee]) add(r, { ...r, pending: 0 });
    for (const r of [...byHour, ...byAssigneeHour]) add(r, r);
    // Closed claims not yet due were counted by the rollups: here they become pending.
    for (const r of boundary)
      add(r, {
        met: -r.pending_met,
        breached: r.open_breached - r.pending_breached,
        pending: r.pending,
      });
    return out;
  }

  /**
   * Open claims close to a deadline (at risk) and past one (breached), one row per claim and
   * policy, any opening week: at most `limit` per list, nearest deadline / most overdue first;
   * and the number of distinct claims in each.
   *
   * The lists: on a calendar clock a policy's most overdue (or nearest to breach) claims are its
   * oldest, so each policy's first `limit` of each list are read in opening order through the
   * indexes on open claims and only those are ranked; a business-clock policy, whose ages tie
   * over closed hours, gives every candidate. The counts: without filters, from the open
   * claims' hourly rollup, with the hours a cut-off falls in read claim by claim.
   */
  private async slaOpenLists(ctx: Context, now: Date, limit: number | null) {
    const params: Record<string, unknown> = { now, limit: limit ?? 2_147_483_647 };
    const scope = this.reader.claimScope(ctx, params, 'open');
    const first = (list: string, waiting: string) => `
      (SELECT c.external_id FROM ${scope.from} ${scope.where}
          AND ${waiting} AND c.type = ANY(sp.claim_types) AND ${list}
        ORDER BY c.opened_at, c.external_id
        LIMIT CASE WHEN sp.clock = 'calendar' THEN {limit}::bigint END)`;
    const candidates = SLA_METRICS.flatMap((metric) => {
      const waiting = WAITING[metric];
      return [
        first('c.opened_at < sp.breach_cutoff', waiting),
        first('c.opened_at >= sp.breach_cutoff AND c.opened_at < sp.risk_cutoff', waiting),
      ].map((sql) => `SELECT x.external_id FROM ${sql} x WHERE sp.metric = '${metric}'`);
    });
    const listed = `(SELECT * FROM claims c WHERE c.shop_id = {shop} AND c.external_id IN (
        SELECT k.external_id FROM sp CROSS JOIN LATERAL (${candidates.join(' UNION ALL ')}) k
         WHERE sp.resolutions IS NULL)) c`;
    const outcomes = (from: string, where: string) => `WITH sp AS MATERIALIZED (${CUTOFFS}),
       o AS (SELECT o.*, sp.name AS policy, sp.clock, sp.target_hours, sp.at_risk_hours
               FROM (${slaOutcomesSql(from, `${where} AND e.at IS NULL`)}) o
               JOIN sp ON sp.id = o.policy_id
              WHERE o.at_risk OR o.outcome = 'breached')`;
    const countSql = (from: string, where: string) => `${outcomes(from, where)}
         SELECT (count(DISTINCT external_id) FILTER (WHERE at_risk))::int AS risk,
                (count(DISTINCT external_id) FILTER (WHERE outcome = 'breached'))::int AS breach
           FROM o`;
    type Counts = { risk: number; breach: number };
    const [rows, counts] = await Promise.all([
      this.reader.queryThroughIndexes<OpenClaimRow>(
        `${outcomes(listed, 'WHERE true')}
         SELECT list, external_id, type, channel, assignee, opened_at, policy_id, policy, clock, target_hours, age
           FROM (SELECT CASE WHEN o.at_risk THEN 'risk' ELSE 'breach' END AS list, o.*,
                        row_number() OVER (PARTITION BY o.at_risk ORDER BY o.target_hours - o.age, o.external_id, o.policy_id) AS rank
                   FROM o) x
          WHERE rank <= {limit}
          ORDER BY list, target_hours - age, external_id, policy_id`,
        params,
      ),
      filtersBeyondPeriod(ctx.filters)
        ? // Open claims only, through their partial index: with a filter the planner expects a
          // handful and scanned the whole business calendar for each (12 s at 10 M claims).
          this.reader
            .queryThroughIndexes<Counts>(countSql(scope.from, scope.where), params)
            .then(([c]) => c)
        : Promise.all([
            this.reader.query<Counts>(OPEN_COUNTS_SQL, { now }),
            this.reader.queryThroughIndexes<Counts>(
              countSql(
                claimsInHours('SELECT DISTINCT h FROM sp, unnest(ARRAY[sp.cut, sp.risk_cut]) h'),
                `WHERE ${CLAIM_OPEN}`,
              ),
              { now },
            ),
          ]).then(([[settled], [unsure]]) => ({
            risk: settled.risk + unsure.risk,
            breach: settled.breach + unsure.breach,
          })),
    ]);
    return { rows, counts };
  }

  /**
   * The duration histogram of the period's claims on `clock` (2 % log buckets, per week of
   * opening and metric): the events (from the rollup without filters, the same buckets over
   * raw rows with them) and the open claims censored at their age now, in the same buckets
   * (without filters from the open claims' hourly rollup, `censoredFromRollupSql`). With
   * `metric`, that metric's buckets only, summed over the period's weeks (`week` is '').
   */
  async durationBuckets(
    ctx: Context,
    clock: SlaClock,
    now: Date,
    metric?: SlaMetric,
  ): Promise<{ events: DurationBucketRow[]; censored: DurationBucketRow[] }> {
    type BucketRow = DurationBucketRow;
    const raw = filtersBeyondPeriod(ctx.filters);
    if (raw) ctx.raw = true;
    const weekLabel = (expr: string) => (metric ? `''` : `to_char(${expr}, 'YYYY-MM-DD')`);
    const ofMetric = (expr: string) => (metric ? ` AND ${expr} = {metric}` : '');
    const eventParams: Record<string, unknown> = { clock, ...(metric ? { metric } : {}) };
    const events = raw
      ? (() => {
          const scope = this.reader.claimScope(ctx, eventParams);
          // Through the opening-time index, as the filtered attainment counts.
          return this.reader.queryThroughIndexes<BucketRow>(
            `SELECT ${weekLabel('d.week')} AS week, d.metric, ${durationBucket('d.hours')} AS bucket, count(*)::int AS n
               FROM (${durationValuesSql(timedClaimsSql(scope.from, scope.where))}) d
              WHERE d.clock = {clock}${ofMetric('d.metric')}
              GROUP BY 1, 2, 3`,
            eventParams,
          );
        })()
      : this.reader.query<BucketRow>(
          `SELECT ${weekLabel('week')} AS week, metric, bucket, sum(n)::int AS n FROM rollup_durations_week
            WHERE shop_id = {shop} AND clock = {clock} AND week BETWEEN {fromWeek}::date AND {toWeek}::date${ofMetric('metric')}
            GROUP BY 1, 2, 3`,
          { ...eventParams, fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek },
        );
    const openParams: Record<string, unknown> = { clock, now, ...(metric ? { metric } : {}) };
    const bucketed = (source: string) =>
      `SELECT ${weekLabel('d.week')} AS week, d.metric, ${durationBucket('d.hours')} AS bucket, sum(d.n)::int AS n
         FROM (${source}) d
        WHERE d.clock = {clock} AND d.hours >= 0${ofMetric('d.metric')}
        GROUP BY 1, 2, 3`;
    let censored: Promise<BucketRow[]>;
    if (raw) {
      const openScope = this.reader.claimScope(ctx, openParams);
      censored = this.reader.queryThroughIndexes<BucketRow>(
        bucketed(
          `SELECT *, 1 AS n FROM (${censoredDurationsSql(openScope.from, openScope.where)}) c`,
        ),
        openParams,
      );
    } else {
      // Settled hours from the rollup; the claims of the younger hours one by one.
      Object.assign(openParams, {
        fromWeek: ctx.period.range.fromWeek,
        toWeek: ctx.period.range.toWeek,
        fromTs: ctx.period.range.fromInstant,
        toTs: ctx.period.range.toInstant,
      });
      const young = claimsInHours('SELECT DISTINCT hour AS h FROM o WHERE NOT o.settled');
      censored = this.reader.query<BucketRow>(
        `WITH o AS MATERIALIZED (${censoredFromRollupSql(clock)})
         ${bucketed(`SELECT week, metric, clock, hours, n FROM o WHERE o.settled
                     UNION ALL
                     SELECT week, metric, clock, hours, 1 FROM (${censoredDurationsSql(
                       young,
                       'WHERE c.opened_at >= {fromTs} AND c.opened_at < {toTs}',
                     )}) y`)}`,
        openParams,
      );
    }
    return { events: await events, censored: await censored };
  }

  /** Kaplan–Meier median and p90 per week and metric on `clock`, from `durationBuckets`. */
  private async durationWeeks(ctx: Context, clock: SlaClock, now: Date) {
    const out = new Map<
      SlaMetric,
      Map<string, { median: number | null; p90: number | null; n: number; open: number }>
    >();
    for (const m of SLA_METRICS) out.set(m, new Map());
    const { events, censored } = await this.durationBuckets(ctx, clock, now);
    const observations = new Map<string, SurvivalObservation[]>();
    const collect = (rows: DurationBucketRow[], event: boolean) => {
      for (const r of rows) {
        const key = `${r.metric}|${r.week}`;
        const list = observations.get(key) ?? [];
        list.push({ time: bucketHours(r.bucket), event, count: r.n });
        observations.set(key, list);
      }
    };
    collect(events, true);
    collect(censored, false);
    for (const [key, obs] of observations) {
      const [metric, week] = key.split('|') as [SlaMetric, string];
      const s = survivalSummary(obs);
      out.get(metric)?.set(week, { median: s.median, p90: s.p90, n: s.events, open: s.censored });
    }
    return out;
  }

  /**
   * `summary`: attainment and durations only — no lists, aging or splits (the weekly report).
   * `lists`: how many open claims each list holds (`null`: every one, for CSV and Arrow).
   */
  async sla(
    filters: AnalyticsFilters,
    clock: SlaClock = 'calendar',
    now = minuteNow(),
    summary = false,
    lists: number | null = SLA_LIST_LIMIT,
  ): Promise<SlaReport> {
    const ctx = await this.reader.context(filters, now);
    const [policies, counts, open, durations, repeat, aging] = await Promise.all([
      this.policies(),
      this.attainmentCounts(ctx, now),
      summary ? Promise.resolve(null) : this.slaOpenLists(ctx, now, lists),
      this.durationWeeks(ctx, clock, now),
      summary
        ? Promise.resolve([])
        : this.reader.cube(ctx, 'claims', [], ['claims', 'repeat_claims']),
      summary ? Promise.resolve([]) : this.backlogAging(ctx, now),
    ]);
    const attainment = (met: number, breached: number) => ({
      met,
      breached,
      attainment: ratio(met, met + breached),
    });
    const rows = [...counts.values()];

    const policyRows = policies.map((p) => {
      const weekly = ctx.period.weeks.map((w) => {
        const c = counts.get(`pw|${p.id}|${w.start}`);
        const pending = c?.pending ?? 0;
        return { ...attainment(c?.met ?? 0, c?.breached ?? 0), pending, immature: pending > 0 };
      });
      return {
        ...p,
        ...attainment(
          weekly.reduce((s, w) => s + w.met, 0),
          weekly.reduce((s, w) => s + w.breached, 0),
        ),
        pending: weekly.reduce((s, w) => s + w.pending, 0),
        weekly,
      };
    });

    const split = (grp: 'ch' | 'as') =>
      rows
        .filter((r) => r.grp === grp && r.met + r.breached > 0)
        .map((r) => ({
          policyId: r.policy_id,
          key: grp === 'ch' ? r.channel : r.assignee,
          ...attainment(r.met, r.breached),
        }))
        .sort((a, b) => (a.attainment ?? 1) - (b.attainment ?? 1) || a.policyId - b.policyId);

    const toOpenClaim = (o: OpenClaimRow): SlaOpenClaim => ({
      externalId: o.external_id,
      policyId: o.policy_id,
      policy: o.policy,
      type: o.type,
      channel: o.channel,
      assignee: o.assignee === '' ? null : o.assignee,
      openedAt: new Date(o.opened_at).toISOString(),
      deadline:
        o.clock === 'calendar'
          ? new Date(new Date(o.opened_at).getTime() + o.target_hours * 3_600_000).toISOString()
          : null,
      hoursLeft: o.target_hours - o.age,
    });

    return {
      period: this.reader.periodOf(ctx),
      clock,
      now: now.toISOString(),
      policies: policyRows,
      durations: SLA_METRICS.map((metric) => {
        const weeks = durations.get(metric)!;
        return {
          metric,
          median: ctx.period.weeks.map((w) => weeks.get(w.start)?.median ?? null),
          p90: ctx.period.weeks.map((w) => weeks.get(w.start)?.p90 ?? null),
          count: ctx.period.weeks.map((w) => weeks.get(w.start)?.n ?? 0),
          open: ctx.period.weeks.map((w) => weeks.get(w.start)?.open ?? 0),
        };
      }),
      byChannel: split('ch').map(({ key, ...r }) => ({ channel: key, ...r })),
      byAssignee: split('as').map(({ key, ...r }) => ({ assignee: key, ...r })),
      repeatContactRate: ratio(repeat[0]?.repeat_claims ?? 0, repeat[0]?.claims ?? 0),
      atRiskClaims: open?.counts.risk ?? 0,
      breachedOpenClaims: open?.counts.breach ?? 0,
      atRisk: (open?.rows ?? []).filter((o) => o.list === 'risk').map(toOpenClaim),
      breachesOpen: (open?.rows ?? []).filter((o) => o.list === 'breach').map(toOpenClaim),
      backlogAging: aging,
    };
  }

  /**
   * Open claims (any opening week) by age now. Without filters from the open claims' hourly
   * rollup — an hour lies wholly in one age band unless a band's edge falls in it — with the
   * hours an edge falls in read claim by claim.
   */
  private async backlogAging(ctx: Context, now: Date) {
    const params: Record<string, unknown> = { now };
    const band = (age: string) =>
      `CASE WHEN ${age} < 24 THEN '< 1 d' WHEN ${age} < 72 THEN '1–3 d' WHEN ${age} < 168 THEN '3–7 d'
            WHEN ${age} < 336 THEN '7–14 d' ELSE '≥ 14 d' END`;
    const age = (at: string) => `extract(epoch FROM {now}::timestamptz - ${at}) / 3600`;
    let sql: string;
    if (filtersBeyondPeriod(ctx.filters)) {
      const scope = this.reader.claimScope(ctx, params, 'open');
      sql = `SELECT ${band('a.age')} AS bucket, count(*)::int AS claims
               FROM (SELECT ${age('c.opened_at')} AS age FROM ${scope.from} ${scope.where}) a
              GROUP BY 1`;
    } else {
      const edges = `SELECT date_trunc('hour', {now}::timestamptz - make_interval(hours => e), 'UTC') AS h
                       FROM unnest(ARRAY[24, 72, 168, 336]) e`;
      sql = `WITH edges AS MATERIALIZED (${edges})
             SELECT bucket, sum(claims)::int AS claims FROM (
               SELECT ${band(age(`(o.hour + interval '30 minutes')`))} AS bucket, o.claims
                 FROM rollup_open_hour o
                WHERE o.shop_id = {shop} AND o.hour NOT IN (SELECT h FROM edges)
               UNION ALL
               SELECT ${band(age('c.opened_at'))}, 1
                 FROM ${claimsInHours('SELECT h FROM edges', CLAIM_OPEN)}) a
             GROUP BY 1`;
    }
    // With filters, the open claims through their partial index (as the open counts).
    const rows = await (filtersBeyondPeriod(ctx.filters)
      ? this.reader.queryThroughIndexes<{ bucket: string; claims: number }>(sql, params)
      : this.reader.query<{ bucket: string; claims: number }>(sql, params));
    const counts = new Map(rows.map((r) => [r.bucket, r.claims]));
    return ['< 1 d', '1–3 d', '3–7 d', '7–14 d', '≥ 14 d'].map((bucket) => ({
      bucket,
      claims: counts.get(bucket) ?? 0,
    }));
  }
}
