import {
  cohortOrderedAt,
  feedbackLinesSql,
  defectUnits,
  RETURN_TYPES_SQL,
  durationBucket,
  durationValuesSql,
  feedbackLabel,
  moneyAt,
  moneyClaim,
  refundPaid,
  repeatContact,
  resolutionOutcome,
  slaRowsSql,
  SLA_ROWS_BY_HOUR_ASSIGNEE,
  SLA_ROWS_BY_HOUR_CHANNEL,
  SLA_ROWS_BY_WEEK,
  timedClaimsSql,
  weekOf,
} from '@returnlens/api/shared/sql';

/**
 * The statements that maintain the weekly rollups. They name their parameters `{shop}`
 * (shop id), `{tz}` (the shop's time zone) and — for an incremental refresh — `{weeks}` (the
 * Mondays, local dates, of the weeks to recompute); `bindSql` turns them into positional
 * parameters. Metric definitions come from `@returnlens/api/shared/sql`.
 *
 * Raw rows are read per week through the `(shop_id, <time column>)` indexes, so refreshing
 * the weeks a batch touched costs those weeks, not the table.
 */

export type RollupScope = 'weeks' | 'all';

/** Mondays whose weeks are recomputed; only meaningful for the `weeks` scope. */
const WEEKS_PARAM = '{weeks}::date[]';

/** Raw rows of `table` whose `column` falls in the refreshed weeks (or every row). */
function rawScope(table: string, alias: string, column: string, scope: RollupScope): string {
  if (scope === 'all') return `${table} ${alias}`;
  return `unnest(${WEEKS_PARAM}) AS w(week)
     JOIN ${table} ${alias}
       ON ${alias}.shop_id = {shop}
      AND ${alias}.${column} >= (w.week::timestamp AT TIME ZONE {tz})
      AND ${alias}.${column} <  ((w.week + 7)::timestamp AT TIME ZONE {tz})`;
}

const rawWhere = (alias: string, scope: RollupScope) =>
  scope === 'all' ? `WHERE ${alias}.shop_id = {shop}` : '';

const rollupWhere = (scope: RollupScope, alias = '') =>
  `${alias}shop_id = {shop}${scope === 'weeks' ? ` AND ${alias}week = ANY(${WEEKS_PARAM})` : ''}`;

const TIMED_CLAIMS = (scope: RollupScope) =>
  timedClaimsSql(claimsSource(scope), rawWhere('c', scope));

/**
 * The claims of the refreshed weeks, read once through the index and kept in a temporary
 * table that every claims rollup statement then scans (instead of each reading the weeks
 * again); only the columns the rollups use.
 */
const CLAIMS_SCOPE = 'rollup_claims_scope';
const CLAIMS_SCOPE_SQL = [
  `DROP TABLE IF EXISTS ${CLAIMS_SCOPE}`,
  `CREATE TEMP TABLE ${CLAIMS_SCOPE} ON COMMIT DROP AS
   SELECT c.shop_id, c.opened_at, c.first_response_at, c.resolved_at, c.refunded_at, c.type, c.channel,
          c.resolution, c.assignee, c.reason_code, c.reason_source, c.quantity, c.inspection_outcome,
          c.contact_count, c.sku, c.currency, c.refund_amount, c.stated_reason_code, c.inferred_reason_code,
          c.status, c.cost_amount, c.supplier_id,
          c.reason_text IS NOT NULL AS has_reason_text
     FROM ${rawScope('claims', 'c', 'opened_at', 'weeks')}`,
  `ANALYZE ${CLAIMS_SCOPE}`,
];

/** Where the claims rollups read claims from: the scope's table, or every claim. */
const claimsSource = (scope: RollupScope) =>
  scope === 'weeks' ? `${CLAIMS_SCOPE} c` : rawScope('claims', 'c', 'opened_at', scope);

/**
 * The claims whose money went out (`moneyAt`: refund, else resolution) in the refreshed weeks,
 * through the `claims_money` index, or every such claim.
 */
function moneySource(scope: RollupScope): string {
  if (scope === 'all') return `claims c WHERE c.shop_id = {shop} AND ${moneyClaim('c')}`;
  return `unnest(${WEEKS_PARAM}) AS w(week)
     JOIN claims c
       ON c.shop_id = {shop}
      AND (c.refund_amount IS NOT NULL OR c.cost_amount IS NOT NULL)
      AND ${moneyAt('c')} >= (w.week::timestamp AT TIME ZONE {tz})
      AND ${moneyAt('c')} <  ((w.week + 7)::timestamp AT TIME ZONE {tz})
    WHERE ${moneyClaim('c')}`;
}

