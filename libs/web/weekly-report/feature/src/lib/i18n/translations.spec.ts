import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { WEEKLY_MESSAGES } from './en';

/** The Weekly report's translation files beside the app (what the page's loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/weekly');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Messages written the same (German calls feedback "Feedback", as the shell does). */
const SAME = ['{title}, {week}', 'Feedback, {week}'];

describe('translations of the Weekly report', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, WEEKLY_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const row = (lang: string, count: number) =>
    formatMessage(lang, read(lang).pareto.row, { reason: 'X', count });

  it('writes Russian and Polish plurals in their forms for 1, 2, 5, 22', () => {
    expect([1, 2, 5, 22].map((n) => row('ru', n))).toEqual([
      'X: 1 обращение',
      'X: 2 обращения',
      'X: 5 обращений',
      'X: 22 обращения',
    ]);
    expect([1, 2, 5, 22].map((n) => row('pl', n))).toEqual([
      'X: 1 zgłoszenie',
      'X: 2 zgłoszenia',
      'X: 5 zgłoszeń',
      'X: 22 zgłoszenia',
    ]);
  });
});
