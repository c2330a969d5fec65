import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type {
  BatchReport,
  IngestFormat,
  IngestKind,
  IngestMapping,
  MessageCode,
  RejectedSummaryEntry,
  RowError,
} from '@returnlens/shared/contracts';
import { suggestMapping, TEXT_MAX } from '@returnlens/shared/ingest';
import { EnrichService } from '@returnlens/api/enrich/data-access';
import {
  assertMappedColumnsExist,
  BatchFailedError,
  BatchNotes,
  BatchInProgressError,
  EmptyBatchError,
  InputError,
  INTERNAL_FAILURE,
  KeyInUseError,
  MappingNeededError,
  openSource,
  type ReadItem,
  type RecordSource,
} from '@returnlens/api/ingest/util';
import { RollupsService } from '@returnlens/api/rollups/data-access';
import {
  APP_CONFIG,
  batchEvents,
  DEFAULT_SHOP_ID,
  isDatabaseUnavailable,
  loggableError,
  type AppConfig,
} from '@returnlens/api/shared/util';
import { BatchStore, INTERRUPTED, REPORT_SAMPLE, type BatchCounts } from './batch-store';
import {
  KIND_TABLES,
  mergeSql,
  numberRepeatedLinesSql,
  rejectDuplicatesSql,
  rejectedSummarySql,
  STAGE_TABLE,
  unlinkedSql,
} from './ingest.tables';
import { MappingPresets } from './mapping-presets';
import { ownValueWarnings, resolveOwnValues } from './own-taxonomy';
import { afterSalesWithSellers, sellerWarnings, takeLineSellers } from './sellers';
import { loadStage } from './staging-load';
import {
  IdempotencyKeyReusedError,
  UploadBody,
  UploadSlots,
  UploadStalledError,
} from './upload-limits';

/** How long an upload waits for a free slot (INGEST_MAX_UPLOADS) before it is refused. */
export const UPLOAD_SLOT_WAIT_MS = 5_000;

/** Rows whose values the suggester reads (from the first records of the file). */
export const SUGGEST_SAMPLE_ROWS = 200;

/**
 * A mapping as a request may send it: without `columns` (only `defaults`, `values`,
 * `dateFormat` …) it is merged with the suggestion for the file.
 */
export type RequestMapping = Omit<IngestMapping, 'columns'> & {
  readonly columns?: IngestMapping['columns'];
};

/**
 * A summary entry as the query gives it, without the NULLs of errors that have no code or no
 * values (stored before codes existed, or a problem without values).
 */
function withoutNullCode(entry: RejectedSummaryEntry): RejectedSummaryEntry {
  const { field, message, rows, firstRows, code, params } = entry;
  return {
    field,
    message,
    rows,
    firstRows,
    ...(code ? { code } : {}),
    ...(code && params ? { params } : {}),
  };
}

/** The records of the first batches, as the suggester reads them. */
function sampleRows(items: readonly ReadItem[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const item of items) {
    if (rows.length >= SUGGEST_SAMPLE_ROWS) break;
    if ('raw' in item) rows.push(item.raw);
  }
  return rows;
}

