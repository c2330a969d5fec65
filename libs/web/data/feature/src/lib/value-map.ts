import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { valueMapErrors, type ValueMapRow } from '@returnlens/web/shared/data-access';
import { around, MARK, pageTranslate } from './i18n/page-text';

/**
 * What one enum field's values in the file mean: each value the field does not know, with a
 * select of the field's values (for a field that keeps the shop's own values, "keep as your
 * own" stores it under its own name), and any other value the user adds. File text is shown through interpolation only.
 */
@Component({
  selector: 'rl-value-map',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="value-map" [attr.data-testid]="'value-map-' + field()">
      <span class="value-map-title">
        {{ title().before }}<bdi class="column">{{ column() }}</bdi
        >{{ title().after }}
      </span>
      <ul>
        @for (row of rows(); track $index; let i = $index) {
          <li>
            @if (row.typed) {
              <input
                type="text"
                [value]="row.source"
                (input)="set(i, 'source', $any($event.target).value)"
                [placeholder]="'data.valueMap.placeholder' | transloco"
                [attr.aria-label]="'data.valueMap.valueOf' | transloco: { field: field() }"
                dir="auto"
              />
            } @else {
              <bdi class="source">{{ row.source }}</bdi>
            }
            <span aria-hidden="true">→</span>
            <select
              (change)="set(i, 'target', $any($event.target).value)"
              [attr.aria-label]="
                'data.valueMap.meaning' | transloco: { source: row.source, field: field() }
              "
            >
              <option value="" [selected]="!row.target">
                {{ (open() ? 'data.valueMap.keepOwn' : 'data.valueMap.choose') | transloco }}
              </option>
              @for (option of options(); track option) {
                <option [value]="option" [selected]="option === row.target">{{ option }}</option>
              }
            </select>
            @if (row.typed) {
              <button type="button" class="link" (click)="remove(i)">
                {{ 'data.valueMap.remove' | transloco }}
              </button>
            }
            @if (errors()[i]; as message) {
              <span class="error">{{ message }}</span>
            }
          </li>
        }
      </ul>
      <button type="button" class="link" (click)="add()">
        {{ 'data.valueMap.another' | transloco }}
      </button>
    </div>
  `,
  styleUrl: './data-page.scss',
})
export class ValueMapComponent {
  readonly field = input.required<string>();
  readonly column = input.required<string>();
  readonly options = input.required<readonly string[]>();
  /** The field keeps values it does not know as the shop's own (reasons, channels). */
  readonly open = input(false);
  /** This field's rows; `typed` ones were added by the user (their value is editable). */
  readonly rows = input.required<readonly (ValueMapRow & { readonly typed?: boolean })[]>();
  readonly rowsChange = output<(ValueMapRow & { readonly typed?: boolean })[]>();

  private readonly t = pageTranslate();
  /** The title's words before and after the column's name (shown as text in a `<bdi>`). */
  protected readonly title = computed(() =>
    around(this.t('valueMap.title', { column: MARK, field: this.field() })),
  );

  /** The rows' problems (by the shared rule), each told in the page's language. */
  protected readonly errors = computed(() => {
    const rows = this.rows();
    const errors = valueMapErrors(rows, () => this.options(), { asRead: true });
    const out: Record<number, string> = {};
    for (const index of Object.keys(errors).map(Number)) {
      const row = rows[index];
      const source = row.source.trim();
      const field = row.field;
      const twice = rows
        .slice(0, index)
        .some((r) => r.field === field && r.source.trim() === source);
      out[index] = !source
        ? this.t('valueMap.errors.empty')
        : twice
          ? this.t('valueMap.errors.twice', { source, field })
          : !row.target
            ? this.t('valueMap.errors.choose', { source })
            : this.t('valueMap.errors.oneOf', { field, options: this.options().join(', ') });
    }
    return out;
  });

  protected set(index: number, key: 'source' | 'target', value: string): void {
    this.rowsChange.emit(this.rows().map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  }

  protected add(): void {
    this.rowsChange.emit([
      ...this.rows(),
      { field: this.field(), source: '', target: '', typed: true },
    ]);
  }

  protected remove(index: number): void {
    this.rowsChange.emit(this.rows().filter((_, i) => i !== index));
  }
}
