import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { RollupsService } from '@returnlens/api/rollups/data-access';
import {
  batchEvents,
  DEFAULT_SHOP_ID,
  isDatabaseUnavailable,
  loggableError,
} from '@returnlens/api/shared/util';
import type { ClaimTextValues, FeedbackTextValues, TextInput } from './enrich.rows';
import {
  ANALYSIS_ADVANCED,
  ANALYSIS_DEFERRED,
  ANALYSIS_FAILED,
  ANALYSIS_FINISHED,
  ANALYSIS_RETRIED,
  ANALYSIS_STARTED,
  ANALYSIS_WEEKS,
  BATCH_CLAIM_TEXTS,
  BATCH_FEEDBACK_TEXTS,
  CLEAR_STAGED_CLAIMS_WITHOUT_TEXT,
  CLEAR_STAGED_FEEDBACK_WITHOUT_TEXT,
  COUNT_BATCH_CLAIM_TEXTS,
  COUNT_BATCH_FEEDBACK_TEXTS,
  MARK_BATCH_CLAIMS_PENDING,
  MARK_BATCH_FEEDBACK_PENDING,
  NEXT_ANALYSIS,
  UPDATE_BATCH_CLAIMS,
  UPDATE_BATCH_FEEDBACK,
} from './enrich.sql';
import { TextAnalyzer } from './text-analyzer';

export type AnalysedKind = 'claims' | 'feedback';

/** Texts analysed and committed per transaction: a restart redoes at most one chunk. */
export const ANALYSIS_CHUNK = 1_000;

/** How often the API looks for committed batches left to analyse. */
const POLL_MS = 1_000;

/** Failures of one batch's analysis (other than a lost database) before it is marked failed. */
const MAX_ATTEMPTS = 3;

export interface AnalysisProgress {
  readonly batchId: string;
  readonly kind: AnalysedKind;
  readonly analysed: number;
}

interface TextRow extends TextInput {
  readonly external_id: string;
}

/**
 * Text analysis in the background (docs/reliability.md, "Text analysis in the background";
 * docs/decisions/0018-background-text-analysis.md). A batch with more texts than
 * INGEST_INLINE_ANALYSIS_MAX commits unanalysed, its state `pending` in its `ingest_batches`
 * row; then its texts are analysed in the worker thread (TextAnalyzer), a chunk at a time,
 * each chunk's values and count committed together; when none is left the rollups of its
 * weeks are refreshed and it is `done`, in one transaction. The state lives in PostgreSQL,
 * so a restarted API (or `npm run reanalyze`) resumes where the last one stopped: what was
 * committed is never redone (the writes touch only unanalysed rows of the batch), what was
 * not is done again.
 */
