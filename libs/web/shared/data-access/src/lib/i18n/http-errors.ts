import { HttpClient } from '@angular/common/http';
import {
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
  signal,
  type EnvironmentProviders,
} from '@angular/core';
import { TranslocoService, type Translation } from '@jsverse/transloco';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { flattenMessages, formatMessage } from '@returnlens/shared/i18n';
import { catchError, firstValueFrom, of } from 'rxjs';

/** A message by its key, with its values put in. */
type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * English, the source of what a failed request says (scope `httpErrors`). Every other
 * language: `apps/web/public/i18n/httpErrors/<language>.json`, the same keys. `{detail}` is
 * the API's own message, already in the user's language when the API has it in that language.
 */
export const HTTP_ERROR_MESSAGES = {
  unreachable: 'The Returnlens API cannot be reached. Is the server running?',
  refused: 'The request was refused: {detail}.',
  invalidParameters: 'invalid parameters',
  unavailable: 'The database is not available right now. Try again in a moment.',
  server: 'The server answered with an error.',
  serverStatus: 'The server answered with an error ({status}).',
  serverDetail: 'The server answered with an error: {detail}.',
  serverStatusDetail: 'The server answered with an error ({status}): {detail}.',
} as const;

const english = flattenMessages(HTTP_ERROR_MESSAGES);
export const englishHttpErrorText: Translate = (key, params) =>
  formatMessage('en', english[key] ?? key, params ?? {});

/** What `describeHttpError` speaks when given no language: English until the app installs its own. */
let installed: Translate = englishHttpErrorText;

/** The app-wide language of `describeHttpError` (installed by `provideHttpErrorText`). */
export function httpErrorText(): Translate {
  return installed;
}

/**
 * Makes `describeHttpError` speak the interface language everywhere it is called — the pages,
 * the records drawer, the "why" panel — without each passing a language. The `httpErrors`
 * messages of a language are fetched the first time an error is described in it (errors are
 * rare: no request otherwise); the installed translate reads the language and their arrival,
 * so a `computed()` that describes an error re-runs on a switch and on their arrival. English
 * from the code until then.
 */
export function provideHttpErrorText(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideEnvironmentInitializer(() => {
      const transloco = inject(TranslocoService);
      const http = inject(HttpClient);
      const inlineLoader = Object.fromEntries(
        UI_LANGUAGES.map((lang) => [
          `httpErrors/${lang}`,
          lang === 'en'
            ? () => Promise.resolve(HTTP_ERROR_MESSAGES as unknown as Translation)
            : () => firstValueFrom(http.get<Translation>(`/i18n/httpErrors/${lang}.json`)),
        ]),
      );
      const language = signal(transloco.getActiveLang());
      const loaded = signal(0);
      const asked = new Set<string>();
      // After the current render: a signal may not change while a template is being checked.
      transloco.langChanges$.subscribe((lang) => queueMicrotask(() => language.set(lang)));
      const load = (lang: string) => {
        asked.add(lang);
        transloco
          .load(`httpErrors/${lang}`, { inlineLoader })
          .pipe(catchError(() => of(null)))
          .subscribe(() => queueMicrotask(() => loaded.update((n) => n + 1)));
      };
      installed = (key, params) => {
        const lang = language();
        loaded();
        const path = `httpErrors.${key}`;
        if (path in (transloco.getTranslation(lang) ?? {}))
          return transloco.translate(path, params, lang);
        if (lang !== 'en' && !asked.has(lang)) load(lang);
        return englishHttpErrorText(key, params);
      };
    }),
  ]);
}
