import { METRIC_DEFINITIONS, UI_LANGUAGES } from '@returnlens/shared/contracts';
import { translationProblems } from '@returnlens/shared/i18n';
import { ENGLISH_DEFINITION_TEXTS, metricDefinitionsIn } from './metric-definitions';

const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string): object => require(`./definitions/${lang}.json`);

describe('the metric definitions in every language', () => {
  it.each(translated)('%s: every metric and text, parsed, translated', (lang) => {
    expect(translationProblems(lang, ENGLISH_DEFINITION_TEXTS, read(lang))).toEqual([]);
  });

  it('keeps English as the source, word for word', () => {
    expect(metricDefinitionsIn('en')).toEqual(METRIC_DEFINITIONS);
  });

  it.each(translated)('%s: the same metrics in the same order, every text its own', (lang) => {
    const definitions = metricDefinitionsIn(lang);
    expect(definitions.map((d) => d.id)).toEqual(METRIC_DEFINITIONS.map((d) => d.id));
    definitions.forEach((d, i) => {
      const english = METRIC_DEFINITIONS[i];
      for (const text of ['name', 'definition', 'includes', 'excludes'] as const)
        if (english[text] !== 'Nothing.') expect(d[text]).not.toBe(english[text]);
    });
  });

  it('writes Polish and Hebrew definitions a reader of each can use', () => {
    const defect = (lang: 'pl' | 'he') =>
      metricDefinitionsIn(lang).find((d) => d.id === 'defect_rate') ?? METRIC_DEFINITIONS[0];
    expect(defect('pl').name).toBe('Wskaźnik wad');
    expect(defect('pl').definition).toContain('przedziałem Wilsona');
    expect(defect('he').name).toBe('שיעור פגמים');
    // Field names and formulas stay as they are inside the translated text.
    expect(defect('he').definition).toContain('confirmed_defect');
  });
});
