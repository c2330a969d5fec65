import { Injectable } from '@nestjs/common';
import {
  type AnalyticsFilters,
  type AnalyticsPeriod,
  type ClaimRecord,
  type DeliveryOutcome,
  type FeedbackRecord,
  type RecordsPage,
  type SupplierClaimRecord,
} from '@returnlens/shared/contracts';
import {
  CLAIM_SORTS,
  FEEDBACK_SORTS,
  SUPPLIER_CLAIM_SORTS,
  TableExport,
  type PageRequest,
} from '@returnlens/api/analytics/util';
import {
  cohortOrderedAt,
  defectUnits,
  feedbackLabel,
  deliveryOf,
  RETURN_TYPES_SQL,
  moneyAt,
  moneyClaim,
  refundPaid,
  resolutionOutcome,
} from '@returnlens/api/shared/sql';
import { AnalyticsReader, type Context } from './analytics-reader';
import { feedbackWhere } from './feedback-scope';
import { slaDrillWhere, type SlaDrill } from './sla-records';

/** The columns of a claim record, in order; `handling` ones only for the `claims` permission. */
const CLAIM_COLUMNS: readonly (readonly [sql: string, handling?: 'handling'])[] = [
  ['c.external_id AS "externalId"'],
  ['c.type'],
  ['c.channel'],
  ['c.sku'],
  ['p.name AS "productName"'],
  ['COALESCE(c.supplier_id, p.supplier_id) AS "supplierId"'],
  ['c.reason_code AS "reasonCode"'],
  ['c.reason_source AS "reasonSource"'],
  ['c.inferred_reason_code AS "inferredReasonCode"'],
  ['round(c.inferred_confidence::numeric, 2)::float8 AS "inferredConfidence"'],
  [
    `CASE WHEN c.inferred_reason_code IS NULL THEN NULL WHEN c.inferred_model IS NULL THEN 'base' ELSE 'shop' END AS "inferredBy"`,
  ],
  ['c.reason_text AS "reasonText"'],
  ['c.quantity'],
  ['c.opened_at AS "openedAt"'],
  ['c.first_response_at AS "firstResponseAt"', 'handling'],
  ['c.resolved_at AS "resolvedAt"', 'handling'],
  ['c.refunded_at AS "refundedAt"', 'handling'],
  ['c.status', 'handling'],
  ['c.resolution', 'handling'],
  ['c.refund_amount::text AS "refundAmount"', 'handling'],
  ['c.cost_amount::text AS "costAmount"', 'handling'],
  ['c.currency', 'handling'],
  ['c.inspection_outcome AS "inspectionOutcome"'],
  ['c.contact_count AS "contactCount"', 'handling'],
  ['c.assignee', 'handling'],
];
const columnsOf = (handling: boolean) =>
  CLAIM_COLUMNS.filter(([, h]) => handling || !h)
    .map(([sql]) => sql)
    .join(', ');

interface ClaimRecordOptions {
  readonly mismatch?: boolean;
  /** Only claims with defect units (the supplier and product defect rates' numerator). */
  readonly defect?: boolean;
  /** Resolution outcomes (`RESOLUTION_OUTCOMES`: a resolution, `open`, `cancelled`, `unrecorded`). */
  readonly resolution?: readonly string[];
  readonly currency?: readonly string[];
  /**
   * The claims whose money went out in the period (the period applies to `moneyAt`, not the
   * opening): a refund paid, a handling cost, or either — what the money figures count.
   */
  readonly money?: 'refund' | 'cost' | 'any';
  /** The claims behind an SLA figure (a policy's met, breached or pending; an open list). */
  readonly sla?: SlaDrill;
  /**
   * The returns of the orders placed in the period (the order cohort behind a return rate),
   * whenever they were opened: the period applies to the order's date.
   */
  readonly cohort?: boolean;
}

/** A claim that counts as a defect: its `defectUnits` (the one definition) are not 0. */
const DEFECT_WHERE = ` AND (SELECT ${defectUnits('c', 'dr')} FROM (SELECT 1) one LEFT JOIN reasons dr ON dr.code = c.reason_code) > 0`;

type FeedbackRecordFilters = AnalyticsFilters & {
  rating?: readonly string[];
  label?: readonly string[];
  delivery?: DeliveryOutcome;
};

interface ClaimShape {
  readonly columns: string;
  readonly sorts: Readonly<Record<string, string>>;
  readonly where: string;
  /** Named parameters of `where`. */
  readonly params?: Record<string, unknown>;
  /** The instant the period applies to (default: the opening). */
  readonly time?: string;
  /** `open`: every open claim, whatever its opening week (the SLA open lists). */
  readonly mode?: 'period' | 'open';
}

