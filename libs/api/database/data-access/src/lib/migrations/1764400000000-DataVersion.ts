import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table an analytics answer is computed from. */
const SOURCES = [
  'suppliers',
  'products',
  'sales',
  'claims',
  'feedback',
  'reasons',
  'reason_categories',
  'sla_policies',
  'business_calendars',
  'calendar_days',
  'rollup_state',
];

/**
 * `data_version` counts the committed changes to the data analytics answers are computed
 * from. A statement-level trigger on each source table bumps it inside the writing
 * transaction, so the new value becomes visible exactly when the data does. The analytics
 * response cache (docs/decisions/0010-analytics-response-cache.md) keys its entries by it.
 * Whatever writes the data (the API, the command line, plain SQL), the cache learns of it.
 */
export class DataVersion1764400000000 implements MigrationInterface {
  name = 'DataVersion1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_version (
        id          smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        version     bigint NOT NULL DEFAULT 0,
        changed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('INSERT INTO data_version DEFAULT VALUES');
    await q.query(`
      CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE data_version SET version = version + 1, changed_at = now();
        RETURN NULL;
      END $$`);
    for (const table of SOURCES) {
      await q.query(
        `CREATE TRIGGER ${table}_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of SOURCES)
      await q.query(`DROP TRIGGER IF EXISTS ${table}_bumps_data_version ON ${table}`);
    await q.query('DROP FUNCTION IF EXISTS bump_data_version()');
    await q.query('DROP TABLE IF EXISTS data_version');
  }
}
