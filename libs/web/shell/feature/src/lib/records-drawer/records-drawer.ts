import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import {
  FILTER_KEYS,
  REASONS,
  isOwnReason,
  reasonLabel,
  type ClaimRecord,
  type FilterKey,
  type RecordsPage,
  type SupplierClaimRecord,
} from '@returnlens/shared/contracts';
import {
  arrowUrl,
  claimRecordsResource,
  csvUrl,
  describeHttpError,
  DrilldownStore,
  feedbackRecordsResource,
  supplierClaimRecordsResource,
  type PageRequest,
} from '@returnlens/web/shared/data-access';
import {
  FilterStore,
  FILTER_LABELS,
  humanize,
  languageName,
  vocabularyLabel,
} from '@returnlens/web/shared/filters';
import { formatCount } from '@returnlens/web/shared/ui-charts';
import { DrawerComponent } from '@returnlens/web/shared/ui';

const PAGE_SIZE = 25;

/** What the drawer reads of either records resource. */
interface RecordsSource {
  hasValue(): boolean;
  value(): RecordsPage<unknown> | undefined;
  error(): unknown;
  isLoading(): boolean;
  reload(): boolean;
}

interface Column {
  readonly key: string;
  readonly label: string;
  /** The API's sort key when the column is sortable. */
  readonly sort?: string;
  readonly numeric?: boolean;
}

const CLAIM_COLUMNS: readonly Column[] = [
  { key: 'externalId', label: 'Claim', sort: 'externalId' },
  { key: 'openedAt', label: 'Opened', sort: 'openedAt' },
  { key: 'type', label: 'Type' },
  { key: 'product', label: 'Product' },
  { key: 'reason', label: 'Reason', sort: 'reasonCode' },
  { key: 'reasonText', label: 'Customer’s words' },
  { key: 'quantity', label: 'Units', sort: 'quantity', numeric: true },
  { key: 'status', label: 'Status', sort: 'resolvedAt' },
  { key: 'refund', label: 'Refund', sort: 'refundAmount', numeric: true },
  { key: 'contacts', label: 'Contacts', sort: 'contactCount', numeric: true },
];

/** The supplier pages' claims: what a buyer may read (no status, refund or contacts). */
const SUPPLIER_CLAIM_COLUMNS: readonly Column[] = CLAIM_COLUMNS.filter(
  (c) => !['status', 'refund', 'contacts'].includes(c.key),
);

const FEEDBACK_COLUMNS: readonly Column[] = [
  { key: 'createdAt', label: 'Date', sort: 'createdAt' },
  { key: 'rating', label: 'Rating', sort: 'rating', numeric: true },
  { key: 'text', label: 'Text' },
  { key: 'language', label: 'Language' },
  { key: 'sentiment', label: 'Sentiment', sort: 'sentimentScore', numeric: true },
  { key: 'product', label: 'Product' },
];

