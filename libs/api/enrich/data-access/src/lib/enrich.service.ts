import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { IngestKind } from '@returnlens/shared/contracts';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';
import {
  claimTextValues,
  feedbackTextValues,
  TextCache,
  type ClaimTextValues,
  type FeedbackTextValues,
} from './enrich.rows';
import {
  CLEAR_STAGED_CLAIMS_WITHOUT_TEXT,
  CLEAR_STAGED_FEEDBACK_WITHOUT_TEXT,
  CLOSE_TEXTS,
  COUNT_STAGED_TEXTS,
  COUNT_REASON_MISMATCHES,
  FETCH_TEXTS,
  MARK_BATCH_CLAIMS_PENDING,
  MARK_BATCH_FEEDBACK_PENDING,
  STAGED_CLAIM_TEXTS_CURSOR,
  STAGED_FEEDBACK_TEXTS_CURSOR,
  STORED_CLAIM_TEXTS,
  STORED_FEEDBACK_TEXTS,
  UPDATE_CLAIMS,
  UPDATE_FEEDBACK,
} from './enrich.sql';

/** Anything that runs a parameterised query: a pool client in a transaction, or the pool. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

interface TextRow {
  readonly external_id: string;
  readonly text: string;
  readonly stated_language?: string | null;
}

/**
 * Batches with more texts than this are not analysed inside their ingest transaction: at
 * ~2 s per 10k distinct texts it would dominate a bulk load (a 1M-row file would take minutes
 * longer). Their rows stay unanalysed until `npm run reanalyze -- --missing`.
 */
export const INLINE_TEXT_LIMIT = 20_000;

export type EnrichKind = Extract<IngestKind, 'claims' | 'feedback'>;

export interface EnrichStats {
  readonly kind: EnrichKind;
  /** Texts read. */
  readonly texts: number;
  /** Distinct texts analysed (the rest came from the cache). */
  readonly analysed: number;
  /** Rows whose derived values changed. */
  readonly updated: number;
  readonly ms: number;
  /** True when the batch was too large to analyse inline (see {@link INLINE_TEXT_LIMIT}). */
  readonly deferred?: boolean;
}

export interface ReanalyzeOptions {
  readonly kinds?: readonly EnrichKind[];
  /** Only rows never analysed (claims without `text_language`, feedback without `language`). */
  readonly onlyMissing?: boolean;
  readonly onProgress?: (progress: { kind: EnrichKind; texts: number }) => void;
}

/**
 * Derived text values (docs/architecture.md, "enrich"): for claims the reason inferred from their free
 * text and its language; for feedback its language, sentiment and aspects. Runs inside an
 * ingest batch's transaction, over the batch's staging table, after the merge; and over stored
 * data from the CLI (`npm run reanalyze`), e.g. after the lexicons changed.
 */
@Injectable()
export class EnrichService {
  private readonly logger = new Logger('Enrich');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Called by the ingest service right after a batch's merge, in its transaction. */
  async afterMerge(
    client: PoolClient,
    kind: IngestKind,
    stage: string,
    batchId: string,
  ): Promise<EnrichStats | null> {
    if (kind !== 'claims' && kind !== 'feedback') return null;
    const started = Date.now();
    const column = kind === 'claims' ? 'reason_text' : 'text';
    const {
      rows: [{ n: pending }],
    } = await client.query<{ n: number }>(COUNT_STAGED_TEXTS(stage, column));
    if (pending > INLINE_TEXT_LIMIT) {
      this.logger.warn(
        `${pending} ${kind} texts in this batch: left for \`npm run reanalyze -- --missing\` (inline limit ${INLINE_TEXT_LIMIT})`,
      );
      await client.query(
        kind === 'claims' ? MARK_BATCH_CLAIMS_PENDING(stage) : MARK_BATCH_FEEDBACK_PENDING(stage),
        [DEFAULT_SHOP_ID, batchId],
      );
      return {
        kind,
        texts: pending,
        analysed: 0,
        updated: 0,
        ms: Date.now() - started,
        deferred: true,
      };
    }
    const cache = new TextCache<ClaimTextValues | FeedbackTextValues>();
    let texts = 0;
    let updated = 0;
    await client.query(
      kind === 'claims' ? STAGED_CLAIM_TEXTS_CURSOR(stage) : STAGED_FEEDBACK_TEXTS_CURSOR(stage),
    );
    try {
      for (;;) {
        const { rows } = await client.query<TextRow>(FETCH_TEXTS);
        if (!rows.length) break;
        texts += rows.length;
        updated += await this.write(client, kind, rows, cache);
      }
    } finally {
      await client.query(CLOSE_TEXTS);
    }
    const cleared = await client.query(
      kind === 'claims'
        ? CLEAR_STAGED_CLAIMS_WITHOUT_TEXT(stage)
        : CLEAR_STAGED_FEEDBACK_WITHOUT_TEXT(stage),
      [DEFAULT_SHOP_ID],
    );
    const stats = {
      kind,
      texts,
      analysed: cache.misses,
      updated: updated + (cleared.rowCount ?? 0),
      ms: Date.now() - started,
    };
    this.logger.debug(`Batch texts: ${JSON.stringify(stats)}`);
    return stats;
  }

