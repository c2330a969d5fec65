import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rollup_claims_cube_week`: claims per week by product category, channel, type and reason
 * (docs/decisions/0029-claims-cube-for-filtered-questions.md). A question that filters or
 * groups claims by category together with channel or type — Pareto of one channel and
 * category, say — read every claim of its period before; it reads this rollup now.
 *
 * And an index on `rollup_claims_sku_reason_week` by SKU, then week: the reason mix of the
 * products a page shows (or of one product filtered) read twelve weeks of every SKU's rows
 * through the key, which leads with the week — 380 k index entries at 10 M claims for the 50
 * products of the scorecard.
 *
 * Filled by the next start's rebuild (`rollup_state` is cleared).
 */
export class ClaimsCube1764990000000 implements MigrationInterface {
  name = 'ClaimsCube1764990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_claims_cube_week (
        shop_id         smallint NOT NULL,
        week            date NOT NULL,
        category        text NOT NULL,
        channel         text NOT NULL,
        type            text NOT NULL,
        reason_code     text NOT NULL,
        reason_category text NOT NULL,
        reason_source   text NOT NULL,
        claims          integer NOT NULL,
        units           integer NOT NULL,
        defect_units    integer NOT NULL,
        repeat_claims   integer NOT NULL,
        PRIMARY KEY (shop_id, week, category, channel, type, reason_code, reason_source)
      )`);
    await q.query(
      'CREATE INDEX rollup_claims_sku_reason_week_sku ON rollup_claims_sku_reason_week (shop_id, sku, week)',
    );
    await q.query('DELETE FROM rollup_state');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX rollup_claims_sku_reason_week_sku');
    await q.query('DROP TABLE rollup_claims_cube_week');
    await q.query('DELETE FROM rollup_state');
  }
}
