import { Injectable, signal } from '@angular/core';
import type { Drill, FilterKey } from '@returnlens/shared/contracts';
import type { QueryParams } from './analytics.resources';

/**
 * The records behind a figure: which table, under which filters, with what title.
 * `supplier-claims` is the claims table as the supplier pages may show it (no handling, SLA
 * or refund fields: the buyer's role does not open them).
 */
export interface RecordsRequest {
  readonly kind: 'claims' | 'supplier-claims' | 'feedback';
  readonly title: string;
  /** The figure's filters (the page's filters plus the clicked cell's). */
  readonly params: QueryParams;
  /** What the figure counts of these records: the records (default) or their units. */
  readonly counts?: Drill['counts'];
  /** Filters that narrow the page to the figure, offered in the drawer ("Show only this"). */
  readonly narrow?: Partial<Record<FilterKey, readonly string[]>>;
}

export interface ExplainRequest {
  readonly title: string;
  /** Ids of `/api/analytics/definitions` metrics behind the figure. */
  readonly metrics: readonly string[];
  /** What the figure covers, in words, when not the page's period (the weekly report's week). */
  readonly scope?: string;
}

/**
 * Opens the records drawer and the "why this number" panel from any chart; the app shell
 * shows them.
 */
@Injectable({ providedIn: 'root' })
export class DrilldownStore {
  readonly records = signal<RecordsRequest | null>(null);
  readonly explain = signal<ExplainRequest | null>(null);

  openRecords(request: RecordsRequest): void {
    this.explain.set(null);
    this.records.set(request);
  }

  /**
   * The records behind one figure, as `libs/shared/contracts` maps it (drillReason,
   * drillMatrixCell, …): the same request the drill-down property test checks against the API.
   */
  openDrill(title: string, drill: Drill, narrow?: RecordsRequest['narrow']): void {
    this.openRecords({
      kind: drill.kind,
      title,
      params: drill.params,
      counts: drill.counts,
      narrow,
    });
  }

  openExplain(request: ExplainRequest): void {
    this.records.set(null);
    this.explain.set(request);
  }

  close(): void {
    this.records.set(null);
    this.explain.set(null);
  }
}
