import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ANALYSIS_STATUSES } from '@returnlens/shared/contracts';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Text analysis in the background (docs/decisions/0018-background-text-analysis.md):
 * - `ingest_batches.analysis_*` keep where a claims or feedback batch's text analysis stands:
 *   its status, the texts to analyse and those analysed (committed chunk by chunk, so a
 *   restart resumes), the weeks whose rollups it refreshes when done, and when it finished.
 * - Partial indexes find a batch's texts not yet analysed (a claim's `text_language`, a
 *   review's `language` is set by every analysis); they hold only those rows, so they stay
 *   empty but for batches being analysed.
 * - Batches stored unanalysed before (over the old inline limit, left for `reanalyze`) are
 *   marked pending: the API analyses them at its next start.
 */
export class BackgroundTextAnalysis1764810000000 implements MigrationInterface {
  name = 'BackgroundTextAnalysis1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ingest_batches
        ADD COLUMN analysis_status text CHECK (analysis_status IN (${list(ANALYSIS_STATUSES)})),
        ADD COLUMN analysis_total integer,
        ADD COLUMN analysis_done integer,
        ADD COLUMN analysis_weeks date[],
        ADD COLUMN analysis_finished_at timestamptz`);
    await q.query(`
      CREATE INDEX ingest_batches_analysis ON ingest_batches (id)
       WHERE analysis_status IN ('pending', 'running')`);
    await q.query(`
      CREATE INDEX claims_unanalysed ON claims (batch_id, external_id)
       WHERE text_language IS NULL AND reason_text IS NOT NULL`);
    await q.query(`
      CREATE INDEX feedback_unanalysed ON feedback (batch_id, external_id)
       WHERE language IS NULL AND text IS NOT NULL`);
    for (const [kind, table, text, analysed] of [
      ['claims', 'claims', 'reason_text', 'text_language'],
      ['feedback', 'feedback', 'text', 'language'],
    ]) {
      await q.query(`
        UPDATE ingest_batches b SET analysis_status = 'pending', analysis_total = u.n, analysis_done = 0
          FROM (SELECT batch_id, count(*)::int AS n FROM ${table}
                 WHERE ${analysed} IS NULL AND ${text} IS NOT NULL AND btrim(${text}) <> ''
                 GROUP BY batch_id) u
         WHERE b.id = u.batch_id AND b.kind = '${kind}' AND b.status = 'committed'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS feedback_unanalysed');
    await q.query('DROP INDEX IF EXISTS claims_unanalysed');
    await q.query('DROP INDEX IF EXISTS ingest_batches_analysis');
    await q.query(`
      ALTER TABLE ingest_batches
        DROP COLUMN IF EXISTS analysis_finished_at, DROP COLUMN IF EXISTS analysis_weeks,
        DROP COLUMN IF EXISTS analysis_done,
        DROP COLUMN IF EXISTS analysis_total, DROP COLUMN IF EXISTS analysis_status`);
  }
}
