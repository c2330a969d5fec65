import type { UiLanguage } from '@returnlens/shared/contracts';
import { MessageCatalog } from '@returnlens/shared/i18n';
import { ERROR_MESSAGES } from './errors/en';
import de from './errors/de.json';
import es from './errors/es.json';
import he from './errors/he.json';
import pl from './errors/pl.json';
import pt from './errors/pt.json';
import ru from './errors/ru.json';
import uk from './errors/uk.json';

export const ERROR_CATALOG = new MessageCatalog(ERROR_MESSAGES, { ru, pl, he, uk, de, pt, es });

/** A value an error puts in its message: a list (of permissions, roles) is joined per language. */
export type ErrorParam = string | number | readonly string[];

/**
 * The message of the error `code` in `lang`, `params` put in; null when the catalog has no such
 * code (the thrower's own message stays). Listed permissions are named in the language and
 * joined with its "or"; other lists are joined with commas, as they are identifiers.
 */
export function errorMessage(
  lang: UiLanguage,
  code: string,
  params: Readonly<Record<string, ErrorParam>> = {},
): string | null {
  const key = `errors.${code}`;
  if (!ERROR_CATALOG.has(key)) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (name === 'permissions')
      values[name] = new Intl.ListFormat(lang, { type: 'disjunction' }).format(
        value.map((item) =>
          ERROR_CATALOG.has(`values.${item}`) ? ERROR_CATALOG.format(lang, `values.${item}`) : item,
        ),
      );
    else values[name] = value.join(', ');
  }
  return ERROR_CATALOG.format(lang, key, values);
}
