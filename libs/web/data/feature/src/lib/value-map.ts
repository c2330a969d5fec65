import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { valueMapErrors, type ValueMapRow } from '@returnlens/web/shared/data-access';

/**
 * What one enum field's values in the file mean: each value the field does not know, with a
 * select of the field's values (for a field that keeps the shop's own values, "keep as your
 * own" stores it under its own name), and any other value the user adds. File text is shown through interpolation only.
 */
@Component({
  selector: 'rl-value-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="value-map" [attr.data-testid]="'value-map-' + field()">
      <span class="value-map-title">
        What the values of <bdi class="column">{{ column() }}</bdi> mean for {{ field() }}:
      </span>
      <ul>
        @for (row of rows(); track $index; let i = $index) {
          <li>
            @if (row.typed) {
              <input
                type="text"
                [value]="row.source"
                (input)="set(i, 'source', $any($event.target).value)"
                placeholder="value as in the file"
                [attr.aria-label]="'Value of ' + field() + ' in the file'"
                dir="auto"
              />
            } @else {
              <bdi class="source">{{ row.source }}</bdi>
            }
            <span aria-hidden="true">→</span>
            <select
              (change)="set(i, 'target', $any($event.target).value)"
              [attr.aria-label]="'Meaning of “' + row.source + '” for ' + field()"
            >
              <option value="" [selected]="!row.target">
                {{ open() ? 'keep as your own' : '— choose —' }}
              </option>
              @for (option of options(); track option) {
                <option [value]="option" [selected]="option === row.target">{{ option }}</option>
              }
            </select>
            @if (row.typed) {
              <button type="button" class="link" (click)="remove(i)">Remove</button>
            }
            @if (errors()[i]; as message) {
              <span class="error">{{ message }}</span>
            }
          </li>
        }
      </ul>
      <button type="button" class="link" (click)="add()">Map another value</button>
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

  protected readonly errors = computed(() =>
    valueMapErrors(this.rows(), () => this.options(), { asRead: true }),
  );

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
