import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/shared/i18n';
import { PANELS_MESSAGES } from './en';

/** The panels' translation files beside the app (what the `panels` loader fetches). */
const DIR = join(__dirname, '../../../../../../../../apps/web/public/i18n/panels');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

describe('translations of the chart panels and their menus', () => {
  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))(
    '%s: every English key, parsed, same placeholders, translated',
    (lang) => {
      expect(translationProblems(lang, PANELS_MESSAGES, read(lang))).toEqual([]);
    },
  );

  it('keeps the link in the empty hint of every language', () => {
    for (const lang of UI_LANGUAGES.filter((l) => l !== 'en'))
      expect(formatMessage(lang, read(lang).emptyHint, { link: '<Data>' })).toContain('<Data>');
  });
});
