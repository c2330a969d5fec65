import type { FilterKey } from '@returnlens/shared/contracts';
import {
  bindSql,
  cohortOrderedAt,
  defectUnits,
  RETURN_TYPES_SQL,
  feedbackLabel,
  feedbackLinesSql,
  moneyAt,
  moneyClaim,
  refundPaid,
  repeatContact,
  resolutionOutcome,
  weekOf,
} from '@returnlens/api/shared/sql';

/**
 * A small query planner over the weekly rollups. A question is a fact (claims, sales,
 * feedback), the dimensions to group by, the measures, the filters and a week range. The
 * planner picks the first — smallest — source that has every dimension the question groups
 * or filters by, so an unfiltered dashboard reads a few thousand rollup rows and a question
 * no rollup can answer (say, claims of one supplier by channel) still gets the exact answer
 * from the raw table. Every value is a bound parameter; identifiers come from the tables
 * below only.
 */

/** `returns`: returned units by order cohort (`week` is the week the order was placed). */
export type Fact = 'claims' | 'sales' | 'feedback' | 'returns' | 'money';

export type Dimension =
  | 'week'
  /** Returns only: the week the return was opened (`week` is its order's week). */
  | 'opened_week'
  | 'reason_code'
  | 'reason_category'
  | 'type'
  | 'channel'
  | 'reason_source'
  | 'currency'
  | 'sku'
  | 'supplier_id'
  | 'category'
  | 'assignee'
  | 'language'
  | 'source'
  | 'rating'
  | 'label'
  | 'resolution';

export type Measure =
  | 'claims'
  | 'units'
  | 'defect_units'
  | 'repeat_claims'
  | 'refund_claims'
  | 'refund_amount'
  | 'cost_claims'
  | 'cost_amount'
  | 'lines'
  | 'items'
  | 'scored'
  | 'score_sum'
  | 'returned_units'
  | 'return_claims';

interface Source {
  readonly name: string;
  readonly kind: 'rollup' | 'raw';
  readonly from: string;
  /** Raw sources: the time column the week range applies to. */
  readonly time?: string;
  readonly dims: Partial<Record<Dimension, string>>;
  readonly measures: Partial<Record<Measure, string>>;
  /** A condition every row of the source meets (beyond the shop and the weeks). */
  readonly where?: string;
}

const rollupMeasures = (names: readonly Measure[], alias = 't') =>
  Object.fromEntries(names.map((m) => [m, `sum(${alias}.${m})`])) as Partial<
    Record<Measure, string>
  >;

const CLAIM_MEASURES: Measure[] = ['claims', 'units', 'defect_units', 'repeat_claims'];
const FEEDBACK_MEASURES: Measure[] = ['items', 'scored', 'score_sum'];
const MONEY_MEASURES: Measure[] = ['refund_claims', 'refund_amount', 'cost_claims', 'cost_amount'];
/** Refunds paid and handling costs of the claims of a raw source `t` (docs/metrics.md). */
const moneyMeasures = {
  refund_claims: `count(*) FILTER (WHERE ${refundPaid('t')})`,
  refund_amount: `COALESCE(sum(t.refund_amount) FILTER (WHERE ${refundPaid('t')}), 0)`,
  cost_claims: 'count(t.cost_amount)',
  cost_amount: 'COALESCE(sum(t.cost_amount), 0)',
};
const PRODUCT_JOIN = 'LEFT JOIN products p ON p.shop_id = t.shop_id AND p.sku = t.sku';
/**
 * Supplier and category of a SKU rollup row `t`: the supplier is the line's seller when there
 * is one, else the product's (docs/domain.md, "Suppliers and sellers").
 */
const viaProduct = {
  supplier_id: `COALESCE(NULLIF(t.seller_id, ''), p.supplier_id, '')`,
  category: `COALESCE(p.category, '')`,
};
/** The same for a raw fact row `t` (a sale line, a claim, a review) with its own seller. */
const viaLine = {
  supplier_id: `COALESCE(t.supplier_id, p.supplier_id, '')`,
  category: `COALESCE(p.category, '')`,
};

/** A rollup source whose dimensions are its own columns (plus any `extra` expressions). */
function rollupSource(
  name: string,
  dims: readonly Dimension[],
  measures: readonly Measure[],
  extra: Partial<Record<Dimension, string>> = {},
  join = '',
): Source {
  return {
    name,
    kind: 'rollup',
    from: `${name} t ${join}`,
    dims: { week: 't.week', ...Object.fromEntries(dims.map((d) => [d, `t.${d}`])), ...extra },
    measures: rollupMeasures(measures),
  };
}

