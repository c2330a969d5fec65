import type { IngestKind } from '@returnlens/shared/contracts';

export interface StageColumn {
  /** Field name of the mapping and the validator. */
  readonly field: string;
  /** Column of the target table. */
  readonly column: string;
  readonly pgType: 'text' | 'integer' | 'numeric' | 'timestamptz';
}

export interface KindTable {
  readonly table: string;
  /** Natural key within a shop. */
  readonly key: string;
  readonly columns: readonly StageColumn[];
  /** Claims and feedback refer to SKUs and orders that may not be loaded (yet). */
  readonly countsUnlinked: boolean;
}

const text = (field: string, column = field): StageColumn => ({ field, column, pgType: 'text' });
const int = (field: string): StageColumn => ({ field, column: field, pgType: 'integer' });
const money = (field: string): StageColumn => ({ field, column: field, pgType: 'numeric' });
const time = (field: string): StageColumn => ({ field, column: field, pgType: 'timestamptz' });

/** Where each kind is stored; the SQL of the merge is built from these constants only. */
export const KIND_TABLES: Readonly<Record<IngestKind, KindTable>> = {
  suppliers: {
    table: 'suppliers',
    key: 'external_id',
    countsUnlinked: false,
    columns: [text('external_id'), text('name'), text('country')],
  },
  products: {
    table: 'products',
    key: 'sku',
    countsUnlinked: false,
    columns: [
      text('sku'),
      text('name'),
      text('category'),
      text('supplier_id'),
      time('listing_changed_at'),
    ],
  },
  sales: {
    table: 'sales',
    key: 'external_id',
    countsUnlinked: false,
    columns: [
      text('external_id'),
      text('order_id'),
      text('sku'),
      int('quantity'),
      money('unit_price'),
      text('currency'),
      time('ordered_at'),
      time('promised_at'),
      time('delivered_at'),
      text('customer_id'),
      text('supplier_id'),
    ],
  },
  claims: {
    table: 'claims',
    key: 'external_id',
    countsUnlinked: true,
    columns: [
      text('external_id'),
      text('type'),
      text('channel'),
      text('order_id'),
      text('sku'),
      int('quantity'),
      text('reason_code', 'stated_reason_code'),
      text('reason_text'),
      time('opened_at'),
      time('first_response_at'),
      time('resolved_at'),
      time('refunded_at'),
      text('status'),
      text('resolution'),
      money('refund_amount'),
      money('cost_amount'),
      text('currency'),
      text('inspection_outcome'),
      int('contact_count'),
      text('assignee'),
      text('customer_id'),
      text('supplier_id'),
    ],
  },
  feedback: {
    table: 'feedback',
    key: 'external_id',
    countsUnlinked: true,
    columns: [
      text('external_id'),
      text('source'),
      text('sku'),
      text('order_id'),
      text('claim_id'),
      int('rating'),
      money('rating_original'),
      text('rating_scale'),
      text('text'),
      time('created_at'),
      text('language', 'stated_language'),
      text('supplier_id'),
    ],
  },
};

export const STAGE_TABLE = 'ingest_stage';

export function createStageSql(spec: KindTable): string {
  const columns = spec.columns.map((c) => `${c.column} ${c.pgType}`).join(', ');
  return `CREATE TEMP TABLE ${STAGE_TABLE} (row_number integer NOT NULL, ok boolean NOT NULL, raw text, errors jsonb, ${columns}) ON COMMIT DROP`;
}

/**
 * Lines keyed by their order and SKU (the file has no line id nor line number) that repeat
 * a SKU within their order are several lines, not one sent twice: the second and later, in
 * file order, get `:2`, `:3` … on their key (the same file gives the same keys again).
 */
export function numberRepeatedLinesSql(spec: KindTable): string {
  return `
    WITH numbered AS (
      SELECT row_number, row_number() OVER (PARTITION BY ${spec.key} ORDER BY row_number) AS n
        FROM ${STAGE_TABLE}
       WHERE ok AND ${spec.key} IN (SELECT ${spec.key} FROM ${STAGE_TABLE} WHERE ok GROUP BY 1 HAVING count(*) > 1)
    )
    UPDATE ${STAGE_TABLE} s SET ${spec.key} = s.${spec.key} || ':' || n.n
      FROM numbered n WHERE s.row_number = n.row_number AND n.n > 1`;
}