/** Refunds paid and handling costs, per claim or summed: the measures of the money rollups. */
const MONEY_VALUES = `count(*) FILTER (WHERE ${refundPaid('c')}),
            COALESCE(sum(c.refund_amount) FILTER (WHERE ${refundPaid('c')}), 0),
            count(c.cost_amount), COALESCE(sum(c.cost_amount), 0)`;
const MONEY_MEASURES = 'refund_claims, refund_amount, cost_claims, cost_amount';

/** A claim with a reason text, in either source. */
const hasReasonText = (scope: RollupScope) =>
  scope === 'weeks' ? 'c.has_reason_text' : 'c.reason_text IS NOT NULL';

/** The shop condition of the feedback lines (the weeks' scope already has it). */
const FEEDBACK_SHOP = (scope: RollupScope) => (scope === 'all' ? 'f.shop_id = {shop}' : '');

/** The seller of a fact row's line ('' for none): the key of the SKU-level rollups. */
const SELLER = (alias: string) => `COALESCE(${alias}.supplier_id, '')`;

/**
 * The supplier of a SKU rollup row `s` (with `p` its product): the line's seller when there
 * is one, else the product's supplier (docs/domain.md, "Suppliers and sellers").
 */
const LINE_SUPPLIER = `COALESCE(NULLIF(s.seller_id, ''), p.supplier_id, '')`;

/**
 * Every rollup row is written in the order of its week (the second column of each INSERT's
 * SELECT): a rollup then lies on disk week after week, and a question about twelve weeks
 * reads the pages of those weeks only. Written in hash-aggregate order, the rows of a week
 * were spread over the whole table, so a 12-week read touched nearly every page — as many
 * at 10 M claims as the table has (docs/performance.md).
 */
const IN_WEEK_ORDER = 'ORDER BY 2';

const CLAIM_MEASURES = ['claims', 'units', 'defect_units', 'repeat_claims'];
const SALES_MEASURES = ['lines', 'units'];
const FEEDBACK_MEASURES = ['items', 'scored', 'score_sum'];

/**
 * `target` recomputed from the finer rollup `source` for the refreshed weeks: grouped by
 * `keys` (expressions over `s`, the source, and `p`, the product of `s.sku` when `catalogue`).
 */
function derive(
  scope: RollupScope,
  target: string,
  source: string,
  keys: Record<string, string>,
  measures: readonly string[],
  catalogue = false,
): string[] {
  const names = Object.keys(keys);
  return [
    `DELETE FROM ${target} WHERE ${rollupWhere(scope)}`,
    `INSERT INTO ${target} (shop_id, week, ${[...names, ...measures].join(', ')})
     SELECT {shop}, s.week, ${Object.values(keys).join(', ')}, ${measures.map((m) => `sum(s.${m})`).join(', ')}
       FROM ${source} s
       ${catalogue ? 'LEFT JOIN products p ON p.shop_id = s.shop_id AND p.sku = s.sku' : ''}
      WHERE ${rollupWhere(scope, 's.')}
      GROUP BY ${['s.week', ...Object.values(keys)].join(', ')}
      ${IN_WEEK_ORDER}`,
  ];
}

const CLAIM_VALUES = `count(*), sum(c.quantity), sum(${defectUnits()}), count(*) FILTER (WHERE ${repeatContact()})`;

/**
 * Claims by category, channel, type and reason (decision 0029): the claims `source` (SQL over
 * `c`, with its `where`) counted under their product's current category. Without a finer rollup
 * to derive it from, it is computed from claims — and after a catalogue change, for the weeks
 * of the products whose category changed (`categoryChangeWeeksSql`).
 */
function claimsCubeSql(scope: RollupScope, source: string, where: string): string[] {
  return [
    `DELETE FROM rollup_claims_cube_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_claims_cube_week
       (shop_id, week, category, channel, type, reason_code, reason_category, reason_source, ${CLAIM_MEASURES.join(', ')})
     SELECT {shop}, ${weekOf('c.opened_at')}, COALESCE(p.category, ''), c.channel, c.type, c.reason_code, r.category_code,
            c.reason_source, ${CLAIM_VALUES}
       FROM ${source}
       JOIN reasons r ON r.code = c.reason_code
       LEFT JOIN products p ON p.shop_id = {shop} AND p.sku = c.sku
      ${where}
      GROUP BY 2, 3, 4, 5, 6, 7, 8
      ${IN_WEEK_ORDER}`,
  ];
}

