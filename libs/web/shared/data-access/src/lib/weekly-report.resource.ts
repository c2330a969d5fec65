import { httpResource, type HttpResourceRef } from '@angular/common/http';
import type { WeeklyReport } from '@returnlens/shared/contracts';
import { httpErrorText } from './i18n/http-errors';

type Translate = (key: string, params?: Record<string, unknown>) => string;

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

/**
 * A message for a failed request that says what failed and what to do, in the language of `t`
 * (by default the interface language, once the app has installed it: `provideHttpErrorText`).
 * The API's own message is shown as it came: the API writes it in the user's language.
 */
export function describeHttpError(error: unknown, t: Translate = httpErrorText()): string {
  const status = (error as { status?: number } | undefined)?.status;
  const body = (error as { error?: { message?: unknown } } | undefined)?.error;
  const detail =
    typeof body?.message === 'string'
      ? body.message
      : Array.isArray(body?.message)
        ? body.message.join('; ')
        : '';
  if (status === 0) return t('unreachable');
  if (status === 400) return t('refused', { detail: detail || t('invalidParameters') });
  if (status === 503) return t('unavailable');
  const key = `server${status ? 'Status' : ''}${detail ? 'Detail' : ''}`;
  return t(key, { status, detail });
}