/** The records behind a figure: a paginated, sortable table and its CSV export. */
@Component({
  selector: 'rl-records-drawer',
  imports: [DrawerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './records-drawer.html',
  styleUrl: './records-drawer.scss',
})
export class RecordsDrawerComponent {
  private readonly drill = inject(DrilldownStore);
  private readonly filters = inject(FilterStore);
  protected readonly request = this.drill.records;

  protected readonly page = linkedSignal<PageRequest>(() => {
    const kind = this.request()?.kind ?? 'claims';
    return {
      page: 1,
      pageSize: PAGE_SIZE,
      sort: kind === 'feedback' ? 'createdAt' : 'openedAt',
      order: 'desc',
    };
  });

  private readonly claims = claimRecordsResource(
    () => (this.request()?.kind === 'claims' ? this.request()?.params : null),
    () => this.page(),
  );
  private readonly supplierClaims = supplierClaimRecordsResource(
    () => (this.request()?.kind === 'supplier-claims' ? this.request()?.params : null),
    () => this.page(),
  );
  private readonly feedback = feedbackRecordsResource(
    () => (this.request()?.kind === 'feedback' ? this.request()?.params : null),
    () => this.page(),
  );
  private readonly active = computed<RecordsSource>(() => {
    const kind = this.request()?.kind;
    return kind === 'feedback'
      ? this.feedback
      : kind === 'supplier-claims'
        ? this.supplierClaims
        : this.claims;
  });

  protected readonly columns = computed(() => {
    const kind = this.request()?.kind;
    return kind === 'feedback'
      ? FEEDBACK_COLUMNS
      : kind === 'supplier-claims'
        ? SUPPLIER_CLAIM_COLUMNS
        : CLAIM_COLUMNS;
  });
  protected readonly loading = computed(() => this.active().isLoading());
  protected readonly error = computed(() => {
    const error = this.active().error();
    return error ? describeHttpError(error) : null;
  });
  protected readonly total = computed(() => {
    const r = this.active();
    return r.hasValue() ? (r.value()?.total ?? 0) : null;
  });
  protected readonly claimRows = computed(() =>
    this.claims.hasValue() ? (this.claims.value()?.rows ?? []) : [],
  );
  protected readonly supplierClaimRows = computed(() =>
    this.supplierClaims.hasValue() ? (this.supplierClaims.value()?.rows ?? []) : [],
  );
  protected readonly feedbackRows = computed(() =>
    this.feedback.hasValue() ? (this.feedback.value()?.rows ?? []) : [],
  );
  protected readonly rangeText = computed(() => {
    const total = this.total();
    if (total === null) return '';
    if (total === 0) return 'No records';
    const { page, pageSize } = this.page();
    const first = (page - 1) * pageSize + 1;
    return `Records ${formatCount(first)}–${formatCount(Math.min(total, page * pageSize))} of ${formatCount(total)}`;
  });
  /** For a figure that counts units (units in claims, defect units): the units of all records. */
  protected readonly unitsText = computed(() => {
    if (this.request()?.counts !== 'units') return null;
    const r = this.active();
    const units = r.hasValue() ? r.value()?.units : undefined;
    return units === undefined ? null : `${formatCount(units)} ${units === 1 ? 'unit' : 'units'}`;
  });
  protected readonly lastPage = computed(() =>
    Math.max(1, Math.ceil((this.total() ?? 0) / this.page().pageSize)),
  );
  /** Every record (not a page) in the drawer's order, as CSV and as Arrow. */
  protected readonly exportHrefs = computed(() => {
    const request = this.request();
    if (!request) return null;
    const { sort, order } = this.page();
    const params = { ...request.params, sort, order };
    return {
      csv: csvUrl(`records/${request.kind}`, params),
      arrow: arrowUrl(`records/${request.kind}`, params),
    };
  });
  protected readonly narrowText = computed(() => {
    const narrow = this.request()?.narrow;
    if (!narrow) return null;
    return Object.entries(narrow)
      .map(([key, values]) =>
        (values ?? []).map((v) => vocabularyLabel(key as FilterKey, v) ?? v).join(', '),
      )
      .join(' · ');
  });
  protected readonly filterText = computed(() => {
    const params = this.request()?.params ?? {};
    const parts: string[] = [];
    if (params['from'] || params['to'])
      parts.push(
        params['from'] === params['to']
          ? `Week ${params['to']}`
          : `${params['from'] ?? '…'} – ${params['to'] ?? 'latest'}`,
      );
    else parts.push('The last 12 weeks');
    for (const key of FILTER_KEYS as readonly FilterKey[]) {
      const value = params[key];
      if (value)
        parts.push(
          `${FILTER_LABELS[key]}: ${value
            .split(',')
            .map((v) => vocabularyLabel(key, v) ?? v)
            .join(', ')}`,
        );
    }
    for (const key of ['rating', 'label'])
      if (params[key]) parts.push(`${humanize(key)}: ${params[key]}`);
    if (params['mismatch'] === 'true')
      parts.push('Stated reason differs from the one read in the text');
    return parts.join(' · ');
  });

  protected ariaSort(column: Column): 'ascending' | 'descending' | 'none' | null {
    if (!column.sort) return null;
    const { sort, order } = this.page();
    return sort === column.sort ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  }

  protected sortBy(column: Column): void {
    if (!column.sort) return;
    const current = this.page();
    const order =
      current.sort === column.sort ? (current.order === 'desc' ? 'asc' : 'desc') : 'desc';
    this.page.set({ ...current, page: 1, sort: column.sort, order });
  }

  protected go(delta: number): void {
    const current = this.page();
    const page = Math.min(this.lastPage(), Math.max(1, current.page + delta));
    this.page.set({ ...current, page });
  }

  /** The handling fields of a full claim record; null for a supplier page's record. */
  protected handled(row: SupplierClaimRecord): ClaimRecord | null {
    return 'status' in row ? (row as ClaimRecord) : null;
  }

  protected reasonLabel(code: string): string {
    return (
      REASONS.find((r) => r.code === code)?.label ??
      (isOwnReason(code) ? reasonLabel(code) : humanize(code))
    );
  }

  /**
   * Who read the reason in the claim's text and how sure it is, where the drawer shows that
   * reason: the reason itself when it was inferred, the text's other reading when it differs
   * from the stated one.
   */
  protected readFromText(row: SupplierClaimRecord): string | null {
    const code = row.inferredReasonCode;
    if (!code) return null;
    const who =
      row.inferredBy === 'shop'
        ? ' by the shop’s model'
        : row.inferredBy === 'base'
          ? ' by the shipped cues'
          : '';
    const sure =
      row.inferredConfidence === null || row.inferredConfidence === undefined
        ? ''
        : `, ${Math.round(row.inferredConfidence * 100)} % sure`;
    if (row.reasonSource === 'inferred')
      return who || sure ? `read from the text${who}${sure}` : null;
    if (code === row.reasonCode) return null;
    return `the text reads ${this.reasonLabel(code)}${who}${sure}`;
  }

  protected humanize(code: string | null): string {
    return code ? humanize(code) : '–';
  }

  protected languageName(code: string | null): string {
    return languageName(code);
  }

  protected date(iso: string | null): string {
    return iso ? iso.slice(0, 16).replace('T', ' ') : '–';
  }

  protected stars(rating: number | null): string {
    return rating === null ? '–' : '★'.repeat(rating) + '☆'.repeat(5 - rating);
  }

  /** Narrows the page's filters to the figure, and closes the drawer. */
  protected showOnly(): void {
    const narrow = this.request()?.narrow;
    if (!narrow) return;
    this.filters.onlyMany(narrow);
    this.drill.close();
  }

  protected retry(): void {
    this.active().reload();
  }

  protected close(): void {
    this.drill.close();
  }
}
