import type { AnalyticsFilters, RecordsPage } from '@returnlens/shared/contracts';

/** Sortable columns of the drill-down tables → their SQL (a whitelist: nothing else is sorted by). */
export const CLAIM_SORTS: Record<string, string> = {
  openedAt: 'c.opened_at',
  quantity: 'c.quantity',
  refundAmount: 'c.refund_amount',
  contactCount: 'c.contact_count',
  externalId: 'c.external_id',
  resolvedAt: 'c.resolved_at',
  reasonCode: 'c.reason_code',
};

/** The supplier pages' claim records sort only by what they show (records/supplier-claims). */
export const SUPPLIER_CLAIM_SORTS: Record<string, string> = {
  openedAt: 'c.opened_at',
  quantity: 'c.quantity',
  externalId: 'c.external_id',
  reasonCode: 'c.reason_code',
};

export const FEEDBACK_SORTS: Record<string, string> = {
  createdAt: 'f.created_at',
  rating: 'f.rating',
  sentimentScore: 'f.sentiment_score',
  externalId: 'f.external_id',
};

export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
  readonly sort: string;
  readonly order: 'asc' | 'desc';
}

/** Cell constraints of a drill-down beyond the page filters (`?week=2026-W07&reason=…`). */
export interface DrillDown extends AnalyticsFilters {
  readonly assignee?: readonly string[];
}

export type { RecordsPage };