/**
 * Weeks (local Mondays) with claims of the staged products whose category the batch changes
 * (a new product included: its claims had none), read before the merge from the SKU rollup.
 */
export function categoryChangeWeeksSql(stage: string): string {
  return `
    SELECT COALESCE(array_agg(DISTINCT to_char(w.week, 'YYYY-MM-DD')), '{}') AS weeks
      FROM ${stage} s
      LEFT JOIN products p ON p.shop_id = {shop} AND p.sku = s.sku
      JOIN rollup_claims_sku_week w ON w.shop_id = {shop} AND w.sku = s.sku
     WHERE s.ok AND COALESCE(p.category, '') IS DISTINCT FROM COALESCE(s.category, '')`;
}

/** The cube's weeks `{weeks}` recomputed from the stored claims (after a catalogue change). */
export const REFRESH_CLAIMS_CUBE_SQL = claimsCubeSql(
  'weeks',
  rawScope('claims', 'c', 'opened_at', 'weeks'),
  '',
);

export function refreshClaimsSql(scope: RollupScope): string[] {
  return [
    ...(scope === 'weeks' ? CLAIMS_SCOPE_SQL : []),
    `DELETE FROM rollup_claims_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_claims_week
       (shop_id, week, reason_code, reason_category, reason_source, type, channel, ${CLAIM_MEASURES.join(', ')})
     SELECT {shop}, ${weekOf('c.opened_at')}, c.reason_code, r.category_code, c.reason_source, c.type, c.channel,
            ${CLAIM_VALUES}
       FROM ${claimsSource(scope)}
       JOIN reasons r ON r.code = c.reason_code
      ${rawWhere('c', scope)}
      GROUP BY 2, 3, 4, 5, 6, 7
      ${IN_WEEK_ORDER}`,
    ...derive(
      scope,
      'rollup_claims_reason_week',
      'rollup_claims_week',
      {
        reason_code: 's.reason_code',
        reason_category: 's.reason_category',
        reason_source: 's.reason_source',
      },
      CLAIM_MEASURES,
    ),
    // Refunds in the week they were paid; money in the week it went out (docs/metrics.md).
    `DELETE FROM rollup_refunds_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_refunds_week (shop_id, week, type, channel, currency, refund_claims, refund_amount)
     SELECT {shop}, ${weekOf('c.refunded_at')}, c.type, c.channel, c.currency, count(*), sum(c.refund_amount)
       FROM ${moneySource(scope)} AND ${refundPaid('c')}
      GROUP BY 2, 3, 4, 5
      ${IN_WEEK_ORDER}`,
    `DELETE FROM rollup_money_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_money_week
       (shop_id, week, sku, seller_id, reason_code, reason_category, currency, claims, ${MONEY_MEASURES})
     SELECT {shop}, ${weekOf(moneyAt('c'))}, COALESCE(c.sku, ''), ${SELLER('c')}, c.reason_code, r.category_code, c.currency,
            count(*), ${MONEY_VALUES}
       FROM (SELECT c.* FROM ${moneySource(scope)}) c
       JOIN reasons r ON r.code = c.reason_code
      GROUP BY 2, 3, 4, 5, 6, 7
      ${IN_WEEK_ORDER}`,
    // The resolution mix of the claims opened in the week, with the money paid on them so far.
    `DELETE FROM rollup_claims_resolution_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_claims_resolution_week
       (shop_id, week, sku, seller_id, reason_code, reason_category, resolution, currency, claims, units, ${MONEY_MEASURES})
     SELECT {shop}, ${weekOf('c.opened_at')}, COALESCE(c.sku, ''), ${SELLER('c')}, c.reason_code, r.category_code,
            ${resolutionOutcome('c')}, COALESCE(c.currency, ''), count(*), sum(c.quantity), ${MONEY_VALUES}
       FROM ${claimsSource(scope)}
       JOIN reasons r ON r.code = c.reason_code
      ${rawWhere('c', scope)}
      GROUP BY 2, 3, 4, 5, 6, 7, 8
      ${IN_WEEK_ORDER}`,
    `DELETE FROM rollup_claims_sku_reason_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_claims_sku_reason_week
       (shop_id, week, sku, seller_id, reason_code, reason_category, ${CLAIM_MEASURES.join(', ')})
     SELECT {shop}, ${weekOf('c.opened_at')}, COALESCE(c.sku, ''), ${SELLER('c')}, c.reason_code, r.category_code, ${CLAIM_VALUES}
       FROM ${claimsSource(scope)}
       JOIN reasons r ON r.code = c.reason_code
      ${rawWhere('c', scope)}
      GROUP BY 2, 3, 4, 5, 6
      ${IN_WEEK_ORDER}`,
    ...derive(
      scope,
      'rollup_claims_sku_week',
      'rollup_claims_sku_reason_week',
      { sku: 's.sku', seller_id: 's.seller_id' },
      CLAIM_MEASURES,
    ),
    ...claimsCubeSql(scope, claimsSource(scope), rawWhere('c', scope)),
    `DELETE FROM rollup_reason_pairs_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_reason_pairs_week (shop_id, week, stated, inferred, claims)
     SELECT {shop}, ${weekOf('c.opened_at')}, COALESCE(c.stated_reason_code, ''), COALESCE(c.inferred_reason_code, ''), count(*)
       FROM ${claimsSource(scope)}
      ${scope === 'all' ? 'WHERE c.shop_id = {shop} AND' : 'WHERE'} ${hasReasonText(scope)}
      GROUP BY 2, 3, 4
      ${IN_WEEK_ORDER}`,
    ...deriveClaimsSupplierSql(scope),
    ...refreshSlaSql(scope),
    ...(scope === 'weeks' ? [`DROP TABLE ${CLAIMS_SCOPE}`] : []),
  ];
}

