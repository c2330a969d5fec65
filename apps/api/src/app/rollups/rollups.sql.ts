/**
 * The SQL that maintains the weekly rollups, in one place. Statements name their
 * parameters `{shop}` (shop id), `{tz}` (the shop's time zone) and — for an incremental refresh —
 * `{weeks}` (the Mondays, local dates, of the weeks to recompute); `bindSql` turns them into
 * positional parameters.
 *
 * Raw rows are read per week through the `(shop_id, <time column>)` indexes, so refreshing
 * the weeks a batch touched costs those weeks, not the table.
 */

export type RollupScope = 'weeks' | 'all';

export interface SqlParams {
  readonly shop: number;
  readonly tz?: string;
  readonly weeks?: readonly string[];
  readonly [name: string]: unknown;
}

/**
 * `{name}` placeholders → `$n`, numbered in order of first use, with the matching values.
 * Only names listed in `params` are replaced, so JSON or regex braces in SQL stay as they are.
 */
export function bindSql(sql: string, params: SqlParams): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (match, name: string) => {
    if (!(name in params)) return match;
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text, values: order.map((name) => params[name]) };
}

/** Mondays whose weeks are recomputed; only meaningful for the `weeks` scope. */
const WEEKS_PARAM = '{weeks}::date[]';

/** Local Monday of `ts` in the shop's time zone (`{tz}`). */
export const weekOf = (ts: string) => `date_trunc('week', ${ts} AT TIME ZONE {tz})::date`;

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

/** Units of a claim that count as defects (DESIGN.md §3). */
export const DEFECT_UNITS = `CASE WHEN c.inspection_outcome = 'confirmed_defect'
       OR (COALESCE(c.inspection_outcome, 'not_inspected') = 'not_inspected' AND r.category_code = 'product_quality')
     THEN c.quantity ELSE 0 END`;

/**
 * Business minutes from the calendar's epoch to instant `ts`, given `d`, the calendar day of
 * `ts` (joined on its local date): minutes of all earlier working days plus the part of the
 * day's opening periods already past.
 */
export function businessMinutesAt(ts: string, d: string): string {
  const minute = `(extract(epoch FROM (${ts} AT TIME ZONE k.time_zone)::time) / 60)`;
  const period = (s: string, e: string) => `GREATEST(0, LEAST(${minute}, ${d}.${e}) - ${d}.${s})`;
  return `(${d}.cum_before + ${period('s1', 'e1')} + ${period('s2', 'e2')} + ${period('s3', 'e3')})`;
}

/** Join of the calendar day of `ts` as alias `d` (needs `k`, the shop's business calendar). */
export const calendarDayJoin = (ts: string, d: string) =>
  `LEFT JOIN calendar_days ${d} ON ${d}.shop_id = k.shop_id AND ${d}.day = (${ts} AT TIME ZONE k.time_zone)::date`;

/**
 * Hours from opening to each measured event, by calendar and by business clock, of the
 * claims `c` that `from` and `where` select (`from` may join products as `p`).
 */
