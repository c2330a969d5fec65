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
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageStore } from '@returnlens/web/shared/data-access';
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
import { FILTER_LABELS } from '@returnlens/web/shared/filters';
import { splitIds, withFilterValue, withoutFilterValue, type FilterValues } from './notify-forms';
import { NotifyStore } from './notify.store';

interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * The value lists the vocabulary knows, labelled in the interface language (`label`); suppliers
 * come from the scorecards; the rest are typed.
 */
function vocabulary(
  key: FilterKey,
  label: (key: FilterKey, value: string) => string,
): Option[] | null {
  const codes = (values: readonly string[]) =>
    values.map((value) => ({ value, label: label(key, value) }));
  switch (key) {
    case 'channel':
      return codes(CHANNELS);
    case 'type':
      return codes(CLAIM_TYPES);
    case 'language':
      return codes(ANALYSED_LANGUAGES);
    case 'reasonCategory':
      return codes(REASON_CATEGORIES.map((c) => c.code));
    case 'reason':
      return codes(REASONS.map((r) => r.code));
    default:
      return null;
  }
}

/** The filter chips of a digest or alert, and a row to add one (the dashboard's filter values). */
@Component({
  selector: 'rl-filters-editor',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="filters-editor"
      role="group"
      [attr.aria-label]="'subscriptions.filtersEditor.of' | transloco: { what: what() }"
    >
      <span class="group-label">{{ 'subscriptions.common.filters' | transloco }}</span>
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
                [attr.aria-label]="
                  'subscriptions.filtersEditor.remove'
                    | transloco: { key: chip.keyLabel, value: chip.label }
                "
                (click)="remove(chip.key, chip.value)"
              >
                ×
              </button>
            </li>
          }
        </ul>
      } @else {
        <span class="muted small">{{ 'subscriptions.filtersEditor.none' | transloco }}</span>
      }
      <div class="add-row">
        <label class="inline">
          <span class="visually-hidden">{{
            'subscriptions.filtersEditor.filterBy' | transloco
          }}</span>
          <select
            (change)="choose($any($event.target).value)"
            [value]="adding() ?? ''"
            data-testid="filter-dimension"
          >
            <option value="">{{ 'subscriptions.filtersEditor.add' | transloco }}</option>
            @for (d of dimensions(); track d.key) {
              <option [value]="d.key">{{ d.label }}</option>
            }
          </select>
        </label>
        @if (adding(); as key) {
          @if (options(); as list) {
            <label class="inline">
              <span class="visually-hidden">{{ keyName(key) }}</span>
              <select (change)="add($any($event.target).value)" data-testid="filter-value">
                <option value="">
                  {{ 'subscriptions.filtersEditor.choose' | transloco: { name: keyName(key) } }}
                </option>
                @for (o of list; track o.value) {
                  <option [value]="o.value">{{ o.label }}</option>
                }
              </select>
            </label>
          } @else {
            <label class="inline">
              <span class="visually-hidden">{{
                'subscriptions.filtersEditor.idsLabel' | transloco: { name: keyName(key) }
              }}</span>
              <input
                #ids
                type="text"
                class="ids"
                [placeholder]="placeholder(key)"
                (keydown.enter)="$event.preventDefault(); addTyped(ids)"
                data-testid="filter-ids"
              />
            </label>
            <button type="button" (click)="addTyped(ids)" data-testid="filter-add">
              {{ 'subscriptions.filtersEditor.addButton' | transloco }}
            </button>
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
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore).language;
  readonly value = input.required<FilterValues>();
  readonly what = input('digest');
  readonly error = input<string | null>(null);
  readonly changed = output<FilterValues>();

  protected readonly adding = signal<FilterKey | null>(null);

  /** A filter's name in the interface language. */
  protected keyName(key: FilterKey): string {
    return this.store.filterName(key, FILTER_LABELS[key]);
  }

  protected readonly dimensions = computed(() =>
    FILTER_KEYS.filter((key) => this.canPick(key)).map((key) => ({
      key,
      label: this.keyName(key),
    })),
  );

  protected readonly chips = computed(() =>
    FILTER_KEYS.flatMap((key) =>
      (this.value()[key] ?? []).map((value) => ({
        key,
        value,
        keyLabel: this.keyName(key),
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
        : vocabulary(key, (k, v) => this.store.label(k, v));
    return list ? list.filter((o) => !chosen.has(o.value)) : null;
  });

  private canPick(key: FilterKey): boolean {
    if (key === 'supplier' || key === 'product') return this.store.can('suppliers');
    if (key === 'category') return this.store.can('claims') || this.store.can('suppliers');
    return true;
  }

  protected placeholder(key: FilterKey): string {
    this.language(); // re-read when the language changes
    if (key === 'supplier')
      return this.transloco.translate('subscriptions.filtersEditor.supplierIds');
    if (key === 'product') return this.transloco.translate('subscriptions.filtersEditor.skus');
    return this.transloco.translate('subscriptions.filtersEditor.codes', {
      name: this.keyName(key),
    });
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
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (chips().length) {
      <ul class="chips" [attr.aria-label]="'subscriptions.common.filters' | transloco">
        @for (chip of chips(); track chip.key + ':' + chip.value) {
          <li class="chip readonly">
            <span
              ><span class="chip-key">{{ chip.keyLabel }}: </span><bdi>{{ chip.label }}</bdi></span
            >
          </li>
        }
      </ul>
    } @else {
      <span class="muted">{{ 'subscriptions.filtersEditor.wholeShop' | transloco }}</span>
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
        keyLabel: this.store.filterName(key, FILTER_LABELS[key]),
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