/**
 * SLA and duration rollups. The per-claim durations (four calendar-day lookups each) are
 * computed once into a temporary table that every SLA rollup reads; the weekly and the hourly
 * SLA counts come from one pass over it (`slaRowsSql`).
 */
export function refreshSlaSql(scope: RollupScope): string[] {
  const timed = 'SELECT * FROM rollup_timed';
  const hourly = (table: string, key: string, grouping: number) => [
    `DELETE FROM ${table} WHERE ${rollupWhere(scope)}`,
    `INSERT INTO ${table} (shop_id, week, policy_id, hour, ${key}, met, breached, open_claims)
     SELECT {shop}, x.week, x.policy_id, x.hour, x.${key}, x.met, x.breached, x.open_claims
       FROM rollup_sla_rows x WHERE x.g = ${grouping}
      ${IN_WEEK_ORDER}`,
  ];
  return [
    'DROP TABLE IF EXISTS rollup_timed, rollup_sla_rows, rollup_duration_values',
    `CREATE TEMP TABLE rollup_timed (
       type text, channel text, resolution text, assignee text, week date,
       first_response_calendar float8, resolution_calendar float8, refund_calendar float8,
       first_response_business float8, resolution_business float8, refund_business float8,
       hour timestamptz, open boolean
     ) ON COMMIT DROP`,
    `INSERT INTO rollup_timed ${TIMED_CLAIMS(scope)}`,
    // Met and breached per week, policy, type, channel and assignee, and per opening hour,
    // once for the four rollups.
    `CREATE TEMP TABLE rollup_sla_rows ON COMMIT DROP AS ${slaRowsSql(timed)}`,
    `DELETE FROM rollup_sla_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_sla_week (shop_id, week, policy_id, type, channel, met, breached)
     SELECT {shop}, x.week, x.policy_id, x.type, x.channel, sum(x.met), sum(x.breached)
       FROM rollup_sla_rows x WHERE x.g = ${SLA_ROWS_BY_WEEK}
      GROUP BY 2, 3, 4, 5 HAVING sum(x.met) + sum(x.breached) > 0
      ${IN_WEEK_ORDER}`,
    `DELETE FROM rollup_sla_assignee_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_sla_assignee_week (shop_id, week, policy_id, assignee, met, breached)
     SELECT {shop}, x.week, x.policy_id, x.assignee, sum(x.met), sum(x.breached)
       FROM rollup_sla_rows x WHERE x.g = ${SLA_ROWS_BY_WEEK}
      GROUP BY 2, 3, 4 HAVING sum(x.met) + sum(x.breached) > 0
      ${IN_WEEK_ORDER}`,
    ...hourly('rollup_sla_hour', 'channel', SLA_ROWS_BY_HOUR_CHANNEL),
    ...hourly('rollup_sla_assignee_hour', 'assignee', SLA_ROWS_BY_HOUR_ASSIGNEE),
    // The open claims by opening hour: censored durations, backlog aging, overdue counts.
    `DELETE FROM rollup_open_hour WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_open_hour (shop_id, week, hour, type, first_response_pending, refunded, claims)
     SELECT {shop}, t.week, t.hour, t.type, t.first_response_calendar IS NULL, t.refund_calendar IS NOT NULL, count(*)
       FROM rollup_timed t WHERE t.open
      GROUP BY 2, 3, 4, 5, 6
      ${IN_WEEK_ORDER}`,
    // Every measured duration, once for the percentiles and the histogram.
    `CREATE TEMP TABLE rollup_duration_values ON COMMIT DROP AS ${durationValuesSql(timed)}`,
    `DELETE FROM rollup_duration_stats_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_duration_stats_week (shop_id, week, metric, clock, n, p50, p90)
     SELECT {shop}, d.week, d.metric, d.clock, count(*),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY d.hours), percentile_cont(0.9) WITHIN GROUP (ORDER BY d.hours)
       FROM rollup_duration_values d
      GROUP BY 2, 3, 4
      ${IN_WEEK_ORDER}`,
    `DELETE FROM rollup_durations_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_durations_week (shop_id, week, metric, clock, bucket, n)
     SELECT {shop}, d.week, d.metric, d.clock, ${durationBucket('d.hours')}, count(*)
       FROM rollup_duration_values d
      GROUP BY 2, 3, 4, 5
      ${IN_WEEK_ORDER}`,
    'DROP TABLE rollup_timed, rollup_sla_rows, rollup_duration_values',
  ];
}