export function timedClaimsSql(from: string, where: string): string {
  return `
  SELECT c.type, c.channel, c.resolution, COALESCE(c.assignee, '') AS assignee,
         ${weekOf('c.opened_at')} AS week,
         extract(epoch FROM c.first_response_at - c.opened_at) / 3600 AS first_response_calendar,
         extract(epoch FROM c.resolved_at - c.opened_at) / 3600       AS resolution_calendar,
         extract(epoch FROM c.refunded_at - c.opened_at) / 3600       AS refund_calendar,
         (${businessMinutesAt('c.first_response_at', 'd_first')} - ${businessMinutesAt('c.opened_at', 'd_open')}) / 60 AS first_response_business,
         (${businessMinutesAt('c.resolved_at', 'd_resolved')} - ${businessMinutesAt('c.opened_at', 'd_open')}) / 60       AS resolution_business,
         (${businessMinutesAt('c.refunded_at', 'd_refund')} - ${businessMinutesAt('c.opened_at', 'd_open')}) / 60       AS refund_business
    FROM ${from}
    JOIN business_calendars k ON k.shop_id = c.shop_id
    ${calendarDayJoin('c.opened_at', 'd_open')}
    ${calendarDayJoin('c.first_response_at', 'd_first')}
    ${calendarDayJoin('c.resolved_at', 'd_resolved')}
    ${calendarDayJoin('c.refunded_at', 'd_refund')}
   ${where}`;
}

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
          c.reason_text IS NOT NULL AS has_reason_text
     FROM ${rawScope('claims', 'c', 'opened_at', 'weeks')}`,
  `ANALYZE ${CLAIMS_SCOPE}`,
];

/** Where the claims rollups read claims from: the scope's table, or every claim. */
const claimsSource = (scope: RollupScope) =>
  scope === 'weeks' ? `${CLAIMS_SCOPE} c` : rawScope('claims', 'c', 'opened_at', scope);

/** A claim with a reason text, in either source. */
const hasReasonText = (scope: RollupScope) =>
  scope === 'weeks' ? 'c.has_reason_text' : 'c.reason_text IS NOT NULL';

/** Met and breached closed claims per week, policy, type, channel and assignee. */
export function slaRowsSql(timed: string): string {
  return `
     WITH timed AS (${timed})
     SELECT t.week, p.id AS policy_id, t.type, t.channel, t.assignee,
            count(*) FILTER (WHERE t.elapsed <= p.target_hours) AS met,
            count(*) FILTER (WHERE t.elapsed > p.target_hours) AS breached
       FROM sla_policies p
       CROSS JOIN LATERAL (
         SELECT x.week, x.type, x.channel, x.assignee,
                CASE p.metric || '/' || p.clock
                  WHEN 'first_response/calendar' THEN x.first_response_calendar
                  WHEN 'first_response/business' THEN x.first_response_business
                  WHEN 'resolution/calendar'     THEN x.resolution_calendar
                  WHEN 'resolution/business'     THEN x.resolution_business
                  WHEN 'refund/calendar'         THEN x.refund_calendar
                  ELSE x.refund_business END AS elapsed
           FROM timed x
          WHERE x.type = ANY(p.claim_types)
            AND (p.resolutions IS NULL OR x.resolution = ANY(p.resolutions))
       ) t
      WHERE p.shop_id = {shop} AND t.elapsed IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5`;
}

/** Every measured duration of the timed claims, one row per (claim, metric, clock). */
export function durationValuesSql(timed: string): string {
  return `
     WITH timed AS (${timed})
     SELECT t.week, m.metric, m.clock, m.hours
       FROM timed t
       CROSS JOIN LATERAL (VALUES
         ('first_response', 'calendar', t.first_response_calendar),
         ('first_response', 'business', t.first_response_business),
         ('resolution', 'calendar', t.resolution_calendar),
         ('resolution', 'business', t.resolution_business),
         ('refund', 'calendar', t.refund_calendar),
         ('refund', 'business', t.refund_business)) AS m(metric, clock, hours)
      WHERE m.hours IS NOT NULL AND m.hours >= 0`;
}

/**
 * Log bucket of a duration in hours: 0 for under a minute, else 1 + ⌊ln(minutes) / ln 1.02⌋
 * (the same as \`durationBucket\` of the metrics lib).
 */
export const DURATION_BUCKET_RATIO = 1.02;
const bucketOf = (hours: string) =>
  `CASE WHEN ${hours} * 60 < 1 THEN 0 ELSE 1 + floor(ln(${hours} * 60) / ln(${DURATION_BUCKET_RATIO}))::int END`;

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
      GROUP BY ${['s.week', ...Object.values(keys)].join(', ')}`,
  ];
}

