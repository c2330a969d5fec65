import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { ROOT_CAUSES_MESSAGES } from './en';

/** The Root causes page's translation files beside the app (what the page loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/rootCauses');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

describe('translations of the Root causes page', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, ROOT_CAUSES_MESSAGES, read(lang))).toEqual([]);
  });

  const tooFew = (lang: string, count: number) =>
    formatMessage(lang, read(lang).tree.tooFew, { count, min: 30 }).split(':')[0];

  it('writes Russian, Ukrainian, Polish and Hebrew plurals in their forms', () => {
    expect([1, 2, 5, 22].map((n) => tooFew('ru', n))).toEqual([
      'Всего 1 обращение',
      'Всего 2 обращения',
      'Всего 5 обращений',
      'Всего 22 обращения',
    ]);
    expect([1, 2, 5, 22].map((n) => tooFew('uk', n))).toEqual([
      'Лише 1 звернення',
      'Лише 2 звернення',
      'Лише 5 звернень',
      'Лише 22 звернення',
    ]);
    expect([1, 2, 5, 22].map((n) => tooFew('pl', n))).toEqual([
      'Tylko 1 zgłoszenie',
      'Tylko 2 zgłoszenia',
      'Tylko 5 zgłoszeń',
      'Tylko 22 zgłoszenia',
    ]);
    expect(tooFew('he', 1)).toBe('רק פנייה אחת');
    expect(tooFew('he', 2)).toBe('רק 2 פניות');
  });
});