/** Supplier and category rollups of claims, from the SKU rollup and the current catalogue. */
export function deriveClaimsSupplierSql(scope: RollupScope): string[] {
  const reason = { reason_code: 's.reason_code', reason_category: 's.reason_category' };
  return [
    ...derive(
      scope,
      'rollup_claims_supplier_week',
      'rollup_claims_sku_reason_week',
      { supplier_id: LINE_SUPPLIER, ...reason },
      CLAIM_MEASURES,
      true,
    ),
    ...derive(
      scope,
      'rollup_claims_category_week',
      'rollup_claims_sku_reason_week',
      { category: `COALESCE(p.category, '')`, ...reason },
      CLAIM_MEASURES,
      true,
    ),
  ];
}

export function refreshSalesSql(scope: RollupScope): string[] {
  return [
    `DELETE FROM rollup_sales_sku_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_sales_sku_week (shop_id, week, sku, seller_id, lines, units)
     SELECT {shop}, ${weekOf('x.ordered_at')}, x.sku, ${SELLER('x')}, count(*), sum(x.quantity)
       FROM ${rawScope('sales', 'x', 'ordered_at', scope)}
      ${rawWhere('x', scope)}
      GROUP BY 2, 3, 4
      ${IN_WEEK_ORDER}`,
    ...deriveSalesSupplierSql(scope),
    ...refreshReturnsCohortSql(scope),
  ];
}

/**
 * Returned units by order cohort (the week the order line was placed), opening week and
 * SKU. Scoped by cohort weeks (`param`, Mondays): the claims recomputed are those of the
 * orders placed in those weeks, found through the sales of the weeks.
 */
export function refreshReturnsCohortSql(scope: RollupScope, param = '{weeks}'): string[] {
  const cohortWeeks = `${param}::date[]`;
  const scoped =
    scope === 'all'
      ? ''
      : `AND c.order_id IN (
           SELECT x.order_id FROM unnest(${cohortWeeks}) AS w(week)
             JOIN sales x ON x.shop_id = {shop}
              AND x.ordered_at >= (w.week::timestamp AT TIME ZONE {tz})
              AND x.ordered_at <  ((w.week + 7)::timestamp AT TIME ZONE {tz}))`;
  return [
    `DELETE FROM rollup_returns_cohort_week
      WHERE shop_id = {shop}${scope === 'weeks' ? ` AND week = ANY(${cohortWeeks})` : ''}`,
    `INSERT INTO rollup_returns_cohort_week (shop_id, week, opened_week, sku, seller_id, returned_units, return_claims)
     SELECT {shop}, ${weekOf('o.ordered_at')}, ${weekOf('c.opened_at')}, COALESCE(c.sku, ''), ${SELLER('c')}, sum(c.quantity), count(*)
       FROM claims c
       CROSS JOIN LATERAL (SELECT ${cohortOrderedAt('c')} AS ordered_at) o
      WHERE c.shop_id = {shop} AND c.type IN (${RETURN_TYPES_SQL}) AND o.ordered_at IS NOT NULL
        ${scoped}
        ${scope === 'weeks' ? `AND ${weekOf('o.ordered_at')} = ANY(${cohortWeeks})` : ''}
      GROUP BY 2, 3, 4, 5
      ${IN_WEEK_ORDER}`,
  ];
}