const CLAIM_VALUES = `count(*), sum(c.quantity), sum(${DEFECT_UNITS}), count(*) FILTER (WHERE c.contact_count > 1)`;

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
      GROUP BY 2, 3, 4, 5, 6, 7`,
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
    `DELETE FROM rollup_refunds_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_refunds_week (shop_id, week, type, channel, currency, refund_claims, refund_amount)
     SELECT {shop}, ${weekOf('c.opened_at')}, c.type, c.channel, c.currency, count(*), sum(c.refund_amount)
       FROM ${claimsSource(scope)}
      ${scope === 'all' ? 'WHERE c.shop_id = {shop} AND' : 'WHERE'} c.refunded_at IS NOT NULL AND c.refund_amount IS NOT NULL
      GROUP BY 2, 3, 4, 5`,
    `DELETE FROM rollup_claims_sku_reason_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_claims_sku_reason_week
       (shop_id, week, sku, reason_code, reason_category, ${CLAIM_MEASURES.join(', ')})
     SELECT {shop}, ${weekOf('c.opened_at')}, COALESCE(c.sku, ''), c.reason_code, r.category_code, ${CLAIM_VALUES}
       FROM ${claimsSource(scope)}
       JOIN reasons r ON r.code = c.reason_code
      ${rawWhere('c', scope)}
      GROUP BY 2, 3, 4, 5`,
    ...derive(
      scope,
      'rollup_claims_sku_week',
      'rollup_claims_sku_reason_week',
      { sku: 's.sku' },
      CLAIM_MEASURES,
    ),
    `DELETE FROM rollup_reason_pairs_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_reason_pairs_week (shop_id, week, stated, inferred, claims)
     SELECT {shop}, ${weekOf('c.opened_at')}, COALESCE(c.stated_reason_code, ''), COALESCE(c.inferred_reason_code, ''), count(*)
       FROM ${claimsSource(scope)}
      ${scope === 'all' ? 'WHERE c.shop_id = {shop} AND' : 'WHERE'} ${hasReasonText(scope)}
      GROUP BY 2, 3, 4`,
    ...deriveClaimsSupplierSql(scope),
    ...refreshSlaSql(scope),
    ...(scope === 'weeks' ? [`DROP TABLE ${CLAIMS_SCOPE}`] : []),
  ];
}

/**
 * SLA and duration rollups. The per-claim durations (four calendar-day lookups each) are
 * computed once into a temporary table that both rollups read.
 */
export function refreshSlaSql(scope: RollupScope): string[] {
  const timed = 'SELECT * FROM rollup_timed';
  return [
    'DROP TABLE IF EXISTS rollup_timed, rollup_sla_rows, rollup_duration_values',
    `CREATE TEMP TABLE rollup_timed (
       type text, channel text, resolution text, assignee text, week date,
       first_response_calendar float8, resolution_calendar float8, refund_calendar float8,
       first_response_business float8, resolution_business float8, refund_business float8
     ) ON COMMIT DROP`,
    `INSERT INTO rollup_timed ${TIMED_CLAIMS(scope)}`,
    // Met and breached per week, policy, type, channel and assignee, once for both rollups.
    `CREATE TEMP TABLE rollup_sla_rows ON COMMIT DROP AS ${slaRowsSql(timed)}`,
    `DELETE FROM rollup_sla_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_sla_week (shop_id, week, policy_id, type, channel, met, breached)
     SELECT {shop}, x.week, x.policy_id, x.type, x.channel, sum(x.met), sum(x.breached)
       FROM rollup_sla_rows x GROUP BY 2, 3, 4, 5`,
    `DELETE FROM rollup_sla_assignee_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_sla_assignee_week (shop_id, week, policy_id, assignee, met, breached)
     SELECT {shop}, x.week, x.policy_id, x.assignee, sum(x.met), sum(x.breached)
       FROM rollup_sla_rows x GROUP BY 2, 3, 4`,
    // Every measured duration, once for the percentiles and the histogram.
    `CREATE TEMP TABLE rollup_duration_values ON COMMIT DROP AS ${durationValuesSql(timed)}`,
    `DELETE FROM rollup_duration_stats_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_duration_stats_week (shop_id, week, metric, clock, n, p50, p90)
     SELECT {shop}, d.week, d.metric, d.clock, count(*),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY d.hours), percentile_cont(0.9) WITHIN GROUP (ORDER BY d.hours)
       FROM rollup_duration_values d
      GROUP BY 2, 3, 4`,
    `DELETE FROM rollup_durations_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_durations_week (shop_id, week, metric, clock, bucket, n)
     SELECT {shop}, d.week, d.metric, d.clock, ${bucketOf('d.hours')}, count(*)
       FROM rollup_duration_values d
      GROUP BY 2, 3, 4, 5`,
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
      { supplier_id: `COALESCE(p.supplier_id, '')`, ...reason },
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
    `INSERT INTO rollup_sales_sku_week (shop_id, week, sku, lines, units)
     SELECT {shop}, ${weekOf('x.ordered_at')}, x.sku, count(*), sum(x.quantity)
       FROM ${rawScope('sales', 'x', 'ordered_at', scope)}
      ${rawWhere('x', scope)}
      GROUP BY 2, 3`,
    ...deriveSalesSupplierSql(scope),
  ];
}

export function deriveSalesSupplierSql(scope: RollupScope): string[] {
  return [
    ...derive(
      scope,
      'rollup_sales_supplier_week',
      'rollup_sales_sku_week',
      { supplier_id: `COALESCE(p.supplier_id, '')` },
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

/** The label net sentiment counts: the rating's when there is one, else the text's. */
export const FEEDBACK_LABEL = `COALESCE(f.rating_label, f.sentiment_label, '')`;

export function refreshFeedbackSql(scope: RollupScope): string[] {
  return [
    `DELETE FROM rollup_feedback_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_feedback_week (shop_id, week, language, source, rating, label, items, scored, score_sum)
     SELECT {shop}, ${weekOf('f.created_at')}, COALESCE(f.language, ''), f.source, COALESCE(f.rating, 0)::text,
            ${FEEDBACK_LABEL}, count(*), count(f.sentiment_score), COALESCE(sum(f.sentiment_score), 0)
       FROM ${rawScope('feedback', 'f', 'created_at', scope)}
      ${rawWhere('f', scope)}
      GROUP BY 2, 3, 4, 5, 6`,
    `DELETE FROM rollup_feedback_sku_week WHERE ${rollupWhere(scope)}`,
    `INSERT INTO rollup_feedback_sku_week (shop_id, week, sku, label, items, scored, score_sum)
     SELECT {shop}, ${weekOf('f.created_at')}, COALESCE(f.sku, ''), ${FEEDBACK_LABEL},
            count(*), count(f.sentiment_score), COALESCE(sum(f.sentiment_score), 0)
       FROM ${rawScope('feedback', 'f', 'created_at', scope)}
      ${rawWhere('f', scope)}
      GROUP BY 2, 3, 4`,
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
      GROUP BY 2, 3, 4, 5`,
  ];
}

