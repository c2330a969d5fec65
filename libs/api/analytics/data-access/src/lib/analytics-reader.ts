import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import {
  type AnalyticsFilters,
  type AnalyticsPeriod,
  type ReportingSettings,
  type TextAnalysisInProgress,
} from '@returnlens/shared/contracts';
import {
  cubeFilters,
  normaliseRows,
  planCube,
  resolvePeriod,
  type CubeQuery,
  type CubeRow,
  type Dimension,
  type Fact,
  type Measure,
  type ResolvedPeriod,
  constrains,
  exportTypeOf,
  type TableCursor,
} from '@returnlens/api/analytics/util';
import { ANALYSIS_IN_PROGRESS } from '@returnlens/api/enrich/data-access';
import { readReportingSettings } from '@returnlens/api/settings/data-access';
import { bindSql } from '@returnlens/api/shared/sql';
import {
  APP_CONFIG,
  DEFAULT_SHOP_ID,
  minuteNow,
  type AppConfig,
} from '@returnlens/api/shared/util';

export type Row = CubeRow;

/** One question's period and filters, and whether any part of its answer read raw rows. */
export interface Context {
  readonly filters: AnalyticsFilters;
  readonly period: ResolvedPeriod;
  /** Set when any part of the answer had to scan raw rows. */
  raw: boolean;
}

/**
 * True when a filter other than the period constrains the claims: the SLA, duration and
 * mismatch rollups are keyed by week only, so such a question is answered from the raw rows.
 * A filter the claims do not have (the feedback's `language`) changes nothing and is no
 * reason to scan them.
 */
export const filtersBeyondPeriod = (filters: AnalyticsFilters) => constrains('claims', filters);

export const sum = (rows: readonly Row[], m: Measure) => rows.reduce((s, r) => s + r[m], 0);
export const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/**
 * What every dashboard question reads through (docs/metrics.md): the period of a request, the
 * cube over the rollups — or, for a filter no rollup covers, the raw tables with the same
 * definitions — catalogue names, and named-parameter SQL.
 */
