import type { AnalyticsFilters, RecordsPage } from '@returnlens/shared/contracts';
import { FilterError } from './analytics.period';

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

/** `?page=&pageSize=&sort=&order=` → a checked page request. */
export function parsePage(
  query: Record<string, unknown>,
  sorts: Record<string, string>,
  defaultSort: string,
): PageRequest {
  const int = (name: string, fallback: number, max: number) => {
    const raw = query[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new FilterError(name, `${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  const sort = typeof query['sort'] === 'string' && query['sort'] ? query['sort'] : defaultSort;
  if (!(sort in sorts))
    throw new FilterError('sort', `sort by one of ${Object.keys(sorts).join(', ')}`);
  const order =
    query['order'] === 'asc'
      ? 'asc'
      : query['order'] === undefined || query['order'] === 'desc'
        ? 'desc'
        : null;
  if (!order) throw new FilterError('order', 'order is asc or desc');
  return { page: int('page', 1, 100_000), pageSize: int('pageSize', 50, 1000), sort, order };
}

/** Cell constraints of a drill-down beyond the page filters (`?week=2026-W07&reason=…`). */
export interface DrillDown extends AnalyticsFilters {
  readonly assignee?: readonly string[];
}

export type { RecordsPage };
