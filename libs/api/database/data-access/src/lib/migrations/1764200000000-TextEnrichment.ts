import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text enrichment (docs/text-analysis.md):
 * - `feedback.stated_language` keeps the language a file gave; `feedback.language` becomes the
 *   derived one (stated when usable, else detected), written by the enrichment — so a re-sent
 *   file without a language column does not count as a change.
 * - `claims.text_language` is the detected language of `reason_text`; it also marks a claim
 *   whose text was analysed (an unconfident inference leaves `inferred_reason_code` empty).
 * Both are plain nullable columns: adding them rewrites no table.
 */
export class TextEnrichment1764200000000 implements MigrationInterface {
  name = 'TextEnrichment1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE feedback ADD COLUMN stated_language text');
    // Until now only ingested files wrote `language`: what is there was stated.
    await q.query('UPDATE feedback SET stated_language = language WHERE language IS NOT NULL');
    await q.query('ALTER TABLE claims ADD COLUMN text_language text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE claims DROP COLUMN text_language');
    await q.query('UPDATE feedback SET language = stated_language');
    await q.query('ALTER TABLE feedback DROP COLUMN stated_language');
  }
}