export interface IngestRequest {
  readonly kind: IngestKind;
  readonly format: Exclude<IngestFormat, 'generated'>;
  readonly body: Readable;
  /**
   * Explicit mapping; when absent, the named preset; when absent too, a confident suggestion.
   * One without `columns` is merged with the suggestion.
   */
  readonly mapping?: RequestMapping;
  readonly preset?: string;
  readonly dryRun?: boolean;
  readonly idempotencyKey?: string;
  /**
   * Who sends it (`token:<id>`, `session:<user id>`): an Idempotency-Key is this caller's, for
   * this kind; none (the command line) is a caller of its own.
   */
  readonly principal?: string;
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
  private readonly slots: UploadSlots;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupsService,
    private readonly enrich: EnrichService,
    private readonly batches: BatchStore,
    private readonly presets: MappingPresets,
  ) {
    this.slots = new UploadSlots(config.ingestMaxUploads);
  }

  async suggest(
    kind: IngestKind,
    format: Exclude<IngestFormat, 'generated'>,
    body: Readable,
    csv: { encoding?: string; delimiter?: string },
  ) {
    const source = await openSource(format, body, csv);
    // The values of the first rows confirm or refuse a header's match. The body may be only
    // the file's beginning: a reader's error ends the sample, and its last row (perhaps cut
    // off) is left out.
    const items: ReadItem[] = [];
    try {
      for await (const batch of source.batches) {
        items.push(...batch);
        if (items.length > SUGGEST_SAMPLE_ROWS) break;
      }
    } catch {
      // a cut-off body: what was read is the sample
    }
    const rows = sampleRows(items.length > 1 ? items.slice(0, -1) : items);
    return { ...suggestMapping(kind, source.headers, { rows }), details: source.details };
  }

  /**
   * One upload, within the bounds of docs/reliability.md ("Uploads"): a retried
   * Idempotency-Key answers from its first batch (when the body is the same); a database
   * connection is taken only once the first rows are read, and only while fewer than
   * INGEST_MAX_UPLOADS uploads hold one (else UploadsBusyError after a short wait); a body
   * that stops arriving for INGEST_STALL_SECONDS fails the batch and releases its key.
   */
  async ingest(request: IngestRequest): Promise<BatchReport> {
    const body = new UploadBody(request.body, this.config.ingestStallSeconds * 1000);
    try {
      return await this.upload(request, body);
    } catch (error) {
      // Whatever a reader made of the cut-off stream, the cause is the client's stall.
      if (body.stalled && !(error instanceof BatchFailedError)) throw body.stalled;
      throw error;
    } finally {
      body.discard();
    }
  }

  private async upload(request: IngestRequest, body: UploadBody): Promise<BatchReport> {
    if (request.idempotencyKey) {
      const previous = await this.replayed(request, body);
      if (previous) return previous;
    }
    const source = await openSource(request.format, body.stream, {
      encoding: request.encoding,
      delimiter: request.delimiter,
    });
    // No connection while a slow client sends its first rows; a reader's error is the
    // batch's, reported as it always was (the batch opens, then fails with it).
    const records = source.batches[Symbol.asyncIterator]();
    const explicit = !!request.mapping?.columns || (!request.mapping && !!request.preset);
    let first: { next: IteratorResult<readonly ReadItem[]> } | { error: unknown } | null = null;
    const readFirst = () =>
      records.next().then(
        (next) => ({ next }),
        (error: unknown) => ({ error }),
      );
    // A suggestion reads the values of the first rows.
    if (!explicit) first = await readFirst();
    const sample = first && 'next' in first && !first.next.done ? sampleRows(first.next.value) : [];
    const { mapping, notes } = await this.resolveMapping(request, source.headers, sample);
    if (request.format === 'csv' || request.format === 'arrow') {
      assertMappedColumnsExist(request.kind, mapping, source.headers);
    }
    first ??= await readFirst();
    if (body.stalled) throw body.stalled;
    const release = await this.slots.acquire(UPLOAD_SLOT_WAIT_MS);
    let report: BatchReport | null;
    try {
      report = await this.store(request, body, source, mapping, continued(first, records), notes);
    } finally {
      release();
    }
    if (report) return report;
    // Only reached when a concurrent request with the same key opened its batch first: this
    // one answers with that batch's report once it is done, holding no slot while it waits
    // (docs/reliability.md).
    const previous = await this.replayed(request, body);
    if (previous) return previous;
    throw new BatchInProgressError('?');
  }

  private async store(
    request: IngestRequest,
    body: UploadBody,
    source: RecordSource,
    mapping: IngestMapping,
    records: AsyncIterable<readonly ReadItem[]>,
    mappingNotes: readonly string[] = [],
  ): Promise<BatchReport | null> {
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    let batchId: string | null = null;
    try {
      if (!request.dryRun) batchId = await this.batches.open(client, request, mapping);
      await client.query('BEGIN');
      // Sorts and hashes over a large staging table stay in memory (the server's, not ours).
      await client.query(`SET LOCAL work_mem = '256MB'`);
      if (request.dryRun) {
        batchId = await this.batches.open(client, request, mapping); // rolled back with the rest
      }
      // The checksum covers the body to its end, even past what a reader needed.
      const report = await this.load(client, request, mapping, records, batchId as string, () =>
        body.drain(),
      );
      // Known once every row is read: rows decoded in another encoding than the file's; and
      // what was done to stored rows (keys derived, texts cut).
      const readerWarnings = source.warnings?.() ?? [];
      const warnings = [...mappingNotes, ...(report.warnings ?? []), ...readerWarnings];
      // Each warning's code, in the same order (null: said in English only).
      const warningCodes = [
        ...mappingNotes.map(() => null),
        ...(report.warningCodes ?? (report.warnings ?? []).map(() => null)),
        ...readerWarnings.map(() => null),
      ];
      if (request.dryRun) {
        await client.query('ROLLBACK');
        return { ...report, id: 'dry-run', status: 'dry_run', warnings, warningCodes };
      }
      await this.batches.markCommitted(client, batchId as string, report);
      await client.query('COMMIT');
      // The alerts evaluate after the commit, on their own time (docs/notifications.md).
      batchEvents.committed({ batchId: batchId as string, kind: request.kind, stage: 'ingest' });
      const final = {
        ...(await this.batches.report(batchId as string)),
        warnings,
        warningCodes,
      };
      await this.batches.keepResponse(client, batchId as string, final);
      this.logger.log(
        `Batch ${batchId} (${request.kind}): ${final.received} rows, ${final.inserted} inserted, ${final.updated} updated, ${final.rejected} rejected`,
      );
      return final;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A concurrent request with the same key opened its batch first.
      if (error instanceof KeyInUseError) return null;
      if (batchId && !request.dryRun) {
        throw await this.failed(client, batchId, request, body.stalled ?? error, body);
      }
      throw error;
    } finally {
      if (batchId && !request.dryRun) {
        await this.batches.unlock(client, batchId).catch(() => undefined);
      }
      await runner.release();
    }
  }

  /**
   * A request whose Idempotency-Key this caller already used for this kind: the first batch's
   * report (after waiting while it runs) when this body is the same file — its SHA-256 taken
   * over the whole body, read to the end — and IdempotencyKeyReusedError when it is another.
   * Null when the key is new (or was released), and the upload runs.
   */
  private async replayed(request: IngestRequest, body: UploadBody): Promise<BatchReport | null> {
    const key = request.idempotencyKey as string;
    let previous: BatchReport | null;
    try {
      previous = await this.batches.replay(request.principal ?? '', request.kind, key);
    } catch (error) {
      const report = error instanceof BatchFailedError ? error.report : null;
      if (report) await this.sameFile(key, report, body);
      throw error;
    }
    if (!previous) return null;
    await this.sameFile(key, previous, body);
    return previous;
  }

  private async sameFile(key: string, previous: BatchReport, body: UploadBody): Promise<void> {
    const checksum = await body.drain();
    if (previous.checksum !== null && previous.checksum !== checksum) {
      throw new IdempotencyKeyReusedError(key, previous.id);
    }
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
    body: UploadBody,
  ): Promise<BatchFailedError> {
    const stalled = error instanceof UploadStalledError;
    const forUser =
      error instanceof InputError ||
      error instanceof EmptyBatchError ||
      error instanceof BatchInProgressError ||
      stalled;
    const lost = isDatabaseUnavailable(error);
    if (!forUser && !lost) {
      this.logger.error(`Batch ${batchId} (${request.kind}) failed: ${loggableError(error)}`);
    }
    const message = forUser
      ? (error as Error).message
      : lost
        ? INTERRUPTED
        : `${INTERNAL_FAILURE} (batch ${batchId}); nothing of it was stored. Send the file again; if it fails again, report the batch number.`;
    // Usually impossible when the database is gone; failAbandonedBatches does it later then.
    // A stalled client's retry must run, as after a crash: its key is released too.
    await this.batches
      .markFailed(client, batchId, message, lost || stalled, body.checksum())
      .catch(() => undefined);
    const report = await this.batches.report(batchId).catch(() => null);
    if (report) await this.batches.keepResponse(client, batchId, report).catch(() => undefined);
    return new BatchFailedError(message, report, { cause: error, internal: !forUser && !lost });
  }

  /**
   * The mapping of an upload: the request's when it names columns; the preset's; else the
   * suggestion from the headers and the first rows' values, with the request's partial
   * mapping (defaults, value maps, date format …) merged in — refused when not confident.
   */
  private async resolveMapping(
    request: IngestRequest,
    headers: readonly string[],
    rows: readonly Record<string, unknown>[],
  ): Promise<{ mapping: IngestMapping; notes: readonly string[] }> {
    const given = request.mapping;
    if (given?.columns) return { mapping: given as IngestMapping, notes: [] };
    if (!given && request.preset) {
      return { mapping: await this.presets.mappingFor(request.preset, request.kind), notes: [] };
    }
    const suggestion = suggestMapping(request.kind, headers, {
      rows,
      defaults: given?.defaults,
      values: given?.values,
    });
    if (!suggestion.confident) throw new MappingNeededError(suggestion);
    // Columns whose values refused a known name are said in the report.
    const notes = (suggestion.notes ?? []).filter((note) => note.startsWith('Column "'));
    return { mapping: { ...given, ...suggestion.mapping }, notes };
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
    checksum: () => Promise<string>,
  ): Promise<BatchReport & Pick<BatchCounts, 'rejectedKept' | 'rejectedSummary'>> {
    const spec = KIND_TABLES[request.kind];
    const timings: Record<string, number> = {};
    let mark = Date.now();
    const lap = (name: string) => {
      timings[name] = Date.now() - mark;
      mark = Date.now();
    };
    const notes = new BatchNotes();
    const staged = await loadStage(client, records, {
      kind: request.kind,
      mapping,
      shopTimeZone: this.config.shopTimeZone,
      delimiter: request.delimiter,
      onProgress: request.onProgress,
      notes,
    });
    lap('read+validate+copy');
    timings['validation threads'] = staged.threads;
    if (staged.rows === 0) throw new EmptyBatchError();
    let rejected = staged.rejected;
    // Lines keyed by order + SKU that repeat a SKU in their order are numbered, not dropped.
    if (notes.skuKeyed > 0 && mapping.columns['line_number'] === undefined) {
      notes.repeatedSkuLines = (await client.query(numberRepeatedLinesSql(spec))).rowCount ?? 0;
    }

    const duplicates = await client.query(rejectDuplicatesSql(spec));
    rejected += duplicates.rowCount ?? 0;
    lap('duplicates');
    // Reasons and channels that are the shop's own: stored under their own names.
    const own = request.kind === 'claims' ? await resolveOwnValues(client, DEFAULT_SHOP_ID) : null;
    // A claim or review about a marketplace line belongs to the line's seller.
    if (request.kind === 'claims' || request.kind === 'feedback')
      await takeLineSellers(client, DEFAULT_SHOP_ID);
    lap('own values');
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
    const cohortWeeks = request.dryRun
      ? []
      : await this.rollups.touchedCohortWeeks(client, request.kind, STAGE_TABLE);
    const merged = (
      await client.query<{ inserted: number; updated: number }>(mergeSql(spec), [
        DEFAULT_SHOP_ID,
        batchId,
      ])
    ).rows[0];
    lap('merge');
    // A batch that makes its table much larger: statistics for the rollups' plans.
    if (!request.dryRun) await this.rollups.analyzeIfGrown(client, spec.table, merged.inserted);
    // Text enrichment: inferred reasons of claims; language, sentiment and aspects of
    // feedback — before the rollups, which count them.
    if (!request.dryRun)
      await this.enrich.afterMerge(client, request.kind, STAGE_TABLE, batchId, {
        updated: merged.updated,
        weeks: touchedWeeks,
      });
    lap('enrich');
    if (!request.dryRun)
      await this.rollups.refreshAfterMerge(client, request.kind, touchedWeeks, cohortWeeks);
    const sellersAdded =
      request.kind === 'sales' && !request.dryRun
        ? await afterSalesWithSellers(client, DEFAULT_SHOP_ID, batchId, this.rollups)
        : [];
    lap('rollups');
    // The first INGEST_REJECTED_ROWS_KEPT rejected rows are kept in full; the others are
    // counted by field and message in the batch's row (docs/reliability.md, "Uploads").
    const cap = this.config.ingestRejectedRowsKept;
    const rejectedKept =
      (
        await client.query(
          `INSERT INTO rejected_rows (batch_id, row_number, raw, errors)
           SELECT $1, row_number, raw, errors FROM ${STAGE_TABLE} WHERE NOT ok ORDER BY row_number LIMIT $2`,
          [batchId, cap],
        )
      ).rowCount ?? 0;
    const rejectedSummary =
      rejected > rejectedKept
        ? (await client.query<RejectedSummaryEntry>(rejectedSummarySql(), [rejectedKept])).rows.map(
            withoutNullCode,
          )
        : [];
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
    const coded: { message: string; code: MessageCode | null }[] = [
      ...notes.notes(TEXT_MAX),
      ...(own ? ownValueWarnings(own) : []),
      ...sellerWarnings(sellersAdded),
    ];
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
      checksum: await checksum(),
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      error: null,
      rejectedSample: sample,
      rejectedKept,
      rejectedSummary,
      warnings: coded.map((warning) => warning.message),
      warningCodes: coded.map((warning) => warning.code),
      ...(preview ? { preview } : {}),
    };
  }
}

/** The records of an upload again, its first batch (or the error reading it) first. */
async function* continued(
  first: { next: IteratorResult<readonly ReadItem[]> } | { error: unknown },
  rest: AsyncIterator<readonly ReadItem[]>,
): AsyncGenerator<readonly ReadItem[]> {
  if ('error' in first) throw first.error;
  for (let next = first.next; !next.done; next = await rest.next()) yield next.value;
}
