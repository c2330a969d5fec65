import { Injectable } from '@nestjs/common';
import {
  type AnalyticsFilters,
  type AnalyticsPeriod,
  type ClaimRecord,
  type FeedbackRecord,
  type RecordsPage,
  type SupplierClaimRecord,
} from '@returnlens/shared/contracts';
import {
  CLAIM_SORTS,
  FEEDBACK_SORTS,
  SUPPLIER_CLAIM_SORTS,
  type PageRequest,
} from '@returnlens/api/analytics/util';
import { feedbackLabel } from '@returnlens/api/shared/sql';
import { AnalyticsReader } from './analytics-reader';

/** The columns of a claim record, in order; `handling` ones only for the `claims` permission. */
const CLAIM_COLUMNS: readonly (readonly [sql: string, handling?: 'handling'])[] = [
  ['c.external_id AS "externalId"'],
  ['c.type'],
  ['c.channel'],
  ['c.sku'],
  ['p.name AS "productName"'],
  ['p.supplier_id AS "supplierId"'],
  ['c.reason_code AS "reasonCode"'],
  ['c.reason_source AS "reasonSource"'],
  ['c.inferred_reason_code AS "inferredReasonCode"'],
  ['c.reason_text AS "reasonText"'],
  ['c.quantity'],
  ['c.opened_at AS "openedAt"'],
  ['c.first_response_at AS "firstResponseAt"', 'handling'],
  ['c.resolved_at AS "resolvedAt"', 'handling'],
  ['c.refunded_at AS "refundedAt"', 'handling'],
  ['c.status', 'handling'],
  ['c.resolution', 'handling'],
  ['c.refund_amount::text AS "refundAmount"', 'handling'],
  ['c.currency', 'handling'],
  ['c.inspection_outcome AS "inspectionOutcome"'],
  ['c.contact_count AS "contactCount"', 'handling'],
  ['c.assignee', 'handling'],
];
const columnsOf = (handling: boolean) =>
  CLAIM_COLUMNS.filter(([, h]) => handling || !h)
    .map(([sql]) => sql)
    .join(', ');

@Injectable()
export class RecordsQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  /** The claims behind any figure: the same period and filters, one page, sorted. */
  claimRecords(
    filters: AnalyticsFilters,
    page: PageRequest,
    options: { mismatch?: boolean } = {},
  ): Promise<RecordsPage<ClaimRecord> & { period: AnalyticsPeriod }> {
    return this.claimPage(filters, page, {
      columns: columnsOf(true),
      sorts: CLAIM_SORTS,
      where: options.mismatch
        ? ' AND c.stated_reason_code IS NOT NULL AND c.inferred_reason_code IS NOT NULL AND c.stated_reason_code <> c.inferred_reason_code'
        : '',
    });
  }

  /**
   * The claims behind a supplier figure, as a buyer may read them: the product, the reason and
   * the customer's words; nothing of how the claim was handled (SLA instants, status,
   * resolution, refund, contacts, assignee), which only the `claims` permission opens.
   */
  supplierClaimRecords(
    filters: AnalyticsFilters,
    page: PageRequest,
  ): Promise<RecordsPage<SupplierClaimRecord> & { period: AnalyticsPeriod }> {
    return this.claimPage(filters, page, {
      columns: columnsOf(false),
      sorts: SUPPLIER_CLAIM_SORTS,
      where: '',
    });
  }

  /** One sorted page of the claims of a period and filters, with the given columns. */
  private async claimPage<T>(
    filters: AnalyticsFilters,
    page: PageRequest,
    shape: { columns: string; sorts: Readonly<Record<string, string>>; where: string },
  ): Promise<RecordsPage<T> & { period: AnalyticsPeriod }> {
    const ctx = await this.reader.context(filters);
    const params: Record<string, unknown> = {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    };
    const scope = this.reader.claimScope(ctx, params);
    const where = scope.where + shape.where;
    const [{ total }] = await this.reader.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${scope.from} ${where}`,
      params,
    );
    const rows = await this.reader.query<T>(
      `SELECT ${shape.columns}
         FROM ${scope.from} ${where}
        ORDER BY ${shape.sorts[page.sort]} ${page.order} NULLS LAST, c.external_id
        LIMIT {limit} OFFSET {offset}`,
      params,
    );
    return { period: this.reader.periodOf(ctx), total, ...page, rows };
  }

  /** The feedback behind any figure, with optional rating and label constraints. */
  async feedbackRecords(
    filters: AnalyticsFilters & { rating?: readonly string[]; label?: readonly string[] },
    page: PageRequest,
  ): Promise<RecordsPage<FeedbackRecord> & { period: AnalyticsPeriod }> {
    const ctx = await this.reader.context(filters);
    const params: Record<string, unknown> = {
      fromTs: ctx.period.range.fromInstant,
      toTs: ctx.period.range.toInstant,
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    };
    const where = ['f.shop_id = {shop}', 'f.created_at >= {fromTs} AND f.created_at < {toTs}'];
    const add = (name: string, expr: string, values?: readonly string[]) => {
      if (!values?.length) return;
      params[name] = values;
      where.push(`${expr} = ANY({${name}}::text[])`);
    };
    add('fSupplier', 'p.supplier_id', filters.supplier);
    add('fProduct', 'f.sku', filters.product);
    add('fCategory', 'p.category', filters.category);
    add('fLanguage', `COALESCE(f.language, '')`, filters.language);
    add('fRating', 'f.rating::text', filters.rating);
    add('fLabel', feedbackLabel('f'), filters.label);
    const from = 'feedback f LEFT JOIN products p ON p.shop_id = f.shop_id AND p.sku = f.sku';
    const [{ total }] = await this.reader.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${from} WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows = await this.reader.query<FeedbackRecord>(
      `SELECT f.external_id AS "externalId", f.source, f.sku, p.name AS "productName", f.rating, f.text,
              f.language, f.sentiment_score AS "sentimentScore",
              NULLIF(${feedbackLabel('f')}, '') AS label, f.created_at AS "createdAt"
         FROM ${from} WHERE ${where.join(' AND ')}
        ORDER BY ${FEEDBACK_SORTS[page.sort]} ${page.order} NULLS LAST, f.external_id
        LIMIT {limit} OFFSET {offset}`,
      params,
    );
    return { period: this.reader.periodOf(ctx), total, ...page, rows };
  }
}
