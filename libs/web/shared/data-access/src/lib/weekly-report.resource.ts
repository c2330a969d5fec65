import { httpResource, type HttpResourceRef } from '@angular/common/http';
import type { WeeklyReport } from '@returnlens/shared/contracts';

export const API_BASE = '/api';

/**
 * The weekly report for `week()` (an ISO week such as `2026-W47`), or for the latest
 * complete week when it returns undefined, under the global filter values (supplier,
 * reason, …). Re-fetches when either changes.
 */
export function weeklyReportResource(
  week: () => string | undefined,
  filters: () => Readonly<Record<string, string>> = () => ({}),
): HttpResourceRef<WeeklyReport | undefined> {
  return httpResource<WeeklyReport>(() => {
    const selected = week();
    const params: Record<string, string> = {
      ...filters(),
      ...(selected ? { week: selected } : {}),
    };
    return { url: `${API_BASE}/reports/weekly`, params };
  });
}

/** A message for a failed request that says what failed and what to do. */
export function describeHttpError(error: unknown): string {
  const status = (error as { status?: number } | undefined)?.status;
  const body = (error as { error?: { message?: unknown } } | undefined)?.error;
  const detail =
    typeof body?.message === 'string'
      ? body.message
      : Array.isArray(body?.message)
        ? body.message.join('; ')
        : '';
  if (status === 0) return 'The Returnlens API cannot be reached. Is the server running?';
  if (status === 400) return `The request was refused: ${detail || 'invalid parameters'}.`;
  if (status === 503) return 'The database is not available right now. Try again in a moment.';
  return `The server answered with an error${status ? ` (${status})` : ''}${detail ? `: ${detail}` : ''}.`;
}
