import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DATE_FORMATS,
  INGEST_KINDS,
  type DateFormat,
  type BatchReport,
  type IngestKind,
  type IngestMapping,
  type MappingSuggestion,
} from '@returnlens/shared/contracts';
import {
  batchesResource,
  describeHttpError,
  IngestApi,
  providePageMessages,
  rejectedRowsCsvUrl,
  rejectedRowsResource,
  SettingsApi,
  valueMapErrors,
  type ValueMapRow,
} from '@returnlens/web/shared/data-access';
import { formatCount } from '@returnlens/web/shared/ui-charts';
import { ANALYSIS_POLL_MS, analysisLabel, isAnalysing } from './batch-analysis';
import {
  applyPreset,
  choicesOf,
  mappingOf,
  valueMapsForColumn,
  valueMapsOf,
  type FieldChoice,
} from './mapping-choices';
import { DATA_MESSAGES } from './i18n/en';
import { DATA_SCOPE, pageTranslate } from './i18n/page-text';
import { SavePresetComponent } from './save-preset';
import { ValueMapComponent } from './value-map';

type MapRow = ValueMapRow & { readonly typed?: boolean };

/**
 * Loading a shop's exports: pick the kind, drop a file, check the suggested mapping (fix a
 * field's column, say what the file's own values mean, save it as a preset), try it (dry run)
 * or load it; then every batch with its counts and rejected rows.
 */
