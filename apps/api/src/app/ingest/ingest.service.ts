import { createHash } from 'node:crypto';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  Inject,
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
  IngestFormat,
  IngestKind,
  IngestMapping,
  MappingSuggestion,
  RowError,
} from '@returnlens/shared/contracts';
import { createRowValidator, fieldsOf, suggestMapping } from '@returnlens/shared/ingest';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { copyLine, copyText, type CopyValue } from '../database/copy-rows';
import { DEFAULT_SHOP_ID } from '../database/shop-owned';
import { EnrichService } from '../enrich/enrich.service';
import { isDatabaseUnavailable } from '../errors/error-classification';
import { RollupsService } from '../rollups/rollups.service';
import {
  KIND_TABLES,
  STAGE_TABLE,
  createStageSql,
  mergeSql,
  rejectDuplicatesSql,
  unlinkedSql,
} from './ingest.tables';
import { InputError, isUnreadable, openSource, type ReadItem } from './readers';

export interface IngestRequest {
  readonly kind: IngestKind;
  readonly format: Exclude<IngestFormat, 'generated'>;
  readonly body: Readable;
  /** Explicit mapping; when absent, the named preset; when absent too, a confident suggestion. */
  readonly mapping?: IngestMapping;
  readonly preset?: string;
  readonly dryRun?: boolean;
  readonly idempotencyKey?: string;
  readonly sourceName?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly onProgress?: (progress: { rows: number; rejected: number }) => void;
}

/** No mapping was given and the headers could not be matched with confidence. */
export class MappingNeededError extends Error {
  constructor(readonly suggestion: MappingSuggestion) {
    super(
      `The columns could not all be matched: ${suggestion.missingRequired.join(', ')} ` +
        `${suggestion.missingRequired.length === 1 ? 'has' : 'have'} no column. Send a mapping (see the suggestion) or a preset name.`,
    );
    this.name = 'MappingNeededError';
  }
}

/** A retried request whose first attempt is still running. */
export class BatchInProgressError extends Error {
  constructor(readonly batchId: string) {
    super(
      `A request with this Idempotency-Key is still being processed (batch ${batchId}); retry later.`,
    );
    this.name = 'BatchInProgressError';
  }
}

/** How a batch stopped by a server-side fault starts its error (never the fault itself). */
const INTERNAL_FAILURE = 'An internal error stopped this batch';

/** The batch failed as a whole (unreadable file, or a server-side fault); nothing of it was stored. */
export class BatchFailedError extends Error {
  /** A server-side fault rather than a problem of the file. */
  readonly internal: boolean;

  constructor(
    message: string,
    readonly report: BatchReport | null,
    options?: { cause?: unknown; internal?: boolean },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'BatchFailedError';
    this.internal = options?.internal ?? message.startsWith(INTERNAL_FAILURE);
  }
}

const ABANDONED_SWEEP_MS = 10_000;

/** Another request holds this Idempotency-Key: wait for its answer instead of loading twice. */
class KeyInUseError extends Error {}

const INTERRUPTED =
  'Interrupted: the server or its database stopped during this batch. Nothing of it was stored; send the file again.';
/** Said of an interrupted batch whose Idempotency-Key was released for the retry. */
const KEY_RELEASED = ' Its Idempotency-Key was released: a retry with the same key runs again.';

const SAMPLE = 20;

/**
 * PostgreSQL text cannot hold NUL: the kept copy of a rejected row shows it as ␀ (the row
 * itself is rejected for it, so no stored value is ever changed).
 */
function storable(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\u2400') : text;
}

function errorsJson(errors: readonly RowError[]): string {
  return JSON.stringify(errors, (_key, value: unknown) =>
    typeof value === 'string' ? storable(value) : value,
  );
}

function rowErrorsFor(item: ReadItem): RowError[] {
  return isUnreadable(item)
    ? [{ field: '(row)', value: item.rawText.slice(0, 200), message: item.message }]
    : [];
}

/**
 * The bulk path (DESIGN.md §4): stream → validate → COPY into a staging table → reject
 * in-file duplicates → one INSERT … ON CONFLICT merge, all in one transaction, so a batch
 * is stored entirely or not at all; every bad row is kept with all its errors.
 */
