import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { IngestKind } from '@returnlens/shared/contracts';
import { RollupsService } from '@returnlens/api/rollups/data-access';
import { APP_CONFIG, DEFAULT_SHOP_ID, type AppConfig } from '@returnlens/api/shared/util';
import { BackgroundAnalysis, updatedCount } from './background-analysis';
import { TextAnalyzer } from './text-analyzer';
import type { ClaimTextValues, FeedbackTextValues } from './enrich.rows';
import {
  ANALYSIS_DONE_INLINE,
  CLEAR_STAGED_CLAIMS_WITHOUT_TEXT,
  CLEAR_STAGED_FEEDBACK_WITHOUT_TEXT,
  CLOSE_TEXTS,
  COUNT_STAGED_TEXTS,
  COUNT_REASON_MISMATCHES,
  FETCH_TEXTS,
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
 * The default of INGEST_INLINE_ANALYSIS_MAX: batches with more texts than this are not
 * analysed inside their ingest transaction (at ~2 s per 10k distinct texts it would dominate
 * a bulk load) but right after it, in the background (BackgroundAnalysis).
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
  /** True when the batch is analysed in the background (more than INGEST_INLINE_ANALYSIS_MAX texts). */
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
 * ingest batch's transaction, over the batch's staging table, after the merge — or, for a
 * batch with more than INGEST_INLINE_ANALYSIS_MAX texts, in the background once it committed
 * (BackgroundAnalysis); and over stored data from the CLI (`npm run reanalyze`), e.g. after
 * the lexicons changed.
 */
@Injectable()
export class EnrichService {
  private readonly logger = new Logger('Enrich');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'ingestInlineAnalysisMax'>,
    private readonly rollups: RollupsService,
    private readonly background: BackgroundAnalysis,
    private readonly analyzer: TextAnalyzer,
  ) {}

  /**
   * Called by the ingest service right after a batch's merge, in its transaction. `merged`,
   * when the caller knows it: how many stored rows the merge changed (none: every row of the
   * batch is new, with no analysis to clear) and the weeks the batch touches.
   */
  async afterMerge(
    client: PoolClient,
    kind: IngestKind,
    stage: string,
    batchId: string,
    merged?: { readonly updated: number; readonly weeks: readonly string[] },
  ): Promise<EnrichStats | null> {
    if (kind !== 'claims' && kind !== 'feedback') return null;
    const started = Date.now();
    const column = kind === 'claims' ? 'reason_text' : 'text';
    const {
      rows: [{ n: pending }],
    } = await client.query<{ n: number }>(COUNT_STAGED_TEXTS(stage, column));
    if (pending > this.config.ingestInlineAnalysisMax) {
      const weeks = merged?.weeks ?? (await this.rollups.touchedWeeks(client, kind, stage));
      const texts = await this.background.defer(client, kind, stage, batchId, weeks, {
        onlyNew: merged?.updated === 0,
      });
      this.logger.log(
        `${texts} ${kind} texts of batch ${batchId}: analysed in the background once it commits (inline limit ${this.config.ingestInlineAnalysisMax})`,
      );
      return { kind, texts, analysed: 0, updated: 0, ms: Date.now() - started, deferred: true };
    }
    let texts = 0;
    let analysed = 0;
    let updated = 0;
    await client.query(
      kind === 'claims' ? STAGED_CLAIM_TEXTS_CURSOR(stage) : STAGED_FEEDBACK_TEXTS_CURSOR(stage),
    );
    try {
      for (;;) {
        const { rows } = await client.query<TextRow>(FETCH_TEXTS);
        if (!rows.length) break;
        texts += rows.length;
        const written = await this.write(client, kind, rows, batchId);
        analysed += written.analysed;
        updated += written.updated;
      }
    } finally {
      await client.query(CLOSE_TEXTS);
    }
    // Rows the batch only inserted carry no analysis to clear.
    const cleared =
      merged?.updated === 0
        ? { rowCount: 0 }
        : await client.query(
            kind === 'claims'
              ? CLEAR_STAGED_CLAIMS_WITHOUT_TEXT(stage)
              : CLEAR_STAGED_FEEDBACK_WITHOUT_TEXT(stage),
            [DEFAULT_SHOP_ID],
          );
    await client.query(ANALYSIS_DONE_INLINE, [batchId, texts]);
    const stats = {
      kind,
      texts,
      analysed,
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
      const scope = `reanalyze ${kind} ${started}`;
      let after = '';
      let texts = 0;
      let analysed = 0;
      let updated = 0;
      for (;;) {
        const rows: TextRow[] = await this.db.query(
          kind === 'claims' ? STORED_CLAIM_TEXTS : STORED_FEEDBACK_TEXTS,
          [DEFAULT_SHOP_ID, after, options.onlyMissing ?? false],
        );
        if (!rows.length) break;
        after = rows[rows.length - 1].external_id;
        texts += rows.length;
        const written = await this.write(this.db, kind, rows, scope);
        analysed += written.analysed;
        updated += written.updated;
        options.onProgress?.({ kind, texts });
      }
      out.push({ kind, texts, analysed, updated, ms: Date.now() - started });
    }
    return out;
  }

  /** Claims with an inferred reason, and those whose stated reason disagrees with it. */
  async reasonMismatches(): Promise<{ inferred: number; mismatched: number }> {
    const [row] = await this.db.query(COUNT_REASON_MISMATCHES, [DEFAULT_SHOP_ID]);
    return row;
  }

  /**
   * Analyses one page of texts and writes what changed; returns the distinct texts analysed
   * and the rows updated. The analysis runs in the text-analysis worker (TextAnalyzer), so
   * the API's own thread never loads the language detector and the trained models; `scope`
   * shares its cache of distinct texts.
   */
  private async write(
    q: Queryable | DataSource,
    kind: EnrichKind,
    rows: readonly TextRow[],
    scope: string,
  ): Promise<{ analysed: number; updated: number }> {
    const ids = rows.map((r) => r.external_id);
    const { values, analysed } = await this.analyzer.analyse(kind, rows, scope);
    let result: unknown;
    if (kind === 'claims') {
      const v = values as ClaimTextValues[];
      result = await q.query(UPDATE_CLAIMS, [
        DEFAULT_SHOP_ID,
        ids,
        v.map((x) => x.code),
        v.map((x) => x.confidence),
        v.map((x) => x.language),
      ]);
    } else {
      const v = values as FeedbackTextValues[];
      result = await q.query(UPDATE_FEEDBACK, [
        DEFAULT_SHOP_ID,
        ids,
        v.map((x) => x.language),
        v.map((x) => x.score),
        v.map((x) => x.label),
        v.map((x) => x.aspects),
      ]);
    }
    return { analysed, updated: updatedCount(result) };
  }
}
