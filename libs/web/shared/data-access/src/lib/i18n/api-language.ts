import type { HttpInterceptorFn } from '@angular/common/http';
import { signal } from '@angular/core';
import type { UiLanguage } from '@returnlens/shared/contracts';

/**
 * The language the interface speaks once it has been resolved (null before): what the API is
 * asked to answer in. A signal, so addresses built from it (CSV links) follow a switch.
 */
const spoken = signal<UiLanguage | null>(null);
export const apiLanguage = spoken.asReadonly();

/** Called by `LanguageStore` whenever the interface starts speaking a language. */
export function setApiLanguage(language: UiLanguage): void {
  spoken.set(language);
}

/** The question whose answer is the browser's own language: it must carry the browser's header. */
const LANGUAGE_QUESTION = /^\/api\/auth\/language(\?|$)/;

/**
 * Every /api request carries `Accept-Language: <the interface language>`, so the API's error
 * messages and definitions speak it (a signed-in user's stored choice wins on the server
 * anyway). Not before the language is resolved, and never on `GET /api/auth/language`, which
 * asks what the browser's own header says.
 */
export const languageInterceptor: HttpInterceptorFn = (request, next) => {
  const language = spoken();
  if (
    !language ||
    !request.url.startsWith('/api/') ||
    (request.method === 'GET' && LANGUAGE_QUESTION.test(request.url))
  )
    return next(request);
  return next(request.clone({ setHeaders: { 'Accept-Language': language } }));
};

/** `lang=<the interface language>` for a download whose column labels should speak it. */
export function languageParam(): { lang: UiLanguage } | Record<string, never> {
  const language = spoken();
  return language ? { lang: language } : {};
}
