import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { fieldsOf } from '@returnlens/shared/ingest';
import {
  SettingsApi,
  problemsOf,
  type FieldProblem,
  type MappingPreset,
} from '@returnlens/web/shared/data-access';
import { FormStatusComponent } from '@returnlens/web/shared/ui';
import {
  DATE_FORMATS,
  enumFieldsOf,
  optionsOf,
  presetErrors,
  presetFormOf,
  presetMappingOf,
  presetSummary,
  type PresetForm,
} from './preset-form';
import { errorsByField, hasErrors, type FieldErrors } from './settings-forms';
import type { Translate } from './i18n/translate';

type Part = 'columns' | 'defaults' | 'values';

/** The saved mappings of the shop's exports: list, open one, edit its value maps and defaults, save. */
@Component({
  selector: 'rl-presets-panel',
  imports: [TranslocoPipe, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './presets-panel.html',
  styleUrls: ['./settings.scss', './settings-forms.scss'],
})
export class PresetsPanelComponent {
  private readonly api = inject(SettingsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly t: Translate = (key, params) => this.transloco.translate(key, params);
  readonly changed = output<void>();

  protected readonly dateFormats = DATE_FORMATS;
  protected readonly summary = (mapping: MappingPreset['mapping']): string =>
    presetSummary(mapping, this.t);
  protected readonly optionsOf = optionsOf;
  protected readonly presets = this.api.presetsResource();
  protected readonly rows = computed(() => (this.presets.hasValue() ? this.presets.value() : []));

  protected readonly open = signal<MappingPreset | null>(null);
  protected readonly form = signal<PresetForm | null>(null);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly problems = signal<FieldProblem[]>([]);
  protected readonly stored = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected readonly fieldNames = computed(() => {
    const preset = this.open();
    return preset ? fieldsOf(preset.kind).map((f) => f.name) : [];
  });
  protected readonly enumFields = computed(() => {
    const preset = this.open();
    return preset ? enumFieldsOf(preset.kind) : [];
  });

  protected readonly label = (field: string): string => {
    const [part, index] = field.split('.');
    const form = this.form();
    const row = form && index !== undefined ? form[part as Part]?.[Number(index)] : undefined;
    if (!row) return field;
    if (part === 'values') {
      const v = row as PresetForm['values'][number];
      return this.t('settings.presets.labelValueMap', { field: v.field, source: v.source });
    }
    return this.t(
      part === 'columns' ? 'settings.presets.labelColumn' : 'settings.presets.labelDefault',
      { field: (row as { field: string }).field },
    );
  };

  /** A name kept in its own direction inside a sentence (Unicode first-strong isolate). */
  protected isolate(text: string): string {
    return `\u2068${text}\u2069`;
  }

  protected edit(preset: MappingPreset): void {
    this.open.set(preset);
    this.form.set(presetFormOf(preset.mapping));
    this.errors.set({});
    this.problems.set([]);
    this.stored.set(null);
  }

  protected close(): void {
    this.open.set(null);
    this.form.set(null);
  }

  private update(change: (f: PresetForm) => PresetForm): void {
    this.form.update((f) => (f ? change(f) : f));
    this.stored.set(null);
  }

  protected setRow(part: Part, index: number, key: string, value: string): void {
    this.update((f) => ({
      ...f,
      [part]: (f[part] as readonly object[]).map((row, i) =>
        i === index ? { ...row, [key]: value, ...(key === 'field' ? { target: '' } : {}) } : row,
      ),
    }));
  }

  protected removeRow(part: Part, index: number): void {
    this.update((f) => ({
      ...f,
      [part]: (f[part] as readonly object[]).filter((_, i) => i !== index),
    }));
  }

  protected setOption(key: 'dateFormat' | 'timeZone', value: string): void {
    this.update((f) => ({ ...f, [key]: value }));
  }

  protected addDefault(): void {
    this.update((f) => ({ ...f, defaults: [...f.defaults, { field: '', value: '' }] }));
  }

  /** A new row for the field of the last one (values are mapped field by field). */
  protected addValueMap(): void {
    this.update((f) => {
      const field = f.values.at(-1)?.field ?? this.enumFields()[0] ?? '';
      return { ...f, values: [...f.values, { field, source: '', target: '' }] };
    });
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const preset = this.open();
    const form = this.form();
    if (!preset || !form) return;
    const errors = presetErrors(preset.kind, form, this.t);
    this.show(Object.entries(errors).map(([field, message]) => ({ field, message })));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const saved = await this.api.savePreset(
        preset.name,
        preset.kind,
        presetMappingOf(form, preset.mapping),
      );
      this.open.set(saved);
      this.form.set(presetFormOf(saved.mapping));
      this.stored.set(
        `${saved.name} (${this.t(`settings.presets.kinds.${saved.kind}`)}): ${presetSummary(saved.mapping, this.t)}`,
      );
      this.presets.reload();
      this.changed.emit();
    } catch (error) {
      this.show(problemsOf(error, this.t('settings.presets.saveFailed')));
    } finally {
      this.saving.set(false);
    }
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.errors.set(errorsByField(problems));
    this.stored.set(null);
  }
}
