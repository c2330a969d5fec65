import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { IngestKind } from '@returnlens/shared/contracts';
import { DEFAULT_CALENDAR } from '@returnlens/shared/metrics';
import { APP_CONFIG, type AppConfig } from '@returnlens/api/shared/util';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';
import {
  bindSql,
  REBUILD_CALENDAR_DAYS_SQL,
  RAW_TABLES,
  ROLLUP_TABLES,
  type SqlParams,
  weekOf,
} from '@returnlens/api/shared/sql';
import {
  batchWeeksSql,
  CLAIM_TIMES,
  DERIVE_ALL_SUPPLIER_SQL,
  REFRESH_CLAIMS_CUBE_SQL,
  categoryChangeWeeksSql,
  refreshClaimsSql,
  refreshFeedbackSql,
  refreshReturnsCohortSql,
  refreshSalesSql,
  refreshSlaSql,
  touchedCohortWeeksSql,
  touchedWeeksSql,
  type RollupScope,
  type RowTime,
} from './rollups.sql';

/** Anything that runs a parameterised query: a pool client inside a transaction, or the pool. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The instants each fact kind's rollups are keyed by; catalogue kinds have none. */
const TIMED_KINDS: Partial<
  Record<IngestKind, { table: string; times: readonly RowTime[]; key: string }>
> = {
  claims: { table: 'claims', times: CLAIM_TIMES, key: 'external_id' },
  sales: { table: 'sales', times: [(a) => `${a}.ordered_at`], key: 'external_id' },
  feedback: { table: 'feedback', times: [(a) => `${a}.created_at`], key: 'external_id' },
};

const REFRESH: Partial<Record<IngestKind, (scope: RollupScope) => string[]>> = {
  claims: refreshClaimsSql,
  sales: refreshSalesSql,
  feedback: refreshFeedbackSql,
};

/** A rollup statement or lock wait longer than this is logged with the database's view of it. */
const SLOW_STATEMENT_MS = 20_000;

