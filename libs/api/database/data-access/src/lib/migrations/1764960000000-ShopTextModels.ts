import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Models a shop learns from its own labelled texts (docs/text-analysis.md, "What the shop's
 * own data teaches"; decision 0022):
 * - `text_models`: per shop, task (`sentiment` per language, `reasons` for all) the latest
 *   adapted model — its cross-validated scores against the shipped analysis, whether the gate
 *   let it label texts, and its weights (only when it does).
 * - A text labelled by an adapted model carries the model's `version` (`feedback.sentiment_model`,
 *   `claims.inferred_model`) and keeps what the shipped analysis said (`base_*`), so a newer
 *   model, or none, relabels it without analysing the text again. Null: the shipped analysis.
 *   The columns are nullable without a default: adding them rewrites nothing.
 */
export class ShopTextModels1764960000000 implements MigrationInterface {
  name = 'ShopTextModels1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE text_models (
        shop_id          smallint NOT NULL,
        task             text NOT NULL CHECK (task IN ('sentiment', 'reasons')),
        language         text NOT NULL,
        version          integer NOT NULL,
        classes          text[] NOT NULL,
        labelled_texts   integer NOT NULL CHECK (labelled_texts >= 0),
        adapted_score    real NOT NULL,
        base_score       real NOT NULL,
        adapted_agreement real,
        base_agreement   real,
        agreement_of     integer NOT NULL DEFAULT 0,
        in_use           boolean NOT NULL,
        why              text NOT NULL,
        weights          bytea,
        trained_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, task, language),
        CHECK (NOT in_use OR weights IS NOT NULL)
      )`);
    await q.query('CREATE SEQUENCE text_model_versions');
    await q.query(`ALTER TABLE feedback
      ADD COLUMN sentiment_model integer,
      ADD COLUMN base_sentiment_score real,
      ADD COLUMN base_sentiment_label text`);
    await q.query(`ALTER TABLE claims
      ADD COLUMN inferred_model integer,
      ADD COLUMN base_inferred_reason_code text,
      ADD COLUMN base_inferred_confidence real`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims
      DROP COLUMN inferred_model, DROP COLUMN base_inferred_reason_code, DROP COLUMN base_inferred_confidence`);
    await q.query(`ALTER TABLE feedback
      DROP COLUMN sentiment_model, DROP COLUMN base_sentiment_score, DROP COLUMN base_sentiment_label`);
    await q.query('DROP SEQUENCE text_model_versions');
    await q.query('DROP TABLE text_models');
  }
}