@Injectable()
export class AnalyticsReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The shop's time zone, in which weeks are counted. */
  get tz(): string {
    return this.config.shopTimeZone;
  }

  async context(filters: AnalyticsFilters, now = minuteNow()): Promise<Context> {
    // The newest claim matters only for the default period's end.
    const latest = filters.to ? null : await this.latestOpenedAt();
    return { filters, period: resolvePeriod(filters, this.tz, now, latest), raw: false };
  }

  async latestOpenedAt(): Promise<Date | null> {
    const [row] = await this.db.query<{ latest: Date | null }[]>(
      'SELECT max(opened_at) AS latest FROM claims WHERE shop_id = $1',
      [DEFAULT_SHOP_ID],
    );
    return row?.latest ? new Date(row.latest) : null;
  }

  /** The shop's reporting settings (return window, case-study targets), defaults filled in. */
  reportingSettings(): Promise<ReportingSettings> {
    return readReportingSettings(this.db);
  }

  /**
   * The local date (`YYYY-MM-DD`) up to which the data is known: the newest claim's day, but
   * never after today. Cohorts and deadlines are judged as of this day, so a shop that has
   * not loaded for a while does not see its last weeks as complete.
   */
  async knownThrough(now = minuteNow()): Promise<string> {
    const latest = await this.latestOpenedAt();
    const instant = latest && latest < now ? latest : now;
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: this.tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(instant);
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

  weekIndex(ctx: Context): Map<string, number> {
    return new Map(ctx.period.weeks.map((w, i) => [w.start, i]));
  }

  /** Measure `m` of `rows` per week of the period, oldest first (0 for a week without rows). */
  series(ctx: Context, rows: readonly Row[], m: Measure): number[] {
    const index = this.weekIndex(ctx);
    const out = new Array<number>(index.size).fill(0);
    for (const r of rows) {
      const i = index.get(r.week);
      if (i !== undefined) out[i] += r[m];
    }
    return out;
  }

  /** Display names of suppliers or products: all of them, or only `keys` (a large catalogue). */
  async names(
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

  /**
   * The raw-claims scope of a period and filters, as SQL over `claims c` / `products p`:
   * claims of the period (`period`), open claims of any age (`open`), or open claims opened in
   * the period (`openInPeriod`, read through the partial index on unresolved claims).
   */
  claimScope(
    ctx: Context,
    params: Record<string, unknown>,
    mode: 'period' | 'open' | 'openInPeriod' = 'period',
    /** The instant the period applies to (default: the opening; money: when it went out). */
    time = 'c.opened_at',
  ) {
    const where = ['c.shop_id = {shop}'];
    if (mode !== 'open') {
      params['fromTs'] = ctx.period.range.fromInstant;
      params['toTs'] = ctx.period.range.toInstant;
      where.push(`${time} >= {fromTs} AND ${time} < {toTs}`);
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
    // The line's seller when there is one, else the product's supplier.
    add('fSupplier', 'COALESCE(c.supplier_id, p.supplier_id)', f.supplier);
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

  /** A statement with named parameters (`{shop}` and `{tz}` are always bound). */
  /**
   * Batches of `kind` whose texts are still analysed in the background (figures that count
   * their inferred reasons or text sentiment are provisional until then), or undefined.
   */
  async analysing(kind: 'claims' | 'feedback'): Promise<TextAnalysisInProgress | undefined> {
    const [row] = await this.db.query<TextAnalysisInProgress[]>(ANALYSIS_IN_PROGRESS, [
      DEFAULT_SHOP_ID,
      kind,
    ]);
    return row && row.batches > 0 ? row : undefined;
  }

  async query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const { text, values } = bindSql(sql, { shop: DEFAULT_SHOP_ID, tz: this.tz, ...params });
    return this.timed(text, values);
  }

  /**
   * `query` for a statement that reads a few hours of claims through the opening-time index and
   * joins each to its business-calendar days: planned with sequential scans discouraged
   * (`SET LOCAL enable_seqscan = off`, in a transaction of its own). Its row estimates collapse
   * to one after the joins with the policies, and PostgreSQL then scans the whole calendar for
   * every claim (1.5 s instead of 30 ms at 10 M claims, docs/performance.md).
   */
  async queryThroughIndexes<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const { text, values } = bindSql(sql, { shop: DEFAULT_SHOP_ID, tz: this.tz, ...params });
    return this.db.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return this.timed(text, values, (t, v) => m.query(t, v));
    });
  }

  /**
   * Every row of a statement with named parameters, read through a server-side cursor a batch at
   * a time (exports of any size: memory holds one batch). The cursor lives in a read-only
   * REPEATABLE READ transaction on its own connection, so the export is one snapshot even while
   * batches are ingested; `close` (also when the reader leaves early) ends it and gives the
   * connection back. The first batch is read here, so a failing statement throws before any
   * byte is sent.
   */
  async cursor(
    sql: string,
    params: Record<string, unknown>,
    batchRows = 2_000,
  ): Promise<TableCursor> {
    const { text, values } = bindSql(sql, { shop: DEFAULT_SHOP_ID, tz: this.tz, ...params });
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let closing: Promise<void> | null = null;
    const close = (commit: boolean) =>
      (closing ??= (async () => {
        await client.query(commit ? 'COMMIT' : 'ROLLBACK').catch(() => undefined);
        await runner.release();
      })());
    const fetch = () =>
      client.query<unknown[]>({ text: `FETCH ${batchRows} FROM export_rows`, rowMode: 'array' });
    let first: Awaited<ReturnType<typeof fetch>>;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // A client that stops reading for minutes does not keep the snapshot open for ever.
      await client.query(`SET LOCAL idle_in_transaction_session_timeout = '5min'`);
      await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${text}`, values);
      first = await fetch();
    } catch (error) {
      await close(false);
      throw error;
    }
    let pending: Awaited<ReturnType<typeof fetch>> | null = first;
    let done = false;
    return {
      columns: first.fields.map((f) => ({ name: f.name, type: exportTypeOf(f.dataTypeID) })),
      next: async () => {
        if (done) return null;
        const page = pending ?? (await fetch());
        pending = null;
        if (page.rows.length < batchRows) done = true;
        if (page.rows.length === 0) {
          await close(true);
          return null;
        }
        return page.rows;
      },
      close: () => close(done),
    };
  }

  /** A statement with positional parameters. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  raw<T = any>(text: string, values: unknown[]): Promise<T> {
    return this.db.query(text, values);
  }

  /** Runs a query; with RETURNLENS_QUERY_TIMINGS=1 prints how long it took. */
  async timed<T>(
    text: string,
    values: unknown[],
    run: (text: string, values: unknown[]) => Promise<T[]> = (t, v) => this.db.query(t, v),
  ): Promise<T[]> {
    if (!process.env['RETURNLENS_QUERY_TIMINGS']) return run(text, values);
    const started = process.hrtime.bigint();
    const rows = await run(text, values);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.error(
      `query ${ms.toFixed(1)} ms, ${rows.length} rows: ${text.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
    return rows;
  }
}
