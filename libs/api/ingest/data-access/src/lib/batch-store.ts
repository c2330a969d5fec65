import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type {
  BatchReport,
  IngestMapping,
  RejectedSummaryEntry,
  RowError,
} from '@returnlens/shared/contracts';
import {
  BatchFailedError,
  BatchInProgressError,
  BatchNotFoundError,
  KeyInUseError,
  type RejectedRow,
} from '@returnlens/api/ingest/util';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';

const ABANDONED_SWEEP_MS = 10_000;

export const INTERRUPTED =
  'Interrupted: the server or its database stopped during this batch. Nothing of it was stored; send the file again.';
/** Said of an interrupted batch whose Idempotency-Key was released for the retry. */
const KEY_RELEASED = ' Its Idempotency-Key was released: a retry with the same key runs again.';

/** Rejected rows shown in a batch report. */
export const REPORT_SAMPLE = 20;

/** Rejected rows read per query of a CSV download. */
const REJECTED_PAGE = 1000;

/**
 * A batch's text analysis as its report says it (BatchReport.analysis): status, texts
 * analysed and to analyse; null when the batch has none.
 */
const ANALYSIS = `CASE WHEN analysis_status IS NULL THEN NULL ELSE json_build_object(
  'status', analysis_status, 'analysed', coalesce(analysis_done, 0), 'total', coalesce(analysis_total, 0)) END AS analysis`;

/** What a batch's row says of it when it opens. */
export interface OpeningBatch {
  readonly kind: string;
  readonly format: string;
  readonly sourceName?: string;
  readonly idempotencyKey?: string;
  /**
   * Whose key it is (`token:<id>`, `session:<user id>`; empty for the command line): a key is
   * unique per caller and kind, never across them.
   */
  readonly principal?: string;
  readonly dryRun?: boolean;
}

/** The counts a committed batch's row keeps. */
export interface BatchCounts {
  readonly received: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly unlinked: number;
  readonly checksum: string | null;
  /** Rejected rows kept in full, and the others counted by field and message. */
  readonly rejectedKept: number;
  readonly rejectedSummary: readonly RejectedSummaryEntry[];
}

/**
 * The life of a batch's row in `ingest_batches`: opened `running` under an advisory lock on
 * its id, then committed or failed; its report kept for a retry with the same
 * Idempotency-Key; batches of a process that died found and failed
 * (docs/reliability.md, "Interrupted batches").
 */
