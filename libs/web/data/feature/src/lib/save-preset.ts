import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import type { IngestKind, IngestMapping } from '@returnlens/shared/contracts';
import {
  presetNameError,
  SettingsApi,
  problemsOf,
  valueMapRows,
} from '@returnlens/web/shared/data-access';

/** Saves the mapping as built on the page as a named preset (PUT /api/mapping-presets/:name). */
@Component({
  selector: 'rl-save-preset',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="save-preset" (submit)="save($event)" novalidate>
      <label>
        Save this mapping as a preset
        <input
          type="text"
          name="preset-name"
          autocomplete="off"
          placeholder="e.g. complaint portal"
          [value]="name()"
          (input)="name.set($any($event.target).value)"
          [attr.aria-invalid]="error() ? 'true' : null"
          data-testid="preset-name"
        />
      </label>
      <button type="submit" [disabled]="saving() || disabled()" data-testid="save-preset">
        {{ saving() ? 'Saving…' : 'Save as preset' }}
      </button>
      @if (error(); as message) {
        <span class="error" role="alert">{{ message }}</span>
      } @else if (saved(); as text) {
        <span class="stored" role="status" data-testid="preset-saved">{{ text }}</span>
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
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.name().trim();
    this.error.set(presetNameError(name));
    this.saved.set(null);
    if (this.error()) return;
    this.saving.set(true);
    const mapping = this.mapping();
    try {
      const stored = await this.api.savePreset(name, this.kind(), mapping);
      const n = Object.keys(stored.mapping.columns ?? {}).length;
      const values = valueMapRows(stored.mapping.values).length;
      this.saved.set(
        `Preset “${stored.name}” saved: ${n} column${n === 1 ? '' : 's'}, ${values} value${values === 1 ? '' : 's'} mapped. Loading now uses it.`,
      );
      this.savedAs.emit({ name: stored.name, mapping });
    } catch (error) {
      this.error.set(problemsOf(error, 'The preset could not be saved. Try again.')[0].message);
    } finally {
      this.saving.set(false);
    }
  }
}
