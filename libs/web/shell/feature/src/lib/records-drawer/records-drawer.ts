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
  DomainLabels,
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
import { TranslocoPipe } from '@jsverse/transloco';
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
  { key: 'externalId', label: 'drawer.col.claim', sort: 'externalId' },
  { key: 'openedAt', label: 'drawer.col.opened', sort: 'openedAt' },
  { key: 'type', label: 'drawer.col.type' },
  { key: 'product', label: 'drawer.col.product' },
  { key: 'reason', label: 'drawer.col.reason', sort: 'reasonCode' },
  { key: 'reasonText', label: 'drawer.col.reasonText' },
  { key: 'quantity', label: 'drawer.col.units', sort: 'quantity', numeric: true },
  { key: 'status', label: 'drawer.col.status', sort: 'resolvedAt' },
  { key: 'refund', label: 'drawer.col.refund', sort: 'refundAmount', numeric: true },
  { key: 'contacts', label: 'drawer.col.contacts', sort: 'contactCount', numeric: true },
];

/** The supplier pages' claims: what a buyer may read (no status, refund or contacts). */
const SUPPLIER_CLAIM_COLUMNS: readonly Column[] = CLAIM_COLUMNS.filter(
  (c) => !['status', 'refund', 'contacts'].includes(c.key),
);

const FEEDBACK_COLUMNS: readonly Column[] = [
  { key: 'createdAt', label: 'drawer.col.date', sort: 'createdAt' },
  { key: 'rating', label: 'drawer.col.rating', sort: 'rating', numeric: true },
  { key: 'text', label: 'drawer.col.text' },
  { key: 'language', label: 'drawer.col.language' },
  { key: 'sentiment', label: 'drawer.col.sentiment', sort: 'sentimentScore', numeric: true },
  { key: 'product', label: 'drawer.col.product' },
];

/** The records behind a figure: a paginated, sortable table and its CSV export. */
@Component({
  selector: 'rl-records-drawer',
  imports: [DrawerComponent, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './records-drawer.html',
  styleUrl: './records-drawer.scss',
})
export class RecordsDrawerComponent {
  private readonly drill = inject(DrilldownStore);
  private readonly words = inject(DomainLabels);
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
    if (total === 0) return this.words.text('drawer.none');
    const { page, pageSize } = this.page();
    const first = (page - 1) * pageSize + 1;
    return this.words.text('drawer.range', {
      first: formatCount(first),
      last: formatCount(Math.min(total, page * pageSize)),
      total: formatCount(total),
    });
  });
  /** For a figure that counts units (units in claims, defect units): the units of all records. */
  protected readonly unitsText = computed(() => {
    if (this.request()?.counts !== 'units') return null;
    const r = this.active();
    const units = r.hasValue() ? r.value()?.units : undefined;
    return units === undefined ? null : this.words.text('drawer.units', { count: units });
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
        (values ?? []).map((v) => this.valueLabel(key as FilterKey, v)).join(', '),
      )
      .join(' · ');
  });
  protected readonly filterText = computed(() => {
    const params = this.request()?.params ?? {};
    const parts: string[] = [];
    if (params['from'] || params['to'])
      parts.push(
        params['from'] === params['to']
          ? this.words.text('drawer.week', { week: params['to'] })
          : `${params['from'] ?? '…'} – ${params['to'] ?? this.words.text('drawer.latest')}`,
      );
    else parts.push(this.words.text('drawer.last12'));
    for (const key of FILTER_KEYS as readonly FilterKey[]) {
      const value = params[key];
      if (value)
        parts.push(
          `${this.words.label('filter', key, FILTER_LABELS[key])}: ${value
            .split(',')
            .map((v) => this.valueLabel(key, v))
            .join(', ')}`,
        );
    }
    for (const key of ['rating', 'label'])
      if (params[key]) parts.push(`${this.words.text(`drawer.${key}`)}: ${params[key]}`);
    if (params['mismatch'] === 'true') parts.push(this.words.text('drawer.mismatch'));
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
    const english =
      REASONS.find((r) => r.code === code)?.label ??
      (isOwnReason(code) ? reasonLabel(code) : humanize(code));
    return this.words.label('reason', code, english);
  }

  /** A filter value in the interface language (a shop's own value in its own words). */
  private valueLabel(key: FilterKey, value: string): string {
    const english = vocabularyLabel(key, value) ?? value;
    if (key === 'language') return this.words.languageName(value, english);
    const kind = (
      { channel: 'channel', type: 'type', reasonCategory: 'category', reason: 'reason' } as const
    )[key as 'channel'];
    return kind ? this.words.label(kind, value, english) : english;
  }

  /**
   * Who read the reason in the claim's text and how sure it is, where the drawer shows that
   * reason: the reason itself when it was inferred, the text's other reading when it differs
   * from the stated one.
   */
  protected readFromText(row: SupplierClaimRecord): string | null {
    const code = row.inferredReasonCode;
    if (!code) return null;
    const details = [
      row.inferredBy === 'shop'
        ? this.words.text('drawer.byShop')
        : row.inferredBy === 'base'
          ? this.words.text('drawer.byBase')
          : null,
      row.inferredConfidence === null || row.inferredConfidence === undefined
        ? null
        : this.words.text('drawer.sure', { pct: Math.round(row.inferredConfidence * 100) }),
    ]
      .filter(Boolean)
      .join(', ');
    if (row.reasonSource === 'inferred')
      return details ? this.words.text('drawer.readInferred', { details }) : null;
    if (code === row.reasonCode) return null;
    return this.words
      .text('drawer.readDiffers', { reason: this.reasonLabel(code), details })
      .trim();
  }

  /** Where a claim's reason came from, in the interface language. */
  protected sourceLabel(source: string): string {
    const key = `drawer.source.${source}`;
    const text = this.words.text(key);
    return text === key ? source : text;
  }

  /** A review's label (negative / neutral / positive) in the interface language. */
  protected sentimentLabel(label: string | null): string {
    if (!label) return '–';
    const key = `drawer.sentiment.${label}`;
    const text = this.words.text(key);
    return text === key ? label : text;
  }

  /** A type, channel, status or resolution in the interface language (a shop's own: as written). */
  protected vocabulary(
    kind: 'type' | 'channel' | 'status' | 'resolution',
    code: string | null,
  ): string {
    return code ? this.words.label(kind, code, humanize(code)) : '–';
  }

  protected languageName(code: string | null): string {
    return code ? this.words.languageName(code, languageName(code)) : languageName(code);
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
