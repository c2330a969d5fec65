import {
  ChangeDetectionStrategy,
  Component,
  computed,
  HostListener,
  inject,
  input,
  signal,
} from '@angular/core';
import {
  ANALYSED_LANGUAGES,
  CHANNELS,
  CLAIM_TYPES,
  FILTER_KEYS,
  REASON_CATEGORIES,
  REASONS,
  type FilterKey,
} from '@returnlens/shared/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  analyticsResource,
  AuthStore,
  DomainLabels,
  productsResource,
  suppliersResource,
  type DomainKind,
} from '@returnlens/web/shared/data-access';
import {
  FILTER_LABELS,
  describeFilters,
  FilterStore,
  humanize,
  LANGUAGE_NAMES,
  PERIOD_PRESETS,
  vocabularyLabel,
  type PeriodPresetId,
} from '@returnlens/web/shared/filters';
import type { ReasonMatrix } from '@returnlens/shared/contracts';

/** Which vocabulary a filter's values come from (`domain.*` messages). */
const VOCABULARY_KINDS: Partial<Record<FilterKey, DomainKind>> = {
  channel: 'channel',
  type: 'type',
  reasonCategory: 'category',
  reason: 'reason',
};

interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * The filter bar at the top of every dashboard page: the period (quick picks or from/to
 * ISO weeks) and the active filters as removable chips. It only reads and writes the URL
 * through the FilterStore. Below 900 px it is one button (how many filters are on) that opens
 * the same controls as a sheet from the bottom of the screen.
 */
@Component({
  selector: 'rl-filter-bar',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './filter-bar.html',
  styleUrl: './filter-bar.scss',
})
export class FilterBarComponent {
  protected readonly store = inject(FilterStore);
  /** False on pages that choose their own week (the Weekly report). */
  readonly showPeriod = input(true);

  private readonly auth = inject(AuthStore);
  private readonly words = inject(DomainLabels);

  /** The period picks, in the interface language. */
  protected readonly presets = computed(() =>
    PERIOD_PRESETS.map((p) => ({ ...p, label: this.words.label('period', p.id, p.label) })),
  );
  /**
   * The filters this user can pick from: suppliers and products are listed from the supplier
   * scorecards, reason categories from the claims — left out for a role that cannot read them.
   */
  protected readonly dimensions = computed(() =>
    FILTER_KEYS.filter((key) => this.canPick(key)).map((key) => ({
      key,
      label: this.words.label('filter', key, FILTER_LABELS[key]),
    })),
  );
  protected readonly adding = signal<FilterKey | null>(null);
  /** The phone's filters sheet; the controls in it change the address as the bar does. */
  protected readonly sheetOpen = signal(false);

  private readonly activeKeys = computed(() =>
    FILTER_KEYS.filter((key) => this.store.state().values[key]?.length),
  );
  private readonly wants = (key: FilterKey) =>
    computed(() => this.canPick(key) && (this.adding() === key || this.activeKeys().includes(key)));
  private readonly wantSuppliers = this.wants('supplier');
  private readonly wantProducts = this.wants('product');
  private readonly wantCategories = this.wants('category');

  private readonly suppliers = suppliersResource(() => (this.wantSuppliers() ? {} : null));
  private readonly products = productsResource(() => (this.wantProducts() ? {} : null), 200);
  private readonly categories = analyticsResource<ReasonMatrix>('matrix', () =>
    this.wantCategories() ? { by: 'category' } : null,
  );

  private readonly supplierNames = computed(
    () =>
      new Map(
        (this.suppliers.hasValue() ? (this.suppliers.value()?.suppliers ?? []) : []).map((s) => [
          s.supplierId,
          s.name,
        ]),
      ),
  );
  private readonly productNames = computed(
    () =>
      new Map(
        (this.products.hasValue() ? (this.products.value()?.products ?? []) : []).map((p) => [
          p.sku,
          p.name,
        ]),
      ),
  );

  /** What the figures cover, in one line (printed at the top of the page). */
  protected readonly summary = computed(() =>
    describeFilters(this.store.state(), this.range(), (key, value) => this.label(key, value)),
  );

