import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import {
  ANALYSED_LANGUAGES,
  CHANNELS,
  CLAIM_TYPES,
  FILTER_KEYS,
  REASON_CATEGORIES,
  REASONS,
  type AnalyticsFilters,
  type FilterKey,
} from '@returnlens/shared/contracts';
import { FILTER_LABELS, humanize, LANGUAGE_NAMES } from '@returnlens/web/shared/filters';
import { splitIds, withFilterValue, withoutFilterValue, type FilterValues } from './notify-forms';
import { NotifyStore } from './notify.store';

interface Option {
  readonly value: string;
  readonly label: string;
}

/** The value lists the vocabulary knows; suppliers come from the scorecards; the rest are typed. */
function vocabulary(key: FilterKey): Option[] | null {
  switch (key) {
    case 'channel':
      return CHANNELS.map((c) => ({ value: c, label: humanize(c) }));
    case 'type':
      return CLAIM_TYPES.map((t) => ({ value: t, label: humanize(t) }));
    case 'language':
      return ANALYSED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] ?? l }));
    case 'reasonCategory':
      return REASON_CATEGORIES.map((c) => ({ value: c.code, label: c.label }));
    case 'reason':
      return REASONS.map((r) => ({ value: r.code, label: r.label }));
    default:
      return null;
  }
}

