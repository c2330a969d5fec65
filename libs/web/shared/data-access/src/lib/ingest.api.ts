import { HttpClient, HttpHeaders, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type {
  BatchReport,
  IngestKind,
  IngestMapping,
  MappingSuggestion,
  RowError,
} from '@returnlens/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from './weekly-report.resource';

export type BatchSummary = Omit<BatchReport, 'rejectedSample' | 'checksum'>;

export interface RejectedRow {
  readonly rowNumber: number;
  readonly raw: string;
  readonly errors: readonly RowError[];
}

const TOKEN_KEY = 'returnlens.ingestToken';

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

/** Uploads to the ingest API with the user's API token (kept in this browser only). */
@Injectable({ providedIn: 'root' })
export class IngestApi {
  private readonly http = inject(HttpClient);
  readonly token = signal<string>(readToken());

  setToken(token: string): void {
    this.token.set(token.trim());
    try {
      localStorage.setItem(TOKEN_KEY, token.trim());
    } catch {
      // storage disabled: the token lasts for this page
    }
  }

  private headers(file: File, extra: Record<string, string> = {}): HttpHeaders {
    return new HttpHeaders({
      Authorization: `Bearer ${this.token()}`,
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

  upload(
    kind: IngestKind,
    file: File,
    mapping: IngestMapping,
    dryRun: boolean,
  ): Promise<BatchReport> {
    return firstValueFrom(
      this.http.post<BatchReport>(`${API_BASE}/ingest/${kind}`, file, {
        headers: this.headers(file, { 'X-Mapping': JSON.stringify(mapping) }),
        params: dryRun ? { dryRun: 'true' } : {},
      }),
    );
  }
}

function readToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
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
  return `${API_BASE}/batches/${batchId}/rejected?format=csv`;
}
