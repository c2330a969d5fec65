import type { AnalyticsFilters } from '@returnlens/shared/contracts';
import { feedbackLinesSql } from '@returnlens/api/shared/sql';
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
  const byLine = (name: string, expr: string, values?: readonly string[]) => {
    if (!values?.length) return;
    params[name] = values;
    where.push(`EXISTS (SELECT 1 FROM (${feedbackLinesSql('(SELECT f.*) f')}) l
                LEFT JOIN products lp ON lp.shop_id = l.shop_id AND lp.sku = NULLIF(l.line_sku, '')
               WHERE ${expr} = ANY({${name}}::text[]))`);
  };
  byLine('fSupplier', `COALESCE(NULLIF(l.line_seller, ''), lp.supplier_id)`, filters.supplier);
  byLine('fProduct', 'l.line_sku', filters.product);
  byLine('fCategory', 'lp.category', filters.category);
  if (filters.language?.length) {
    params['fLanguage'] = filters.language;
    where.push(`COALESCE(f.language, '') = ANY({fLanguage}::text[])`);
  }
  return where;
}
