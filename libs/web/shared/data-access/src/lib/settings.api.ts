import {
  HttpClient,
  HttpErrorResponse,
  httpResource,
  type HttpResourceRef,
} from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BusinessCalendarSettings,
  IngestKind,
  IngestMapping,
  ReportingSettings,
  ShopTaxonomy,
  SlaPolicy,
} from '@returnlens/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { errorText } from './auth/auth.store';
import { API_BASE } from './weekly-report.resource';

/** A saved mapping of a shop's exports (`GET /api/mapping-presets`). */
export interface MappingPreset {
  readonly name: string;
  readonly kind: IngestKind;
  readonly mapping: IngestMapping;
  readonly updatedAt?: string;
}

/** One problem of a refused body: `field` is a dotted path (`targets.satisfaction`, `hours.0.end`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Every problem the API listed for a refused body (`errors: [{ field, message }]`), or one
 * problem for the whole form (`field: ''`) when it said only a message.
 */
export function problemsOf(error: unknown, fallback: string): FieldProblem[] {
  if (error instanceof HttpErrorResponse && error.status === 400) {
    const errors = (error.error as { errors?: unknown } | null)?.errors;
    if (Array.isArray(errors) && errors.length)
      return errors.map((e: { field?: unknown; message?: unknown }) => ({
        field: typeof e.field === 'string' && e.field !== '(body)' ? e.field : '',
        message: String(e.message ?? fallback),
      }));
  }
  return [{ field: '', message: errorText(error, fallback) }];
}

/** SLA policies, business calendar, reporting settings, mapping presets, the shop's taxonomy. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/settings`;

  policiesResource(): HttpResourceRef<SlaPolicy[] | undefined> {
    return httpResource<SlaPolicy[]>(() => `${this.base}/sla-policies`);
  }

  calendarResource(): HttpResourceRef<BusinessCalendarSettings | undefined> {
    return httpResource<BusinessCalendarSettings>(() => `${this.base}/calendar`);
  }

  reportingResource(): HttpResourceRef<ReportingSettings | undefined> {
    return httpResource<ReportingSettings>(() => `${this.base}/reporting`);
  }

  presetsResource(): HttpResourceRef<MappingPreset[] | undefined> {
    return httpResource<MappingPreset[]>(() => `${API_BASE}/mapping-presets`);
  }

  taxonomyResource(): HttpResourceRef<ShopTaxonomy | undefined> {
    return httpResource<ShopTaxonomy>(() => `${this.base}/taxonomy`);
  }

  savePolicies(
    policies: readonly (Omit<SlaPolicy, 'id'> & { id?: number })[],
  ): Promise<SlaPolicy[]> {
    return firstValueFrom(this.http.put<SlaPolicy[]>(`${this.base}/sla-policies`, policies));
  }

  saveCalendar(calendar: BusinessCalendarSettings): Promise<BusinessCalendarSettings> {
    return firstValueFrom(
      this.http.put<BusinessCalendarSettings>(`${this.base}/calendar`, calendar),
    );
  }

  saveReporting(settings: ReportingSettings): Promise<ReportingSettings> {
    return firstValueFrom(this.http.put<ReportingSettings>(`${this.base}/reporting`, settings));
  }

  savePreset(name: string, kind: IngestKind, mapping: IngestMapping): Promise<MappingPreset> {
    return firstValueFrom(
      this.http.put<MappingPreset>(`${API_BASE}/mapping-presets/${encodeURIComponent(name)}`, {
        kind,
        mapping,
      }),
    );
  }

  setReasonCategory(code: string, category: string): Promise<unknown> {
    return firstValueFrom(
      this.http.put(`${this.base}/taxonomy/reasons/${encodeURIComponent(code)}`, { category }),
    );
  }

  setChannelGroup(code: string, group: string): Promise<unknown> {
    return firstValueFrom(
      this.http.put(`${this.base}/taxonomy/channels/${encodeURIComponent(code)}`, { group }),
    );
  }
}