@Injectable()
export class BackgroundAnalysis implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TextAnalysis');
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private readonly attempts = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rollups: RollupsService,
    private readonly analyzer: TextAnalyzer,
  ) {}

  /** In the API: pending and interrupted batches are resumed, new ones picked up as they commit. */
  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.loop?.catch(() => undefined);
  }

  /**
   * Inside a batch's transaction, after its merge: its new and changed texts are marked for
   * the analysis, the texts without one cleared as inline; its state becomes `pending` (or
   * `done` when nothing is left to analyse). Returns the texts to analyse.
   */
  async defer(
    client: PoolClient,
    kind: AnalysedKind,
    stage: string,
    batchId: string,
    weeks: readonly string[],
    { onlyNew = false }: { readonly onlyNew?: boolean } = {},
  ): Promise<number> {
    const claims = kind === 'claims';
    // Rows the batch only inserted carry no analysis: nothing to reset (two joins of the
    // whole batch with its table saved).
    if (!onlyNew) {
      await client.query(
        claims ? MARK_BATCH_CLAIMS_PENDING(stage) : MARK_BATCH_FEEDBACK_PENDING(stage),
        [DEFAULT_SHOP_ID, batchId],
      );
      await client.query(
        claims
          ? CLEAR_STAGED_CLAIMS_WITHOUT_TEXT(stage)
          : CLEAR_STAGED_FEEDBACK_WITHOUT_TEXT(stage),
        [DEFAULT_SHOP_ID],
      );
    }
    const {
      rows: [{ n }],
    } = await client.query<{ n: number }>(
      claims ? COUNT_BATCH_CLAIM_TEXTS : COUNT_BATCH_FEEDBACK_TEXTS,
      [DEFAULT_SHOP_ID, batchId],
    );
    await client.query(ANALYSIS_DEFERRED, [batchId, n, weeks]);
    if (n === 0) await client.query(ANALYSIS_FINISHED, [batchId]);
    return n;
  }

  /** Looks for work now (a no-op while a run is going on). */
  wake(): void {
    if (this.loop || this.stopping) return;
    this.loop = this.drain()
      .then(() => undefined)
      .catch((error) => {
        // The database is away (or the API is stopping): the next tick, or start, tries again.
        if (!isDatabaseUnavailable(error) && !this.stopping)
          this.logger.error(`Background text analysis stopped: ${loggableError(error)}`);
      })
      .finally(() => {
        this.loop = null;
      });
  }

  /**
   * Analyses every committed batch left pending or running, oldest first, until none is
   * left; returns the batches finished. `npm run reanalyze` runs it to completion.
   */
  async drain(onProgress?: (progress: AnalysisProgress) => void): Promise<string[]> {
    const finished: string[] = [];
    while (!this.stopping) {
      const [next] = await this.db.query<{ id: string; kind: AnalysedKind }[]>(NEXT_ANALYSIS, [
        DEFAULT_SHOP_ID,
      ]);
      if (!next) break;
      try {
        await this.analyse(next.id, next.kind, onProgress);
        if (!this.stopping) finished.push(next.id);
        this.attempts.delete(next.id);
      } catch (error) {
        if (isDatabaseUnavailable(error) || this.stopping) throw error;
        const attempts = (this.attempts.get(next.id) ?? 0) + 1;
        this.attempts.set(next.id, attempts);
        this.logger.error(
          `Text analysis of batch ${next.id} failed (attempt ${attempts}): ${loggableError(error)}`,
        );
        if (attempts >= MAX_ATTEMPTS) {
          await this.db.query(ANALYSIS_FAILED, [next.id]);
          this.attempts.delete(next.id);
        }
        break; // the next tick tries again
      }
    }
    return finished;
  }

  /** Batches whose analysis failed become pending again; returns how many. */
  async retryFailed(): Promise<number> {
    const result = await this.db.query(ANALYSIS_RETRIED, [DEFAULT_SHOP_ID]);
    return updatedCount(result);
  }

  /** One batch: its remaining texts a chunk at a time, then its rollups, then done. */
  private async analyse(
    batchId: string,
    kind: AnalysedKind,
    onProgress?: (progress: AnalysisProgress) => void,
  ): Promise<void> {
    await this.db.query(ANALYSIS_STARTED, [batchId]);
    const started = Date.now();
    let after = '';
    let analysed = 0;
    while (!this.stopping) {
      const rows = await this.db.query<TextRow[]>(
        kind === 'claims' ? BATCH_CLAIM_TEXTS : BATCH_FEEDBACK_TEXTS,
        [DEFAULT_SHOP_ID, batchId, after, ANALYSIS_CHUNK],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].external_id;
      const { values } = await this.analyzer.analyse(kind, rows, batchId);
      if (this.stopping) return;
      analysed += await this.commitChunk(batchId, kind, rows, values);
      onProgress?.({ batchId, kind, analysed });
    }
    if (this.stopping) return;
    await this.finish(batchId, kind);
    this.logger.log(
      `Batch ${batchId} (${kind}): ${analysed} texts analysed in the background in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  /** A chunk's values and its count, in one transaction; returns the rows written. */
  private async commitChunk(
    batchId: string,
    kind: AnalysedKind,
    rows: readonly TextRow[],
    values: readonly (ClaimTextValues | FeedbackTextValues)[],
  ): Promise<number> {
    const ids = rows.map((r) => r.external_id);
    return this.db.transaction(async (manager) => {
      let result: unknown;
      if (kind === 'claims') {
        const v = values as readonly ClaimTextValues[];
        result = await manager.query(UPDATE_BATCH_CLAIMS, [
          DEFAULT_SHOP_ID,
          batchId,
          ids,
          v.map((x) => x.code),
          v.map((x) => x.confidence),
          v.map((x) => x.language),
        ]);
      } else {
        const v = values as readonly FeedbackTextValues[];
        result = await manager.query(UPDATE_BATCH_FEEDBACK, [
          DEFAULT_SHOP_ID,
          batchId,
          ids,
          v.map((x) => x.language),
          v.map((x) => x.score),
          v.map((x) => x.label),
          v.map((x) => x.aspects),
        ]);
      }
      const written = updatedCount(result);
      await manager.query(ANALYSIS_ADVANCED, [batchId, written]);
      return written;
    });
  }

  /**
   * Every text analysed: the rollups of the batch's weeks recomputed (which bumps the data
   * version, so cached answers go) and the batch `done`, in one transaction.
   */
  private async finish(batchId: string, kind: AnalysedKind): Promise<void> {
    const [row] = await this.db.query<{ weeks: string[] | null }[]>(ANALYSIS_WEEKS, [batchId]);
    const weeks = row?.weeks ?? (await this.rollups.batchWeeks(kind, batchId));
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL work_mem = '256MB'`);
      await this.rollups.refreshAfterMerge(client, kind, weeks.map(String));
      await client.query(ANALYSIS_FINISHED, [batchId]);
      await client.query('COMMIT');
      // Figures that counted these texts are final now: the alerts look again.
      batchEvents.committed({ batchId, kind, stage: 'analysis' });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/** Row count of an UPDATE run through a pg client ({rowCount}) or TypeORM ([rows, count]). */
export function updatedCount(result: unknown): number {
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  return (result as { rowCount?: number | null }).rowCount ?? 0;
}
