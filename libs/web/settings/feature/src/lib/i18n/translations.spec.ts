import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/web/shared/data-access';
import { FORMS_MESSAGES } from '@returnlens/web/shared/ui';
import { SETTINGS_MESSAGES } from './en';
import { english } from './translate';

/** The translation files beside the app (what the loaders fetch). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n');
const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (scope: string, lang: string) =>
  JSON.parse(readFileSync(join(DIR, scope, `${lang}.json`), 'utf8'));

/** Words, units and formulas some languages write as English does. */
const SAME = ['h', '{name} ≤ {hours} h ({clock})'];

describe('translations of the Settings page', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, SETTINGS_MESSAGES, read('settings', lang), SAME)).toEqual([]);
  });

  it.each(translated)('%s: the form status beside each Save (scope forms)', (lang) => {
    expect(translationProblems(lang, FORMS_MESSAGES, read('forms', lang))).toEqual([]);
  });

  const changes = (lang: string, count: number) =>
    formatMessage(lang, read('settings', lang).taxonomy.saveChanges, { count });
  const problems = (lang: string, count: number) =>
    formatMessage(lang, read('forms', lang).problems, { count });

  it('counts changes and problems in the plural forms of Russian and Polish', () => {
    expect([1, 2, 5, 22].map((n) => changes('ru', n))).toEqual([
      'Сохранить 1 изменение',
      'Сохранить 2 изменения',
      'Сохранить 5 изменений',
      'Сохранить 22 изменения',
    ]);
    expect([1, 2, 5, 22].map((n) => changes('pl', n))).toEqual([
      'Zapisz 1 zmianę',
      'Zapisz 2 zmiany',
      'Zapisz 5 zmian',
      'Zapisz 22 zmiany',
    ]);
    expect([1, 2, 5, 22].map((n) => problems('ru', n))).toEqual([
      '1 проблема',
      '2 проблемы',
      '5 проблем',
      '22 проблемы',
    ]);
    expect([1, 2, 5, 22].map((n) => problems('pl', n))).toEqual([
      '1 problem',
      '2 problemy',
      '5 problemów',
      '22 problemy',
    ]);
  });

  it('reads English from the page’s messages when the helpers get no language', () => {
    expect(english('settings.taxonomy.saveChanges', { count: 2 })).toBe('Save 2 changes');
    expect(english('settings.no.such.key')).toBe('settings.no.such.key');
  });
});
