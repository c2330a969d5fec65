import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { IngestKind, IngestMapping } from '@returnlens/shared/contracts';
import {
  presetNameError,
  SettingsApi,
  problemsOf,
  valueMapRows,
} from '@returnlens/web/shared/data-access';

/** A message of the page by its key, or a text as the API wrote it. */
type Said = { readonly key: string; readonly text?: undefined } | { readonly text: string };

/** Saves the mapping as built on the page as a named preset (PUT /api/mapping-presets/:name). */
@Component({
  selector: 'rl-save-preset',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="save-preset" (submit)="save($event)" novalidate>
      <label>
        {{ 'data.savePreset.label' | transloco }}
        <input
          type="text"
          name="preset-name"
          autocomplete="off"
          [placeholder]="'data.savePreset.placeholder' | transloco"
          [value]="name()"
          (input)="name.set($any($event.target).value)"
          [attr.aria-invalid]="error() ? 'true' : null"
          data-testid="preset-name"
        />
      </label>
      <button type="submit" [disabled]="saving() || disabled()" data-testid="save-preset">
        {{ (saving() ? 'data.savePreset.saving' : 'data.savePreset.save') | transloco }}
      </button>
      @if (error(); as said) {
        <span class="error" role="alert">{{
          said.text === undefined ? ('data.savePreset.' + said.key | transloco) : said.text
        }}</span>
      } @else if (saved(); as values) {
        <span class="stored" role="status" data-testid="preset-saved">{{
          'data.savePreset.saved' | transloco: values
        }}</span>
      }
    </form>
  `,
  styleUrl: './data-page.scss',
})
export class SavePresetComponent {
  private readonly api = inject(SettingsApi);
  readonly kind = input.required<IngestKind>();
  readonly mapping = input.required<IngestMapping>();
  readonly disabled = input(false);
  /** The preset's name and the mapping saved under it. */
  readonly savedAs = output<{ name: string; mapping: IngestMapping }>();

  protected readonly name = signal('');
  protected readonly error = signal<Said | null>(null);
  /** The preset just saved: its name, how many columns and values it maps. */
  protected readonly saved = signal<{ name: string; columns: number; values: number } | null>(null);
  protected readonly saving = signal(false);

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.name().trim();
    // The shared rule decides; the page says it in its language.
    this.error.set(presetNameError(name) ? { key: name ? 'nameInvalid' : 'nameEmpty' } : null);
    this.saved.set(null);
    if (this.error()) return;
    this.saving.set(true);
    const mapping = this.mapping();
    try {
      const stored = await this.api.savePreset(name, this.kind(), mapping);
      this.saved.set({
        name: stored.name,
        columns: Object.keys(stored.mapping.columns ?? {}).length,
        values: valueMapRows(stored.mapping.values).length,
      });
      this.savedAs.emit({ name: stored.name, mapping });
    } catch (error) {
      // The API's own words when it gave a reason; else the page's.
      const message = problemsOf(error, '')[0].message;
      this.error.set(message ? { text: message } : { key: 'failed' });
    } finally {
      this.saving.set(false);
    }
  }
}
