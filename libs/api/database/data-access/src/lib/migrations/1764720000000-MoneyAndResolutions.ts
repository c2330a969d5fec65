import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money and resolutions (docs/metrics.md, "Money and resolutions"):
 * - `claims.cost_amount`: what handling the claim cost the shop besides a refund
 *   (replacement goods, repair, shipping), in the claim's currency; optional;
 * - `claims_money`: the claims that carry money, by the instant the money went out (the
 *   refund's, else the resolution's), so the money rollups of a batch's weeks and the raw
 *   money questions read only those weeks;
 * - `rollup_refunds_week` now counts refunds in the week they were paid (rebuilt at the next
 *   start: `rollup_state` is cleared);
 * - `rollup_claims_resolution_week`: claims by opening week, SKU, reason, resolution outcome
 *   and currency, with the money paid so far;
 * - `rollup_money_week`: refunds paid and handling costs by the week the money went out.
 */
export class MoneyAndResolutions1764720000000 implements MigrationInterface {
  name = 'MoneyAndResolutions1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims
      ADD COLUMN cost_amount numeric(14, 2) CHECK (cost_amount >= 0),
      ADD CONSTRAINT claims_cost_has_currency CHECK (cost_amount IS NULL OR currency IS NOT NULL)`);
    await q.query(`
      CREATE INDEX claims_money ON claims (shop_id, (COALESCE(refunded_at, resolved_at)))
       WHERE refund_amount IS NOT NULL OR cost_amount IS NOT NULL`);
    const money =
      'refund_claims integer NOT NULL, refund_amount numeric(16, 2) NOT NULL, cost_claims integer NOT NULL, cost_amount numeric(16, 2) NOT NULL';
    await q.query(`
      CREATE TABLE rollup_claims_resolution_week (
        shop_id smallint NOT NULL,
        week date NOT NULL,
        sku text NOT NULL,
        reason_code text NOT NULL,
        reason_category text NOT NULL,
        resolution text NOT NULL,
        currency text NOT NULL,
        claims integer NOT NULL,
        units integer NOT NULL,
        ${money},
        PRIMARY KEY (shop_id, week, sku, reason_code, resolution, currency)
      )`);
    await q.query(`
      CREATE TABLE rollup_money_week (
        shop_id smallint NOT NULL,
        week date NOT NULL,
        sku text NOT NULL,
        reason_code text NOT NULL,
        reason_category text NOT NULL,
        currency text NOT NULL,
        claims integer NOT NULL,
        ${money},
        PRIMARY KEY (shop_id, week, sku, reason_code, currency)
      )`);
    // Refunds move to the week they were paid: every rollup is rebuilt at the next start.
    await q.query('DELETE FROM rollup_state');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS rollup_money_week, rollup_claims_resolution_week');
    await q.query('DROP INDEX IF EXISTS claims_money');
    await q.query(`ALTER TABLE claims
      DROP CONSTRAINT IF EXISTS claims_cost_has_currency,
      DROP COLUMN IF EXISTS cost_amount`);
    await q.query('DELETE FROM rollup_state');
  }
}
