import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  DATE_FORMATS,
  INGEST_KINDS,
  type DateFormat,
  type BatchReport,
  type IngestKind,
  type MappingSuggestion,
} from '@returnlens/shared/contracts';
import { fieldsOf } from '@returnlens/shared/ingest';
import {
  batchesResource,
  describeHttpError,
  IngestApi,
  rejectedRowsCsvUrl,
  rejectedRowsResource,
} from '@returnlens/web/shared/data-access';

interface FieldChoice {
  readonly field: string;
  readonly required: boolean;
  readonly column: string;
  readonly confidence: number | null;
  /** Used when the file has no column for the field (e.g. every claim came by email). */
  readonly fallback: string;
  readonly options: readonly string[] | null;
  /** Sampled values of the suggested column that the field does not know (an enum's). */
  readonly unknown: readonly string[];
}

/**
 * Loading a shop's exports: pick the kind, drop a file, check the suggested mapping, try
 * it (dry run) or load it; then every batch with its counts and rejected rows.
 */
@Component({
  selector: 'rl-data-page',
  imports: [DatePipe, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './data-page.html',
  styleUrl: './data-page.scss',
})
export class DataPage {
  protected readonly api = inject(IngestApi);
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
  protected readonly busy = signal<'suggest' | 'dry-run' | 'load' | null>(null);
  protected readonly report = signal<BatchReport | null>(null);
  protected readonly error = signal<string | null>(null);

  private readonly refresh = signal(0);
  protected readonly batches = batchesResource(() => this.refresh());
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
  protected readonly canLoad = computed(
    () => !!this.file() && this.missingRequired().length === 0 && !this.busy(),
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
      this.choices.set(
        fieldsOf(this.kind()).map((spec) => {
          const match = suggestion.matches.find((m) => m.field === spec.name);
          return {
            field: spec.name,
            // A derived field (a claim's id from order + SKU) is not missing when the
            // suggestion can derive it.
            required:
              !!spec.required &&
              (!spec.derivable || suggestion.missingRequired.includes(spec.name)),
            column: match?.column ?? '',
            confidence: match?.confidence ?? null,
            fallback: '',
            options: spec.enumValues ?? null,
            unknown: match?.unknownValues ?? [],
          };
        }),
      );
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
    const choices = this.choices();
    const columns = Object.fromEntries(
      choices.filter((c) => c.column).map((c) => [c.field, c.column]),
    );
    const defaults = Object.fromEntries(
      choices.filter((c) => !c.column && c.fallback).map((c) => [c.field, c.fallback]),
    );
    const mapping = {
      columns,
      ...(Object.keys(defaults).length ? { defaults } : {}),
      ...(this.dateFormat() !== 'auto' ? { dateFormat: this.dateFormat() } : {}),
      ...(this.timeZone().trim() ? { timeZone: this.timeZone().trim() } : {}),
    };
    try {
      const report = await this.api.upload(this.kind(), file, mapping, dryRun);
      this.report.set(report);
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
    const percent = `${Math.round(confidence * 100)} %`;
    if (confidence >= 0.8) return `matched · ${percent}`;
    return confidence >= 0.5 ? `guess — check it · ${percent}` : `not used — check it · ${percent}`;
  }

  /** The first values of a column of the file, as read for the suggestion. */
  protected samplesOf(column: string): readonly string[] {
    const s = this.suggestion();
    if (!column || !s) return [];
    return s.samples?.[column] ?? s.matches.find((m) => m.column === column)?.samples ?? [];
  }
}