/**
 * Cohort weeks a claims batch touches: the order weeks of the staged claims' orders and of
 * the stored claims they replace (an order or SKU may change).
 */
export function touchedCohortWeeksSql(stage: string): string {
  return `
    SELECT COALESCE(array_agg(DISTINCT to_char(${weekOf('o.ordered_at')}, 'YYYY-MM-DD')), '{}') AS weeks
      FROM (
        SELECT ${cohortOrderedAt('k')} AS ordered_at FROM (
          SELECT {shop}::smallint AS shop_id, s.order_id, s.sku FROM ${stage} s WHERE s.ok AND s.order_id IS NOT NULL
          UNION
          SELECT t.shop_id, t.order_id, t.sku FROM ${stage} s
            JOIN claims t ON t.shop_id = {shop} AND t.external_id = s.external_id
           WHERE s.ok AND t.order_id IS NOT NULL
        ) k
      ) o
     WHERE o.ordered_at IS NOT NULL`;
}

export function deriveSalesSupplierSql(scope: RollupScope): string[] {
  return [
    ...derive(
      scope,
      'rollup_sales_supplier_week',
      'rollup_sales_sku_week',
      { supplier_id: LINE_SUPPLIER },
      SALES_MEASURES,
      true,
    ),
    ...derive(
      scope,
      'rollup_sales_category_week',
      'rollup_sales_sku_week',
      { category: `COALESCE(p.category, '')` },
      SALES_MEASURES,
      true,
    ),
  ];
}

export function refreshFeedbackSql(scope: RollupScope): string[] {
  return [
    `DELETE FROM rollup_feedback_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_feedback_week (shop_id, week, language, source, rating, label, items, scored, score_sum)
     SELECT {shop}, ${weekOf('f.created_at')}, COALESCE(f.language, ''), f.source, COALESCE(f.rating, 0)::text,
            ${feedbackLabel()}, count(*), count(f.sentiment_score), COALESCE(sum(f.sentiment_score), 0)
       FROM ${rawScope('feedback', 'f', 'created_at', scope)}
      ${rawWhere('f', scope)}
      GROUP BY 2, 3, 4, 5, 6
      ${IN_WEEK_ORDER}`,
    `DELETE FROM rollup_feedback_sku_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_feedback_sku_week (shop_id, week, sku, seller_id, label, items, scored, score_sum)
     SELECT {shop}, ${weekOf('f.created_at')}, f.line_sku, f.line_seller, ${feedbackLabel()},
            count(*), count(f.sentiment_score), COALESCE(sum(f.sentiment_score), 0)
       FROM (${feedbackLinesSql(rawScope('feedback', 'f', 'created_at', scope), FEEDBACK_SHOP(scope))}) f
      GROUP BY 2, 3, 4, 5
      ${IN_WEEK_ORDER}`,
    ...deriveFeedbackSupplierSql(scope),
    ...aspectRollupSql(scope, 'rollup_aspects_sku_week', 'sku', `COALESCE(f.sku, '')`),
    ...aspectRollupSql(scope, 'rollup_aspects_week', 'language', `COALESCE(f.language, '')`),
  ];
}

/** Aspect mentions (`feedback.aspects`, a JSON array) with their sentiment, by `column`. */
function aspectRollupSql(
  scope: RollupScope,
  table: string,
  column: string,
  value: string,
): string[] {
  return [
    `DELETE FROM ${table} WHERE ${rollupWhere(scope)}`,
    `INSERT INTO ${table} (shop_id, week, ${column}, aspect, sentiment, items)
     SELECT {shop}, ${weekOf('f.created_at')}, ${value}, a.value->>'aspect', a.value->>'sentiment', count(*)
       FROM ${rawScope('feedback', 'f', 'created_at', scope)}
       CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.aspects) = 'array' THEN f.aspects ELSE '[]'::jsonb END) a
      ${scope === 'all' ? 'WHERE f.shop_id = {shop} AND' : 'WHERE'} a.value->>'aspect' IS NOT NULL AND a.value->>'sentiment' IS NOT NULL
      GROUP BY 2, 3, 4, 5
      ${IN_WEEK_ORDER}`,
  ];
}