@Injectable()
export class BatchStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Ingest');
  private sweeper: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Batches left `running` by a process that died are marked failed (their rows were rolled back). */
  async onApplicationBootstrap(): Promise<void> {
    await this.failAbandonedBatches();
    // Also while running: a batch of a killed process may hold its lock a little longer
    // (its session ends only when PostgreSQL notices), or PostgreSQL restarted under us.
    this.sweeper = setInterval(
      () => void this.failAbandonedBatches().catch(() => undefined),
      ABANDONED_SWEEP_MS,
    );
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /**
   * A live batch holds an advisory lock on its id from the statement that creates its row;
   * one nobody holds was abandoned (the API was killed, or PostgreSQL restarted under it).
   * It is marked failed and its Idempotency-Key released, so the client's retry runs.
   */
  async failAbandonedBatches(): Promise<number> {
    const rows = await this.db.query<{ id: string }[]>(
      `WITH failed AS (
         UPDATE ingest_batches SET status = 'failed', finished_at = now(), idempotency_key = NULL,
                error = $1 || CASE WHEN idempotency_key IS NULL THEN '' ELSE $2 END
          WHERE status = 'running' AND pg_try_advisory_lock(hashtext('returnlens:batch'), id::int)
          RETURNING id)
       SELECT id FROM failed`,
      [INTERRUPTED, KEY_RELEASED],
    );
    if (rows.length) {
      await this.db.query(
        `SELECT pg_advisory_unlock(hashtext('returnlens:batch'), id::int) FROM unnest($1::bigint[]) AS id`,
        [rows.map((r) => r.id)],
      );
      this.logger.warn(`Marked ${rows.length} interrupted batch(es) as failed`);
    }
    return rows.length;
  }

  /**
   * The answer already given to a request of this caller and kind with this Idempotency-Key:
   * its report once it is done (a failed one is thrown again), after waiting while it runs;
   * null for a new key.
   */
  async replay(principal: string, kind: string, key: string): Promise<BatchReport | null> {
    for (let waited = 0; ; waited += 250) {
      const [row] = await this.db.query<
        {
          id: string;
          status: string;
          response: BatchReport | null;
          analysis: BatchReport['analysis'];
        }[]
      >(
        `SELECT id, status, response, ${ANALYSIS} FROM ingest_batches
          WHERE shop_id = $1 AND idempotency_scope = $2 AND kind = $3 AND idempotency_key = $4`,
        [DEFAULT_SHOP_ID, principal, kind, key],
      );
      if (!row) return null;
      if (row.status !== 'running' && row.response) {
        if (row.status === 'failed')
          throw new BatchFailedError(row.response.error ?? 'The batch failed', row.response);
        // The analysis goes on after the answer was kept: its state now.
        return row.analysis ? { ...row.response, analysis: row.analysis } : row.response;
      }
      if (row.status !== 'running') return this.report(row.id);
      if (waited > 120_000) throw new BatchInProgressError(row.id);
      // Its process may be gone (or its database connection was): then it is failed now and
      // its key released, and the next turn of the loop finds no batch for the key.
      await this.failAbandonedBatches();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /**
   * Opens a batch's row on `client`. Its advisory lock is taken in the statement that creates
   * the row, so no other session ever sees a running batch without its lock
   * (failAbandonedBatches relies on it). Throws KeyInUseError when a concurrent request with
   * the same key got there first.
   */
  async open(client: PoolClient, batch: OpeningBatch, mapping: IngestMapping): Promise<string> {
    const { rows } = await client.query<{ id: string }>(
      `WITH opened AS (
         INSERT INTO ingest_batches (shop_id, kind, format, status, source_name, idempotency_key, mapping, idempotency_scope)
         VALUES ($1, $2, $3, 'running', $4, $5, $6, $8)
         ON CONFLICT (shop_id, idempotency_scope, kind, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id)
       SELECT id::text, CASE WHEN $7 THEN NULL ELSE pg_advisory_lock(hashtext('returnlens:batch'), id::int) END
         FROM opened`,
      [
        DEFAULT_SHOP_ID,
        batch.kind,
        batch.format,
        batch.sourceName ?? null,
        batch.dryRun ? null : (batch.idempotencyKey ?? null),
        JSON.stringify(mapping),
        batch.dryRun === true,
        batch.principal ?? '',
      ],
    );
    if (!rows[0]) throw new KeyInUseError();
    return rows[0].id;
  }

  /** Inside the batch's transaction: its counts, and status committed. */
  async markCommitted(client: PoolClient, id: string, counts: BatchCounts): Promise<void> {
    await client.query(
      `UPDATE ingest_batches SET status = 'committed', finished_at = now(), received_count = $2, inserted_count = $3,
              updated_count = $4, unchanged_count = $5, rejected_count = $6, unlinked_count = $7, checksum = $8,
              rejected_kept = $9, rejected_summary = $10
        WHERE id = $1`,
      [
        id,
        counts.received,
        counts.inserted,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        counts.unlinked,
        counts.checksum,
        counts.rejectedKept,
        JSON.stringify(counts.rejectedSummary),
      ],
    );
  }

  /**
   * After the rollback: status failed with its message; the key released when asked; the
   * body's checksum when it was received in full (a retry with another file is told apart).
   */
  async markFailed(
    client: PoolClient,
    id: string,
    message: string,
    releaseKey: boolean,
    checksum: string | null = null,
  ): Promise<void> {
    await client.query(
      `UPDATE ingest_batches SET status = 'failed', finished_at = now(), error = $2, checksum = $4,
              idempotency_key = CASE WHEN $3 THEN NULL ELSE idempotency_key END WHERE id = $1`,
      [id, message.slice(0, 2000), releaseKey, checksum],
    );
  }

  /** The answer replayed to a retried request with the same Idempotency-Key. */
  async keepResponse(client: PoolClient, id: string, report: BatchReport): Promise<void> {
    await client.query('UPDATE ingest_batches SET response = $2 WHERE id = $1', [
      id,
      JSON.stringify(report),
    ]);
  }

  async unlock(client: PoolClient, id: string): Promise<void> {
    await client.query(`SELECT pg_advisory_unlock(hashtext('returnlens:batch'), $1::int)`, [id]);
  }

  /**
   * The report of a stored batch. Its warnings (and their codes) are those of the report kept
   * for a retry (keepResponse), the one place a batch's row holds them. Messages are stored in
   * English; the caller writes them in the reader's language (localizeBatchReport).
   */
  async report(id: string): Promise<BatchReport> {
    const [row] = await this.db.query(
      `SELECT id::text, kind, format, status, source_name AS "sourceName", checksum, received_count AS received,
              inserted_count AS inserted, updated_count AS updated, unchanged_count AS unchanged,
              rejected_count AS rejected, unlinked_count AS unlinked, started_at AS "startedAt",
              finished_at AS "finishedAt", error,
              coalesce(response -> 'warnings', '[]'::jsonb) AS warnings,
              coalesce(response -> 'warningCodes', '[]'::jsonb) AS "warningCodes",
              coalesce(rejected_kept, rejected_count) AS "rejectedKept",
              coalesce(rejected_summary, '[]'::jsonb) AS "rejectedSummary", ${ANALYSIS}
         FROM ingest_batches WHERE shop_id = $1 AND id = $2`,
      [DEFAULT_SHOP_ID, id],
    );
    if (!row) throw new BatchNotFoundError(id);
    const sample = await this.db.query(
      `SELECT row_number AS "rowNumber", errors FROM rejected_rows WHERE batch_id = $1 ORDER BY row_number LIMIT ${REPORT_SAMPLE}`,
      [id],
    );
    return {
      ...row,
      startedAt: new Date(row.startedAt).toISOString(),
      finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
      rejectedSample: sample,
    };
  }

  /** The latest batches, newest first. */
  list(limit: number) {
    return this.db.query(
      `SELECT id::text, kind, format, status, source_name AS "sourceName", received_count AS received,
              inserted_count AS inserted, updated_count AS updated, unchanged_count AS unchanged,
              rejected_count AS rejected, unlinked_count AS unlinked, started_at AS "startedAt",
              finished_at AS "finishedAt", error, ${ANALYSIS}
         FROM ingest_batches WHERE shop_id = $1 ORDER BY ingest_batches.id DESC LIMIT $2`,
      [DEFAULT_SHOP_ID, limit],
    );
  }

  /** One page of a batch's rejected rows, in row order. */
  rejectedPage(
    id: number,
    offset: number,
    limit: number,
  ): Promise<{ rowNumber: number; raw: string; errors: RowError[] }[]> {
    return this.db.query(
      `SELECT row_number AS "rowNumber", raw, errors FROM rejected_rows WHERE batch_id = $1
        ORDER BY row_number OFFSET $2 LIMIT $3`,
      [id, offset, limit],
    );
  }

  /**
   * Every kept rejected row of a batch, in row order, read a page at a time (keyset by row
   * number; one short query per page, so no connection is held between pages) as fast as the
   * consumer asks for them.
   */
  async *rejectedRows(id: number): AsyncGenerator<RejectedRow> {
    for (let after = -1; ;) {
      const page = await this.db.query<RejectedRow[]>(
        `SELECT row_number AS "rowNumber", raw, errors FROM rejected_rows
          WHERE batch_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`,
        [id, after, REJECTED_PAGE],
      );
      yield* page;
      if (page.length < REJECTED_PAGE) return;
      after = page[page.length - 1].rowNumber;
    }
  }
}