export function deriveFeedbackSupplierSql(scope: RollupScope): string[] {
  return [
    ...derive(
      scope,
      'rollup_feedback_supplier_week',
      'rollup_feedback_sku_week',
      { supplier_id: `COALESCE(p.supplier_id, '')`, label: 's.label' },
      FEEDBACK_MEASURES,
      true,
    ),
    ...derive(
      scope,
      'rollup_feedback_category_week',
      'rollup_feedback_sku_week',
      { category: `COALESCE(p.category, '')`, label: 's.label' },
      FEEDBACK_MEASURES,
      true,
    ),
  ];
}

/** After the catalogue changed: every supplier/category rollup, re-derived (no raw scan). */
export const DERIVE_ALL_SUPPLIER_SQL = [
  ...deriveClaimsSupplierSql('all'),
  ...deriveSalesSupplierSql('all'),
  ...deriveFeedbackSupplierSql('all'),
];

/** Weeks (local Mondays) of the staged rows and of the stored rows they will replace. */
export function touchedWeeksSql(table: string, column: string, key: string, stage: string): string {
  return `
    SELECT COALESCE(array_agg(DISTINCT to_char(week, 'YYYY-MM-DD')), '{}') AS weeks FROM (
      SELECT ${weekOf(`s.${column}`)} AS week FROM ${stage} s WHERE s.ok
      UNION ALL
      SELECT ${weekOf(`t.${column}`)} FROM ${stage} s
        JOIN ${table} t ON t.shop_id = {shop} AND t.${key} = s.${key}
       WHERE s.ok
    ) x`;
}

/**
 * The business calendar's days from 2000 to 2040: opening periods in minutes and the
 * cumulative business minutes before each day.
 */
export const REBUILD_CALENDAR_DAYS_SQL = [
  'DELETE FROM calendar_days WHERE shop_id = {shop}',
  `INSERT INTO calendar_days (shop_id, day, s1, e1, s2, e2, s3, e3, cum_before)
   WITH k AS (SELECT * FROM business_calendars WHERE shop_id = {shop}),
   periods AS (
     SELECT array_agg((split_part(h->>'start', ':', 1)::int * 60 + split_part(h->>'start', ':', 2)::int) ORDER BY ord) AS s,
            array_agg((split_part(h->>'end', ':', 1)::int * 60 + split_part(h->>'end', ':', 2)::int) ORDER BY ord) AS e
       FROM k, jsonb_array_elements(k.hours) WITH ORDINALITY AS p(h, ord)),
   days AS (
     SELECT d::date AS day,
            (extract(isodow FROM d)::smallint = ANY(k.working_days) AND NOT d::date = ANY(k.holidays)) AS open
       FROM k, generate_series('2000-01-01'::date, '2040-12-31'::date, interval '1 day') AS d),
   shaped AS (
     SELECT day,
            CASE WHEN open THEN COALESCE(p.s[1], 0) ELSE 0 END AS s1, CASE WHEN open THEN COALESCE(p.e[1], 0) ELSE 0 END AS e1,
            CASE WHEN open THEN COALESCE(p.s[2], 0) ELSE 0 END AS s2, CASE WHEN open THEN COALESCE(p.e[2], 0) ELSE 0 END AS e2,
            CASE WHEN open THEN COALESCE(p.s[3], 0) ELSE 0 END AS s3, CASE WHEN open THEN COALESCE(p.e[3], 0) ELSE 0 END AS e3
       FROM days, periods p)
   SELECT {shop}, day, s1, e1, s2, e2, s3, e3,
          COALESCE(sum((e1 - s1) + (e2 - s2) + (e3 - s3)) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
     FROM shaped`,
];