const FEEDBACK_DIMS: Partial<Record<Dimension, string>> = {
  week: weekOf('t.created_at'),
  language: `COALESCE(t.language, '')`,
  source: 't.source',
  rating: 'COALESCE(t.rating, 0)',
  label: feedbackLabel('t'),
};

/** Smallest first: the planner takes the first source that has what a question needs. */
const SOURCES: Record<Fact, readonly Source[]> = {
  claims: [
    rollupSource(
      'rollup_claims_reason_week',
      ['reason_code', 'reason_category', 'reason_source'],
      CLAIM_MEASURES,
    ),
    rollupSource(
      'rollup_claims_week',
      ['reason_code', 'reason_category', 'reason_source', 'type', 'channel'],
      CLAIM_MEASURES,
    ),
    rollupSource(
      'rollup_claims_category_week',
      ['category', 'reason_code', 'reason_category'],
      CLAIM_MEASURES,
    ),
    rollupSource(
      'rollup_claims_supplier_week',
      ['supplier_id', 'reason_code', 'reason_category'],
      CLAIM_MEASURES,
    ),
    // Category with channel or type (decision 0029).
    rollupSource(
      'rollup_claims_cube_week',
      ['category', 'channel', 'type', 'reason_code', 'reason_category', 'reason_source'],
      CLAIM_MEASURES,
    ),
    rollupSource('rollup_claims_sku_week', ['sku'], CLAIM_MEASURES, viaProduct, PRODUCT_JOIN),
    rollupSource(
      'rollup_claims_sku_reason_week',
      ['sku', 'reason_code', 'reason_category'],
      CLAIM_MEASURES,
      viaProduct,
      PRODUCT_JOIN,
    ),
    rollupSource(
      'rollup_claims_resolution_week',
      ['sku', 'reason_code', 'reason_category', 'resolution', 'currency'],
      ['claims', 'units', ...MONEY_MEASURES],
      viaProduct,
      PRODUCT_JOIN,
    ),
    {
      name: 'claims',
      kind: 'raw',
      time: 't.opened_at',
      from: `claims t JOIN reasons r ON r.code = t.reason_code ${PRODUCT_JOIN}`,
      dims: {
        week: weekOf('t.opened_at'),
        reason_code: 't.reason_code',
        reason_category: 'r.category_code',
        type: 't.type',
        channel: 't.channel',
        reason_source: 't.reason_source',
        currency: `COALESCE(t.currency, '')`,
        sku: `COALESCE(t.sku, '')`,
        assignee: `COALESCE(t.assignee, '')`,
        resolution: resolutionOutcome('t'),
        ...viaLine,
      },
      measures: {
        claims: 'count(*)',
        units: 'sum(t.quantity)',
        defect_units: `sum(${defectUnits('t', 'r')})`,
        repeat_claims: `count(*) FILTER (WHERE ${repeatContact('t')})`,
        ...moneyMeasures,
      },
    },
  ],
  money: [
    rollupSource(
      'rollup_refunds_week',
      ['type', 'channel', 'currency'],
      ['refund_claims', 'refund_amount'],
    ),
    rollupSource(
      'rollup_money_week',
      ['sku', 'reason_code', 'reason_category', 'currency'],
      ['claims', ...MONEY_MEASURES],
      viaProduct,
      PRODUCT_JOIN,
    ),
    {
      name: 'claims',
      kind: 'raw',
      time: moneyAt('t'),
      from: `claims t JOIN reasons r ON r.code = t.reason_code ${PRODUCT_JOIN}`,
      where: moneyClaim('t'),
      dims: {
        week: weekOf(moneyAt('t')),
        reason_code: 't.reason_code',
        reason_category: 'r.category_code',
        type: 't.type',
        channel: 't.channel',
        currency: 't.currency',
        sku: `COALESCE(t.sku, '')`,
        ...viaLine,
      },
      measures: { claims: 'count(*)', ...moneyMeasures },
    },
  ],
  sales: [
    rollupSource('rollup_sales_category_week', ['category'], ['lines', 'units']),
    rollupSource('rollup_sales_supplier_week', ['supplier_id'], ['lines', 'units']),
    rollupSource('rollup_sales_sku_week', ['sku'], ['lines', 'units'], viaProduct, PRODUCT_JOIN),
    {
      name: 'sales',
      kind: 'raw',
      time: 't.ordered_at',
      from: `sales t ${PRODUCT_JOIN}`,
      dims: { week: weekOf('t.ordered_at'), sku: 't.sku', ...viaLine },
      measures: { lines: 'count(*)', units: 'sum(t.quantity)' },
    },
  ],
  returns: [
    rollupSource(
      'rollup_returns_cohort_week',
      ['opened_week', 'sku'],
      ['returned_units', 'return_claims'],
      viaProduct,
      PRODUCT_JOIN,
    ),
    {
      name: 'claims',
      kind: 'raw',
      time: 'o.ordered_at',
      from: `claims t
        CROSS JOIN LATERAL (SELECT ${cohortOrderedAt('t')} AS ordered_at) o
        JOIN reasons r ON r.code = t.reason_code ${PRODUCT_JOIN}`,
      where: `t.type IN (${RETURN_TYPES_SQL}) AND o.ordered_at IS NOT NULL`,
      dims: {
        week: weekOf('o.ordered_at'),
        opened_week: weekOf('t.opened_at'),
        reason_code: 't.reason_code',
        reason_category: 'r.category_code',
        type: 't.type',
        channel: 't.channel',
        sku: `COALESCE(t.sku, '')`,
        ...viaLine,
      },
      measures: { returned_units: 'sum(t.quantity)', return_claims: 'count(*)' },
    },
  ],
  feedback: [
    rollupSource(
      'rollup_feedback_week',
      ['language', 'source', 'rating', 'label'],
      FEEDBACK_MEASURES,
    ),
    rollupSource('rollup_feedback_category_week', ['category', 'label'], FEEDBACK_MEASURES),
    rollupSource('rollup_feedback_supplier_week', ['supplier_id', 'label'], FEEDBACK_MEASURES),
    rollupSource(
      'rollup_feedback_sku_week',
      ['sku', 'label'],
      FEEDBACK_MEASURES,
      viaProduct,
      PRODUCT_JOIN,
    ),
    // Questions without a product dimension: each item once.
    {
      name: 'feedback',
      kind: 'raw',
      time: 't.created_at',
      from: 'feedback t',
      dims: FEEDBACK_DIMS,
      measures: {
        items: 'count(*)',
        scored: 'count(t.sentiment_score)',
        score_sum: 'COALESCE(sum(t.sentiment_score), 0)',
      },
    },
    // With a product dimension: by the item's lines (an item about an order belongs to each of
    // its SKUs and sellers), each item counted once per group.
    {
      name: 'feedback lines',
      kind: 'raw',
      time: 't.created_at',
      from: `(${feedbackLinesSql('feedback f')}) t
        LEFT JOIN products p ON p.shop_id = t.shop_id AND p.sku = NULLIF(t.line_sku, '')`,
      dims: {
        ...FEEDBACK_DIMS,
        sku: 't.line_sku',
        supplier_id: `COALESCE(NULLIF(t.line_seller, ''), p.supplier_id, '')`,
        category: `COALESCE(p.category, '')`,
      },
      measures: {
        items: 'count(DISTINCT t.external_id)',
        scored: 'count(DISTINCT t.external_id) FILTER (WHERE t.sentiment_score IS NOT NULL)',
        // One score per item: a JSON object keyed by the item keeps each once.
        score_sum: `(SELECT COALESCE(sum(e.value::float8), 0) FROM jsonb_each_text(
            COALESCE(jsonb_object_agg(t.external_id, t.sentiment_score) FILTER (WHERE t.sentiment_score IS NOT NULL), '{}')) e)`,
      },
    },
  ],
};

