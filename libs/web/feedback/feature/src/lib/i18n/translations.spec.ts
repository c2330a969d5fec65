import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import {
  flattenMessages,
  formatMessage,
  translationProblems,
} from '@returnlens/web/shared/data-access';
import { textReaders } from '../text-models';
import { FEEDBACK_MESSAGES } from './en';

/** The Feedback page's translation files beside the app (what the page's loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/feedback');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Words every language writes the same. */
const SAME = ['Feedback', 'neutral'];

describe('translations of the Feedback page', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, FEEDBACK_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const items = (lang: string, count: number) => formatMessage(lang, read(lang).items, { count });

  it('writes Russian and Polish plurals in their forms for 1, 2, 5, 22', () => {
    expect([1, 2, 5, 22].map((n) => items('ru', n))).toEqual([
      '1 отзыв',
      '2 отзыва',
      '5 отзывов',
      '22 отзыва',
    ]);
    expect([1, 2, 5, 22].map((n) => items('pl', n))).toEqual([
      '1 opinia',
      '2 opinie',
      '5 opinii',
      '22 opinie',
    ]);
  });

  it('says who reads the texts in Polish, with the forms of its numbers', () => {
    const pl = flattenMessages(read('pl'));
    const t = (key: string, params?: Record<string, unknown>) =>
      formatMessage('pl', pl[key], params ?? {});
    const view = textReaders(
      {
        minExamples: 300,
        models: [
          {
            task: 'sentiment',
            language: 'en',
            labelledTexts: 5,
            classes: ['negative', 'neutral', 'positive'],
            inUse: true,
            why: 'adapted beats the base',
            adaptedScore: 0.9,
            baseScore: 0.8,
            agreement: 0.88,
            agreementOf: 22,
            labels: 2,
            trainedAt: '2026-03-02T10:00:00Z',
          },
        ],
        waiting: [{ task: 'reasons', language: '*', labelledTexts: 120 }],
      },
      t,
      (code) => (code === 'en' ? 'Angielski' : code),
    );
    expect(view.rows[0]).toMatchObject({
      subject: 'Angielski',
      reader: 'Model sklepu (nauczony na 5 ocenionych opiniach)',
      reads: 'czyta 2 nieocenione opinie',
      agreement: 'tekst zgadza się z gwiazdkami w 88 % z 22 ocenionych opinii',
    });
    expect(view.waiting[0].text).toBe('Powody: 120 z 300 potrzebnych podanych powodów');
  });
});
