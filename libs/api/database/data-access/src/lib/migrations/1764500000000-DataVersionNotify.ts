import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel on which PostgreSQL announces each new data version (at commit). */
const DATA_VERSION_CHANNEL = 'returnlens_data_version';

/**
 * Every change of `data_version`, by a source table's trigger or by a direct UPDATE (the
 * rollup refresher's lock), is announced with `pg_notify` on DATA_VERSION_CHANNEL.
 * PostgreSQL delivers it to listeners when the writing transaction commits, never before,
 * and not at all if it rolls back: the API learns of new data without asking on every
 * request (docs/decisions/0011-answer-cache-fast-path.md).
 */
export class DataVersionNotify1764500000000 implements MigrationInterface {
  name = 'DataVersionNotify1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION announce_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${DATA_VERSION_CHANNEL}', NEW.version::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER data_version_announced AFTER UPDATE ON data_version
        FOR EACH ROW EXECUTE FUNCTION announce_data_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS data_version_announced ON data_version');
    await q.query('DROP FUNCTION IF EXISTS announce_data_version()');
  }
}
