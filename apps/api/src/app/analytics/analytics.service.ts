import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  REASON_CATEGORIES,
  reasonCategoryOf,
  reasonLabel,
  SLA_METRICS,
  type AnalyticsFilters,
  type AnalyticsPeriod,
  type AspectsReport,
  type AspectSentimentCounts,
  type ReasonMismatchReport,
  FEEDBACK_ASPECTS,
  type ClaimRecord,
  type FeedbackRecord,
  type RecordsPage,
  type FeedbackReport,
  type KpiSet,
  type MatrixDimension,
  type Mover,
  type ParetoResult,
  type ProductScorecard,
  type ReasonMatrix,
  type SlaClock,
  type SlaMetric,
  type SlaOpenClaim,
  type SlaPolicy,
  type SlaReport,
  type SupplierScorecard,
  type WeeklyReport,
} from '@returnlens/shared/contracts';
import {
  benjaminiHochberg,
  compareProportionWithBaseline,
  compareValueWithBaseline,
  compareWithBaseline,
  funnelLimits,
  histogramPercentile,
  netSentiment,
  paretoShares,
  poissonRateTest,
  wilsonInterval,
  Z_998,
  type HistogramBucket,
} from '@returnlens/shared/metrics';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEFAULT_SHOP_ID } from '../database/shop-owned';
import {
  bindSql,
  businessMinutesAt,
  calendarDayJoin,
  durationValuesSql,
  slaRowsSql,
  timedClaimsSql,
} from '../rollups/rollups.sql';
import {
  normaliseRows,
  planCube,
  type CubeQuery,
  type CubeRow,
  type Dimension,
  type Fact,
  type Measure,
} from './cube';
import { cubeFilters, resolvePeriod, type ResolvedPeriod } from './analytics.period';
import { CLAIM_SORTS, FEEDBACK_SORTS, type PageRequest } from './records';
import { minuteNow } from './response-cache';

type Row = CubeRow;

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
 * True when a filter other than the period is set: the SLA, duration and mismatch rollups
 * are keyed by week only, so such a question is answered from the raw rows.
 */
const filtersBeyondPeriod = (filters: AnalyticsFilters) =>
  Object.entries(filters).some(
    ([k, v]) => k !== 'from' && k !== 'to' && Array.isArray(v) && v.length > 0,
  );

interface Context {
  readonly filters: AnalyticsFilters;
  readonly period: ResolvedPeriod;
  /** Set when any part of the answer had to scan raw rows. */
  raw: boolean;
}