  protected readonly period = computed(() => this.store.state().period);
  protected readonly range = this.store.range;

  protected readonly chips = computed(() =>
    this.activeKeys().flatMap((key) =>
      (this.store.state().values[key] ?? []).map((value) => ({
        key,
        value,
        keyLabel: this.words.label('filter', key, FILTER_LABELS[key]),
        label: this.label(key, value),
      })),
    ),
  );

  protected readonly options = computed<readonly Option[]>(() => {
    const key = this.adding();
    const active = new Set(key ? (this.store.state().values[key] ?? []) : []);
    const all = ((): Option[] => {
      switch (key) {
        case 'supplier':
          return [...this.supplierNames()]
            .map(([value, label]) => ({ value, label }))
            .sort((a, b) => a.label.localeCompare(b.label));
        case 'product':
          return [...this.productNames()]
            .map(([value, label]) => ({ value, label: `${label} (${value})` }))
            .sort((a, b) => a.label.localeCompare(b.label));
        case 'category':
          return (this.categories.hasValue() ? (this.categories.value()?.columns ?? []) : []).map(
            (c) => ({ value: c.key, label: c.label }),
          );
        case 'channel':
          return CHANNELS.map((c) => ({
            value: c,
            label: this.words.label('channel', c, humanize(c)),
          }));
        case 'type':
          return CLAIM_TYPES.map((t) => ({
            value: t,
            label: this.words.label('type', t, humanize(t)),
          }));
        case 'language':
          return ANALYSED_LANGUAGES.map((l) => ({
            value: l,
            label: this.words.languageName(l, LANGUAGE_NAMES[l] ?? l),
          }));
        case 'reasonCategory':
          return REASON_CATEGORIES.map((c) => ({
            value: c.code,
            label: this.words.label('category', c.code, c.label),
          }));
        case 'reason':
          return REASONS.map((r) => ({
            value: r.code,
            label: this.words.label('reason', r.code, r.label),
          }));
        default:
          return [];
      }
    })();
    return all.filter((o) => !active.has(o.value));
  });
  protected readonly optionsLoading = computed(() => {
    const key = this.adding();
    return (
      (key === 'supplier' && this.suppliers.isLoading()) ||
      (key === 'product' && this.products.isLoading()) ||
      (key === 'category' && this.categories.isLoading())
    );
  });

  constructor() {
    this.store.wantAnchor();
  }

  @HostListener('document:keydown.escape')
  protected closeSheet(): void {
    this.sheetOpen.set(false);
  }

  private canPick(key: FilterKey): boolean {
    if (key === 'supplier' || key === 'product') return this.auth.can('suppliers');
    if (key === 'category') return this.auth.can('claims') || this.auth.can('suppliers');
    return true;
  }

  private label(key: FilterKey, value: string): string {
    if (key === 'supplier') return this.supplierNames().get(value) ?? value;
    if (key === 'product') return this.productNames().get(value) ?? value;
    const english = vocabularyLabel(key, value) ?? value;
    if (key === 'language') return this.words.languageName(value, english);
    const kind = VOCABULARY_KINDS[key];
    return kind ? this.words.label(kind, value, english) : english;
  }

  protected choosePeriod(value: string): void {
    if (value === 'custom') {
      const range = this.range();
      this.store.setRange(range?.from ?? null, range?.to ?? null);
    } else this.store.setPeriod(value as PeriodPresetId);
  }

  protected setFrom(value: string): void {
    if (value) this.store.setRange(value.toUpperCase(), this.range()?.to ?? null);
  }

  protected setTo(value: string): void {
    if (value) this.store.setRange(this.range()?.from ?? null, value.toUpperCase());
  }

  protected chooseDimension(value: string): void {
    this.adding.set((value || null) as FilterKey | null);
  }

  protected addValue(value: string): void {
    const key = this.adding();
    if (!key || !value) return;
    this.store.add(key, value);
    this.adding.set(null);
  }

  protected remove(key: FilterKey, value: string): void {
    this.store.remove(key, value);
  }

  protected clear(): void {
    this.store.clearValues();
  }
}