/** Which dimension each user filter constrains; a filter a fact does not have is ignored. */
export const FILTER_DIMENSIONS: Record<FilterKey, Dimension> = {
  supplier: 'supplier_id',
  product: 'sku',
  category: 'category',
  channel: 'channel',
  type: 'type',
  reasonCategory: 'reason_category',
  reason: 'reason_code',
  language: 'language',
};

/** Filters that apply to each fact: sales are the denominator of the same products. */
const APPLIES: Record<Fact, readonly FilterKey[]> = {
  claims: ['supplier', 'product', 'category', 'channel', 'type', 'reasonCategory', 'reason'],
  sales: ['supplier', 'product', 'category'],
  feedback: ['supplier', 'product', 'category', 'language'],
  returns: ['supplier', 'product', 'category', 'channel', 'type', 'reasonCategory', 'reason'],
  money: ['supplier', 'product', 'category', 'channel', 'type', 'reasonCategory', 'reason'],
};

export interface CubeRange {
  /** Mondays (local dates), inclusive. */
  readonly fromWeek: string;
  readonly toWeek: string;
  /** The same range as instants, for raw scans. */
  readonly fromInstant: Date;
  readonly toInstant: Date;
}

export interface CubeQuery {
  readonly fact: Fact;
  readonly groupBy: readonly Dimension[];
  readonly measures: readonly Measure[];
  readonly filters: Partial<Record<FilterKey, readonly string[]>>;
  /** Extra equality constraints on dimensions (a drill-down cell, a chart click). */
  readonly where?: Partial<Record<Dimension, readonly string[]>>;
  readonly range: CubeRange;
  /** Force the raw source (tests comparing rollups with raw tables). */
  readonly raw?: boolean;
}

