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
  businessMinutesAt,
  calendarDayJoin,
  durationValuesSql,
  SLA_EVENT_PENDING,
  slaCutoffsSql,
  slaRowsSql,
  timedClaimsSql,
  weekOf,
} from '@returnlens/api/shared/sql';
import { DEFAULT_SHOP_ID, minuteNow } from '@returnlens/api/shared/util';
import { AnalyticsReader, filtersBeyondPeriod, ratio, type Context } from './analytics-reader';

/** SLA counts from a GROUPING SETS query: per policy and week, per channel, per assignee. */
interface SlaGroupRow {
  readonly grp: 'pw' | 'ch' | 'as';
  readonly week: string;
  readonly policy_id: number;
  readonly channel: string;
  readonly assignee: string;
  readonly met: number;
  readonly breached: number;
}
interface OpenClaimRow {
  readonly external_id: string;
  readonly type: string;
  readonly channel: string;
  readonly assignee: string | null;
  readonly opened_at: Date;
  readonly policy_id: number;
  readonly policy: string;
  readonly clock: SlaClock;
  readonly target_hours: number;
  readonly at_risk_hours: number;
  readonly elapsed: number;
}

/**
 * Are we answering and refunding on time: attainment per policy (closed claims from the rollups
 * or raw rows, open claims judged against the cut-offs at `now`), durations, splits, at-risk and
 * overdue lists, backlog aging.
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
   * Closed claims' met/breached, three ways at once (GROUPING SETS): per policy and week
   * (`grp` = 'pw'), per channel ('ch') and per assignee ('as').
   */
  private async slaClosed(ctx: Context): Promise<SlaGroupRow[]> {
    const rollup = !filtersBeyondPeriod(ctx.filters);
    const grouped = (from: string, where: string) => `
      SELECT CASE WHEN GROUPING(policy_id) = 0 THEN 'pw' WHEN GROUPING(channel) = 0 THEN 'ch' ELSE 'as' END AS grp,
             to_char(week, 'YYYY-MM-DD') AS week, policy_id, channel, assignee,
             sum(met)::int AS met, sum(breached)::int AS breached
        FROM ${from} ${where}
       GROUP BY GROUPING SETS ((policy_id, week), (channel), (assignee))`;
    if (rollup) {
      const params = { fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek };
      const range = 'WHERE shop_id = {shop} AND week BETWEEN {fromWeek}::date AND {toWeek}::date';
      const [byPolicy, byAssignee] = await Promise.all([
        this.reader.query<SlaGroupRow>(
          `SELECT CASE WHEN GROUPING(policy_id) = 0 THEN 'pw' ELSE 'ch' END AS grp,
                  to_char(week, 'YYYY-MM-DD') AS week, policy_id, channel, '' AS assignee,
                  sum(met)::int AS met, sum(breached)::int AS breached
             FROM rollup_sla_week ${range}
            GROUP BY GROUPING SETS ((policy_id, week), (channel))`,
          params,
        ),
        this.reader.query<SlaGroupRow>(
          `SELECT 'as' AS grp, NULL AS week, NULL::int AS policy_id, '' AS channel, assignee,
                  sum(met)::int AS met, sum(breached)::int AS breached
             FROM rollup_sla_assignee_week ${range}
            GROUP BY assignee`,
          params,
        ),
      ]);
      return [...byPolicy, ...byAssignee];
    }
    ctx.raw = true;
    const params: Record<string, unknown> = {};
    const scope = this.reader.claimScope(ctx, params);
    return this.reader.query<SlaGroupRow>(
      grouped(`(${slaRowsSql(timedClaimsSql(scope.from, scope.where))}) s`, ''),
      params,
    );
  }

  /**
   * Open claims of the period counted in SQL against the cutoffs: breached and pending per
   * policy and week, breached per channel and per assignee.
   */
  private async slaOpenCounts(ctx: Context, now: Date) {
    const params: Record<string, unknown> = { now };
    const scope = this.reader.claimScope(ctx, params, 'openInPeriod');
    return this.reader.query<SlaGroupRow & { pending: number }>(
      `WITH sp AS MATERIALIZED (${slaCutoffsSql()})
       SELECT CASE WHEN GROUPING(sp.id) = 0 THEN 'pw' WHEN GROUPING(c.channel) = 0 THEN 'ch' ELSE 'as' END AS grp,
              to_char(${weekOf('c.opened_at')}, 'YYYY-MM-DD') AS week,
              sp.id AS policy_id, c.channel, COALESCE(c.assignee, '') AS assignee, 0 AS met,
              count(*) FILTER (WHERE c.opened_at < sp.breach_cutoff)::int AS breached,
              count(*) FILTER (WHERE c.opened_at >= sp.breach_cutoff)::int AS pending
         FROM ${scope.from}
         JOIN sp ON c.type = ANY(sp.claim_types)
        ${scope.where} AND ${SLA_EVENT_PENDING}
        GROUP BY GROUPING SETS ((sp.id, ${weekOf('c.opened_at')}), (c.channel), (COALESCE(c.assignee, '')))`,
      params,
    );
  }

  /**
   * The 100 open claims nearest their deadline (at risk) and the 100 most overdue, per
   * policy read in opening order through the index on unresolved claims.
   */
  private async slaOpenLists(ctx: Context, now: Date) {
    const params: Record<string, unknown> = { now };
    const scope = this.reader.claimScope(ctx, params, 'open');
    const pick = (condition: string, order: string) => `
      SELECT c.external_id, c.type, c.channel, c.assignee, c.opened_at
        FROM ${scope.from}
       ${scope.where} AND c.type = ANY(sp.claim_types) AND ${SLA_EVENT_PENDING} AND ${condition}
       ORDER BY c.opened_at ${order} LIMIT 100`;
    return this.reader.query<OpenClaimRow & { list: 'risk' | 'breach' }>(
      `WITH sp AS MATERIALIZED (${slaCutoffsSql()})
       SELECT x.list, x.external_id, x.type, x.channel, x.assignee, x.opened_at, sp.id AS policy_id, sp.name AS policy,
              sp.clock, sp.target_hours, sp.at_risk_hours,
              CASE WHEN sp.clock = 'business'
                   THEN (sp.f_now - ${businessMinutesAt('x.opened_at', 'd_open')}) / 60
                   ELSE extract(epoch FROM {now}::timestamptz - x.opened_at) / 3600 END::float8 AS elapsed
         FROM sp
         CROSS JOIN LATERAL (
           (SELECT 'risk' AS list, r.* FROM (${pick('c.opened_at >= sp.breach_cutoff AND c.opened_at < sp.risk_cutoff', 'ASC')}) r)
           UNION ALL
           (SELECT 'breach' AS list, b.* FROM (${pick('c.opened_at < sp.breach_cutoff', 'ASC')}) b)
         ) x
         JOIN business_calendars k ON k.shop_id = {shop}
         ${calendarDayJoin('x.opened_at', 'd_open')}`,
      params,
    );
  }

  private async durationWeeks(ctx: Context, clock: SlaClock) {
    const anyFilter = filtersBeyondPeriod(ctx.filters);
    const out = new Map<
      SlaMetric,
      Map<string, { median: number | null; p90: number | null; n: number }>
    >();
    for (const m of SLA_METRICS) out.set(m, new Map());
    if (!anyFilter) {
      // Exact median and p90 of each week, computed when the week was rolled up.
      const rows = await this.reader.query<{
        week: string;
        metric: SlaMetric;
        n: number;
        p50: number;
        p90: number;
      }>(
        `SELECT to_char(week, 'YYYY-MM-DD') AS week, metric, n, p50, p90 FROM rollup_duration_stats_week
          WHERE shop_id = {shop} AND clock = {clock} AND week BETWEEN {fromWeek}::date AND {toWeek}::date`,
        { clock, fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek },
      );
      for (const r of rows) out.get(r.metric)!.set(r.week, { median: r.p50, p90: r.p90, n: r.n });
      return out;
    }
    ctx.raw = true;
    const params: Record<string, unknown> = { clock };
    const scope = this.reader.claimScope(ctx, params);
    const rows = await this.reader.query<{
      week: string;
      metric: SlaMetric;
      median: number;
      p90: number;
      n: number;
    }>(
      `SELECT to_char(d.week, 'YYYY-MM-DD') AS week, d.metric,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d.hours)::float8 AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY d.hours)::float8 AS p90,
              count(*)::int AS n
         FROM (${durationValuesSql(timedClaimsSql(scope.from, scope.where))}) d
        WHERE d.clock = {clock}
        GROUP BY 1, 2`,
      params,
    );
    for (const r of rows) out.get(r.metric)!.set(r.week, { median: r.median, p90: r.p90, n: r.n });
    return out;
  }

  /** `summary`: attainment and durations only — no lists, aging or splits (the weekly report). */
  async sla(
    filters: AnalyticsFilters,
    clock: SlaClock = 'calendar',
    now = minuteNow(),
    summary = false,
  ): Promise<SlaReport> {
    const ctx = await this.reader.context(filters, now);
    const [policies, closed, openCounts, lists, durations, repeat, aging] = await Promise.all([
      this.policies(),
      this.slaClosed(ctx),
      this.slaOpenCounts(ctx, now),
      summary ? Promise.resolve([]) : this.slaOpenLists(ctx, now),
      this.durationWeeks(ctx, clock),
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
    const cell = (rows: SlaGroupRow[], policy: number, week: string) =>
      rows.find((r) => r.grp === 'pw' && r.policy_id === policy && r.week === week);
    const inPeriod = new Set(ctx.period.weeks.map((w) => w.start));

    const policyRows = policies.map((p) => {
      const weekly = ctx.period.weeks.map((w) => {
        const c = cell(closed, p.id, w.start);
        const o = cell(openCounts, p.id, w.start);
        return attainment(c?.met ?? 0, (c?.breached ?? 0) + (o?.breached ?? 0));
      });
      const pending = openCounts
        .filter((r) => r.grp === 'pw' && r.policy_id === p.id && inPeriod.has(r.week))
        .reduce((s, r) => s + r.pending, 0);
      return {
        ...p,
        ...attainment(
          weekly.reduce((s, w) => s + w.met, 0),
          weekly.reduce((s, w) => s + w.breached, 0),
        ),
        pending,
        weekly,
      };
    });

    const split = (grp: 'ch' | 'as', key: 'channel' | 'assignee') => {
      const acc = new Map<string, { met: number; breached: number }>();
      for (const r of [...closed, ...openCounts]) {
        if (r.grp !== grp) continue;
        const e = acc.get(r[key]) ?? { met: 0, breached: 0 };
        e.met += r.met;
        e.breached += r.breached;
        acc.set(r[key], e);
      }
      return [...acc]
        .map(([k, e]) => ({ key: k, ...attainment(e.met, e.breached) }))
        .filter((r) => r.met + r.breached > 0)
        .sort((a, b) => (a.attainment ?? 1) - (b.attainment ?? 1));
    };

    const toOpenClaim = (o: OpenClaimRow): SlaOpenClaim => ({
      externalId: o.external_id,
      policyId: o.policy_id,
      policy: o.policy,
      type: o.type,
      channel: o.channel,
      assignee: o.assignee,
      openedAt: new Date(o.opened_at).toISOString(),
      deadline:
        o.clock === 'calendar'
          ? new Date(new Date(o.opened_at).getTime() + o.target_hours * 3_600_000).toISOString()
          : null,
      hoursLeft: o.target_hours - o.elapsed,
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
        };
      }),
      byChannel: split('ch', 'channel').map(({ key, ...r }) => ({ channel: key, ...r })),
      byAssignee: split('as', 'assignee').map(({ key, ...r }) => ({ assignee: key, ...r })),
      repeatContactRate: ratio(repeat[0]?.repeat_claims ?? 0, repeat[0]?.claims ?? 0),
      atRisk: lists
        .filter((o) => o.list === 'risk')
        .map(toOpenClaim)
        .sort((a, b) => a.hoursLeft - b.hoursLeft)
        .slice(0, 100),
      breachesOpen: lists
        .filter((o) => o.list === 'breach')
        .map(toOpenClaim)
        .sort((a, b) => a.hoursLeft - b.hoursLeft)
        .slice(0, 100),
      backlogAging: aging,
    };
  }

  private async backlogAging(ctx: Context, now: Date) {
    const params: Record<string, unknown> = { now };
    const scope = this.reader.claimScope(ctx, params, 'open');
    const rows = await this.reader.query<{ bucket: string; claims: number }>(
      `SELECT CASE WHEN age < 24 THEN '< 1 d' WHEN age < 72 THEN '1–3 d' WHEN age < 168 THEN '3–7 d'
                   WHEN age < 336 THEN '7–14 d' ELSE '≥ 14 d' END AS bucket, count(*)::int AS claims
         FROM (SELECT extract(epoch FROM {now}::timestamptz - c.opened_at) / 3600 AS age
                 FROM ${scope.from} ${scope.where}) a
        GROUP BY 1`,
      params,
    );
    const counts = new Map(rows.map((r) => [r.bucket, r.claims]));
    return ['< 1 d', '1–3 d', '3–7 d', '7–14 d', '≥ 14 d'].map((bucket) => ({
      bucket,
      claims: counts.get(bucket) ?? 0,
    }));
  }
}
