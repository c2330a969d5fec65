import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { ADMIN_MESSAGES } from './en';

/** The Admin page's translation files beside the app (what the page's loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/admin');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Words some languages write as English does. */
const SAME = ['E-mail', 'Demo', 'Name', 'Status', 'Roles'];

describe('translations of the Admin page', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, ADMIN_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const latest = (lang: string, limit: number) =>
    formatMessage(lang, read(lang).audit.definition, { limit }).split(':')[0];

  it('counts the latest audit events in the plural forms of Russian and Polish', () => {
    expect([1, 2, 5, 22].map((n) => latest('ru', n))).toEqual([
      '1 последнее событие',
      '2 последних события',
      '5 последних событий',
      '22 последних события',
    ]);
    expect([1, 2, 5, 22].map((n) => latest('pl', n))).toEqual([
      '1 ostatnie zdarzenie',
      '2 ostatnie zdarzenia',
      '5 ostatnich zdarzeń',
      '22 ostatnie zdarzenia',
    ]);
  });
});