@Injectable()
export class IngestService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Ingest');
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupsService,
    private readonly enrich: EnrichService,
  ) {}

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

  async suggest(
    kind: IngestKind,
    format: Exclude<IngestFormat, 'generated'>,
    body: Readable,
    csv: { encoding?: string; delimiter?: string },
  ) {
    const source = await openSource(format, body, csv);
    return { ...suggestMapping(kind, source.headers), details: source.details };
  }

  async ingest(request: IngestRequest): Promise<BatchReport> {
    if (request.idempotencyKey) {
      const previous = await this.replay(request.idempotencyKey);
      if (previous) {
        await drain(request.body);
        return previous;
      }
    }
    const hash = createHash('sha256');
    const tap = new PassThrough();
    tap.on('data', (chunk: Buffer) => hash.update(chunk));
    // pipeline, not pipe: a failing request stream must end the read, not the process.
    const source = await openSource(
      request.format,
      pipeline(request.body, tap, () => undefined),
      {
        encoding: request.encoding,
        delimiter: request.delimiter,
      },
    );
    const mapping = await this.resolveMapping(request, source.headers);
    if (request.format === 'csv' || request.format === 'arrow') {
      assertMappedColumnsExist(request.kind, mapping, source.headers);
    }

    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let batchId: string | null = null;
    let keyInUse = false;
    try {
      if (!request.dryRun) batchId = await this.openBatch(client, request, mapping);
      await client.query('BEGIN');
      // Sorts and hashes over a large staging table stay in memory (the server's, not ours).
      await client.query(`SET LOCAL work_mem = '256MB'`);
      if (request.dryRun) {
        batchId = await this.openBatch(client, request, mapping); // rolled back with the rest
      }
      const report = await this.load(
        client,
        request,
        mapping,
        source.batches,
        batchId as string,
        () => hash.digest('hex'),
      );
      if (request.dryRun) {
        await client.query('ROLLBACK');
        return { ...report, id: 'dry-run', status: 'dry_run' };
      }
      await client.query(
        `UPDATE ingest_batches SET status = 'committed', finished_at = now(), received_count = $2, inserted_count = $3,
                updated_count = $4, unchanged_count = $5, rejected_count = $6, unlinked_count = $7, checksum = $8
          WHERE id = $1`,
        [
          batchId,
          report.received,
          report.inserted,
          report.updated,
          report.unchanged,
          report.rejected,
          report.unlinked,
          report.checksum,
        ],
      );
      await client.query('COMMIT');
      const final = await this.report(batchId as string);
      // Replayed to a retried request with the same Idempotency-Key.
      await client.query('UPDATE ingest_batches SET response = $2 WHERE id = $1', [
        batchId,
        JSON.stringify(final),
      ]);
      this.logger.log(
        `Batch ${batchId} (${request.kind}): ${final.received} rows, ${final.inserted} inserted, ${final.updated} updated, ${final.rejected} rejected`,
      );
      return final;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // Only messages written for the shop owner go out; anything else (a database error,
      // a bug) is logged here and reported in plain words, with no SQL or stack in it.
      const forUser =
        error instanceof InputError ||
        error instanceof EmptyBatchError ||
        error instanceof BatchInProgressError;
      // A lost database interrupts the batch like a crash: the key is released for the retry.
      // (Usually the UPDATE below cannot run either; failAbandonedBatches does it later.)
      const lost = isDatabaseUnavailable(error);
      if (!forUser && !lost && !(error instanceof KeyInUseError)) {
        this.logger.error(
          `Batch ${batchId ?? '(dry run)'} (${request.kind}) failed: ${(error as Error)?.stack ?? String(error)}`,
        );
      }
      if (error instanceof KeyInUseError) {
        keyInUse = true;
      } else if (batchId && !request.dryRun) {
        const message = forUser
          ? (error as Error).message
          : lost
            ? INTERRUPTED
            : `${INTERNAL_FAILURE} (batch ${batchId}); nothing of it was stored. Send the file again; if it fails again, report the batch number.`;
        await client
          .query(
            `UPDATE ingest_batches SET status = 'failed', finished_at = now(), error = $2,
                    idempotency_key = CASE WHEN $3 THEN NULL ELSE idempotency_key END WHERE id = $1`,
            [batchId, message.slice(0, 2000), lost],
          )
          .catch(() => undefined);
        const failed = await this.report(batchId).catch(() => null);
        if (failed) {
          await client
            .query(`UPDATE ingest_batches SET response = $2 WHERE id = $1`, [
              batchId,
              JSON.stringify(failed),
            ])
            .catch(() => undefined);
        }
        throw new BatchFailedError(message, failed, { cause: error, internal: !forUser && !lost });
      } else {
        throw error;
      }
    } finally {
      if (batchId && !request.dryRun) {
        await client
          .query(`SELECT pg_advisory_unlock(hashtext('returnlens:batch'), $1::int)`, [batchId])
          .catch(() => undefined);
      }
      await runner.release();
    }
    // Only reached when a concurrent request with the same key opened its batch first:
    // this one answers with that batch's report once it is done (docs/reliability.md).
    if (keyInUse && request.idempotencyKey) {
      await drain(request.body);
      const previous = await this.replay(request.idempotencyKey);
      if (previous) return previous;
    }
    throw new BatchInProgressError('?');
  }

  private async replay(key: string): Promise<BatchReport | null> {
    for (let waited = 0; ; waited += 250) {
      const [row] = await this.db.query<
        { id: string; status: string; response: BatchReport | null }[]
      >(
        'SELECT id, status, response FROM ingest_batches WHERE shop_id = $1 AND idempotency_key = $2',
        [DEFAULT_SHOP_ID, key],
      );
      if (!row) return null;
      if (row.status !== 'running' && row.response) {
        if (row.status === 'failed')
          throw new BatchFailedError(row.response.error ?? 'The batch failed', row.response);
        return row.response;
      }
      if (row.status !== 'running') return this.report(row.id);
      if (waited > 120_000) throw new BatchInProgressError(row.id);
      // Its process may be gone (or its database connection was): then it is failed now and
      // its key released, and the next turn of the loop finds no batch for the key.
      await this.failAbandonedBatches();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async resolveMapping(
    request: IngestRequest,
    headers: readonly string[],
  ): Promise<IngestMapping> {
    if (request.mapping) return request.mapping;
    if (request.preset) {
      const [preset] = await this.db.query<{ kind: string; mapping: IngestMapping }[]>(
        'SELECT kind, mapping FROM mapping_presets WHERE shop_id = $1 AND name = $2',
        [DEFAULT_SHOP_ID, request.preset],
      );
      if (!preset)
        throw new MappingPresetError(`There is no mapping preset named "${request.preset}".`);
      if (preset.kind !== request.kind) {
        throw new MappingPresetError(
          `Mapping preset "${request.preset}" is for ${preset.kind}, not ${request.kind}.`,
        );
      }
      return preset.mapping;
    }
    const suggestion = suggestMapping(request.kind, headers);
    if (!suggestion.confident) throw new MappingNeededError(suggestion);
    return suggestion.mapping;
  }

  private async openBatch(
    client: PoolClient,
    request: IngestRequest,
    mapping: IngestMapping,
  ): Promise<string> {
    // The batch's advisory lock is taken in the statement that creates its row, so no other
    // session ever sees a running batch without its lock (failAbandonedBatches relies on it).
    const { rows } = await client.query<{ id: string }>(
      `WITH opened AS (
         INSERT INTO ingest_batches (shop_id, kind, format, status, source_name, idempotency_key, mapping)
         VALUES ($1, $2, $3, 'running', $4, $5, $6)
         ON CONFLICT (shop_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id)
       SELECT id::text, CASE WHEN $7 THEN NULL ELSE pg_advisory_lock(hashtext('returnlens:batch'), id::int) END
         FROM opened`,
      [
        DEFAULT_SHOP_ID,
        request.kind,
        request.format,
        request.sourceName ?? null,
        request.dryRun ? null : (request.idempotencyKey ?? null),
        JSON.stringify(mapping),
        request.dryRun === true,
      ],
    );
    // A concurrent request with the same key got there first.
    if (!rows[0]) throw new KeyInUseError();
    return rows[0].id;
  }

  private async load(
    client: PoolClient,
    request: IngestRequest,
    mapping: IngestMapping,
    batches: AsyncIterable<readonly ReadItem[]>,
    batchId: string,
    checksum: () => string,
  ) {
    const spec = KIND_TABLES[request.kind];
    const validate = createRowValidator(request.kind, mapping, {
      shopTimeZone: this.config.shopTimeZone,
      decimalSeparator: request.delimiter === ';' ? ',' : 'auto',
    });
    await client.query(createStageSql(spec));
    let rows = 0;
    let rejected = 0;
    const columns = ['row_number', 'ok', 'raw', 'errors', ...spec.columns.map((c) => c.column)];
    const empty = spec.columns.map(() => null);

    /** Each batch of records becomes one chunk of COPY text for the staging table. */
    async function* staged(): AsyncGenerator<string> {
      for await (const batch of batches) {
        const lines: string[] = [];
        for (const item of batch) {
          rows++;
          if (isUnreadable(item)) {
            rejected++;
            lines.push(
              copyLine([
                item.rowNumber,
                false,
                storable(item.rawText),
                errorsJson(rowErrorsFor(item)),
                ...empty,
              ]),
            );
            continue;
          }
          const result = validate(item.raw);
          if (result.ok) {
            const record = result.record;
            lines.push(
              copyLine([
                item.rowNumber,
                true,
                null,
                null,
                ...spec.columns.map((c) => record[c.field] as CopyValue),
              ]),
            );
          } else {
            rejected++;
            lines.push(
              copyLine([
                item.rowNumber,
                false,
                storable(item.rawText),
                errorsJson(result.errors),
                ...empty,
              ]),
            );
          }
        }
        request.onProgress?.({ rows, rejected });
        yield lines.join('\n') + '\n';
      }
    }
    const timings: Record<string, number> = {};
    let mark = Date.now();
    const lap = (name: string) => {
      timings[name] = Date.now() - mark;
      mark = Date.now();
    };
    await copyText(client, STAGE_TABLE, columns, staged());
    lap('read+validate+copy');
    request.onProgress?.({ rows, rejected });
    if (rows === 0) throw new EmptyBatchError();

    const duplicates = await client.query(rejectDuplicatesSql(spec));
    rejected += duplicates.rowCount ?? 0;
    lap('duplicates');
    const unlinked = spec.countsUnlinked
      ? (await client.query<{ unlinked: number }>(unlinkedSql(), [DEFAULT_SHOP_ID])).rows[0]
          .unlinked
      : 0;
    lap('unlinked');
    // Rollups: the weeks this batch touches (old and new values), recomputed after the merge
    // in the same transaction.
    const touchedWeeks = request.dryRun
      ? []
      : await this.rollups.touchedWeeks(client, request.kind, STAGE_TABLE);
    const merged = (
      await client.query<{ inserted: number; updated: number }>(mergeSql(spec), [
        DEFAULT_SHOP_ID,
        batchId,
      ])
    ).rows[0];
    lap('merge');
    // Text enrichment (apps/api/src/app/enrich): inferred reasons of claims; language,
    // sentiment and aspects of feedback — before the rollups, which count them.
    if (!request.dryRun) await this.enrich.afterMerge(client, request.kind, STAGE_TABLE, batchId);
    lap('enrich');
    if (!request.dryRun) await this.rollups.refreshAfterMerge(client, request.kind, touchedWeeks);
    lap('rollups');
    await client.query(
      `INSERT INTO rejected_rows (batch_id, row_number, raw, errors)
       SELECT $1, row_number, raw, errors FROM ${STAGE_TABLE} WHERE NOT ok`,
      [batchId],
    );
    const sample = (
      await client.query<{ rowNumber: number; errors: RowError[] }>(
        `SELECT row_number AS "rowNumber", errors FROM ${STAGE_TABLE} WHERE NOT ok ORDER BY row_number LIMIT ${SAMPLE}`,
      )
    ).rows;
    const preview = request.dryRun
      ? (
          await client.query(
            `SELECT ${spec.columns.map((c) => `${c.column} AS "${c.field}"`).join(', ')} FROM ${STAGE_TABLE} WHERE ok ORDER BY row_number LIMIT ${SAMPLE}`,
          )
        ).rows
      : undefined;
    lap('rejected+sample');
    this.logger.debug(`Batch ${batchId} timings (ms): ${JSON.stringify(timings)}`);
    if (process.env['RETURNLENS_INGEST_TIMINGS'])
      console.error(`ingest timings (ms) ${JSON.stringify(timings)}`);
    const accepted = rows - rejected;
    const result = {
      received: rows,
      inserted: merged.inserted,
      updated: merged.updated,
      unchanged: accepted - merged.inserted - merged.updated,
      rejected,
      unlinked,
      checksum: checksum(),
    };
    const body: BatchReport = {
      id: batchId,
      kind: request.kind,
      format: request.format,
      status: request.dryRun ? 'dry_run' : 'committed',
      sourceName: request.sourceName ?? null,
      ...result,
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      error: null,
      rejectedSample: sample,
      ...(preview ? { preview } : {}),
    };
    return body;
  }

  /** The report of a stored batch. */
  async report(id: string): Promise<BatchReport> {
    const [row] = await this.db.query(
      `SELECT id::text, kind, format, status, source_name AS "sourceName", checksum, received_count AS received,
              inserted_count AS inserted, updated_count AS updated, unchanged_count AS unchanged,
              rejected_count AS rejected, unlinked_count AS unlinked, started_at AS "startedAt",
              finished_at AS "finishedAt", error
         FROM ingest_batches WHERE shop_id = $1 AND id = $2`,
      [DEFAULT_SHOP_ID, id],
    );
    if (!row) throw new BatchNotFoundError(id);
    const sample = await this.db.query(
      `SELECT row_number AS "rowNumber", errors FROM rejected_rows WHERE batch_id = $1 ORDER BY row_number LIMIT ${SAMPLE}`,
      [id],
    );
    return {
      ...row,
      startedAt: new Date(row.startedAt).toISOString(),
      finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
      rejectedSample: sample,
    };
  }
}

/**
 * Reads the rest of an upload that is answered without it (a replay): a client still
 * sending its body would otherwise get a broken pipe instead of the answer.
 */
async function drain(body: Readable): Promise<void> {
  body.unpipe();
  body.resume();
  await finished(body).catch(() => undefined);
}

export class EmptyBatchError extends Error {
  constructor() {
    super('The file has no data rows.');
    this.name = 'EmptyBatchError';
  }
}

export class BatchNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`There is no batch ${id}.`);
    this.name = 'BatchNotFoundError';
  }
}

