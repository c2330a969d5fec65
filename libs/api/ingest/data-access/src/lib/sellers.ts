import type { PoolClient } from 'pg';
import type { RollupsService } from '@returnlens/api/rollups/data-access';
import type { CodedWarning } from '@returnlens/api/ingest/util';
import { STAGE_TABLE } from './ingest.tables';

/**
 * Marketplace sellers (docs/domain.md, "Suppliers and sellers"). A staged claim or review
 * about an order line takes that line's seller (the line's word wins over the file's); run
 * before the merge.
 */
export async function takeLineSellers(client: PoolClient, shopId: number): Promise<void> {
  await client.query(
    `UPDATE ${STAGE_TABLE} s SET supplier_id = x.supplier_id
       FROM sales x
      WHERE s.ok AND s.order_id IS NOT NULL AND s.sku IS NOT NULL
        AND x.shop_id = $1 AND x.order_id = s.order_id AND x.sku = s.sku AND x.supplier_id IS NOT NULL
        AND s.supplier_id IS DISTINCT FROM x.supplier_id`,
    [shopId],
  );
}

/**
 * After a sales batch's merge: sellers not in the supplier list become suppliers named by
 * their id (a supplier file later gives their names), and the claims and reviews stored
 * before their lines take the lines' sellers, their rollups recomputed. Returns the ids of
 * the sellers added.
 */
export async function afterSalesWithSellers(
  client: PoolClient,
  shopId: number,
  batchId: string,
  rollups: RollupsService,
): Promise<string[]> {
  const added = (
    await client.query<{ id: string }>(
      `INSERT INTO suppliers (shop_id, external_id, name, batch_id)
       SELECT DISTINCT $1::smallint, s.supplier_id, s.supplier_id, $2::bigint FROM ${STAGE_TABLE} s
        WHERE s.ok AND s.supplier_id IS NOT NULL
       ON CONFLICT DO NOTHING RETURNING external_id AS id`,
      [shopId, batchId],
    )
  ).rows
    .map((r) => r.id)
    .sort();
  const claims = await client.query(
    `UPDATE claims c SET supplier_id = s.supplier_id, updated_at = now()
       FROM ${STAGE_TABLE} s
      WHERE s.ok AND s.supplier_id IS NOT NULL
        AND c.shop_id = $1 AND c.order_id = s.order_id AND c.sku = s.sku
        AND c.supplier_id IS DISTINCT FROM s.supplier_id`,
    [shopId],
  );
  if (claims.rowCount) {
    await rollups.refreshStored(
      client,
      'claims',
      `(t.order_id, t.sku) IN (SELECT order_id, sku FROM ${STAGE_TABLE} WHERE ok AND supplier_id IS NOT NULL)`,
    );
  }
  await client.query(
    `UPDATE feedback f SET supplier_id = s.supplier_id, updated_at = now()
       FROM ${STAGE_TABLE} s
      WHERE s.ok AND s.supplier_id IS NOT NULL
        AND f.shop_id = $1 AND f.order_id = s.order_id AND f.sku = s.sku
        AND f.supplier_id IS DISTINCT FROM s.supplier_id`,
    [shopId],
  );
  // Reviews about the batch's orders: their lines (and sellers) may have changed.
  await rollups.refreshStored(
    client,
    'feedback',
    `t.order_id IN (SELECT order_id FROM ${STAGE_TABLE} WHERE ok AND order_id IS NOT NULL)`,
  );
  return added;
}

/**
 * The batch report's words on the sellers a sales batch added to the supplier list, with their
 * code and values (`note.sellersAdded`) for the reader's language.
 */
export function sellerWarnings(added: readonly string[]): CodedWarning[] {
  if (!added.length) return [];
  const shown = added.slice(0, 8).map((id) => `"${id}"`);
  const more = added.length > 8 ? added.length - 8 : 0;
  return [
    {
      message:
        added.length === 1
          ? `1 seller was not in the supplier list and was added, named by its id (a supplier file gives its name): ${shown[0]}.`
          : `${added.length.toLocaleString('en-US')} sellers were not in the supplier list and were added, named by their id (a supplier file gives their names): ${shown.join(', ')}${more ? ` and ${more} more` : ''}.`,
      code: {
        code: 'note.sellersAdded',
        params: { count: added.length, sellers: shown.join(', '), more },
      },
    },
  ];
}