  /** Re-runs the analysis over stored claims and feedback, a page at a time. */
  async reanalyze(options: ReanalyzeOptions = {}): Promise<EnrichStats[]> {
    const out: EnrichStats[] = [];
    for (const kind of options.kinds ?? (['claims', 'feedback'] as const)) {
      const started = Date.now();
      const cache = new TextCache<ClaimTextValues | FeedbackTextValues>();
      let after = '';
      let texts = 0;
      let updated = 0;
      for (;;) {
        const rows: TextRow[] = await this.db.query(
          kind === 'claims' ? STORED_CLAIM_TEXTS : STORED_FEEDBACK_TEXTS,
          [DEFAULT_SHOP_ID, after, options.onlyMissing ?? false],
        );
        if (!rows.length) break;
        after = rows[rows.length - 1].external_id;
        texts += rows.length;
        updated += await this.write(this.db, kind, rows, cache);
        options.onProgress?.({ kind, texts });
      }
      out.push({ kind, texts, analysed: cache.misses, updated, ms: Date.now() - started });
    }
    return out;
  }

  /** Claims with an inferred reason, and those whose stated reason disagrees with it. */
  async reasonMismatches(): Promise<{ inferred: number; mismatched: number }> {
    const [row] = await this.db.query(COUNT_REASON_MISMATCHES, [DEFAULT_SHOP_ID]);
    return row;
  }

  /** Analyses one page of texts and writes what changed; returns the rows updated. */
  private async write(
    q: Queryable | DataSource,
    kind: EnrichKind,
    rows: readonly TextRow[],
    cache: TextCache<ClaimTextValues | FeedbackTextValues>,
  ): Promise<number> {
    const ids = rows.map((r) => r.external_id);
    let result: unknown;
    if (kind === 'claims') {
      const values = rows.map(
        (r) => cache.get(r.text, () => claimTextValues(r.text)) as ClaimTextValues,
      );
      result = await q.query(UPDATE_CLAIMS, [
        DEFAULT_SHOP_ID,
        ids,
        values.map((v) => v.code),
        values.map((v) => v.confidence),
        values.map((v) => v.language),
      ]);
    } else {
      const values = rows.map(
        (r) =>
          cache.get(`${r.stated_language ?? ''}\u0000${r.text}`, () =>
            feedbackTextValues(r.text, r.stated_language ?? null),
          ) as FeedbackTextValues,
      );
      result = await q.query(UPDATE_FEEDBACK, [
        DEFAULT_SHOP_ID,
        ids,
        values.map((v) => v.language),
        values.map((v) => v.score),
        values.map((v) => v.label),
        values.map((v) => v.aspects),
      ]);
    }
    return updatedCount(result);
  }
}

/** Row count of an UPDATE run through a pg client ({rowCount}) or TypeORM ([rows, count]). */
function updatedCount(result: unknown): number {
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  return (result as { rowCount?: number | null }).rowCount ?? 0;
}