const sum = (rows: readonly Row[], m: Measure) => rows.reduce((s, r) => s + r[m], 0);
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/**
 * Answers the dashboard's questions (DESIGN.md §3) from the rollups — or, for a filter no
 * rollup covers, from the raw tables, with the same definitions.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get tz() {
    return this.config.shopTimeZone;
  }

  async context(filters: AnalyticsFilters, now = minuteNow()): Promise<Context> {
    // The newest claim matters only for the default period's end.
    const latest = filters.to ? null : await this.latestOpenedAt();
    return { filters, period: resolvePeriod(filters, this.tz, now, latest), raw: false };
  }

  private async latestOpenedAt(): Promise<Date | null> {
    const [row] = await this.db.query<{ latest: Date | null }[]>(
      'SELECT max(opened_at) AS latest FROM claims WHERE shop_id = $1',
      [DEFAULT_SHOP_ID],
    );
    return row?.latest ? new Date(row.latest) : null;
  }

  periodOf(ctx: Context): AnalyticsPeriod {
    const { weeks } = ctx.period;
    return {
      timeZone: this.tz,
      from: weeks[0],
      to: weeks[weeks.length - 1],
      weeks,
      source: ctx.raw ? 'raw' : 'rollup',
    };
  }

  /** One cube question within the context's period and filters. */
  async cube(
    ctx: Context,
    fact: Fact,
    groupBy: Dimension[],
    measures: Measure[],
    extra: Partial<Pick<CubeQuery, 'where' | 'range' | 'raw'>> = {},
  ): Promise<Row[]> {
    const q: CubeQuery = {
      fact,
      groupBy,
      measures,
      filters: cubeFilters(ctx.filters),
      range: extra.range ?? ctx.period.range,
      where: extra.where,
      raw: extra.raw,
    };
    const plan = planCube(q, DEFAULT_SHOP_ID, this.tz);
    if (plan.kind === 'raw') ctx.raw = true;
    return normaliseRows(await this.timed(plan.text, plan.values), q);
  }

  private weekIndex(ctx: Context): Map<string, number> {
    return new Map(ctx.period.weeks.map((w, i) => [w.start, i]));
  }

  private series(ctx: Context, rows: readonly Row[], m: Measure): number[] {
    const index = this.weekIndex(ctx);
    const out = new Array<number>(index.size).fill(0);
    for (const r of rows) {
      const i = index.get(r.week);
      if (i !== undefined) out[i] += r[m];
    }
    return out;
  }

  /** Display names of suppliers or products: all of them, or only `keys` (a large catalogue). */
  private async names(
    table: 'suppliers' | 'products',
    keys?: readonly string[],
  ): Promise<Map<string, string>> {
    const key = table === 'suppliers' ? 'external_id' : 'sku';
    if (keys && keys.length === 0) return new Map();
    const rows = await this.db.query<{ key: string; name: string }[]>(
      `SELECT ${key} AS key, name FROM ${table} WHERE shop_id = $1${keys ? ` AND ${key} = ANY($2::text[])` : ''}`,
      keys ? [DEFAULT_SHOP_ID, keys] : [DEFAULT_SHOP_ID],
    );
    return new Map(rows.map((r) => [r.key, r.name]));
  }

  // ── Pareto and matrices ────────────────────────────────────────────────────────────

  async pareto(filters: AnalyticsFilters): Promise<ParetoResult> {
    const ctx = await this.context(filters);
    const rows = await this.cube(
      ctx,
      'claims',
      ['reason_code', 'reason_source'],
      ['claims', 'units'],
    );
    const byReason = new Map<
      string,
      { claims: number; units: number; stated: number; inferred: number }
    >();
    for (const r of rows) {
      const e = byReason.get(r.reason_code) ?? { claims: 0, units: 0, stated: 0, inferred: 0 };
      e.claims += r.claims;
      e.units += r.units;
      if (r.reason_source === 'stated') e.stated += r.claims;
      if (r.reason_source === 'inferred') e.inferred += r.claims;
      byReason.set(r.reason_code, e);
    }
    const shares = paretoShares([...byReason].map(([key, e]) => ({ key, count: e.claims })));
    return {
      period: this.periodOf(ctx),
      rows: shares.map((s) => {
        const e = byReason.get(s.key)!;
        return {
          reasonCode: s.key,
          reasonLabel: reasonLabel(s.key),
          category: reasonCategoryOf(s.key),
          claims: s.count,
          units: e.units,
          share: s.share,
          cumulativeShare: s.cumulativeShare,
          stated: e.stated,
          inferred: e.inferred,
        };
      }),
    };
  }

  /** Reason × supplier/product/category; by product, the 40 products with most claims. */
  async matrix(
    filters: AnalyticsFilters,
    by: MatrixDimension,
    columns = 40,
  ): Promise<ReasonMatrix> {
    const ctx = await this.context(filters);
    const dim: Dimension =
      by === 'supplier' ? 'supplier_id' : by === 'product' ? 'sku' : 'category';
    const totals = new Map(
      (await this.cube(ctx, 'claims', [dim], ['claims']))
        .sort((a, b) => b.claims - a.claims)
        .slice(0, columns)
        .map((r) => [r[dim], r.claims]),
    );
    const rows = totals.size
      ? await this.cube(ctx, 'claims', ['reason_code', dim], ['claims', 'units'], {
          where: { [dim]: [...totals.keys()] },
        })
      : [];
    const labels =
      by === 'category'
        ? null
        : await this.names(by === 'supplier' ? 'suppliers' : 'products', [...totals.keys()]);
    const reasonTotals = new Map<string, number>();
    for (const r of rows)
      reasonTotals.set(r.reason_code, (reasonTotals.get(r.reason_code) ?? 0) + r.claims);
    return {
      period: this.periodOf(ctx),
      by,
      reasons: [...reasonTotals].sort((a, b) => b[1] - a[1]).map(([k]) => k),
      columns: [...totals.keys()].map((key) => ({
        key,
        label: key === '' ? '(unknown)' : (labels?.get(key) ?? key),
      })),
      cells: rows.map((r) => ({
        reasonCode: r.reason_code,
        key: r[dim],
        claims: r.claims,
        units: r.units,
      })),
    };
  }

  // ── Suppliers and products ─────────────────────────────────────────────────────────

  async suppliers(filters: AnalyticsFilters): Promise<SupplierScorecard> {
    const ctx = await this.context(filters);
    const [sales, claims, weeklyClaims, weeklySales, feedback, names] = await Promise.all([
      this.cube(ctx, 'sales', ['supplier_id'], ['units']),
      this.cube(ctx, 'claims', ['supplier_id', 'reason_code'], ['claims', 'defect_units']),
      this.cube(ctx, 'claims', ['week', 'supplier_id'], ['defect_units']),
      this.cube(ctx, 'sales', ['week', 'supplier_id'], ['units']),
      this.cube(ctx, 'feedback', ['supplier_id', 'label'], ['items']),
      this.names('suppliers'),
    ]);
    const sold = new Map(sales.map((r) => [r.supplier_id, r.units]));
    const ids = new Set([...names.keys(), ...sold.keys(), ...claims.map((r) => r.supplier_id)]);
    ids.delete('');
    const totalSold = [...ids].reduce((s, id) => s + (sold.get(id) ?? 0), 0);
    const totalDefects = claims
      .filter((r) => r.supplier_id !== '')
      .reduce((s, r) => s + r.defect_units, 0);
    const p0 = totalSold === 0 ? null : Math.min(1, totalDefects / totalSold);
    const index = this.weekIndex(ctx);

    const suppliers = [...ids].map((id) => {
      const mine = claims.filter((r) => r.supplier_id === id);
      const units = sold.get(id) ?? 0;
      const defects = sum(mine, 'defect_units');
      const mix = new Map<string, number>();
      for (const r of mine) mix.set(r.reason_code, (mix.get(r.reason_code) ?? 0) + r.claims);
      const weekDefects = new Array<number>(index.size).fill(0);
      const weekSold = new Array<number>(index.size).fill(0);
      for (const r of weeklyClaims)
        if (r.supplier_id === id && index.has(r.week))
          weekDefects[index.get(r.week)!] += r.defect_units;
      for (const r of weeklySales)
        if (r.supplier_id === id && index.has(r.week)) weekSold[index.get(r.week)!] += r.units;
      const fb = feedback.filter((r) => r.supplier_id === id);
      const label = (l: string) => fb.filter((r) => r.label === l).reduce((s, r) => s + r.items, 0);
      const rate = units === 0 ? null : defects / units;
      const ci = units === 0 ? null : wilsonInterval(Math.min(defects, units), units);
      const l95 = p0 === null || units === 0 ? null : funnelLimits(p0, units);
      const l998 = p0 === null || units === 0 ? null : funnelLimits(p0, units, Z_998);
      const signal: SupplierScorecard['suppliers'][number]['signal'] =
        rate === null || !l95 || !l998
          ? 'no_sales'
          : rate > l998.upper
            ? 'above'
            : rate > l95.upper
              ? 'warning'
              : rate < l95.lower
                ? 'below'
                : 'within';
      return {
        supplierId: id,
        name: names.get(id) ?? id,
        unitsSold: units,
        claims: sum(mine, 'claims'),
        defectUnits: defects,
        defectRate: rate,
        ppm: rate === null ? null : Math.round(rate * 1_000_000),
        ci95: ci,
        limits95: l95,
        limits998: l998,
        signal,
        trend: weekSold.map((n, i) => (n === 0 ? null : weekDefects[i] / n)),
        topReasons: [...mix]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([reasonCode, n]) => ({ reasonCode, claims: n })),
        netSentiment: netSentiment(label('positive'), label('neutral'), label('negative')),
        feedbackItems: fb.reduce((s, r) => s + r.items, 0),
      };
    });
    // Worst first by the lower bound of the interval: a tiny sample never tops the list.
    suppliers.sort((a, b) => (b.ci95?.lower ?? -1) - (a.ci95?.lower ?? -1));
    return { period: this.periodOf(ctx), overallDefectRate: p0, suppliers };
  }

  async products(filters: AnalyticsFilters, limit = 50): Promise<ProductScorecard> {
    const ctx = await this.context(filters);
    const [sales, claims] = await Promise.all([
      this.cube(ctx, 'sales', ['sku'], ['units']),
      this.cube(ctx, 'claims', ['sku'], ['claims', 'defect_units']),
    ]);
    const sold = new Map(sales.map((r) => [r.sku, r.units]));
    const claimed = new Map(claims.map((r) => [r.sku, r]));
    const ranked = [...new Set([...sold.keys(), ...claimed.keys()])]
      .filter((sku) => sku !== '')
      .map((sku) => {
        const units = sold.get(sku) ?? 0;
        const defects = claimed.get(sku)?.defect_units ?? 0;
        return {
          sku,
          units,
          claims: claimed.get(sku)?.claims ?? 0,
          defects,
          ci95: units === 0 ? null : wilsonInterval(Math.min(defects, units), units),
        };
      })
      .sort((a, b) => (b.ci95?.lower ?? -1) - (a.ci95?.lower ?? -1) || b.claims - a.claims)
      .slice(0, limit);
    // Names and reason mix only for the products shown.
    const skus = ranked.map((p) => p.sku);
    const [catalogue, mix] = await Promise.all([
      this.db.query<{ sku: string; name: string; supplier_id: string | null; category: string }[]>(
        'SELECT sku, name, supplier_id, category FROM products WHERE shop_id = $1 AND sku = ANY($2::text[])',
        [DEFAULT_SHOP_ID, skus],
      ),
      skus.length
        ? this.cube(ctx, 'claims', ['sku', 'reason_code'], ['claims'], { where: { sku: skus } })
        : Promise.resolve([] as Row[]),
    ]);
    const info = new Map(catalogue.map((p) => [p.sku, p]));
    return {
      period: this.periodOf(ctx),
      products: ranked.map((r) => {
        const p = info.get(r.sku);
        return {
          sku: r.sku,
          name: p?.name ?? r.sku,
          supplierId: p?.supplier_id ?? '',
          category: p?.category ?? '',
          unitsSold: r.units,
          claims: r.claims,
          defectUnits: r.defects,
          defectRate: r.units === 0 ? null : r.defects / r.units,
          ci95: r.ci95,
          topReasons: mix
            .filter((m) => m.sku === r.sku)
            .sort((a, b) => b.claims - a.claims)
            .slice(0, 3)
            .map((m) => ({ reasonCode: m.reason_code, claims: m.claims })),
        };
      }),
    };
  }

  // ── SLA ────────────────────────────────────────────────────────────────────────────

  async policies(): Promise<SlaPolicy[]> {
    const rows = await this.db.query(
      `SELECT id, name, metric, target_hours::float8 AS "targetHours", clock, claim_types AS "claimTypes",
              resolutions, at_risk_hours::float8 AS "atRiskHours"
         FROM sla_policies WHERE shop_id = $1 ORDER BY id`,
      [DEFAULT_SHOP_ID],
    );
    return rows;
  }

  /** The raw-claims scope of a period and filters, as SQL over `claims c` / `products p`. */
  /**
   * Claims of the period (`period`), open claims of any age (`open`), or open claims opened in
   * the period (`openInPeriod`, read through the partial index on unresolved claims).
   */
  private claimScope(
    ctx: Context,
    params: Record<string, unknown>,
    mode: 'period' | 'open' | 'openInPeriod' = 'period',
  ) {
    const where = ['c.shop_id = {shop}'];
    if (mode !== 'open') {
      params['fromTs'] = ctx.period.range.fromInstant;
      params['toTs'] = ctx.period.range.toInstant;
      where.push('c.opened_at >= {fromTs} AND c.opened_at < {toTs}');
    }
    if (mode !== 'period') {
      where.push(`c.resolved_at IS NULL AND c.status IN ('open', 'in_progress')`);
    }
    const f = ctx.filters;
    const add = (name: string, expr: string, values?: readonly string[]) => {
      if (!values?.length) return;
      params[name] = values;
      where.push(`${expr} = ANY({${name}}::text[])`);
    };
    add('fSupplier', 'p.supplier_id', f.supplier);
    add('fProduct', 'c.sku', f.product);
    add('fCategory', 'p.category', f.category);
    add('fChannel', 'c.channel', f.channel);
    add('fType', 'c.type', f.type);
    add('fReason', 'c.reason_code', f.reason);
    if (f.reasonCategory?.length) {
      params['fReasonCategory'] = f.reasonCategory;
      where.push(
        'c.reason_code IN (SELECT code FROM reasons WHERE category_code = ANY({fReasonCategory}::text[]))',
      );
    }
    return {
      from: 'claims c LEFT JOIN products p ON p.shop_id = c.shop_id AND p.sku = c.sku',
      where: `WHERE ${where.join(' AND ')}`,
    };
  }

  private async query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const { text, values } = bindSql(sql, { shop: DEFAULT_SHOP_ID, tz: this.tz, ...params });
    return this.timed(text, values);
  }

  /** Runs a query; with RETURNLENS_QUERY_TIMINGS=1 prints how long it took. */
  private async timed<T>(text: string, values: unknown[]): Promise<T[]> {
    if (!process.env['RETURNLENS_QUERY_TIMINGS']) return this.db.query(text, values);
    const started = process.hrtime.bigint();
    const rows = await this.db.query(text, values);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.error(
      `query ${ms.toFixed(1)} ms, ${rows.length} rows: ${text.replace(/\s+/g, ' ').slice(0, 110)}`,
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
        this.query<SlaGroupRow>(
          `SELECT CASE WHEN GROUPING(policy_id) = 0 THEN 'pw' ELSE 'ch' END AS grp,
                  to_char(week, 'YYYY-MM-DD') AS week, policy_id, channel, '' AS assignee,
                  sum(met)::int AS met, sum(breached)::int AS breached
             FROM rollup_sla_week ${range}
            GROUP BY GROUPING SETS ((policy_id, week), (channel))`,
          params,
        ),
        this.query<SlaGroupRow>(
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
    const scope = this.claimScope(ctx, params);
    return this.query<SlaGroupRow>(
      grouped(`(${slaRowsSql(timedClaimsSql(scope.from, scope.where))}) s`, ''),
      params,
    );
  }

  /**
   * Per policy, the opening instants that decide an open claim's state now: opened before
   * `breach_cutoff` it is breached, before `risk_cutoff` it is at risk. Elapsed time only grows
   * with age — in business hours too (F, the cumulative business minutes, never decreases) —
   * so one cutoff per policy replaces a clock computation per claim. Business cutoffs invert
   * F through `calendar_days`: the first day on which F reaches the value, then the opening
   * period within it.
   */
  private cutoffsSql(): string {
    const inverse = (minutes: string) => `(
      SELECT ((d.day + make_interval(mins => (CASE
                 WHEN m.m <= d.e1 - d.s1 THEN d.s1 + m.m
                 WHEN m.m <= (d.e1 - d.s1) + (d.e2 - d.s2) THEN d.s2 + m.m - (d.e1 - d.s1)
                 ELSE d.s3 + m.m - (d.e1 - d.s1) - (d.e2 - d.s2) END)::int))::timestamp) AT TIME ZONE k.time_zone
        FROM calendar_days d
        CROSS JOIN LATERAL (SELECT (${minutes}) - d.cum_before AS m) m
       WHERE d.shop_id = k.shop_id
         AND d.cum_before + (d.e1 - d.s1) + (d.e2 - d.s2) + (d.e3 - d.s3) >= (${minutes})
         AND (d.e1 - d.s1) + (d.e2 - d.s2) + (d.e3 - d.s3) > 0
       ORDER BY d.day LIMIT 1)`;
    const fNow = businessMinutesAt('{now}::timestamptz', 'd_now');
    return `
      SELECT s.id, s.name, s.metric, s.clock, s.claim_types, s.target_hours::float8 AS target_hours,
             s.at_risk_hours::float8 AS at_risk_hours, ${fNow}::float8 AS f_now,
             CASE WHEN s.clock = 'calendar' THEN {now}::timestamptz - make_interval(secs => s.target_hours * 3600)
                  ELSE ${inverse(`${fNow} - s.target_hours * 60`)} END AS breach_cutoff,
             CASE WHEN s.clock = 'calendar'
                  THEN {now}::timestamptz - make_interval(secs => GREATEST(s.target_hours - s.at_risk_hours, 0) * 3600)
                  ELSE ${inverse(`${fNow} - GREATEST(s.target_hours - s.at_risk_hours, 0) * 60`)} END AS risk_cutoff
        FROM sla_policies s
        JOIN business_calendars k ON k.shop_id = s.shop_id
        ${calendarDayJoin('{now}::timestamptz', 'd_now')}
       WHERE s.shop_id = {shop}`;
  }

  /** The claim's measured event has not happened under policy `sp`. */
  private static readonly PENDING_EVENT = `(CASE sp.metric WHEN 'first_response' THEN c.first_response_at
                                                   WHEN 'resolution' THEN c.resolved_at ELSE c.refunded_at END) IS NULL`;

  /**
   * Open claims of the period counted in SQL against the cutoffs: breached and pending per
   * policy and week, breached per channel and per assignee.
   */
  private async slaOpenCounts(ctx: Context, now: Date) {
    const params: Record<string, unknown> = { now };
    const scope = this.claimScope(ctx, params, 'openInPeriod');
    return this.query<SlaGroupRow & { pending: number }>(
      `WITH sp AS MATERIALIZED (${this.cutoffsSql()})
       SELECT CASE WHEN GROUPING(sp.id) = 0 THEN 'pw' WHEN GROUPING(c.channel) = 0 THEN 'ch' ELSE 'as' END AS grp,
              to_char(date_trunc('week', c.opened_at AT TIME ZONE {tz})::date, 'YYYY-MM-DD') AS week,
              sp.id AS policy_id, c.channel, COALESCE(c.assignee, '') AS assignee, 0 AS met,
              count(*) FILTER (WHERE c.opened_at < sp.breach_cutoff)::int AS breached,
              count(*) FILTER (WHERE c.opened_at >= sp.breach_cutoff)::int AS pending
         FROM ${scope.from}
         JOIN sp ON c.type = ANY(sp.claim_types)
        ${scope.where} AND ${AnalyticsService.PENDING_EVENT}
        GROUP BY GROUPING SETS ((sp.id, date_trunc('week', c.opened_at AT TIME ZONE {tz})), (c.channel), (COALESCE(c.assignee, '')))`,
      params,
    );
  }

  /**
   * The 100 open claims nearest their deadline (at risk) and the 100 most overdue, per
   * policy read in opening order through the index on unresolved claims.
   */
  private async slaOpenLists(ctx: Context, now: Date) {
    const params: Record<string, unknown> = { now };
    const scope = this.claimScope(ctx, params, 'open');
    const pick = (condition: string, order: string) => `
      SELECT c.external_id, c.type, c.channel, c.assignee, c.opened_at
        FROM ${scope.from}
       ${scope.where} AND c.type = ANY(sp.claim_types) AND ${AnalyticsService.PENDING_EVENT} AND ${condition}
       ORDER BY c.opened_at ${order} LIMIT 100`;
    return this.query<OpenClaimRow & { list: 'risk' | 'breach' }>(
      `WITH sp AS MATERIALIZED (${this.cutoffsSql()})
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
      const rows = await this.query<{
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
    const scope = this.claimScope(ctx, params);
    const rows = await this.query<{
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
    const ctx = await this.context(filters, now);
    const [policies, closed, openCounts, lists, durations, repeat, aging] = await Promise.all([
      this.policies(),
      this.slaClosed(ctx),
      this.slaOpenCounts(ctx, now),
      summary ? Promise.resolve([]) : this.slaOpenLists(ctx, now),
      this.durationWeeks(ctx, clock),
      summary ? Promise.resolve([]) : this.cube(ctx, 'claims', [], ['claims', 'repeat_claims']),
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
      period: this.periodOf(ctx),
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
    const scope = this.claimScope(ctx, params, 'open');
    const rows = await this.query<{ bucket: string; claims: number }>(
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

  // ── Feedback and KPIs ──────────────────────────────────────────────────────────────

  async feedback(filters: AnalyticsFilters): Promise<FeedbackReport> {
    const ctx = await this.context(filters);
    const bySupplierLevel = Boolean(filters.language?.length);
    const [ratings, trend, languages, suppliers, names] = await Promise.all([
      this.cube(ctx, 'feedback', ['rating'], ['items']),
      this.cube(ctx, 'feedback', ['week', 'label'], ['items']),
      this.cube(ctx, 'feedback', ['language', 'label'], ['items', 'scored', 'score_sum']),
      this.cube(ctx, 'feedback', ['supplier_id', 'label'], ['items'], { raw: bySupplierLevel }),
      this.names('suppliers'),
    ]);
    const labelled = (rows: Row[]) => {
      const n = (l: string) => rows.filter((r) => r.label === l).reduce((s, r) => s + r.items, 0);
      return { positive: n('positive'), neutral: n('neutral'), negative: n('negative') };
    };
    const all = labelled(trend);
    const group = (rows: Row[], dim: Dimension) => {
      const g = new Map<string, Row[]>();
      for (const r of rows) {
        const list = g.get(r[dim]);
        if (list) list.push(r);
        else g.set(r[dim], [r]);
      }
      return g;
    };
    return {
      period: this.periodOf(ctx),
      items: sum(ratings, 'items'),
      ratings: [1, 2, 3, 4, 5].map((n) => ratings.find((r) => r.rating === String(n))?.items ?? 0),
      unrated: ratings.find((r) => r.rating === '0')?.items ?? 0,
      netSentiment: netSentiment(all.positive, all.neutral, all.negative),
      trend: ctx.period.weeks.map((w) => {
        const l = labelled(trend.filter((r) => r.week === w.start));
        return {
          week: w.week,
          ...l,
          netSentiment: netSentiment(l.positive, l.neutral, l.negative),
        };
      }),
      byLanguage: [...group(languages, 'language')]
        .map(([language, rows]) => {
          const l = labelled(rows);
          const scored = sum(rows, 'scored');
          return {
            language: language || 'und',
            items: sum(rows, 'items'),
            netSentiment: netSentiment(l.positive, l.neutral, l.negative),
            meanScore: scored === 0 ? null : sum(rows, 'score_sum') / scored,
          };
        })
        .sort((a, b) => b.items - a.items),
      bySupplier: [...group(suppliers, 'supplier_id')]
        .filter(([id]) => id !== '')
        .map(([supplierId, rows]) => {
          const l = labelled(rows);
          return {
            supplierId,
            name: names.get(supplierId) ?? supplierId,
            items: sum(rows, 'items'),
            netSentiment: netSentiment(l.positive, l.neutral, l.negative),
          };
        })
        .sort((a, b) => (a.netSentiment ?? 0) - (b.netSentiment ?? 0)),
    };
  }

  async kpis(filters: AnalyticsFilters): Promise<KpiSet> {
    const ctx = await this.context(filters);
    const [byType, labels, durations] = await Promise.all([
      this.cube(ctx, 'claims', ['type'], ['claims', 'repeat_claims']),
      this.cube(ctx, 'feedback', ['label'], ['items']),
      this.resolutionMedian(ctx),
    ]);
    const claims = sum(byType, 'claims');
    const returns = byType
      .filter((r) => r.type === 'return' || r.type === 'return_defective')
      .reduce((s, r) => s + r.claims, 0);
    const labelled = labels.filter((r) => r.label !== '');
    return {
      period: this.periodOf(ctx),
      processingTimeHours: durations,
      repeatContactRate: ratio(sum(byType, 'repeat_claims'), claims),
      returnShare: ratio(returns, claims),
      negativeReviewShare: ratio(
        labelled.filter((r) => r.label === 'negative').reduce((s, r) => s + r.items, 0),
        sum(labelled, 'items'),
      ),
      claims,
    };
  }

  /** Median resolution time (calendar hours) over the whole period. */
  private async resolutionMedian(ctx: Context): Promise<number | null> {
    const anyFilter = filtersBeyondPeriod(ctx.filters);
    if (!anyFilter) {
      const rows = await this.query<HistogramBucket>(
        `SELECT bucket, sum(n)::int AS n FROM rollup_durations_week
          WHERE shop_id = {shop} AND metric = 'resolution' AND clock = 'calendar'
            AND week BETWEEN {fromWeek}::date AND {toWeek}::date GROUP BY 1`,
        { fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek },
      );
      return histogramPercentile(rows, 0.5);
    }
    // Filtered: the exact median over the raw rows of the whole period.
    ctx.raw = true;
    const params: Record<string, unknown> = {};
    const scope = this.claimScope(ctx, params);
    const [row] = await this.query<{ median: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.opened_at) / 3600)::float8 AS median
         FROM ${scope.from} ${scope.where} AND c.resolved_at IS NOT NULL`,
      params,
    );
    return row?.median ?? null;
  }

  // ── The weekly report ──────────────────────────────────────────────────────────────

  async weekly(filters: AnalyticsFilters, now = minuteNow()): Promise<WeeklyReport> {
    const ctx = await this.context({ ...filters, from: undefined }, now);
    const weeks = ctx.period.weeks;
    const reported = weeks[weeks.length - 1];
    const lastWeek = { where: { week: [reported.start] } };
    const recent = ctx.period.weeks.slice(-5).map((w) => w.start);
    const [
      byCategory,
      sales,
      reasons,
      refunds,
      sla,
      labels,
      recentReasons,
      recentSkus,
      recentSuppliers,
    ] = await Promise.all([
      this.cube(ctx, 'claims', ['week', 'reason_category'], ['claims', 'units']),
      this.cube(ctx, 'sales', ['week'], ['units']),
      this.cube(ctx, 'claims', ['reason_code'], ['claims'], lastWeek),
      this.cube(ctx, 'claims', ['week', 'currency'], ['refund_amount']),
      this.sla(filters, 'calendar', now, true),
      this.cube(ctx, 'feedback', ['week', 'label'], ['items']),
      this.cube(ctx, 'claims', ['week', 'reason_code'], ['claims'], { where: { week: recent } }),
      this.cube(ctx, 'claims', ['week', 'sku'], ['claims'], { where: { week: recent } }),
      this.cube(ctx, 'claims', ['week', 'supplier_id'], ['claims'], { where: { week: recent } }),
    ]);
    const claimsPerWeek = this.series(ctx, byCategory, 'claims');
    const unitsPerWeek = this.series(ctx, byCategory, 'units');
    const soldPerWeek = this.series(ctx, sales, 'units');
    const currencies = [...new Set(refunds.map((r) => r.currency).filter(Boolean))].sort();
    const firstResponse = sla.durations.find((d) => d.metric === 'first_response')!;
    const slaWeekly = weeks.map((_, i) => {
      const met = sla.policies.reduce((s, p) => s + p.weekly[i].met, 0);
      const breached = sla.policies.reduce((s, p) => s + p.weekly[i].breached, 0);
      return { hits: met, trials: met + breached };
    });
    const sentimentWeekly = weeks.map((w) => {
      const rows = labels.filter((r) => r.week === w.start);
      const n = (l: string) => rows.filter((r) => r.label === l).reduce((s, r) => s + r.items, 0);
      return netSentiment(n('positive'), n('neutral'), n('negative'));
    });
    const movers = this.movers(recentReasons, recentSkus, recentSuppliers, recent);
    const [productNames, supplierNames] = await Promise.all([
      this.names(
        'products',
        movers.filter((m) => m.kind === 'product').map((m) => m.key),
      ),
      this.names(
        'suppliers',
        movers.filter((m) => m.kind === 'supplier').map((m) => m.key),
      ),
    ]);

    return {
      timeZone: this.tz,
      week: reported,
      baselineWeeks: weeks.slice(-5, -1),
      claimsReceived: compareWithBaseline(claimsPerWeek),
      unitsReturned: compareWithBaseline(unitsPerWeek),
      pareto: paretoShares(reasons.map((r) => ({ key: r.reason_code, count: r.claims }))).map(
        (row) => ({
          reasonCode: row.key,
          reasonLabel: reasonLabel(row.key),
          category: reasonCategoryOf(row.key),
          claims: row.count,
          share: row.share,
          cumulativeShare: row.cumulativeShare,
        }),
      ),
      trendWeeks: weeks,
      trend: REASON_CATEGORIES.map((category) => ({
        category: category.code,
        label: category.label,
        claims: this.series(
          ctx,
          byCategory.filter((r) => r.reason_category === category.code),
          'claims',
        ),
      })),
      dataThrough: await this.latest(),
      kpis: {
        returnRate: compareProportionWithBaseline(
          unitsPerWeek.map((u, i) => ({ hits: u, trials: soldPerWeek[i] })),
        ),
        refundsPaid: currencies.map((currency) => ({
          currency,
          // Money is not a count: compared with its baseline, not tested.
          kpi: compareValueWithBaseline(
            this.series(
              ctx,
              refunds.filter((r) => r.currency === currency),
              'refund_amount',
            ).map((v) => Math.round(v * 100) / 100),
          )!,
        })),
        medianFirstResponseHours: compareValueWithBaseline(firstResponse.median),
        slaAttainment: compareProportionWithBaseline(slaWeekly),
        netSentiment: compareValueWithBaseline(sentimentWeekly),
      },
      movers: movers.map((m) => ({
        ...m,
        label:
          m.kind === 'product'
            ? (productNames.get(m.key) ?? m.key)
            : m.kind === 'supplier'
              ? (supplierNames.get(m.key) ?? m.key)
              : m.label,
      })),
    };
  }

  private async latest(): Promise<string | null> {
    return (await this.latestOpenedAt())?.toISOString() ?? null;
  }

  /**
   * Reasons, products and suppliers whose claims in the reported week rose against their
   * previous four weeks (Poisson test), corrected together with Benjamini–Hochberg.
   */
  private movers(reasons: Row[], skus: Row[], suppliers: Row[], weeks: string[]): Mover[] {
    const candidates: Omit<Mover, 'qValue'>[] = [];
    const collect = (
      rows: Row[],
      dim: Dimension,
      kind: Mover['kind'],
      label: (k: string) => string,
    ) => {
      const series = new Map<string, number[]>();
      for (const r of rows) {
        const i = weeks.indexOf(r.week);
        if (i < 0 || r[dim] === '') continue;
        const s = series.get(r[dim]) ?? new Array<number>(weeks.length).fill(0);
        s[i] += r.claims;
        series.set(r[dim], s);
      }
      for (const [key, s] of series) {
        const value = s[s.length - 1];
        const previous = s.slice(0, -1);
        const baseline = previous.reduce((a, b) => a + b, 0) / previous.length;
        if (value <= baseline) continue;
        candidates.push({
          kind,
          key,
          label: label(key),
          value,
          baseline,
          pValue: poissonRateTest(value, previous),
        });
      }
    };
    collect(reasons, 'reason_code', 'reason', reasonLabel);
    collect(skus, 'sku', 'product', (k) => k);
    collect(suppliers, 'supplier_id', 'supplier', (k) => k);
    const q = benjaminiHochberg(candidates.map((c) => c.pValue));
    return candidates
      .map((c, i) => ({ ...c, qValue: q[i] }))
      .filter((c) => c.qValue < 0.05)
      .sort((a, b) => a.qValue - b.qValue)
      .slice(0, 20);
  }

  // ── Text: aspects and reason mismatches ───────────────────────────────────────────

  async aspects(filters: AnalyticsFilters): Promise<AspectsReport> {
    const ctx = await this.context(filters);
    const byProduct = Boolean(
      filters.supplier?.length || filters.product?.length || filters.category?.length,
    );
    const range = { fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek };
    const productWhere = byProduct
      ? `AND (${[
          filters.product?.length ? 't.sku = ANY({fProduct}::text[])' : '',
          filters.supplier?.length ? 'p.supplier_id = ANY({fSupplier}::text[])' : '',
          filters.category?.length ? 'p.category = ANY({fCategory}::text[])' : '',
        ]
          .filter(Boolean)
          .join(' AND ')})`
      : '';
    const params = {
      ...range,
      fProduct: filters.product ?? null,
      fSupplier: filters.supplier ?? null,
      fCategory: filters.category ?? null,
      fLanguage: filters.language ?? null,
    };
    type Count = {
      aspect: string;
      sentiment: string;
      language?: string;
      sku?: string;
      items: number;
    };
    const [overall, perSku] = await Promise.all([
      byProduct
        ? Promise.resolve([] as Count[])
        : this.query<Count>(
            `SELECT t.language, t.aspect, t.sentiment, sum(t.items)::int AS items FROM rollup_aspects_week t
              WHERE t.shop_id = {shop} AND t.week BETWEEN {fromWeek}::date AND {toWeek}::date
                AND ({fLanguage}::text[] IS NULL OR t.language = ANY({fLanguage}::text[]))
              GROUP BY 1, 2, 3`,
            params,
          ),
      this.query<Count>(
        `SELECT t.sku, t.aspect, t.sentiment, sum(t.items)::int AS items
           FROM rollup_aspects_sku_week t LEFT JOIN products p ON p.shop_id = t.shop_id AND p.sku = t.sku
          WHERE t.shop_id = {shop} AND t.week BETWEEN {fromWeek}::date AND {toWeek}::date ${productWhere}
          GROUP BY 1, 2, 3`,
        params,
      ),
    ]);
    const source = byProduct ? perSku : overall;
    const counts = (rows: Count[]): AspectSentimentCounts => {
      const n = (l: string) =>
        rows.filter((r) => r.sentiment === l).reduce((s, r) => s + r.items, 0);
      return {
        positive: n('positive'),
        neutral: n('neutral'),
        negative: n('negative'),
        netSentiment: netSentiment(n('positive'), n('neutral'), n('negative')),
      };
    };
    const aspects = FEEDBACK_ASPECTS.map((a) => ({
      aspect: a.code,
      label: a.label,
      ...counts(source.filter((r) => r.aspect === a.code)),
    })).filter((a) => a.positive + a.neutral + a.negative > 0);
    const languages = [...new Set(overall.map((r) => r.language ?? ''))];
    const byLanguage = languages.flatMap((language) =>
      FEEDBACK_ASPECTS.map((a) => ({
        language: language || 'und',
        aspect: a.code,
        ...counts(overall.filter((r) => r.language === language && r.aspect === a.code)),
      })).filter((r) => r.positive + r.neutral + r.negative > 0),
    );
    // The products reviews complain about most, beside what came back of them.
    const negative = new Map<string, Map<string, number>>();
    for (const r of perSku) {
      if (r.sentiment !== 'negative' || !r.sku) continue;
      const m = negative.get(r.sku) ?? new Map<string, number>();
      m.set(r.aspect, (m.get(r.aspect) ?? 0) + r.items);
      negative.set(r.sku, m);
    }
    const top = [...negative]
      .map(([sku, m]) => ({ sku, total: [...m.values()].reduce((a, b) => a + b, 0), m }))
      .sort((a, b) => b.total - a.total)
      .slice(0, 10);
    const skus = top.map((t) => t.sku);
    const [claims, names] = await Promise.all([
      skus.length
        ? this.cube(ctx, 'claims', ['sku', 'reason_code'], ['claims'], { where: { sku: skus } })
        : Promise.resolve([] as Row[]),
      this.names('products', skus),
    ]);
    return {
      period: this.periodOf(ctx),
      aspects,
      byLanguage,
      products: top.map((t) => {
        const mine = claims.filter((c) => c.sku === t.sku).sort((a, b) => b.claims - a.claims);
        return {
          sku: t.sku,
          name: names.get(t.sku) ?? t.sku,
          negativeMentions: t.total,
          topNegativeAspect: [...t.m].sort((a, b) => b[1] - a[1])[0][0],
          claims: sum(mine, 'claims'),
          topReason: mine[0]?.reason_code ?? null,
        };
      }),
    };
  }

  async reasonMismatches(filters: AnalyticsFilters): Promise<ReasonMismatchReport> {
    const ctx = await this.context(filters);
    const anyFilter = filtersBeyondPeriod(filters);
    let pairs: { stated: string; inferred: string; claims: number }[];
    if (!anyFilter) {
      pairs = await this.query(
        `SELECT stated, inferred, sum(claims)::int AS claims FROM rollup_reason_pairs_week
          WHERE shop_id = {shop} AND week BETWEEN {fromWeek}::date AND {toWeek}::date GROUP BY 1, 2`,
        { fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek },
      );
    } else {
      ctx.raw = true;
      const params: Record<string, unknown> = {};
      const scope = this.claimScope(ctx, params);
      pairs = await this.query(
        `SELECT COALESCE(c.stated_reason_code, '') AS stated, COALESCE(c.inferred_reason_code, '') AS inferred,
                count(*)::int AS claims
           FROM ${scope.from} ${scope.where} AND c.reason_text IS NOT NULL GROUP BY 1, 2`,
        params,
      );
    }
    const stated = pairs.filter((p) => p.stated !== '');
    const both = stated.filter((p) => p.inferred !== '');
    return {
      period: this.periodOf(ctx),
      withText: stated.reduce((s, p) => s + p.claims, 0),
      inferred: both.reduce((s, p) => s + p.claims, 0),
      mismatched: both.filter((p) => p.stated !== p.inferred).reduce((s, p) => s + p.claims, 0),
      pairs: both.filter((p) => p.stated !== p.inferred).sort((a, b) => b.claims - a.claims),
    };
  }

  // ── Drill-down ─────────────────────────────────────────────────────────────────────

  /** The claims behind any figure: the same period and filters, one page, sorted. */
  async claimRecords(
    filters: AnalyticsFilters,
    page: PageRequest,
    options: { mismatch?: boolean } = {},
  ): Promise<RecordsPage<ClaimRecord> & { period: AnalyticsPeriod }> {
    const ctx = await this.context(filters);
    const params: Record<string, unknown> = {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    };
    const scope = this.claimScope(ctx, params);
    if (options.mismatch)
      scope.where +=
        ' AND c.stated_reason_code IS NOT NULL AND c.inferred_reason_code IS NOT NULL AND c.stated_reason_code <> c.inferred_reason_code';
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${scope.from} ${scope.where}`,
      params,
    );
    const rows = await this.query<ClaimRecord>(
      `SELECT c.external_id AS "externalId", c.type, c.channel, c.sku, p.name AS "productName",
              p.supplier_id AS "supplierId", c.reason_code AS "reasonCode", c.reason_source AS "reasonSource",
              c.inferred_reason_code AS "inferredReasonCode",
              c.reason_text AS "reasonText", c.quantity, c.opened_at AS "openedAt",
              c.first_response_at AS "firstResponseAt", c.resolved_at AS "resolvedAt",
              c.refunded_at AS "refundedAt", c.status, c.resolution, c.refund_amount::text AS "refundAmount",
              c.currency, c.inspection_outcome AS "inspectionOutcome", c.contact_count AS "contactCount",
              c.assignee
         FROM ${scope.from} ${scope.where}
        ORDER BY ${CLAIM_SORTS[page.sort]} ${page.order} NULLS LAST, c.external_id
        LIMIT {limit} OFFSET {offset}`,
      params,
    );
    return { period: this.periodOf(ctx), total, ...page, rows };
  }

  /** The feedback behind any figure, with optional rating and label constraints. */
  async feedbackRecords(
    filters: AnalyticsFilters & { rating?: readonly string[]; label?: readonly string[] },
    page: PageRequest,
  ): Promise<RecordsPage<FeedbackRecord> & { period: AnalyticsPeriod }> {
    const ctx = await this.context(filters);
    const params: Record<string, unknown> = {
      fromTs: ctx.period.range.fromInstant,
      toTs: ctx.period.range.toInstant,
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    };
    const where = ['f.shop_id = {shop}', 'f.created_at >= {fromTs} AND f.created_at < {toTs}'];
    const add = (name: string, expr: string, values?: readonly string[]) => {
      if (!values?.length) return;
      params[name] = values;
      where.push(`${expr} = ANY({${name}}::text[])`);
    };
    add('fSupplier', 'p.supplier_id', filters.supplier);
    add('fProduct', 'f.sku', filters.product);
    add('fCategory', 'p.category', filters.category);
    add('fLanguage', `COALESCE(f.language, '')`, filters.language);
    add('fRating', 'f.rating::text', filters.rating);
    add('fLabel', `COALESCE(f.rating_label, f.sentiment_label, '')`, filters.label);
    const from = 'feedback f LEFT JOIN products p ON p.shop_id = f.shop_id AND p.sku = f.sku';
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${from} WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows = await this.query<FeedbackRecord>(
      `SELECT f.external_id AS "externalId", f.source, f.sku, p.name AS "productName", f.rating, f.text,
              f.language, f.sentiment_score AS "sentimentScore",
              COALESCE(f.rating_label, f.sentiment_label) AS label, f.created_at AS "createdAt"
         FROM ${from} WHERE ${where.join(' AND ')}
        ORDER BY ${FEEDBACK_SORTS[page.sort]} ${page.order} NULLS LAST, f.external_id
        LIMIT {limit} OFFSET {offset}`,
      params,
    );
    return { period: this.periodOf(ctx), total, ...page, rows };
  }
}