@Component({
  selector: 'rl-data-page',
  imports: [DatePipe, TranslocoPipe, ValueMapComponent, SavePresetComponent],
  providers: [providePageMessages(DATA_SCOPE, DATA_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './data-page.html',
  styleUrl: './data-page.scss',
})
export class DataPage {
  protected readonly api = inject(IngestApi);
  /** The page's messages for text built here; read from the template, so it follows the language. */
  private readonly t = pageTranslate();
  /** Counts in the interface language's grouping (the formatters follow the language). */
  protected readonly count = formatCount;
  protected readonly kinds = INGEST_KINDS;
  protected readonly dateFormats = DATE_FORMATS;
  protected readonly dateFormat = signal<DateFormat>('auto');
  protected readonly timeZone = signal('');

  protected readonly kind = signal<IngestKind>('claims');
  protected readonly file = signal<File | null>(null);
  protected readonly dragging = signal(false);
  protected readonly suggestion = signal<MappingSuggestion | null>(null);
  protected readonly details = signal<Record<string, string>>({});
  protected readonly choices = signal<FieldChoice[]>([]);
  /** What the file's values mean, for the enum fields with a column. */
  protected readonly valueMaps = signal<MapRow[]>([]);
  /** The preset saved from this page, and its mapping as stored. */
  private readonly preset = signal<{ name: string; mapping: string } | null>(null);
  /** The mapping as built on the page. */
  protected readonly mapping = computed<IngestMapping>(() =>
    mappingOf(this.choices(), this.valueMaps(), this.dateFormat(), this.timeZone()),
  );
  /** The saved preset's name while the mapping is still the one saved under it. */
  protected readonly presetInUse = computed(() => {
    const preset = this.preset();
    return preset && preset.mapping === JSON.stringify(this.mapping()) ? preset.name : null;
  });
  protected readonly reportPreset = signal<string | null>(null);
  /** The presets saved for this kind of file, to load one with. */
  private readonly presets = inject(SettingsApi).presetsResource();
  protected readonly presetsOfKind = computed(() =>
    (this.presets.hasValue() ? this.presets.value() : []).filter((p) => p.kind === this.kind()),
  );
  protected readonly busy = signal<'suggest' | 'dry-run' | 'load' | null>(null);
  protected readonly report = signal<BatchReport | null>(null);
  protected readonly error = signal<string | null>(null);

  private readonly refresh = signal(0);
  protected readonly batches = batchesResource(() => this.refresh());
  /**
   * The report of the batch just loaded, with its text analysis as the batch list last said
   * it (a large batch is analysed in the background after it committed).
   */
  protected readonly reportAnalysis = computed(() => {
    const report = this.report();
    if (!report) return null;
    const listed = this.batches.hasValue()
      ? this.batches.value().find((b) => b.id === report.id)
      : undefined;
    return listed?.analysis ?? report.analysis ?? null;
  });
  protected analysisLabel(analysis: Parameters<typeof analysisLabel>[0]): string {
    return analysisLabel(analysis, this.t);
  }
  protected readonly isAnalysing = isAnalysing;
  /** While a batch's texts are being analysed, the list is asked again until they are done. */
  private readonly followAnalysis = effect((onCleanup) => {
    const batches = this.batches.hasValue() ? this.batches.value() : [];
    if (!batches.some((b) => isAnalysing(b.analysis))) return;
    const timer = setTimeout(() => this.batches.reload(), ANALYSIS_POLL_MS);
    onCleanup(() => clearTimeout(timer));
  });
  protected readonly selectedBatch = signal<string | null>(null);
  protected readonly rejected = rejectedRowsResource(() => this.selectedBatch());

  protected readonly columns = computed(() => {
    const s = this.suggestion();
    return s ? [...new Set([...s.matches.map((m) => m.column), ...s.unusedColumns])] : [];
  });
  protected readonly missingRequired = computed(() =>
    this.choices()
      .filter((c) => c.required && !c.column && !c.fallback)
      .map((c) => c.field),
  );
  protected readonly valueMapsValid = computed(
    () =>
      Object.keys(valueMapErrors(this.valueMaps(), (f) => this.optionsOf(f), { asRead: true }))
        .length === 0,
  );
  protected readonly canLoad = computed(
    () =>
      !!this.file() && this.missingRequired().length === 0 && this.valueMapsValid() && !this.busy(),
  );

  protected setKind(value: string): void {
    this.kind.set(value as IngestKind);
    const file = this.file();
    if (file) void this.choose(file);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) void this.choose(file);
  }

  protected onPick(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void this.choose(file);
  }

  protected setColumn(field: string, column: string): void {
    this.choices.update((choices) =>
      choices.map((c) => (c.field === field ? { ...c, column, confidence: null, unknown: [] } : c)),
    );
    const choice = this.choices().find((c) => c.field === field);
    if (choice)
      this.valueMaps.update((rows) => valueMapsForColumn(rows, choice, this.samplesOf(column)));
  }

  private optionsOf(field: string): readonly string[] | null {
    return this.choices().find((c) => c.field === field)?.options ?? null;
  }

  /** The value map rows of one field. */
  protected mapsOf(field: string): MapRow[] {
    return this.valueMaps().filter((r) => r.field === field);
  }

  protected setMaps(field: string, rows: MapRow[]): void {
    this.valueMaps.update((all) => [...all.filter((r) => r.field !== field), ...rows]);
  }

  protected startMap(field: string): void {
    this.setMaps(field, [...this.mapsOf(field), { field, source: '', target: '', typed: true }]);
  }

  protected presetSaved(saved: { name: string; mapping: IngestMapping }): void {
    this.preset.set({ name: saved.name, mapping: JSON.stringify(saved.mapping) });
    this.presets.reload();
  }

  /** A saved preset over the file's suggestion; loading then uses the preset by its name. */
  protected usePreset(name: string): void {
    const preset = this.presetsOfKind().find((p) => p.name === name);
    if (!preset) return;
    const applied = applyPreset(this.choices(), preset.mapping);
    this.choices.set(applied.choices);
    this.valueMaps.set(applied.valueMaps);
    this.dateFormat.set(preset.mapping.dateFormat ?? 'auto');
    this.timeZone.set(preset.mapping.timeZone ?? '');
    // Sent by name while the page's mapping is still the preset's.
    this.preset.set({ name, mapping: JSON.stringify(this.mapping()) });
  }

  protected setFallback(field: string, fallback: string): void {
    this.choices.update((choices) =>
      choices.map((c) => (c.field === field ? { ...c, fallback: fallback.trim() } : c)),
    );
  }

  protected async choose(file: File): Promise<void> {
    this.file.set(file);
    this.report.set(null);
    this.error.set(null);
    this.suggestion.set(null);
    this.busy.set('suggest');
    try {
      const suggestion = await this.api.suggest(this.kind(), file);
      this.suggestion.set(suggestion);
      this.details.set(suggestion.details ?? {});
      const choices = choicesOf(this.kind(), suggestion);
      this.choices.set(choices);
      this.valueMaps.set(valueMapsOf(suggestion, choices));
      this.preset.set(null);
    } catch (error) {
      this.error.set(describeHttpError(error));
    } finally {
      this.busy.set(null);
    }
  }

  protected async send(dryRun: boolean): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.busy.set(dryRun ? 'dry-run' : 'load');
    this.error.set(null);
    const preset = this.presetInUse();
    try {
      const report = await this.api.upload(
        this.kind(),
        file,
        preset ? { preset } : this.mapping(),
        dryRun,
      );
      this.report.set(report);
      this.reportPreset.set(preset);
      if (!dryRun) {
        this.refresh.update((n) => n + 1);
        this.selectedBatch.set(report.rejected > 0 ? report.id : null);
      }
    } catch (error) {
      this.error.set(describeHttpError(error));
    } finally {
      this.busy.set(null);
    }
  }

  protected csvUrl(id: string): string {
    return rejectedRowsCsvUrl(id);
  }

  protected confidenceLabel(confidence: number | null): string {
    if (confidence === null) return '';
    const percent = Math.round(confidence * 100);
    const key = confidence >= 0.8 ? 'matched' : confidence >= 0.5 ? 'guess' : 'unused';
    return this.t(`mapping.${key}`, { percent });
  }

  /** The first values of a column of the file, as read for the suggestion. */
  protected samplesOf(column: string): readonly string[] {
    const s = this.suggestion();
    if (!column || !s) return [];
    return s.samples?.[column] ?? s.matches.find((m) => m.column === column)?.samples ?? [];
  }
}
