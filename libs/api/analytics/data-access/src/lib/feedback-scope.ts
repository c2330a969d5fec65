import type { AnalyticsFilters } from '@returnlens/shared/contracts';
import type { Context } from './analytics-reader';

/**
 * The conditions on feedback `f` of a context's period and filters. Supplier, product and
 * category apply to the item's lines — its own SKU, or each line of the order it names
 * (docs/metrics.md, "Feedback about an order") — so a review of an order is found under
 * each of its sellers. Named parameters are added to `params`.
 */
export function feedbackWhere(
  ctx: Context,
  filters: AnalyticsFilters,
  params: Record<string, unknown>,
): string[] {
  params['fromTs'] = ctx.period.range.fromInstant;
  params['toTs'] = ctx.period.range.toInstant;
  const where = ['f.shop_id = {shop}', 'f.created_at >= {fromTs} AND f.created_at < {toTs}'];
  // An item with a SKU: its own line (its seller, else its product's supplier); an item that
  // names only an order: any line of that order. Both are index lookups per item.
  const byLine = (
    name: string,
    values: readonly string[] | undefined,
    own: string,
    line: string,
    lineJoin = '',
  ) => {
    if (!values?.length) return;
    params[name] = values;
    where.push(`(${own} = ANY({${name}}::text[])
      OR (f.sku IS NULL AND f.order_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM sales x ${lineJoin}
         WHERE x.shop_id = f.shop_id AND x.order_id = f.order_id AND ${line} = ANY({${name}}::text[]))))`);
  };
  const productOf = (column: string) =>
    `(SELECT fp.${column} FROM products fp WHERE fp.shop_id = f.shop_id AND fp.sku = f.sku)`;
  const lineProduct = 'LEFT JOIN products xp ON xp.shop_id = x.shop_id AND xp.sku = x.sku';
  byLine(
    'fSupplier',
    filters.supplier,
    `COALESCE(f.supplier_id, ${productOf('supplier_id')})`,
    'COALESCE(x.supplier_id, xp.supplier_id)',
    lineProduct,
  );
  byLine('fProduct', filters.product, 'f.sku', 'x.sku');
  byLine('fCategory', filters.category, productOf('category'), 'xp.category', lineProduct);
  if (filters.language?.length) {
    params['fLanguage'] = filters.language;
    where.push(`COALESCE(f.language, '') = ANY({fLanguage}::text[])`);
  }
  return where;
}
