import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Batch responses for Idempotency-Key replays, mapping presets and API tokens. */
export class IngestSupport1763990000000 implements MigrationInterface {
  name = 'IngestSupport1763990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ingest_batches ADD COLUMN unchanged_count integer NOT NULL DEFAULT 0`,
    );
    await q.query(`ALTER TABLE ingest_batches ADD COLUMN mapping jsonb`);
    await q.query(`ALTER TABLE ingest_batches ADD COLUMN response jsonb`);
    await q.query(`
      CREATE TABLE mapping_presets (
        shop_id     smallint NOT NULL DEFAULT 1,
        name        text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$'),
        kind        text NOT NULL,
        mapping     jsonb NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, name)
      )`);
    await q.query(`
      CREATE TABLE api_tokens (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        shop_id       smallint NOT NULL DEFAULT 1,
        name          text NOT NULL,
        token_hash    text NOT NULL UNIQUE,
        scopes        text[] NOT NULL CHECK (scopes <@ ARRAY['ingest', 'read', 'admin']::text[] AND cardinality(scopes) > 0),
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_used_at  timestamptz,
        revoked_at    timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS api_tokens');
    await q.query('DROP TABLE IF EXISTS mapping_presets');
    await q.query(
      'ALTER TABLE ingest_batches DROP COLUMN IF EXISTS response, DROP COLUMN IF EXISTS mapping, DROP COLUMN IF EXISTS unchanged_count',
    );
  }
}
