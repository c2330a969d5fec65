import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { DATA_MESSAGES } from './en';

/** The Data page's translation files beside the app (what the page's scope loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/data');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Messages every language may write as English does. */
const SAME = ['Status', 'Problem', '{size, plural, one {# byte} other {# bytes}}'];

describe('translations of the Data page', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, DATA_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const rows = (lang: string, count: number) =>
    formatMessage(lang, read(lang).report.counts, {
      received: count,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      unlinked: 0,
    }).split(' · ')[0];

  it('writes Russian, Ukrainian and Polish plurals in their forms for 1, 2, 5, 22', () => {
    expect([1, 2, 5, 22].map((n) => rows('ru', n))).toEqual([
      '1 строка',
      '2 строки',
      '5 строк',
      '22 строки',
    ]);
    expect([1, 2, 5, 22].map((n) => rows('uk', n))).toEqual([
      '1 рядок',
      '2 рядки',
      '5 рядків',
      '22 рядки',
    ]);
    expect([1, 2, 5, 22].map((n) => rows('pl', n))).toEqual([
      '1 wiersz',
      '2 wiersze',
      '5 wierszy',
      '22 wiersze',
    ]);
    expect(rows('he', 1)).toBe('שורה אחת');
    expect(rows('he', 2)).toBe('שתי שורות');
    expect(rows('he', 5)).toBe('5 שורות');
  });
});