/** The filter chips of a digest or alert, and a row to add one (the dashboard's filter values). */
@Component({
  selector: 'rl-filters-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="filters-editor" role="group" [attr.aria-label]="'Filters of the ' + what()">
      <span class="group-label">Filters</span>
      @if (chips().length) {
        <ul class="chips" data-testid="filter-chips">
          @for (chip of chips(); track chip.key + ':' + chip.value) {
            <li class="chip">
              <span
                ><span class="chip-key">{{ chip.keyLabel }}: </span>
                <bdi>{{ chip.label }}</bdi></span
              >
              <button
                type="button"
                class="remove"
                [attr.aria-label]="'Remove ' + chip.keyLabel + ' ' + chip.label"
                (click)="remove(chip.key, chip.value)"
              >
                ×
              </button>
            </li>
          }
        </ul>
      } @else {
        <span class="muted small">None: the whole shop.</span>
      }
      <div class="add-row">
        <label class="inline">
          <span class="visually-hidden">Filter by</span>
          <select
            (change)="choose($any($event.target).value)"
            [value]="adding() ?? ''"
            data-testid="filter-dimension"
          >
            <option value="">Add a filter…</option>
            @for (d of dimensions(); track d.key) {
              <option [value]="d.key">{{ d.label }}</option>
            }
          </select>
        </label>
        @if (adding(); as key) {
          @if (options(); as list) {
            <label class="inline">
              <span class="visually-hidden">{{ labels[key] }}</span>
              <select (change)="add($any($event.target).value)" data-testid="filter-value">
                <option value="">Choose {{ labels[key].toLowerCase() }}…</option>
                @for (o of list; track o.value) {
                  <option [value]="o.value">{{ o.label }}</option>
                }
              </select>
            </label>
          } @else {
            <label class="inline">
              <span class="visually-hidden">{{ labels[key] }} ids, separated by commas</span>
              <input
                #ids
                type="text"
                class="ids"
                [placeholder]="placeholder(key)"
                (keydown.enter)="$event.preventDefault(); addTyped(ids)"
                data-testid="filter-ids"
              />
            </label>
            <button type="button" (click)="addTyped(ids)" data-testid="filter-add">Add</button>
          }
        }
      </div>
      @if (error(); as message) {
        <span class="field-error">{{ message }}</span>
      }
    </div>
  `,
  styleUrls: ['./notify.scss', './notify-chips.scss', './notify-form.scss'],
})
export class FiltersEditorComponent {
  private readonly store = inject(NotifyStore);
  readonly value = input.required<FilterValues>();
  readonly what = input('digest');
  readonly error = input<string | null>(null);
  readonly changed = output<FilterValues>();

  protected readonly labels = FILTER_LABELS;
  protected readonly adding = signal<FilterKey | null>(null);

  protected readonly dimensions = computed(() =>
    FILTER_KEYS.filter((key) => this.canPick(key)).map((key) => ({
      key,
      label: FILTER_LABELS[key],
    })),
  );

  protected readonly chips = computed(() =>
    FILTER_KEYS.flatMap((key) =>
      (this.value()[key] ?? []).map((value) => ({
        key,
        value,
        keyLabel: FILTER_LABELS[key],
        label: this.store.label(key, value),
      })),
    ),
  );

  /** The values to pick from, or null: typed as ids. */
  protected readonly options = computed<Option[] | null>(() => {
    const key = this.adding();
    if (!key) return null;
    const chosen = new Set(this.value()[key] ?? []);
    const list =
      key === 'supplier'
        ? this.store.supplierOptions().length
          ? this.store.supplierOptions()
          : null
        : vocabulary(key);
    return list ? list.filter((o) => !chosen.has(o.value)) : null;
  });

  private canPick(key: FilterKey): boolean {
    if (key === 'supplier' || key === 'product') return this.store.can('suppliers');
    if (key === 'category') return this.store.can('claims') || this.store.can('suppliers');
    return true;
  }

  protected placeholder(key: FilterKey): string {
    if (key === 'supplier') return 'Supplier ids, e.g. SUP-001, SUP-002';
    if (key === 'product') return 'SKUs, e.g. SKU-1, SKU-2';
    return `${FILTER_LABELS[key]} codes, separated by commas`;
  }

  protected choose(value: string): void {
    const key = (value || null) as FilterKey | null;
    if (key === 'supplier') this.store.loadSuppliers();
    this.adding.set(key);
  }

  protected add(value: string): void {
    const key = this.adding();
    if (!key || !value) return;
    this.changed.emit(withFilterValue(this.value(), key, value));
    this.adding.set(null);
  }

  protected addTyped(input: HTMLInputElement): void {
    const key = this.adding();
    const ids = splitIds(input.value);
    if (!key || !ids.length) return;
    let next = this.value();
    for (const id of ids) next = withFilterValue(next, key, id);
    this.changed.emit(next);
    input.value = '';
    this.adding.set(null);
  }

  protected remove(key: FilterKey, value: string): void {
    this.changed.emit(withoutFilterValue(this.value(), key, value));
  }
}

/** Read-only filter chips (a digest's or a rule's filters in the lists). */
@Component({
  selector: 'rl-filter-chips',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (chips().length) {
      <ul class="chips" aria-label="Filters">
        @for (chip of chips(); track chip.key + ':' + chip.value) {
          <li class="chip readonly">
            <span
              ><span class="chip-key">{{ chip.keyLabel }}: </span><bdi>{{ chip.label }}</bdi></span
            >
          </li>
        }
      </ul>
    } @else {
      <span class="muted">The whole shop (no filters)</span>
    }
  `,
  styleUrls: ['./notify.scss', './notify-chips.scss', './notify-form.scss'],
})
export class FilterChipsComponent {
  private readonly store = inject(NotifyStore);
  /** A digest's or rule's filters as the API gives them (only the value filters are shown). */
  readonly value = input.required<AnalyticsFilters | FilterValues>();

  protected readonly chips = computed(() =>
    FILTER_KEYS.flatMap((key) =>
      (this.value()[key] ?? []).map((v) => ({
        key,
        value: v,
        keyLabel: FILTER_LABELS[key],
        label: this.store.label(key, v),
      })),
    ),
  );

  constructor() {
    // Supplier ids read as names once the scorecards are loaded.
    effect(() => {
      if (this.value().supplier?.length) untracked(() => this.store.loadSuppliers());
    });
  }
}
