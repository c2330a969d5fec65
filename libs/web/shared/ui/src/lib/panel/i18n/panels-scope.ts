import { HttpClient } from '@angular/common/http';
import { inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoService, type Translation } from '@jsverse/transloco';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage } from '@returnlens/shared/i18n';
import { catchError, firstValueFrom, of, switchMap } from 'rxjs';
import { PANELS_MESSAGES } from './en';

/** A `panels` message by its key without the scope, with its values put in. */
export type PanelText = (key: string, params?: Record<string, unknown>) => string;

/** The English message of `key` (`'menu.exportCsv'`), from the code. */
const englishPanelText: PanelText = (key, params) => {
  const message = key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      PANELS_MESSAGES,
    );
  return typeof message === 'string' ? formatMessage('en', message, params ?? {}) : key;
};

/**
 * The panels' own messages (scope `panels`) in the interface language: English from the code,
 * every other language from `/i18n/panels/<language>.json` beside the app, loaded here rather
 * than through a `TRANSLOCO_SCOPE` provider — a provider on the panel would take the page's
 * own scope away from the content the page puts inside it. (A UI library may not depend on
 * data-access, where `providePageMessages` lives.) Read in a template or `computed()`, the
 * text follows the language and the file's arrival. Call in an injection context.
 */
export function injectPanelText(): PanelText {
  const transloco = inject(TranslocoService);
  const http = inject(HttpClient);
  const inlineLoader = Object.fromEntries(
    UI_LANGUAGES.map((lang) => [
      `panels/${lang}`,
      lang === 'en'
        ? () => Promise.resolve(PANELS_MESSAGES as unknown as Translation)
        : () => firstValueFrom(http.get<Translation>(`/i18n/panels/${lang}.json`)),
    ]),
  );
  const language = signal(transloco.getActiveLang());
  const loaded = signal(0);
  transloco.langChanges$
    .pipe(
      switchMap((lang) =>
        transloco.load(`panels/${lang}`, { inlineLoader }).pipe(
          catchError(() => of(null)),
          switchMap(() => of(lang)),
        ),
      ),
      takeUntilDestroyed(),
    )
    // After the current render: a signal may not change while a template is being checked.
    .subscribe((lang) =>
      queueMicrotask(() => {
        language.set(lang);
        loaded.update((n) => n + 1);
      }),
    );
  return (key, params) => {
    const lang = language();
    loaded();
    return `panels.${key}` in (transloco.getTranslation(lang) ?? {})
      ? transloco.translate(`panels.${key}`, params, lang)
      : englishPanelText(key, params);
  };
}
