import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bounds of an upload (docs/reliability.md):
 * - an Idempotency-Key belongs to whoever sent it: `idempotency_scope` holds the caller
 *   (`token:<id>` or `session:<user id>`; empty for the command line and batches of before),
 *   and the key is unique per shop, scope and kind;
 * - rejected rows beyond a batch's cap are not kept in full: `rejected_kept` says how many
 *   are, `rejected_summary` counts the others by field and message.
 */
export class IngestBounds1764610000000 implements MigrationInterface {
  name = 'IngestBounds1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ingest_batches
        ADD COLUMN idempotency_scope text NOT NULL DEFAULT '',
        ADD COLUMN rejected_kept integer,
        ADD COLUMN rejected_summary jsonb`);
    await q.query('DROP INDEX ingest_batches_idempotency_key');
    await q.query(`
      CREATE UNIQUE INDEX ingest_batches_idempotency_key
        ON ingest_batches (shop_id, idempotency_scope, kind, idempotency_key)
        WHERE idempotency_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS ingest_batches_idempotency_key');
    // Keys used by several callers would collide in the old, global index: the older go.
    await q.query(`
      UPDATE ingest_batches b SET idempotency_key = NULL
        WHERE idempotency_key IS NOT NULL AND EXISTS (
          SELECT 1 FROM ingest_batches n
           WHERE n.shop_id = b.shop_id AND n.idempotency_key = b.idempotency_key AND n.id > b.id)`);
    await q.query(`
      CREATE UNIQUE INDEX ingest_batches_idempotency_key
        ON ingest_batches (shop_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`
      ALTER TABLE ingest_batches
        DROP COLUMN IF EXISTS rejected_summary,
        DROP COLUMN IF EXISTS rejected_kept,
        DROP COLUMN IF EXISTS idempotency_scope`);
  }
}
