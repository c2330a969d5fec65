import { IntlMessageFormat } from 'intl-messageformat';

type Tree = { readonly [key: string]: string | Tree };

/** `{a: {b: 'x'}}` → `{'a.b': 'x'}`. */
export function flattenMessages(tree: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree as Tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flattenMessages(value, path));
  }
  return out;
}

interface AstElement {
  readonly type: number;
  readonly value?: unknown;
  readonly options?: Readonly<Record<string, { readonly value: readonly AstElement[] }>>;
}

/** The names of the values a message puts in (`{name}`, `{count, plural, …}`), from its AST. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: readonly AstElement[]) => {
    for (const el of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (FormatJS's TYPE).
      if (el.type >= 1 && el.type <= 6 && typeof el.value === 'string') names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  try {
    walk(new IntlMessageFormat(message, 'en').getAst() as unknown as AstElement[]);
  } catch {
    // a message that does not parse is reported as such
  }
  return [...names].sort();
}

/**
 * What is wrong with a translation against the English source: missing or extra keys, empty
 * messages, messages that do not parse as ICU MessageFormat, placeholders other than
 * English's, and messages left in English (`same` lists words every language writes alike).
 * Empty when all is well. Pure: the caller reads the files.
 */
export function translationProblems(
  lang: string,
  english: object,
  translation: object,
  same: readonly string[] = [],
): string[] {
  const en = flattenMessages(english);
  const tr = flattenMessages(translation);
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!(key in tr)) problems.push(`${lang}: ${key} is missing`);
  for (const [key, message] of Object.entries(tr)) {
    if (!(key in en)) {
      problems.push(`${lang}: ${key} is not an English key`);
      continue;
    }
    if (!message.trim()) problems.push(`${lang}: ${key} is empty`);
    try {
      new IntlMessageFormat(message, lang).getAst();
      if (placeholders(message).join() !== placeholders(en[key]).join())
        problems.push(
          `${lang}: ${key} has {${placeholders(message)}}, English {${placeholders(en[key])}}`,
        );
    } catch (error) {
      problems.push(`${lang}: ${key} does not parse: ${(error as Error).message}`);
    }
    if (lang !== 'en' && message === en[key] && !same.includes(message))
      problems.push(`${lang}: ${key} is still English: "${message}"`);
  }
  return problems;
}

/** A message formatted in `lang` (for plural checks in tests). */
export function formatMessage(
  lang: string,
  message: string,
  values: Record<string, unknown>,
): string {
  return String(new IntlMessageFormat(message, lang).format(values as never));
}