/** Rows whose key appears again later in the file are rejected; the last one is stored. */
export function rejectDuplicatesSql(spec: KindTable): string {
  // Most files have no duplicates: find the duplicated keys first (one hash aggregate),
  // and rank only their rows.
  return `
    WITH duplicated AS (
      SELECT ${spec.key} AS key FROM ${STAGE_TABLE} WHERE ok GROUP BY 1 HAVING count(*) > 1
    ), ranked AS (
      SELECT s.row_number, d.key, max(s.row_number) OVER (PARTITION BY d.key) AS kept
        FROM ${STAGE_TABLE} s JOIN duplicated d ON d.key = s.${spec.key}
       WHERE s.ok
    )
    UPDATE ${STAGE_TABLE} s
       SET ok = false,
           raw = (to_jsonb(s) - 'row_number' - 'ok' - 'raw' - 'errors')::text,
           errors = jsonb_build_array(jsonb_build_object(
             'field', '${spec.key}', 'value', r.key,
             'message', format('appears again in row %s of this file; that later row was stored', r.kept),
             'code', 'row.duplicate', 'params', jsonb_build_object('row', r.kept)))
      FROM ranked r
     WHERE s.row_number = r.row_number AND r.row_number <> r.kept`;
}

/** Inserts new rows, updates changed ones (unchanged rows are left alone), counts both. */
export function mergeSql(spec: KindTable): string {
  const columns = spec.columns.map((c) => c.column);
  const updatable = columns.filter((c) => c !== spec.key);
  return `
    WITH merged AS (
      INSERT INTO ${spec.table} AS t (shop_id, batch_id, ${columns.join(', ')})
      SELECT $1, $2, ${columns.map((c) => `s.${c}`).join(', ')} FROM ${STAGE_TABLE} s WHERE s.ok
      ON CONFLICT (shop_id, ${spec.key}) DO UPDATE
         SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, batch_id = EXCLUDED.batch_id, updated_at = now()
       WHERE (${updatable.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${updatable.map((c) => `EXCLUDED.${c}`).join(', ')})
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM merged`;
}

export function unlinkedSql(): string {
  return `
    SELECT count(*)::int AS unlinked FROM ${STAGE_TABLE} s
     WHERE s.ok AND (
       (s.sku IS NOT NULL AND NOT EXISTS (SELECT 1 FROM products p WHERE p.shop_id = $1 AND p.sku = s.sku))
       OR (s.order_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sales x WHERE x.shop_id = $1 AND x.order_id = s.order_id)))`;
}

/** Kinds of rejection listed one by one in a batch's summary of rows not kept; the rest as one. */
export const SUMMARY_ENTRIES = 50;

/**
 * The rejected rows of the staging table beyond the first $1 (those not kept in full),
 * counted by field and message with their first five row numbers, most frequent first: at
 * most SUMMARY_ENTRIES entries, then one "(other)" entry for the rest, so every row counts.
 */
export function rejectedSummarySql(): string {
  return `
    WITH beyond AS (
      SELECT row_number, errors FROM ${STAGE_TABLE} WHERE NOT ok ORDER BY row_number OFFSET $1
    ), failures AS (
      SELECT b.row_number, coalesce(e ->> 'field', '(row)') AS field, coalesce(e ->> 'message', '') AS message,
             e ->> 'code' AS code, e -> 'params' AS params
        FROM beyond b CROSS JOIN LATERAL jsonb_array_elements(b.errors) e
    ), grouped AS (
      SELECT field, message, count(DISTINCT row_number)::int AS rows,
             (array_agg(DISTINCT row_number ORDER BY row_number))[1:5] AS first_rows,
             min(code) AS code, (array_agg(params ORDER BY row_number))[1] AS params
        FROM failures GROUP BY field, message
    ), ranked AS (
      SELECT *, row_number() OVER (ORDER BY rows DESC, first_rows[1]) AS rank FROM grouped
    )
    SELECT field, message, rows, first_rows AS "firstRows", code, params FROM (
      SELECT field, message, rows, first_rows, code, params, rank FROM ranked WHERE rank <= ${SUMMARY_ENTRIES}
      UNION ALL
      SELECT '(other)', format('%s other errors (each with its own field and message)', count(*)),
             sum(rows)::int, (array_agg(first_rows[1] ORDER BY first_rows[1]))[1:5],
             'row.otherErrors', jsonb_build_object('count', count(*)), ${SUMMARY_ENTRIES} + 1
        FROM ranked WHERE rank > ${SUMMARY_ENTRIES} HAVING count(*) > 0
    ) summary ORDER BY rank`;
}
