import { HttpClient, HttpHeaders, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BatchReport,
  IngestKind,
  IngestMapping,
  MappingSuggestion,
  RowError,
} from '@returnlens/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from './weekly-report.resource';
import { languageParam } from './i18n/api-language';

export type BatchSummary = Omit<BatchReport, 'rejectedSample' | 'checksum'>;

export interface RejectedRow {
  readonly rowNumber: number;
  readonly raw: string;
  readonly errors: readonly RowError[];
}

/** Content-Type for a file, from its name (the server picks the parser from it). */
export function contentTypeFor(fileName: string): string | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return (
    {
      csv: 'text/csv',
      tsv: 'text/csv',
      txt: 'text/csv',
      json: 'application/json',
      ndjson: 'application/x-ndjson',
      jsonl: 'application/x-ndjson',
      arrow: 'application/vnd.apache.arrow.stream',
      arrows: 'application/vnd.apache.arrow.stream',
    }[extension] ?? null
  );
}

/**
 * Uploads to the ingest API with the signed-in user's session (the HttpClient adds the
 * CSRF header from the XSRF-TOKEN cookie).
 */
@Injectable({ providedIn: 'root' })
export class IngestApi {
  private readonly http = inject(HttpClient);

  private headers(file: File, extra: Record<string, string> = {}): HttpHeaders {
    return new HttpHeaders({
      'Content-Type': contentTypeFor(file.name) ?? 'text/csv',
      'X-File-Name': encodeURIComponent(file.name),
      ...extra,
    });
  }

  /** The suggested mapping for the file's headers (only its first 64 kB are sent). */
  suggest(
    kind: IngestKind,
    file: File,
  ): Promise<MappingSuggestion & { details: Record<string, string> }> {
    return firstValueFrom(
      this.http.post<MappingSuggestion & { details: Record<string, string> }>(
        `${API_BASE}/ingest/${kind}/suggest`,
        file.slice(0, 64 * 1024),
        { headers: this.headers(file) },
      ),
    );
  }

  /** Loads (or dry-runs) the file with a mapping, or with a saved preset by its name. */
  upload(
    kind: IngestKind,
    file: File,
    mapping: IngestMapping | { readonly preset: string },
    dryRun: boolean,
  ): Promise<BatchReport> {
    const preset = 'preset' in mapping ? mapping.preset : null;
    return firstValueFrom(
      this.http.post<BatchReport>(`${API_BASE}/ingest/${kind}`, file, {
        headers: this.headers(file, preset ? {} : { 'X-Mapping': JSON.stringify(mapping) }),
        params: { ...(dryRun ? { dryRun: 'true' } : {}), ...(preset ? { preset } : {}) },
      }),
    );
  }
}

export function batchesResource(
  refresh: () => number,
): HttpResourceRef<BatchSummary[] | undefined> {
  return httpResource<BatchSummary[]>(() => {
    refresh();
    return `${API_BASE}/batches`;
  });
}

export function rejectedRowsResource(
  batchId: () => string | null,
): HttpResourceRef<{ rows: RejectedRow[] } | undefined> {
  return httpResource<{ rows: RejectedRow[] }>(() => {
    const id = batchId();
    return id ? { url: `${API_BASE}/batches/${id}/rejected`, params: { limit: 200 } } : undefined;
  });
}

export function rejectedRowsCsvUrl(batchId: string): string {
  const lang = languageParam().lang;
  return `${API_BASE}/batches/${batchId}/rejected?format=csv${lang ? `&lang=${lang}` : ''}`;
}
