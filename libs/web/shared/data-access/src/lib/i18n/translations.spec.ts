import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { EN_MESSAGES } from './en';

/** Every translation file beside the app (what the loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

const placeholders = (message: string) =>
  [...message.matchAll(/\{\s*(\w+)\s*(?:[,}])/g)].map((m) => m[1]).sort();

const english = flatten(EN_MESSAGES as unknown as Tree);
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const files = Object.fromEntries(
  translated.map((l) => [l, flatten(JSON.parse(readFileSync(join(DIR, `${l}.json`), 'utf8')))]),
);

describe('translations', () => {
  it.each(translated)('%s has every English key, no other, and no empty message', (lang) => {
    expect(Object.keys(files[lang]).sort()).toEqual(Object.keys(english).sort());
    expect(Object.entries(files[lang]).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it.each(translated)('%s compiles in ICU MessageFormat with the same placeholders', (lang) => {
    for (const [key, message] of Object.entries(files[lang])) {
      // Throws on a malformed message.
      expect(new IntlMessageFormat(message, lang).getAst().length).toBeGreaterThan(0);
      expect([key, ...new Set(placeholders(message))]).toEqual([
        key,
        ...new Set(placeholders(english[key])),
      ]);
    }
  });

  it('leaves nothing in English that is not a name', () => {
    // Words every language writes the same (the product's name, SLA, "Demo", "Menu", …).
    const same = new Set(['SLA', 'Demo', 'Menu', 'Import', 'E-mail', 'Feedback', 'Service']);
    for (const lang of translated)
      for (const [key, message] of Object.entries(files[lang]))
        if (message === english[key] && !same.has(message))
          throw new Error(`${lang}: ${key} is still English: "${message}"`);
  });

  const plural = (lang: string, count: number) =>
    String(new IntlMessageFormat(files[lang]['login.demoTitle'], lang).format({ count }));

  it('writes Russian, Ukrainian and Polish plurals in their forms for 1, 2, 5, 22', () => {
    expect([1, 2, 5, 22].map((n) => plural('ru', n).split(' (')[0])).toEqual([
      '1 демо-вход',
      '2 демо-входа',
      '5 демо-входов',
      '22 демо-входа',
    ]);
    expect([1, 2, 5, 22].map((n) => plural('uk', n).split(' (')[0])).toEqual([
      '1 демо-вхід',
      '2 демо-входи',
      '5 демо-входів',
      '22 демо-входи',
    ]);
    expect([1, 2, 5, 22].map((n) => plural('pl', n).split(' (')[0])).toEqual([
      '1 konto demo',
      '2 konta demo',
      '5 kont demo',
      '22 konta demo',
    ]);
    expect(plural('he', 1)).toMatch(/^כניסת הדגמה אחת/);
    expect(plural('he', 2)).toMatch(/^2 כניסות/);
  });
});