export interface RebuildProgress {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

/**
 * Keeps the weekly rollups equal to the raw tables: a batch refreshes the weeks it touched
 * inside its own transaction (so a rolled-back batch leaves the rollups as they were), and a
 * full rebuild recomputes everything (`npm run rollups -- rebuild`, or after the shop's time
 * zone changed).
 */
@Injectable()
export class RollupsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RollupsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureCalendar(this.db);
    const [state] = await this.db.query<{ time_zone: string }[]>(
      'SELECT time_zone FROM rollup_state WHERE shop_id = $1',
      [DEFAULT_SHOP_ID],
    );
    if (state?.time_zone !== this.config.shopTimeZone) {
      this.logger.log(
        state
          ? `Shop time zone changed (${state.time_zone} → ${this.config.shopTimeZone}): rebuilding rollups`
          : 'Building rollups',
      );
      await this.rebuild();
    }
  }

  /** The shop's business calendar exists (default: Monday–Friday 09:00–17:00 in its time zone). */
  async ensureCalendar(q: Queryable): Promise<void> {
    const inserted = (await q.query(
      `INSERT INTO business_calendars (shop_id, time_zone, working_days, hours, holidays)
       VALUES ($1, $2, $3, $4, '{}') ON CONFLICT (shop_id) DO NOTHING RETURNING shop_id`,
      [
        DEFAULT_SHOP_ID,
        this.config.shopTimeZone,
        DEFAULT_CALENDAR.workingDays,
        JSON.stringify(DEFAULT_CALENDAR.hours),
      ],
    )) as unknown[];
    const [{ days }] = (await q.query(
      'SELECT count(*)::int AS days FROM calendar_days WHERE shop_id = $1',
      [DEFAULT_SHOP_ID],
    )) as { days: number }[];
    if (inserted.length > 0 || days === 0) await this.runAll(q, REBUILD_CALENDAR_DAYS_SQL);
  }

  /**
   * Weeks the staged rows of a batch will touch, read before the merge replaces old rows; for a
   * catalogue batch, the weeks of the claims whose product changes category.
   */
  async touchedWeeks(client: PoolClient, kind: IngestKind, stage: string): Promise<string[]> {
    const timed = TIMED_KINDS[kind];
    if (!timed && kind !== 'products') return [];
    const { text, values } = bindSql(
      // A catalogue batch: the weeks whose claims change category (the claims cube).
      timed
        ? touchedWeeksSql(timed.table, timed.times, timed.key, stage)
        : categoryChangeWeeksSql(stage),
      this.params(),
    );
    const { rows } = await client.query<{ weeks: string[] }>(text, values);
    return rows[0].weeks.map(String);
  }

  /** Weeks of the rows a stored batch holds (a full scan of the kind's table). */
  async batchWeeks(kind: IngestKind, batchId: string): Promise<string[]> {
    const timed = TIMED_KINDS[kind];
    if (!timed) return [];
    const { text, values } = bindSql(batchWeeksSql(timed.table, timed.times), {
      ...this.params(),
      batch: batchId,
    });
    const [row] = await this.db.query<{ weeks: string[] }[]>(text, values);
    return row.weeks.map(String);
  }

  /**
   * Order weeks (return cohorts) the staged claims of a batch will touch, read before the
   * merge; empty for other kinds (a sales batch's cohorts are its own weeks).
   */
  async touchedCohortWeeks(client: PoolClient, kind: IngestKind, stage: string): Promise<string[]> {
    if (kind !== 'claims') return [];
    const { text, values } = bindSql(touchedCohortWeeksSql(stage), this.params());
    const { rows } = await client.query<{ weeks: string[] }>(text, values);
    return rows[0].weeks.map(String);
  }

  /**
   * Inside the batch's transaction, after its merge: the touched weeks recomputed, and for
   * claims the return cohorts they belong to (before and after the merge).
   */
  async refreshAfterMerge(
    client: PoolClient,
    kind: IngestKind,
    weeks: string[],
    cohortWeeks: string[] = [],
  ): Promise<void> {
    await this.lock(client);
    if (kind === 'products') {
      await this.runAll(client, DERIVE_ALL_SUPPLIER_SQL);
      if (weeks.length > 0)
        await this.runAll(client, REFRESH_CLAIMS_CUBE_SQL, { ...this.params(), weeks });
      return;
    }
    const refresh = REFRESH[kind];
    if (!refresh || weeks.length === 0) return;
    await this.runAll(client, refresh('weeks'), { ...this.params(), weeks });
    if (kind === 'claims' && cohortWeeks.length > 0)
      await this.runAll(client, refreshReturnsCohortSql('weeks', '{cohortWeeks}'), {
        ...this.params(),
        cohortWeeks,
      });
  }

  /**
   * Fresh planner statistics for `table` when the `changed` rows of a batch are a large part
   * of it (a fifth or more) or it was never analysed — before the rollups of the same
   * transaction read it. Statistics of an earlier, smaller data set can make the planner pick
   * a walk through the whole table per row (see migration `SalesOrderOrdered`); autovacuum
   * would only catch up after the commit.
   */
  async analyzeIfGrown(client: Queryable, table: string, changed: number): Promise<boolean> {
    if (changed === 0) return false;
    const answer = (await client.query('SELECT reltuples FROM pg_class WHERE oid = $1::regclass', [
      table,
    ])) as { rows: { reltuples: number }[] } | { reltuples: number }[];
    const [row] = Array.isArray(answer) ? answer : answer.rows;
    const known = Number(row?.reltuples ?? -1);
    if (known >= 0 && changed < 0.2 * known) return false;
    await client.query(`ANALYZE ${table}`);
    return true;
  }

  /** Every rollup recomputed from the raw tables, in one transaction. */
  async rebuild(onProgress?: (p: RebuildProgress) => void): Promise<void> {
    const steps: [string, string[]][] = [
      ['claims', refreshClaimsSql('all')],
      ['sales', refreshSalesSql('all')],
      ['feedback', refreshFeedbackSql('all')],
    ];
    const total = steps.reduce((n, [, sql]) => n + sql.length, 0);
    let done = 0;
    await this.db.transaction(async (manager) => {
      const q: Queryable = { query: (sql, params) => manager.query(sql, params) };
      await manager.query(`SET LOCAL work_mem = '256MB'`);
      await this.lock(q);
      await this.ensureCalendar(q);
      // Fresh planner statistics on what the rollups read: a rebuild follows bulk loads
      // (demo data, a restore) that autovacuum has not caught up with yet.
      await q.query(`ANALYZE ${RAW_TABLES.join(', ')}`);
      for (const [step, statements] of steps) {
        for (const sql of statements) {
          await this.runAll(q, [sql]);
          onProgress?.({ step, done: ++done, total });
        }
      }
      // Fresh planner statistics: the rollups' sizes just changed wholesale.
      await q.query(`ANALYZE ${ROLLUP_TABLES.join(', ')}`);
      await q.query(
        `INSERT INTO rollup_state (shop_id, time_zone, rebuilt_at) VALUES ($1, $2, now())
         ON CONFLICT (shop_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, rebuilt_at = now()`,
        [DEFAULT_SHOP_ID, this.config.shopTimeZone],
      );
    });
  }

  /**
   * The rollups of every week the stored rows of `kind` meeting `condition` (SQL over `t`,
   * with named parameters `params`) fall in, recomputed: after something they are counted by
   * changed without a batch of theirs (a reason moved to another category, a sale line named
   * the seller of claims and reviews stored before it). Returns those weeks.
   */
  async refreshStored(
    q: Queryable,
    kind: 'claims' | 'feedback',
    condition: string,
    params: Record<string, unknown> = {},
  ): Promise<string[]> {
    await this.lock(q);
    const timed = TIMED_KINDS[kind]!;
    const { text, values } = bindSql(
      `SELECT COALESCE(array_agg(DISTINCT to_char(w, 'YYYY-MM-DD')) FILTER (WHERE w IS NOT NULL), '{}') AS weeks
         FROM ${timed.table} t CROSS JOIN LATERAL unnest(ARRAY[${timed.times.map((time) => `(${weekOf(time('t'))})`).join(', ')}]) AS w
        WHERE t.shop_id = {shop} AND (${condition})`,
      { ...this.params(), ...params },
    );
    // A pool client answers a result, TypeORM's manager its rows.
    const answer = (await q.query(text, values)) as
      { rows: { weeks: string[] }[] } | { weeks: string[] }[];
    const [{ weeks }] = Array.isArray(answer) ? answer : answer.rows;
    const list = weeks.map(String);
    if (list.length)
      await this.runAll(q, REFRESH[kind]!('weeks'), { ...this.params(), weeks: list });
    return list;
  }

  /** After the SLA policies or the calendar changed: SLA rollups recomputed for all weeks. */
  async rebuildSla(q: Queryable): Promise<void> {
    await this.lock(q);
    await this.runAll(q, REBUILD_CALENDAR_DAYS_SQL);
    await this.runAll(q, refreshSlaSql('all'));
  }

  /**
   * One refresher at a time per shop: overlapping weeks of two batches never interleave.
   * The data-version row is taken first, as every write to a source table takes it (its
   * trigger), so a rebuild and a batch always lock in the same order and never deadlock.
   */
  private async lock(q: Queryable) {
    await this.watched('waiting for the rollups lock', async () => {
      await q.query('UPDATE data_version SET version = version + 1, changed_at = now()');
      await q.query(`SELECT pg_advisory_xact_lock(hashtext('returnlens:rollups'), $1)`, [
        DEFAULT_SHOP_ID,
      ]);
    });
  }

  /**
   * Runs `work`; when it takes longer than SLOW_STATEMENT_MS, logs once what the database's
   * busy sessions are doing and who blocks them — a rebuild waiting on a lock and a rebuild
   * on a bad plan look the same from outside, and only the server can tell them apart.
   */
  private async watched<T>(what: string, work: () => Promise<T>): Promise<T> {
    const timer = setTimeout(() => {
      this.db
        .query<
          { pid: number; waiting: string | null; blockers: number[]; secs: number; query: string }[]
        >(
          `SELECT pid, wait_event_type || ':' || wait_event AS waiting, pg_blocking_pids(pid) AS blockers,
                  extract(epoch FROM now() - query_start)::int AS secs,
                  left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
             FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND state <> 'idle' AND backend_type = 'client backend'
            ORDER BY query_start`,
        )
        .then((sessions) =>
          this.logger.warn(
            `Rollups slow (${what}, over ${SLOW_STATEMENT_MS / 1000} s); busy sessions: ` +
              sessions
                .map(
                  (s) =>
                    `pid ${s.pid} ${s.secs} s ${s.waiting ?? 'running'}` +
                    (s.blockers.length ? ` blocked by ${s.blockers.join(',')}` : '') +
                    `: ${s.query}`,
                )
                .join(' | '),
          ),
        )
        .catch(() => undefined);
    }, SLOW_STATEMENT_MS);
    timer.unref();
    try {
      return await work();
    } finally {
      clearTimeout(timer);
    }
  }

  private params(): SqlParams {
    return { shop: DEFAULT_SHOP_ID, tz: this.config.shopTimeZone };
  }

  private async runAll(q: Queryable, statements: readonly string[], params = this.params()) {
    const timed = process.env['RETURNLENS_INGEST_TIMINGS'] ? new Map<string, number>() : null;
    for (const sql of statements) {
      const { text, values } = bindSql(sql, params);
      const started = Date.now();
      const name =
        /(?:INTO|FROM|TABLE)\s+(?:IF EXISTS\s+)?(\w+)/.exec(text)?.[1] ?? text.slice(0, 30);
      await this.watched(name, () => q.query(text, values));
      if (timed) timed.set(name, (timed.get(name) ?? 0) + Date.now() - started);
    }
    if (timed && timed.size > 1)
      console.error(`rollup timings (ms) ${JSON.stringify(Object.fromEntries(timed))}`);
  }
}
