import { createHash } from 'node:crypto';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type {
  BatchReport,
  IngestFormat,
  IngestKind,
  IngestMapping,
  RowError,
} from '@returnlens/shared/contracts';
import { suggestMapping } from '@returnlens/shared/ingest';
import { EnrichService } from '@returnlens/api/enrich/data-access';
import {
  assertMappedColumnsExist,
  BatchFailedError,
  BatchInProgressError,
  EmptyBatchError,
  InputError,
  INTERNAL_FAILURE,
  KeyInUseError,
  MappingNeededError,
  openSource,
  type ReadItem,
} from '@returnlens/api/ingest/util';
import { RollupsService } from '@returnlens/api/rollups/data-access';
import {
  APP_CONFIG,
  DEFAULT_SHOP_ID,
  isDatabaseUnavailable,
  type AppConfig,
} from '@returnlens/api/shared/util';
import { BatchStore, INTERRUPTED, REPORT_SAMPLE } from './batch-store';
import {
  KIND_TABLES,
  mergeSql,
  rejectDuplicatesSql,
  STAGE_TABLE,
  unlinkedSql,
} from './ingest.tables';
import { MappingPresets } from './mapping-presets';
import { loadStage } from './staging-load';

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

/**
 * The bulk path (docs/architecture.md, "One upload"): stream → validate → COPY into a staging
 * table → reject in-file duplicates → one INSERT … ON CONFLICT merge → enrichment → rollups of
 * the touched weeks, all in one transaction, so a batch is stored entirely or not at all;
 * every bad row is kept with all its errors.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('Ingest');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupsService,
    private readonly enrich: EnrichService,
    private readonly batches: BatchStore,
    private readonly presets: MappingPresets,
  ) {}

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
      const previous = await this.batches.replay(request.idempotencyKey);
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
      { encoding: request.encoding, delimiter: request.delimiter },
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
      if (!request.dryRun) batchId = await this.batches.open(client, request, mapping);
      await client.query('BEGIN');
      // Sorts and hashes over a large staging table stay in memory (the server's, not ours).
      await client.query(`SET LOCAL work_mem = '256MB'`);
      if (request.dryRun) {
        batchId = await this.batches.open(client, request, mapping); // rolled back with the rest
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
      await this.batches.markCommitted(client, batchId as string, report);
      await client.query('COMMIT');
      const final = await this.batches.report(batchId as string);
      await this.batches.keepResponse(client, batchId as string, final);
      this.logger.log(
        `Batch ${batchId} (${request.kind}): ${final.received} rows, ${final.inserted} inserted, ${final.updated} updated, ${final.rejected} rejected`,
      );
      return final;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof KeyInUseError) keyInUse = true;
      else if (batchId && !request.dryRun) throw await this.failed(client, batchId, request, error);
      else throw error;
    } finally {
      if (batchId && !request.dryRun) {
        await this.batches.unlock(client, batchId).catch(() => undefined);
      }
      await runner.release();
    }
    // Only reached when a concurrent request with the same key opened its batch first:
    // this one answers with that batch's report once it is done (docs/reliability.md).
    if (keyInUse && request.idempotencyKey) {
      await drain(request.body);
      const previous = await this.batches.replay(request.idempotencyKey);
      if (previous) return previous;
    }
    throw new BatchInProgressError('?');
  }

  /**
   * A batch that stopped, after its rollback: marked failed with a message for the shop owner.
   * Only messages written for the owner go out; anything else (a database error, a bug) is
   * logged and reported in plain words, with no SQL or stack in it. A lost database interrupts
   * the batch like a crash: its key is released for the retry.
   */
  private async failed(
    client: PoolClient,
    batchId: string,
    request: IngestRequest,
    error: unknown,
  ): Promise<BatchFailedError> {
    const forUser =
      error instanceof InputError ||
      error instanceof EmptyBatchError ||
      error instanceof BatchInProgressError;
    const lost = isDatabaseUnavailable(error);
    if (!forUser && !lost) {
      this.logger.error(
        `Batch ${batchId} (${request.kind}) failed: ${(error as Error)?.stack ?? String(error)}`,
      );
    }
    const message = forUser
      ? (error as Error).message
      : lost
        ? INTERRUPTED
        : `${INTERNAL_FAILURE} (batch ${batchId}); nothing of it was stored. Send the file again; if it fails again, report the batch number.`;
    // Usually impossible when the database is gone; failAbandonedBatches does it later then.
    await this.batches.markFailed(client, batchId, message, lost).catch(() => undefined);
    const report = await this.batches.report(batchId).catch(() => null);
    if (report) await this.batches.keepResponse(client, batchId, report).catch(() => undefined);
    return new BatchFailedError(message, report, { cause: error, internal: !forUser && !lost });
  }

  private async resolveMapping(
    request: IngestRequest,
    headers: readonly string[],
  ): Promise<IngestMapping> {
    if (request.mapping) return request.mapping;
    if (request.preset) return this.presets.mappingFor(request.preset, request.kind);
    const suggestion = suggestMapping(request.kind, headers);
    if (!suggestion.confident) throw new MappingNeededError(suggestion);
    return suggestion.mapping;
  }

  /**
   * Inside the batch's transaction: the staging load, then duplicates, merge, enrichment and
   * the rollups of the weeks the batch touched, then the rejected rows kept.
   */
  private async load(
    client: PoolClient,
    request: IngestRequest,
    mapping: IngestMapping,
    records: AsyncIterable<readonly ReadItem[]>,
    batchId: string,
    checksum: () => string,
  ): Promise<BatchReport> {
    const spec = KIND_TABLES[request.kind];
    const timings: Record<string, number> = {};
    let mark = Date.now();
    const lap = (name: string) => {
      timings[name] = Date.now() - mark;
      mark = Date.now();
    };
    const staged = await loadStage(client, records, {
      kind: request.kind,
      mapping,
      shopTimeZone: this.config.shopTimeZone,
      delimiter: request.delimiter,
      onProgress: request.onProgress,
    });
    lap('read+validate+copy');
    if (staged.rows === 0) throw new EmptyBatchError();
    let rejected = staged.rejected;

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
    // Text enrichment: inferred reasons of claims; language, sentiment and aspects of
    // feedback — before the rollups, which count them.
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
        `SELECT row_number AS "rowNumber", errors FROM ${STAGE_TABLE} WHERE NOT ok ORDER BY row_number LIMIT ${REPORT_SAMPLE}`,
      )
    ).rows;
    const preview = request.dryRun
      ? (
          await client.query(
            `SELECT ${spec.columns.map((c) => `${c.column} AS "${c.field}"`).join(', ')} FROM ${STAGE_TABLE} WHERE ok ORDER BY row_number LIMIT ${REPORT_SAMPLE}`,
          )
        ).rows
      : undefined;
    lap('rejected+sample');
    this.logger.debug(`Batch ${batchId} timings (ms): ${JSON.stringify(timings)}`);
    if (process.env['RETURNLENS_INGEST_TIMINGS'])
      console.error(`ingest timings (ms) ${JSON.stringify(timings)}`);
    const accepted = staged.rows - rejected;
    return {
      id: batchId,
      kind: request.kind,
      format: request.format,
      status: request.dryRun ? 'dry_run' : 'committed',
      sourceName: request.sourceName ?? null,
      received: staged.rows,
      inserted: merged.inserted,
      updated: merged.updated,
      unchanged: accepted - merged.inserted - merged.updated,
      rejected,
      unlinked,
      checksum: checksum(),
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      error: null,
      rejectedSample: sample,
      ...(preview ? { preview } : {}),
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
