import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { LanguageStore } from '@returnlens/web/shared/data-access';
import { IntlMessageFormat } from 'intl-messageformat';
import { asapScheduler, filter, observeOn } from 'rxjs';
import { DATA_MESSAGES } from './en';

/** The Data page's scope: its keys read `data.<key>` in templates. */
export const DATA_SCOPE = 'data';

/** A message of the page, by its key without the scope, with its values put in. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The page's messages for text built in TypeScript. Call the result inside a `computed()` or
 * from the template: it reads the language and the arrival of message files, so what reads it
 * runs again when the language changes or the page's messages for it arrive. Call in an
 * injection context.
 */
export function pageTranslate(): Translate {
  const transloco = inject(TranslocoService);
  const language = inject(LanguageStore).language;
  const loaded = toSignal(
    // A load can finish while a template renders (English is in the code): told after it.
    transloco.events$.pipe(
      filter((e) => e.type === 'translationLoadSuccess'),
      observeOn(asapScheduler),
    ),
    { initialValue: null },
  );
  return (key, params) => {
    language();
    loaded();
    return transloco.translate(`${DATA_SCOPE}.${key}`, params);
  };
}

/** The page's English, without Transloco (for pure functions and their tests). */
export const english: Translate = (key, params) => {
  let message: unknown = DATA_MESSAGES;
  for (const part of key.split('.')) message = (message as Record<string, unknown>)?.[part];
  if (typeof message !== 'string') return key;
  return String(
    new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).format(params ?? {}),
  );
};

/**
 * A message with a value to show apart (in a `<bdi>`): the text before and after it, so each
 * language keeps its own word order while the value stays text.
 */
export function around(text: string): { before: string; after: string } {
  const [before = '', after = ''] = text.split(MARK);
  return { before, after };
}

/** Stands for the value set apart by `around`. */
export const MARK = '\u0000';
