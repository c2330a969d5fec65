import { analyzeFeedback, readSentiment } from './analyze';
import { labelOf } from './sentiment';
import { loadTextModels, modelNameFor, predictSentiment, textModelsLoaded } from './model';

// The shipped models (libs/shared/text/models), loaded with fasttext.wasm as the API's worker does.
describe('shipped sentiment models', () => {
  beforeAll(async () => {
    await loadTextModels();
  });

  it('loads one model per language family', () => {
    expect(textModelsLoaded()).toBe(true);
    for (const language of ['en', 'es', 'fr', 'de', 'pt', 'it']) {
      expect(modelNameFor(language)).toBe('latin');
    }
    expect(modelNameFor('ru')).toBe('ru');
    expect(modelNameFor('he')).toBe('he');
    expect(modelNameFor('pl')).toBeNull();
  });

  it('returns class probabilities that sum to 1', () => {
    const p = predictSentiment('en', 'Absolutely love this dress, perfect fit');
    expect(p).not.toBeNull();
    expect((p?.negative ?? 0) + (p?.neutral ?? 0) + (p?.positive ?? 0)).toBeCloseTo(1, 5);
    expect(p?.positive).toBeGreaterThan(0.5);
    expect(predictSentiment('pl', 'Świetna jakość')).toBeNull();
  });

  it.each([
    ['en', 'Absolutely love this dress, perfect fit', 'positive'],
    ['en', 'Terrible quality, it broke after two days', 'negative'],
    ['es', 'Me encanta, muy buena calidad', 'positive'],
    ['es', 'Horrible, el peor servicio, nunca más', 'negative'],
    ['fr', 'Très bon produit, je recommande', 'positive'],
    ['fr', 'Très déçue, le colis est arrivé abîmé', 'negative'],
    ['de', 'Super Qualität, sehr zufrieden', 'positive'],
    ['de', 'Schlechte Qualität, nie wieder', 'negative'],
    ['pt', 'Produto excelente, chegou rápido', 'positive'],
    ['pt', 'Péssimo, veio quebrado', 'negative'],
    ['it', 'Prodotto ottimo, lo consiglio', 'positive'],
    ['it', 'Pessimo servizio, non lo consiglio', 'negative'],
    ['ru', 'Отличный товар, всем рекомендую', 'positive'],
    ['ru', 'Ужасное качество, деньги на ветер', 'negative'],
    ['he', 'מוצר מעולה, ממליץ בחום', 'positive'],
    ['he', 'שירות גרוע, לא ממליץ', 'negative'],
  ])('%s: %s → %s (ensemble)', (language, text, label) => {
    const analysis = analyzeFeedback(text);
    expect(analysis.analysedAs).toBe(language);
    expect(analysis.sentimentLabel).toBe(label);
    const score = analysis.sentimentScore ?? 0;
    expect(label === 'positive' ? score > 0 : score < 0).toBe(true);
  });

  it('lets confident rules decide and the combiner decide the rest', () => {
    const texts = [
      'Absolutely love this dress, perfect fit',
      'It arrived on Tuesday in a box',
      'Отличный товар, всем рекомендую',
      'Заказ пришёл во вторник',
      'מוצר מעולה, ממליץ בחום',
      'Produto mediano, nada de especial',
    ];
    let gated = 0;
    let combined = 0;
    for (const text of texts) {
      const reading = readSentiment(text);
      const analysis = analyzeFeedback(text);
      expect(reading.ensemble).not.toBeNull();
      const rules = reading.rules;
      if (rules && labelOf(rules.score) !== 'neutral') {
        gated++;
        expect(analysis.sentimentLabel).toBe(labelOf(rules.score));
        expect(analysis.sentimentScore).toBeCloseTo(rules.score, 3);
      } else {
        combined++;
        const p = reading.ensemble ?? { positive: 0, negative: 0, neutral: 0 };
        expect(analysis.sentimentScore).toBeCloseTo(p.positive - p.negative, 3);
      }
    }
    expect(gated).toBeGreaterThan(0);
    expect(combined).toBeGreaterThan(0);
  });

  it('keeps the rules alone where no model reads the language, and unscored where nothing does', () => {
    expect(analyzeFeedback('Świetna jakość, polecam')).toMatchObject({
      analysedAs: 'pl',
      sentimentLabel: 'positive',
    });
    expect(analyzeFeedback('Tragedia, nie polecam')).toMatchObject({
      analysedAs: 'pl',
      sentimentLabel: 'negative',
    });
    expect(analyzeFeedback('Дуже погана якість, не раджу')).toMatchObject({
      analysedAs: null,
      sentimentLabel: 'unscored',
    });
  });
});
