import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { SLA_MESSAGES } from './en';

/** The SLA page's translation files beside the app (what the page's loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/sla');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Words every language writes the same. */
const SAME = ['SLA', ', p90 {p90}'];

describe('translations of the SLA page', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, SLA_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const backlog = (lang: string, total: number) =>
    formatMessage(lang, read(lang).backlog.title, { total, old: 0 }).split(';')[0];

  it('writes Russian and Polish plurals in their forms for 1, 2, 5, 22', () => {
    expect([1, 2, 5, 22].map((n) => backlog('ru', n))).toEqual([
      'Открыто 1 обращение',
      'Открыто 2 обращения',
      'Открыто 5 обращений',
      'Открыто 22 обращения',
    ]);
    expect([1, 2, 5, 22].map((n) => backlog('pl', n))).toEqual([
      '1 zgłoszenie jest otwarte',
      '2 zgłoszenia są otwarte',
      '5 zgłoszeń jest otwartych',
      '22 zgłoszenia są otwarte',
    ]);
  });
});
