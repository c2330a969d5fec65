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