/**
 * Feedback by supplier and by category: an item about an order counts once for each
 * supplier (category) among its lines, never twice for one; so these are computed from the
 * feedback's lines, not summed from the SKU rollup.
 */
export function deriveFeedbackSupplierSql(scope: RollupScope): string[] {
  const by = (table: string, column: string, value: string) => [
    `DELETE FROM ${table} WHERE ${rollupWhere(scope)}`,
    `INSERT INTO ${table} (shop_id, week, ${column}, label, items, scored, score_sum)
     SELECT {shop}, d.week, d.key, d.label, count(*), count(d.sentiment_score), COALESCE(sum(d.sentiment_score), 0)
       FROM (SELECT DISTINCT f.external_id, ${weekOf('f.created_at')} AS week, ${value} AS key,
                    ${feedbackLabel()} AS label, f.sentiment_score
               FROM (${feedbackLinesSql(rawScope('feedback', 'f', 'created_at', scope), FEEDBACK_SHOP(scope))}) f
               LEFT JOIN products p ON p.shop_id = f.shop_id AND p.sku = NULLIF(f.line_sku, '')) d
      GROUP BY 2, 3, 4
      ${IN_WEEK_ORDER}`,
  ];
  return [
    ...by(
      'rollup_feedback_supplier_week',
      'supplier_id',
      `COALESCE(NULLIF(f.line_seller, ''), p.supplier_id, '')`,
    ),
    ...by('rollup_feedback_category_week', 'category', `COALESCE(p.category, '')`),
  ];
}

/**
 * After the catalogue changed: every supplier/category rollup, re-derived (claims and sales
 * from their SKU rollups; feedback from its lines).
 */
export const DERIVE_ALL_SUPPLIER_SQL = [
  ...deriveClaimsSupplierSql('all'),
  ...deriveSalesSupplierSql('all'),
  ...deriveFeedbackSupplierSql('all'),
];

/** A row's instant that a rollup is keyed by, as SQL over the row's alias. */
export type RowTime = (alias: string) => string;

/** The instants claims rollups are keyed by: the opening, and when the money went out. */
export const CLAIM_TIMES: readonly RowTime[] = [
  (a) => `${a}.opened_at`,
  (a) =>
    `CASE WHEN ${a}.refund_amount IS NOT NULL OR ${a}.cost_amount IS NOT NULL THEN ${moneyAt(a)} END`,
];

/**
 * Weeks (local Mondays) of the staged rows and of the stored rows they will replace, by each
 * of the instants the kind's rollups are keyed by (a claim whose refund moves from one week
 * to another touches both).
 */
export function touchedWeeksSql(
  table: string,
  times: readonly RowTime[],
  key: string,
  stage: string,
): string {
  const weeks = (alias: string) => times.map((time) => `(${weekOf(time(alias))})`).join(', ');
  return `
    SELECT COALESCE(array_agg(DISTINCT to_char(week, 'YYYY-MM-DD')) FILTER (WHERE week IS NOT NULL), '{}') AS weeks FROM (
      SELECT unnest(ARRAY[${weeks('s')}]) AS week FROM ${stage} s WHERE s.ok
      UNION ALL
      SELECT unnest(ARRAY[${weeks('t')}]) FROM ${stage} s
        JOIN ${table} t ON t.shop_id = {shop} AND t.${key} = s.${key}
       WHERE s.ok
    ) x`;
}

/**
 * Weeks (local Mondays) of the rows a batch stored ({batch}: its id), by each of the kind's
 * instants: what a background text analysis refreshes when its batch kept no weeks.
 */
export function batchWeeksSql(table: string, times: readonly RowTime[]): string {
  const weeks = times.map((time) => `(${weekOf(time('t'))})`).join(', ');
  return `
    SELECT COALESCE(array_agg(DISTINCT to_char(week, 'YYYY-MM-DD')) FILTER (WHERE week IS NOT NULL), '{}') AS weeks FROM (
      SELECT unnest(ARRAY[${weeks}]) AS week FROM ${table} t WHERE t.shop_id = {shop} AND t.batch_id = {batch}::bigint
    ) x`;
}
