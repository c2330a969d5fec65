import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
// The one translation check of the app (a test-only dependency).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { englishChartText } from './chart-text';
import { CHARTS_MESSAGES } from './en';

/** The shared charts' translation files beside the app (what the `charts` loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/charts');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
/** Written alike in some languages: the unit "h" (pt, es), "Median" and "neutral" (de). */
const SAME = ['{hours} h', 'Median', 'Neutral', '{count} neutral'];
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

describe('translations of the shared charts and KPI tiles', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, CHARTS_MESSAGES, read(lang), SAME)).toEqual([]);
  });

  const total = (lang: string, n: number) =>
    formatMessage(lang, read(lang).trend.tooltipTotal, { total: n });

  it('writes Russian, Ukrainian and Polish plurals in their forms for 1, 2, 5, 22', () => {
    expect([1, 2, 5, 22].map((n) => total('ru', n))).toEqual([
      '1 обращение',
      '2 обращения',
      '5 обращений',
      '22 обращения',
    ]);
    expect([1, 2, 5, 22].map((n) => total('uk', n))).toEqual([
      '1 звернення',
      '2 звернення',
      '5 звернень',
      '22 звернення',
    ]);
    expect([1, 2, 5, 22].map((n) => total('pl', n))).toEqual([
      '1 zgłoszenie',
      '2 zgłoszenia',
      '5 zgłoszeń',
      '22 zgłoszenia',
    ]);
  });

  it('speaks English without a language loaded (the builders’ default)', () => {
    expect(englishChartText('trend.tooltipTotal', { total: 1 })).toBe('1 claim');
    expect(englishChartText('week', { number: 7, year: '2026' })).toBe('Week 7, 2026');
    expect(englishChartText('no.such.key')).toBe('no.such.key');
  });
});
