import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { SUPPLIERS_MESSAGES } from './en';

/** The Suppliers pages' translation files beside the app (what the page loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/suppliers');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Words and patterns some languages write as English does. */
const SAME = ['PPM', 'Trend', 'Signal', 'Signal: {verdict}', '{name}: {reason}', '{week}: {value}'];

describe('translations of the Suppliers pages', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, SUPPLIERS_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const inClaims = (lang: string, count: number) =>
    formatMessage(lang, read(lang).detail.inClaims, { count });

  it('writes Russian, Ukrainian, Polish and Hebrew plurals in their forms', () => {
    expect([1, 2, 5, 22].map((n) => inClaims('ru', n))).toEqual([
      'в 1 обращении',
      'в 2 обращениях',
      'в 5 обращениях',
      'в 22 обращениях',
    ]);
    expect([1, 2, 5, 22].map((n) => inClaims('uk', n))).toEqual([
      'у 1 зверненні',
      'у 2 зверненнях',
      'у 5 зверненнях',
      'у 22 зверненнях',
    ]);
    expect([1, 2, 5, 22].map((n) => inClaims('pl', n))).toEqual([
      'w 1 zgłoszeniu',
      'w 2 zgłoszeniach',
      'w 5 zgłoszeniach',
      'w 22 zgłoszeniach',
    ]);
    const feedback = (lang: string, count: number) =>
      formatMessage(lang, read(lang).detail.feedbackItems, { count });
    expect([1, 2, 5, 22].map((n) => feedback('ru', n))).toEqual([
      '1 отзыв',
      '2 отзыва',
      '5 отзывов',
      '22 отзыва',
    ]);
    expect([1, 2, 5, 22].map((n) => feedback('pl', n))).toEqual([
      '1 opinia',
      '2 opinie',
      '5 opinii',
      '22 opinie',
    ]);
    expect(inClaims('he', 1)).toBe('בפנייה אחת');
    expect(inClaims('he', 2)).toBe('ב-2 פניות');
  });
});