export interface PlannedQuery {
  readonly source: string;
  readonly kind: 'rollup' | 'raw';
  readonly text: string;
  readonly values: unknown[];
  readonly columns: readonly string[];
}

/** Whether any of `filters` constrains `fact` (a filter a fact does not have is ignored). */
export function constrains(
  fact: Fact,
  filters: Partial<Record<FilterKey, readonly string[] | undefined>>,
): boolean {
  return APPLIES[fact].some((key) => (filters[key]?.length ?? 0) > 0);
}

/** The constraints a query puts on dimensions: its filters that apply, plus `where`. */
function constraints(q: CubeQuery): [Dimension, readonly string[]][] {
  const out: [Dimension, readonly string[]][] = [];
  for (const key of APPLIES[q.fact]) {
    const values = q.filters[key];
    if (values && values.length) out.push([FILTER_DIMENSIONS[key], values]);
  }
  for (const [dim, values] of Object.entries(q.where ?? {}) as [Dimension, readonly string[]][]) {
    if (values && values.length) out.push([dim, values]);
  }
  return out;
}

export function planCube(q: CubeQuery, shopId: number, timeZone: string): PlannedQuery {
  const cons = constraints(q);
  const needed = new Set<Dimension>([...q.groupBy, ...cons.map(([d]) => d)]);
  const source = SOURCES[q.fact].find(
    (s) =>
      (!q.raw || s.kind === 'raw') &&
      [...needed].every((d) => s.dims[d] !== undefined) &&
      q.measures.every((m) => s.measures[m] !== undefined),
  );
  if (!source) {
    throw new Error(
      `No source for ${q.fact} by ${[...needed].join(', ')} with ${q.measures.join(', ')}`,
    );
  }
  const params: Record<string, unknown> = { shop: shopId, tz: timeZone };
  const where = ['t.shop_id = {shop}', ...(source.where ? [source.where] : [])];
  if (source.kind === 'rollup') {
    params['fromWeek'] = q.range.fromWeek;
    params['toWeek'] = q.range.toWeek;
    where.push('t.week BETWEEN {fromWeek}::date AND {toWeek}::date');
  } else {
    params['fromTs'] = q.range.fromInstant;
    params['toTs'] = q.range.toInstant;
    where.push(`${source.time} >= {fromTs} AND ${source.time} < {toTs}`);
  }
  cons.forEach(([dim, values], i) => {
    params[`c${i}`] = values.map(String);
    const expr = source.dims[dim] as string;
    where.push(
      `${dim === 'rating' || dim === 'week' || dim === 'opened_week' ? `${expr}::text` : expr} = ANY({c${i}}::text[])`,
    );
  });
  const isWeek = (d: Dimension) => d === 'week' || d === 'opened_week';
  const select = [
    ...q.groupBy.map((d) => `${source.dims[d]} AS "${d}"`),
    ...q.measures.map((m) =>
      m === 'refund_amount' || m === 'cost_amount' || m === 'score_sum'
        ? `(${source.measures[m]})::float8 AS "${m}"`
        : `(${source.measures[m]})::bigint AS "${m}"`,
    ),
  ];
  const grouped = `SELECT ${select.join(', ')}
    FROM ${source.from}
   WHERE ${where.join(' AND ')}
   ${q.groupBy.length ? `GROUP BY ${q.groupBy.map((_, i) => i + 1).join(', ')}` : ''}`;
  // Weeks are grouped as dates and written as text only in the answer's rows: formatting every
  // row before grouping cost a third of a 24 k-row read (docs/performance.md).
  const sql = q.groupBy.some(isWeek)
    ? `SELECT ${[...q.groupBy, ...q.measures]
        .map((c) =>
          isWeek(c as Dimension) ? `to_char(g."${c}", 'YYYY-MM-DD') AS "${c}"` : `g."${c}"`,
        )
        .join(', ')}
    FROM (${grouped}) g`
    : grouped;
  const { text, values } = bindSql(sql, { shop: shopId, ...params });
  return {
    source: source.name,
    kind: source.kind,
    text,
    values,
    columns: [...q.groupBy, ...q.measures],
  };
}

/** A row of a cube answer: dimensions as strings, measures as numbers. */
export type CubeRow = Record<Dimension, string> & Record<Measure, number>;

/** Rows as pg returns them → dimension values as strings (weeks `YYYY-MM-DD`), measures numbers. */
export function normaliseRows(
  rows: Record<string, unknown>[],
  q: Pick<CubeQuery, 'groupBy' | 'measures'>,
): CubeRow[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const d of q.groupBy) {
      out[d] = String(row[d]);
    }
    for (const m of q.measures) out[m] = Number(row[m] ?? 0);
    return out as CubeRow;
  });
}
