/**
 * Until accounts carry a shop, every request reads and writes the first shop. Every fact
 * table carries `shop_id`, the column it would be distributed by
 * (docs/decisions/0003-shop-id-distribution-column.md).
 */
export const DEFAULT_SHOP_ID = 1;
