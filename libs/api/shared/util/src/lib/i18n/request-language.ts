import { BadRequestException } from '@nestjs/common';
import { isUiLanguage, UI_LANGUAGES, type UiLanguage } from '@returnlens/shared/contracts';
import { acceptedLanguage } from '@returnlens/shared/i18n';

/** What of a request tells its language: the query, the caller, the headers. */
export interface LanguageSource {
  readonly query?: unknown;
  readonly headers: { readonly [name: string]: string | string[] | undefined };
  readonly principal?: { readonly kind: string; readonly language?: UiLanguage | null };
}

/**
 * The shop's default language as last read or set (`AccountsService` keeps it current). The
 * error filter answers synchronously, so it reads this copy rather than the database; until
 * the first read it is English, like a shop that never chose.
 */
let shopDefault: UiLanguage = 'en';

export function rememberShopLanguage(language: UiLanguage): void {
  shopDefault = language;
}

export function knownShopLanguage(): UiLanguage {
  return shopDefault;
}

/**
 * The `?lang=` a request names explicitly; null when it names none. A value the interface does
 * not speak is refused (400), so a typo never silently answers in another language.
 */
export function explicitLanguage(request: Pick<LanguageSource, 'query'>): UiLanguage | null {
  const value = (request.query as Record<string, unknown> | undefined)?.['lang'];
  if (value === undefined || value === '') return null;
  if (typeof value === 'string' && isUiLanguage(value)) return value;
  throw new BadRequestException({
    field: 'lang',
    code: 'unknown_language',
    params: { languages: UI_LANGUAGES.join(', ') },
    message: `lang is one of ${UI_LANGUAGES.join(', ')}`,
  });
}

/**
 * The language to answer a request in: `?lang=` (explicit) > the signed-in user's stored
 * language > the first language of `Accept-Language` the interface speaks > the shop's
 * default. API tokens have no language of their own: headers and the shop decide.
 */
export function requestLanguage(
  request: LanguageSource,
  shopLanguage: UiLanguage = knownShopLanguage(),
): UiLanguage {
  const query = (request.query as Record<string, unknown> | undefined)?.['lang'];
  if (typeof query === 'string' && isUiLanguage(query)) return query;
  const user = request.principal?.kind === 'session' ? request.principal.language : null;
  if (user) return user;
  const header = request.headers['accept-language'];
  return acceptedLanguage(Array.isArray(header) ? header.join(',') : header) ?? shopLanguage;
}
