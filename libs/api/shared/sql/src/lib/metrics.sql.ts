import { RETURN_TYPES } from '@returnlens/shared/contracts';
/**
 * The SQL of the metric definitions (docs/metrics.md), each written once and imported by the
 * rollups and by every raw-row query. Fragments name the shop's time zone `{tz}`.
 */

/** Local Monday of instant `ts` in the shop's time zone (`{tz}`): the week a row counts in. */
export const weekOf = (ts: string) => `date_trunc('week', ${ts} AT TIME ZONE {tz})::date`;

/**
 * Units of claim `claim` that count as defects: inspection `confirmed_defect`, or, when not
 * inspected, a reason of category product quality (`reason` is the claim's row of `reasons`).
 */
export const defectUnits = (claim = 'c', reason = 'r') =>
  `CASE WHEN ${claim}.inspection_outcome = 'confirmed_defect'
       OR (COALESCE(${claim}.inspection_outcome, 'not_inspected') = 'not_inspected' AND ${reason}.category_code = 'product_quality')
     THEN ${claim}.quantity ELSE 0 END`;

/** A claim with more than one contact: the numerator of the repeat-contact rate. */
export const repeatContact = (claim = 'c') => `${claim}.contact_count > 1`;

/** The label net sentiment counts: the rating's when there is one, else the text's. */
export const feedbackLabel = (feedback = 'f') =>
  `COALESCE(${feedback}.rating_label, ${feedback}.sentiment_label, '')`;

/**
 * Log bucket of a duration in hours: 0 for under a minute, else 1 + ⌊ln(minutes) / ln 1.02⌋
 * (the same as `durationBucket` of the metrics lib).
 */
export const DURATION_BUCKET_RATIO = 1.02;
export const durationBucket = (hours: string) =>
  `CASE WHEN ${hours} * 60 < 1 THEN 0 ELSE 1 + floor(ln(${hours} * 60) / ln(${DURATION_BUCKET_RATIO}))::int END`;

/** The claim types that return goods (RETURN_TYPES), as an SQL list. */
export const RETURN_TYPES_SQL = RETURN_TYPES.map((t) => `'${t}'`).join(', ');

/**
 * The order cohort of claim `claim`: when its order line was placed — the earliest
 * `ordered_at` of the sales lines of its order (and SKU, when the claim names one). NULL when
 * no sales line matches; such a return is counted apart, never in a cohort.
 */
export const cohortOrderedAt = (claim = 'c') =>
  `(SELECT min(s.ordered_at) FROM sales s
     WHERE s.shop_id = ${claim}.shop_id AND s.order_id = ${claim}.order_id
       AND (${claim}.sku IS NULL OR s.sku = ${claim}.sku))`;

/**
 * Where claim `claim` stands in the resolution mix (`RESOLUTION_OUTCOMES`): `open` while its
 * status is open or in progress, else its recorded resolution, `cancelled`, or `unrecorded`.
 */
export const resolutionOutcome = (claim = 'c') =>
  `CASE WHEN ${claim}.status IN ('open', 'in_progress') THEN 'open'
        WHEN ${claim}.resolution IS NOT NULL THEN ${claim}.resolution
        WHEN ${claim}.status = 'cancelled' THEN 'cancelled'
        ELSE 'unrecorded' END`;

/** A refund that was paid: it has a date and an amount. */
export const refundPaid = (claim = 'c') =>
  `(${claim}.refunded_at IS NOT NULL AND ${claim}.refund_amount IS NOT NULL)`;

/** When a claim's money went out: the refund's date, else the claim's resolution. */
export const moneyAt = (claim = 'c') => `COALESCE(${claim}.refunded_at, ${claim}.resolved_at)`;

/**
 * A claim that cost the shop money: a refund paid, or a handling cost (`cost_amount`) of a
 * claim that is refunded or resolved. It starts with the predicate of the `claims_money`
 * index, so scans by `moneyAt` use it.
 */
export const moneyClaim = (claim = 'c') =>
  `(${claim}.refund_amount IS NOT NULL OR ${claim}.cost_amount IS NOT NULL)
   AND (${refundPaid(claim)} OR (${claim}.cost_amount IS NOT NULL AND ${moneyAt(claim)} IS NOT NULL))`;

/**
 * The lines a feedback item is about, one row each (docs/metrics.md, "Feedback about an
 * order"): its own SKU and seller, or — when it names only an order — each distinct SKU and
 * seller among that order's lines (none known yet: one row with neither). `source` is a FROM
 * clause that binds `f`, `condition` a condition on it (or ''); the rows carry every feedback
 * column plus `line_sku` and `line_seller` ('' for none). Items with a SKU (most) are read
 * without looking at the order; only the order-only ones look up their order's lines.
 */
export const feedbackLinesSql = (source: string, condition = '') => {
  const and = condition ? `${condition} AND ` : '';
  return `
  SELECT f.*, COALESCE(f.sku, '') AS line_sku, COALESCE(f.supplier_id, '') AS line_seller
    FROM ${source}
   WHERE ${and}(f.sku IS NOT NULL OR f.order_id IS NULL)
  UNION ALL
  SELECT f.*, COALESCE(l.sku, '') AS line_sku, COALESCE(f.supplier_id, l.supplier_id, '') AS line_seller
    FROM ${source}
    LEFT JOIN LATERAL (
      SELECT DISTINCT x.sku, x.supplier_id FROM sales x
       WHERE x.shop_id = f.shop_id AND x.order_id = f.order_id
    ) l ON true
   WHERE ${and}f.sku IS NULL AND f.order_id IS NOT NULL`;
};

/**
 * Whether feedback `f` came after a late delivery (docs/metrics.md, "Feedback by delivery"):
 * `late` when any line it is about (its order's line with its SKU, or every line of the order
 * it names) was delivered after its promised date, `on_time` when all were delivered by it,
 * null when none of its lines was delivered with a promised date.
 */
export const deliveryOf = (f = 'f') =>
  `(SELECT CASE WHEN count(*) = 0 THEN NULL
                WHEN bool_or(x.delivered_at > x.promised_at) THEN 'late' ELSE 'on_time' END
      FROM sales x
     WHERE ${f}.order_id IS NOT NULL AND x.shop_id = ${f}.shop_id AND x.order_id = ${f}.order_id
       AND (${f}.sku IS NULL OR x.sku = ${f}.sku)
       AND x.delivered_at IS NOT NULL AND x.promised_at IS NOT NULL)`;