/** The mapping names, for a required field, a column the file's header (CSV, Arrow) lacks. */
export class MappingColumnsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingColumnsError';
  }
}

/**
 * A required field's column must be in the header: otherwise every row would be rejected
 * for the same reason. (An optional field's column may be absent: one mapping or preset
 * serves exports with and without it.) A field with a default may lack its column.
 */
export function assertMappedColumnsExist(
  kind: IngestKind,
  mapping: IngestMapping,
  headers: readonly string[],
): void {
  const present = new Set(headers);
  const absent = fieldsOf(kind)
    .filter((field) => field.required && mapping.defaults?.[field.name] === undefined)
    .map((field) => [field.name, mapping.columns[field.name]] as const)
    .filter(([, column]) => column !== undefined && !present.has(column));
  if (absent.length === 0) return;
  const shown = headers.slice(0, 30).map((h) => `"${h}"`);
  if (headers.length > 30) shown.push(`… (${headers.length} in all)`);
  throw new MappingColumnsError(
    `The mapping names ${absent.length === 1 ? 'a column' : 'columns'} the file does not have: ` +
      absent.map(([field, column]) => `"${column}" (for ${field}, which is required)`).join(', ') +
      `. The file's columns are ${shown.join(', ')}. Fix the mapping, or give a default for that field.`,
  );
}

export class MappingPresetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingPresetError';
  }
}
