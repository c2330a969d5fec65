import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { SUBSCRIPTIONS_MESSAGES } from './en';
import { english } from './translate';

/** The Subscriptions page's translation files beside the app (what the page's loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/subscriptions');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

/** Words, units and formulas some languages write as English does. */
const SAME = [
  '%',
  'PDF',
  'CSV',
  'URL',
  'E-mail',
  'Webhook',
  'Status',
  'Test',
  'Alert',
  'Test {when}:',
  '{metric} {threshold}',
];

describe('translations of the Subscriptions page', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, SUBSCRIPTIONS_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const above = (lang: string, count: number) =>
    formatMessage(lang, read(lang).alerts.thresholds.count, { op: 'above', count });

  it('counts claims above a threshold in the plural forms of Russian and Polish', () => {
    expect([1, 2, 5, 22].map((n) => above('ru', n))).toEqual([
      'выше 1 обращения',
      'выше 2 обращений',
      'выше 5 обращений',
      'выше 22 обращений',
    ]);
    expect([1, 2, 5, 22].map((n) => above('pl', n))).toEqual([
      'powyżej 1 zgłoszenia',
      'powyżej 2 zgłoszeń',
      'powyżej 5 zgłoszeń',
      'powyżej 22 zgłoszeń',
    ]);
  });

  it('names the weekday of a schedule in each language', () => {
    const weekly = (lang: string) =>
      formatMessage(lang, read(lang).schedule.weekly, { weekday: '1', hour: '08:00', zone: 'UTC' });
    expect(weekly('de')).toBe('Montags um 08:00 (UTC)');
    expect(weekly('ru')).toBe('По понедельникам в 08:00 (UTC)');
    expect(
      english('subscriptions.schedule.weekly', { weekday: '7', hour: '18:00', zone: 'UTC' }),
    ).toBe('Sundays at 18:00 (UTC)');
  });
});
