import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { flattenMessages, formatMessage } from '@returnlens/shared/i18n';
import { LanguageStore } from './i18n';
import { asapScheduler, filter, observeOn } from 'rxjs';

/** A message of the page, by its key without the scope, with its values put in. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** English, from the page's source messages (for pure functions and before the scope loads). */
export function englishTranslate(english: object): Translate {
  const messages = flattenMessages(english);
  return (key, params) => formatMessage('en', messages[key] ?? key, params ?? {});
}

/**
 * The page's messages for text built in TypeScript. Call the result inside a `computed()`:
 * it reads the language and the arrival of message files, so the computed re-runs when the
 * language changes or the page's messages for it arrive (English from the code until then).
 * Call in an injection context.
 */
export function pageTranslate(scope: string, english: object): Translate {
  const transloco = inject(TranslocoService);
  const language = inject(LanguageStore).language;
  const loaded = toSignal(
    transloco.events$.pipe(
      filter((e) => e.type === 'translationLoadSuccess'),
      observeOn(asapScheduler), // never a signal write while a template renders
    ),
    { initialValue: null },
  );
  const fallback = englishTranslate(english);
  return (key, params) => {
    language();
    loaded();
    const path = `${scope}.${key}`;
    const known = path in transloco.getTranslation(transloco.getActiveLang());
    return known ? transloco.translate(path, params) : fallback(key, params);
  };
}
