import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { flattenMessages, formatMessage, translationProblems } from '@returnlens/shared/i18n';
import { EN_MESSAGES } from './en';

/** The shell's translation files beside the app (what the loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Words every language writes the same. */
const SAME = [
  'SLA',
  'Demo',
  'Menu',
  'Import',
  'E-mail',
  'Feedback',
  'Service',
  'Chat',
  'Marketplace',
  'Filter',
  'Status',
  'Text',
  'neutral',
];

describe('translations of the shell', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, EN_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  it('finds what is wrong with a translation', () => {
    const english = { a: 'Sign in as {name}', b: { c: 'Theme' } };
    expect(
      translationProblems('pl', english, { a: 'Zaloguj {user}', b: { c: 'Theme' }, x: 'y' }),
    ).toEqual([
      'pl: a has {user}, English {name}',
      'pl: b.c is still English: "Theme"',
      'pl: x is not an English key',
    ]);
    expect(translationProblems('pl', english, { a: '{name, plural, one {x}' })).toEqual([
      'pl: b.c is missing',
      expect.stringMatching(/^pl: a does not parse/),
    ]);
    expect(flattenMessages(english)).toEqual({ a: 'Sign in as {name}', 'b.c': 'Theme' });
  });

  const demoTitle = (lang: string, count: number) =>
    formatMessage(lang, read(lang).login.demoTitle, { count }).split(' (')[0];

  it('writes Russian, Ukrainian and Polish plurals in their forms for 1, 2, 5, 22', () => {
    expect([1, 2, 5, 22].map((n) => demoTitle('ru', n))).toEqual([
      '1 демо-вход',
      '2 демо-входа',
      '5 демо-входов',
      '22 демо-входа',
    ]);
    expect([1, 2, 5, 22].map((n) => demoTitle('uk', n))).toEqual([
      '1 демо-вхід',
      '2 демо-входи',
      '5 демо-входів',
      '22 демо-входи',
    ]);
    expect([1, 2, 5, 22].map((n) => demoTitle('pl', n))).toEqual([
      '1 konto demo',
      '2 konta demo',
      '5 kont demo',
      '22 konta demo',
    ]);
    expect(demoTitle('he', 1)).toBe('כניסת הדגמה אחת');
    expect(demoTitle('he', 2)).toBe('2 כניסות הדגמה');
  });
});
