import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Return rate by order cohort (docs/metrics.md, "Return rate"):
 * - `rollup_returns_cohort_week` holds the returned units of each order week (the cohort),
 *   by the week the return was opened and the SKU; a return whose order line is unknown is
 *   in no cohort (the weekly report counts it apart);
 * - `shop_settings` holds the return window that decides when a cohort is mature, and the
 *   targets of the case-study KPIs.
 * The rollups are rebuilt on the next start (the rollup state is cleared), so the new table
 * is filled from the claims and sales already stored.
 */
export class CohortReturns1764700000000 implements MigrationInterface {
  name = 'CohortReturns1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_returns_cohort_week (
        shop_id         smallint NOT NULL,
        week            date NOT NULL,
        opened_week     date NOT NULL,
        sku             text NOT NULL,
        returned_units  bigint NOT NULL,
        return_claims   bigint NOT NULL,
        PRIMARY KEY (shop_id, week, opened_week, sku)
      )`);
    await q.query(`
      CREATE TABLE shop_settings (
        shop_id             smallint PRIMARY KEY,
        return_window_days  integer NOT NULL DEFAULT 30 CHECK (return_window_days BETWEEN 1 AND 365),
        targets             jsonb NOT NULL DEFAULT '{}',
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('DELETE FROM rollup_state');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS shop_settings');
    await q.query('DROP TABLE IF EXISTS rollup_returns_cohort_week');
  }
}
