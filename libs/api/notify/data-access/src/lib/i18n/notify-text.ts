import {
  isUiLanguage,
  RTL_LANGUAGES,
  UI_LOCALES,
  type UiLanguage,
} from '@returnlens/shared/contracts';
import { MessageCatalog, type MessageValues } from '@returnlens/shared/i18n';
import { NOTIFY_MESSAGES } from './en';
import de from './de.json';
import es from './es.json';
import he from './he.json';
import pl from './pl.json';
import pt from './pt.json';
import ru from './ru.json';
import uk from './uk.json';

/** The notify messages of every language but English, by language (the translators' files). */
export const NOTIFY_TRANSLATIONS: Readonly<Record<Exclude<UiLanguage, 'en'>, object>> = {
  ru,
  pl,
  he,
  uk,
  de,
  pt,
  es,
};

export const NOTIFY_CATALOG = new MessageCatalog(NOTIFY_MESSAGES, NOTIFY_TRANSLATIONS);

/** The locale figures are written in, per language: the dashboard's own, so a mail reads like the page it links to. */
export const NOTIFY_LOCALES: Readonly<Record<UiLanguage, string>> = UI_LOCALES;

/** Languages written right to left. */
const RIGHT_TO_LEFT: ReadonlySet<UiLanguage> = new Set(RTL_LANGUAGES);

/** A message's words in one language: its messages, its number locale and its direction. */
export interface NotifyText {
  readonly language: UiLanguage;
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  readonly t: (key: string, values?: MessageValues) => string;
  /** A vocabulary code's word (`reason.product_defect`), else `fallback`. */
  readonly word: (
    group: 'reason' | 'channel' | 'type' | 'filter',
    code: string,
    fallback: string,
  ) => string;
}

const texts = new Map<UiLanguage, NotifyText>();

/** First-strong isolate … pop directional isolate (Unicode bidi isolation). */
const ISOLATE = (value: string) => `\u2068${value}\u2069`;

/** Values a message chooses by (`{role, select, …}`): compared, never shown, so never isolated. */
const CHOICE_VALUES: ReadonlySet<string> = new Set(['role']);

/**
 * In a right-to-left language every text put into a sentence (a supplier's Latin name, a SKU,
 * a week `2026-W48`, a formatted figure) is bidi-isolated, so its own direction never reorders
 * the Hebrew around it; numbers the message formats itself (`#`) are not strings and stay as
 * they are.
 */
function isolated(values: MessageValues | undefined): MessageValues | undefined {
  if (!values) return values;
  const out: Record<string, MessageValues[string]> = {};
  for (const [key, value] of Object.entries(values))
    out[key] =
      typeof value === 'string' && value !== '' && !CHOICE_VALUES.has(key) ? ISOLATE(value) : value;
  return out;
}

/** The words of `language` (English for anything else, e.g. a stored value no longer spoken). */
export function notifyText(language: UiLanguage | string | null | undefined = 'en'): NotifyText {
  const lang: UiLanguage = isUiLanguage(language) ? language : 'en';
  let text = texts.get(lang);
  if (!text) {
    const format = NOTIFY_CATALOG.in(lang);
    const rtl = RIGHT_TO_LEFT.has(lang);
    const t = rtl ? (key: string, values?: MessageValues) => format(key, isolated(values)) : format;
    text = {
      language: lang,
      locale: NOTIFY_LOCALES[lang],
      dir: rtl ? 'rtl' : 'ltr',
      t,
      word: (group, code, fallback) =>
        NOTIFY_CATALOG.has(`${group}.${code}`) ? t(`${group}.${code}`) : fallback,
    };
    texts.set(lang, text);
  }
  return text;
}

/** English: what a caller that names no language gets. */
export const ENGLISH: NotifyText = notifyText('en');
