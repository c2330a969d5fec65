import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANNELS, REASONS } from '@returnlens/shared/contracts';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const REASON_LIST = list(REASONS.map((r) => r.code));

/**
 * The shop's own taxonomy (docs/domain.md, "The shop's own taxonomy"):
 * - a reason value of the shop's export that is no built-in code is a reason of its own,
 *   `reasons` row `own:<shop>:<value>` with its label, its shop and the category the shop's
 *   rule puts it in (`source`: suggested from its words, set by the shop, or undecided);
 * - a channel that is no built-in one is stored on the claim as the shop writes it, and
 *   `shop_channels` says which built-in channel (or `other`) it belongs with;
 * - a feedback rating given on another scale keeps its original value and scale.
 */
export class ShopTaxonomy1764800000000 implements MigrationInterface {
  name = 'ShopTaxonomy1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reasons
      ADD COLUMN shop_id smallint,
      ADD COLUMN source text NOT NULL DEFAULT 'builtin'
        CHECK (source IN ('builtin', 'suggested', 'shop', 'undecided')),
      ADD COLUMN updated_at timestamptz,
      ADD CONSTRAINT reasons_own_code CHECK ((shop_id IS NULL) = (code NOT LIKE 'own:%'))`);
    await q.query(
      'CREATE UNIQUE INDEX reasons_own_label ON reasons (shop_id, lower(label)) WHERE shop_id IS NOT NULL',
    );
    await q.query(`ALTER TABLE claims
      DROP CONSTRAINT claims_stated_reason_known,
      ADD CONSTRAINT claims_stated_reason_known
        CHECK (stated_reason_code IN (${REASON_LIST}) OR stated_reason_code LIKE 'own:%'),
      DROP CONSTRAINT claims_channel_check,
      ADD CONSTRAINT claims_channel_given CHECK (channel <> '' AND length(channel) <= 120)`);
    await q.query(`
      CREATE TABLE shop_channels (
        shop_id        smallint NOT NULL,
        code           text NOT NULL,
        channel_group  text NOT NULL CHECK (channel_group IN (${list([...CHANNELS, 'other'])})),
        source         text NOT NULL CHECK (source IN ('suggested', 'shop', 'undecided')),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, code)
      )`);
    await q.query(
      'CREATE UNIQUE INDEX shop_channels_lower ON shop_channels (shop_id, lower(code))',
    );
    await q.query(`ALTER TABLE feedback
      ADD COLUMN rating_original numeric(7, 2),
      ADD COLUMN rating_scale text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE feedback DROP COLUMN rating_original, DROP COLUMN rating_scale');
    await q.query('DROP TABLE shop_channels');
    await q.query(
      `DELETE FROM claims WHERE stated_reason_code LIKE 'own:%' OR channel NOT IN (${list(CHANNELS)})`,
    );
    await q.query(`ALTER TABLE claims
      DROP CONSTRAINT claims_channel_given,
      ADD CONSTRAINT claims_channel_check CHECK (channel IN (${list(CHANNELS)})),
      DROP CONSTRAINT claims_stated_reason_known,
      ADD CONSTRAINT claims_stated_reason_known CHECK (stated_reason_code IN (${REASON_LIST}))`);
    await q.query("DELETE FROM reasons WHERE code LIKE 'own:%'");
    await q.query(
      'ALTER TABLE reasons DROP COLUMN shop_id, DROP COLUMN source, DROP COLUMN updated_at',
    );
  }
}
