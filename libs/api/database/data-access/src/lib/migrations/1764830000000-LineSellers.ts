import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SKU-level rollups and their keys (besides shop and week), the seller added after the SKU. */
const SKU_ROLLUPS: readonly [string, string][] = [
  ['rollup_claims_sku_week', 'sku, seller_id'],
  ['rollup_claims_sku_reason_week', 'sku, seller_id, reason_code'],
  ['rollup_claims_resolution_week', 'sku, seller_id, reason_code, resolution, currency'],
  ['rollup_money_week', 'sku, seller_id, reason_code, currency'],
  ['rollup_sales_sku_week', 'sku, seller_id'],
  ['rollup_feedback_sku_week', 'sku, seller_id, label'],
  ['rollup_returns_cohort_week', 'opened_week, sku, seller_id'],
];

/**
 * Marketplace sellers (docs/domain.md, "Suppliers and sellers"): the seller is a property of
 * the order line, not of the product.
 * - `sales.supplier_id`: the line's seller, when the file names one;
 * - `claims.supplier_id`, `feedback.supplier_id`: the seller of the line they are about
 *   (given by the file, else taken from the order line with the same order and SKU);
 * - the SKU-level rollups gain `seller_id` ('' when none), so that supplier figures use the
 *   line's seller when there is one and the product's supplier otherwise.
 * The rollups are rebuilt on the next start (the rollup state is cleared).
 */
export class LineSellers1764830000000 implements MigrationInterface {
  name = 'LineSellers1764830000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['sales', 'claims', 'feedback'])
      await q.query(`ALTER TABLE ${table} ADD COLUMN supplier_id text`);
    // Claims and reviews find their lines' sellers through claims_order and feedback_order.
    for (const [table, keys] of SKU_ROLLUPS) {
      await q.query(`TRUNCATE ${table}`);
      await q.query(`ALTER TABLE ${table}
        ADD COLUMN seller_id text NOT NULL DEFAULT '',
        DROP CONSTRAINT ${table}_pkey,
        ADD PRIMARY KEY (shop_id, week, ${keys})`);
    }
    await q.query('DELETE FROM rollup_state');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, keys] of SKU_ROLLUPS) {
      await q.query(`TRUNCATE ${table}`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, DROP COLUMN seller_id,
        ADD PRIMARY KEY (shop_id, week, ${keys.replace(', seller_id', '')})`);
    }
    for (const table of ['sales', 'claims', 'feedback'])
      await q.query(`ALTER TABLE ${table} DROP COLUMN supplier_id`);
    await q.query('DELETE FROM rollup_state');
  }
}
