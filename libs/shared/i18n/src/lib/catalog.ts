import { IntlMessageFormat } from 'intl-messageformat';
import { isUiLanguage, type UiLanguage } from '@returnlens/shared/contracts';
import { flattenMessages } from './check-translations';

/** A message's values: `{name}`, `{count, plural, …}`, `{share, number, percent}`. */
export type MessageValues = Readonly<Record<string, string | number | Date | null | undefined>>;

/**
 * Messages the server writes (definitions, CSV headers, errors, digests) in the eight interface
 * languages: English in code (the source and the fallback), the others from JSON a translator
 * edits, checked against English by `translationProblems`. ICU MessageFormat, so Russian,
 * Polish and Ukrainian plurals take their forms. Compiled messages are cached per language.
 */
export class MessageCatalog {
  private readonly english: Readonly<Record<string, string>>;
  private readonly translations = new Map<UiLanguage, Readonly<Record<string, string>>>();
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(english: object, translations: Partial<Record<UiLanguage, object>> = {}) {
    this.english = flattenMessages(english);
    for (const [lang, tree] of Object.entries(translations))
      if (isUiLanguage(lang) && tree) this.translations.set(lang, flattenMessages(tree));
  }

  /** Whether `key` is one of the catalog's messages. */
  has(key: string): boolean {
    return key in this.english;
  }

  /**
   * `key` in `lang` with `values` put in; English where the language lacks it; the key itself
   * when English lacks it too (a mistake a test catches, never an exception at a user).
   */
  format(lang: UiLanguage, key: string, values: MessageValues = {}): string {
    const own = lang === 'en' ? undefined : this.translations.get(lang)?.[key];
    const [message, locale] = own !== undefined ? [own, lang] : [this.english[key], 'en'];
    if (message === undefined) return key;
    const cacheKey = `${locale}\u0000${key}`;
    let format = this.compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(message, locale);
      this.compiled.set(cacheKey, format);
    }
    return String(format.format(values as Record<string, never>));
  }

  /** A formatter bound to one language: `t('csv.claimId')`. */
  in(lang: UiLanguage): (key: string, values?: MessageValues) => string {
    return (key, values) => this.format(lang, key, values);
  }
}

/**
 * The first language of an `Accept-Language` header the interface speaks (`pl-PL` → `pl`), by
 * the header's quality order; null when it names none (or there is no header).
 */
export function acceptedLanguage(header: string | undefined | null): UiLanguage | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((l) => l.tag && l.tag !== '*' && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return null;
}

/**
 * The language the product speaks to someone: their own choice (kept with the account), else
 * their browser's `Accept-Language`, else the shop's default.
 */
export function resolveLanguage(
  chosen: UiLanguage | null | undefined,
  acceptLanguage: string | undefined | null,
  shopDefault: UiLanguage,
): { language: UiLanguage; source: 'user' | 'browser' | 'shop' } {
  if (chosen) return { language: chosen, source: 'user' };
  const browser = acceptedLanguage(acceptLanguage);
  if (browser) return { language: browser, source: 'browser' };
  return { language: shopDefault, source: 'shop' };
}
