import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { MONEY_MESSAGES } from './en';

/** The Money & resolutions page's translation files beside the app. */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/money');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Messages every language writes the same. */
const SAME = ['{group}: {outcome}'];

describe('translations of the Money & resolutions page', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, MONEY_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const opened = (lang: string, count: number) =>
    formatMessage(lang, read(lang).mix.tipWeek, { count });

  it('writes Russian and Polish plurals in their forms for 1, 2, 5, 22', () => {
    expect([1, 2, 5, 22].map((n) => opened('ru', n))).toEqual([
      'открыто 1 обращение',
      'открыто 2 обращения',
      'открыто 5 обращений',
      'открыто 22 обращения',
    ]);
    expect([1, 2, 5, 22].map((n) => opened('pl', n))).toEqual([
      'otwarto 1 zgłoszenie',
      'otwarto 2 zgłoszenia',
      'otwarto 5 zgłoszeń',
      'otwarto 22 zgłoszenia',
    ]);
  });
});