type SupplierClaimOptions = Pick<ClaimRecordOptions, 'defect' | 'cohort'>;

/** The returns of the orders placed in the period: the claims behind a cohort return rate. */
const COHORT_WHERE = ` AND c.type IN (${RETURN_TYPES_SQL})`;

/** The supplier pages' claims: no handling fields, sorted only by what they show. */
const supplierClaimShape = (options: SupplierClaimOptions): ClaimShape => ({
  columns: columnsOf(false),
  sorts: SUPPLIER_CLAIM_SORTS,
  where: (options.defect ? DEFECT_WHERE : '') + (options.cohort ? COHORT_WHERE : ''),
  ...(options.cohort ? { time: cohortOrderedAt('c') } : {}),
});

@Injectable()
export class RecordsQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  /** The claims behind any figure: the same period and filters, one page, sorted. */
  claimRecords(
    filters: AnalyticsFilters,
    page: PageRequest,
    options: ClaimRecordOptions = {},
  ): Promise<RecordsPage<ClaimRecord> & { period: AnalyticsPeriod }> {
    return this.claimPage(filters, page, this.claimShape(options));
  }

  /** Every claim of `claimRecords` (no page), sorted, for a CSV or Arrow export. */
  claimExport(
    filters: AnalyticsFilters,
    page: PageRequest,
    options: ClaimRecordOptions = {},
  ): TableExport {
    return this.claimRows(filters, page, this.claimShape(options));
  }

  /**
   * The claims behind a supplier figure, as a buyer may read them: the product, the reason and
   * the customer's words; nothing of how the claim was handled (SLA instants, status,
   * resolution, refund, contacts, assignee), which only the `claims` permission opens.
   */
  supplierClaimRecords(
    filters: AnalyticsFilters,
    page: PageRequest,
    options: SupplierClaimOptions = {},
  ): Promise<RecordsPage<SupplierClaimRecord> & { period: AnalyticsPeriod }> {
    return this.claimPage(filters, page, supplierClaimShape(options));
  }

  /** Every claim of `supplierClaimRecords` (no page), sorted, for a CSV or Arrow export. */
  supplierClaimExport(
    filters: AnalyticsFilters,
    page: PageRequest,
    options: SupplierClaimOptions = {},
  ): TableExport {
    return this.claimRows(filters, page, supplierClaimShape(options));
  }

  /** The columns and constraints of the full claims table. */
  private claimShape(options: ClaimRecordOptions): ClaimShape {
    const money = moneyRecords(options);
    const sla = options.sla
      ? slaDrillWhere(options.sla)
      : { where: '', params: {}, mode: undefined };
    return {
      columns: columnsOf(true),
      sorts: CLAIM_SORTS,
      where:
        (options.mismatch
          ? ' AND c.stated_reason_code IS NOT NULL AND c.inferred_reason_code IS NOT NULL AND c.stated_reason_code <> c.inferred_reason_code'
          : '') +
        money.where +
        sla.where +
        (options.cohort ? COHORT_WHERE : '') +
        (options.defect ? DEFECT_WHERE : ''),
      params: { ...money.params, ...sla.params },
      time: options.cohort ? cohortOrderedAt('c') : money.time,
      mode: sla.mode,
    };
  }

  /** One sorted page of the claims of a period and filters, with the given columns. */
  private async claimPage<T>(
    filters: AnalyticsFilters,
    page: PageRequest,
    shape: ClaimShape,
  ): Promise<RecordsPage<T> & { period: AnalyticsPeriod }> {
    const ctx = await this.reader.context(filters);
    const params: Record<string, unknown> = {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    };
    const { count, select } = this.claimSql(ctx, page, shape, params);
    const [{ total, units }] = await this.reader.query<{ total: number; units: number }>(
      count,
      params,
    );
    const rows = await this.reader.query<T>(`${select} LIMIT {limit} OFFSET {offset}`, params);
    return { period: this.reader.periodOf(ctx), total, units, ...page, rows };
  }

  /** Every claim of a period and filters, sorted, read through a cursor when exported. */
  private claimRows(filters: AnalyticsFilters, page: PageRequest, shape: ClaimShape): TableExport {
    return new TableExport(async () => {
      const ctx = await this.reader.context(filters);
      const params: Record<string, unknown> = {};
      return this.reader.cursor(this.claimSql(ctx, page, shape, params).select, params);
    });
  }

  /** The count and the sorted select (without a page) of the claims of a context. */
  private claimSql(
    ctx: Context,
    page: Pick<PageRequest, 'sort' | 'order'>,
    shape: ClaimShape,
    params: Record<string, unknown>,
  ) {
    const scope = this.reader.claimScope(ctx, params, shape.mode ?? 'period', shape.time);
    Object.assign(params, shape.params);
    const where = scope.where + shape.where;
    return {
      count: `SELECT count(*)::int AS total, COALESCE(sum(c.quantity), 0)::int AS units
                FROM ${scope.from} ${where}`,
      select: `SELECT ${shape.columns}
         FROM ${scope.from} ${where}
        ORDER BY ${shape.sorts[page.sort]} ${page.order} NULLS LAST, c.external_id`,
    };
  }

  /** The feedback behind any figure, with optional rating and label constraints. */
  async feedbackRecords(
    filters: FeedbackRecordFilters,
    page: PageRequest,
  ): Promise<RecordsPage<FeedbackRecord> & { period: AnalyticsPeriod }> {
    const ctx = await this.reader.context(filters);
    const params: Record<string, unknown> = {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    };
    const { count, select } = this.feedbackSql(ctx, filters, page, params);
    const [{ total }] = await this.reader.query<{ total: number }>(count, params);
    const rows = await this.reader.query<FeedbackRecord>(
      `${select} LIMIT {limit} OFFSET {offset}`,
      params,
    );
    return { period: this.reader.periodOf(ctx), total, ...page, rows };
  }

  /** Every feedback item of `feedbackRecords` (no page), sorted, for a CSV or Arrow export. */
  feedbackExport(filters: FeedbackRecordFilters, page: PageRequest): TableExport {
    return new TableExport(async () => {
      const ctx = await this.reader.context(filters);
      const params: Record<string, unknown> = {};
      return this.reader.cursor(this.feedbackSql(ctx, filters, page, params).select, params);
    });
  }

  /** The count and the sorted select (without a page) of the feedback of a context. */
  private feedbackSql(
    ctx: Context,
    filters: FeedbackRecordFilters,
    page: Pick<PageRequest, 'sort' | 'order'>,
    params: Record<string, unknown>,
  ) {
    const where = feedbackWhere(ctx, filters, params);
    const add = (name: string, expr: string, values?: readonly string[]) => {
      if (!values?.length) return;
      params[name] = values;
      where.push(`${expr} = ANY({${name}}::text[])`);
    };
    // 0: no rating (a review with text only), as the feedback report counts it ("unrated").
    add('fRating', 'COALESCE(f.rating, 0)::text', filters.rating);
    add('fLabel', feedbackLabel('f'), filters.label);
    if (filters.delivery) {
      params['fDelivery'] = filters.delivery;
      where.push(`${deliveryOf('f')} = {fDelivery}`);
    }
    const from = 'feedback f LEFT JOIN products p ON p.shop_id = f.shop_id AND p.sku = f.sku';
    return {
      count: `SELECT count(*)::int AS total FROM ${from} WHERE ${where.join(' AND ')}`,
      // An item about an order shows the SKUs of the order's lines.
      select: `SELECT f.external_id AS "externalId", f.source,
              COALESCE(f.sku, (SELECT string_agg(DISTINCT x.sku, ', ') FROM sales x
                                WHERE f.order_id IS NOT NULL AND x.shop_id = f.shop_id AND x.order_id = f.order_id)) AS sku,
              p.name AS "productName", f.rating, f.text,
              f.language, f.sentiment_score AS "sentimentScore",
              CASE WHEN f.sentiment_label IS NULL THEN NULL WHEN f.sentiment_model IS NULL THEN 'base' ELSE 'shop' END AS "sentimentBy",
              NULLIF(${feedbackLabel('f')}, '') AS label, f.created_at AS "createdAt"
         FROM ${from} WHERE ${where.join(' AND ')}
        ORDER BY ${FEEDBACK_SORTS[page.sort]} ${page.order} NULLS LAST, f.external_id`,
    };
  }
}

/**
 * The constraints of the money and resolution figures' drill-downs: a resolution outcome, a
 * currency, and money that went out in the period (docs/metrics.md, "Money and resolutions").
 */
function moneyRecords(options: ClaimRecordOptions): {
  where: string;
  params: Record<string, unknown>;
  time?: string;
} {
  const params: Record<string, unknown> = {};
  let where = '';
  if (options.resolution?.length) {
    params['fResolution'] = options.resolution;
    where += ` AND (${resolutionOutcome('c')}) = ANY({fResolution}::text[])`;
  }
  if (options.currency?.length) {
    params['fCurrency'] = options.currency;
    where += ' AND c.currency = ANY({fCurrency}::text[])';
  }
  if (!options.money) return { where, params };
  where += ` AND ${moneyClaim('c')}`;
  if (options.money === 'refund') where += ` AND ${refundPaid('c')}`;
  if (options.money === 'cost') where += ' AND c.cost_amount IS NOT NULL';
  return { where, params, time: moneyAt('c') };
}
