import { analyzeFeedback, inferReason } from '../analyze';
import { detectLanguage } from '../detect-language';

describe('German (de)', () => {
  it.each([
    ['Das Ladegerät funktioniert nach einer Woche nicht mehr', 'de'],
    ['Schöne Farbe, sitzt gut', 'de'],
  ])('detects the language of %s', (text, language) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    ['Einfach genial, die Kinder sind begeistert', 'positive'],
    ['Ganz okay, nichts Besonderes', 'neutral'],
    ['Billig verarbeitet und am ersten Tag kaputt', 'negative'],
    ['Gar nicht schlecht', 'positive'],
    ['Gefällt mir nicht, nicht zu empfehlen', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('de');
    expect(result.sentimentLabel).toBe(label);
    expect(result.sentimentScore).toBeGreaterThanOrEqual(-1);
    expect(result.sentimentScore).toBeLessThanOrEqual(1);
  });

  it('gives each aspect the sentiment of its own clause', () => {
    const { aspects } = analyzeFeedback('Schnelle Lieferung, aber die Qualität ist miserabel');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['Der Griff ist abgebrochen, das Teil ist defekt', 'product_defect'],
    ['Mir wurde die Bestellung doppelt abgebucht', 'price_error'],
    ['Hallo, haben Sie am Samstag geöffnet?', 'other'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    if (code === 'other') expect(result.lowConfidence).toBe(true);
    else expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.language).toBe('de');
  });
});

describe('German (de): other forms, typos, idioms and written ratings', () => {
  it('detects the language of a text with a typo', () => {
    expect(detectLanguage('Die Größe passt überhaupt nicht zur Tabelle').language).toBe('de');
  });

  it.each([
    ['Unbequem und schlecht verarbeitet', 'negative'],
    ['Klare Kaufempfehlung, bin begeistert', 'positive'],
    ['Rausgeschmissenes Geld', 'negative'],
    ['Farbe etwas anders, aber nicht schlimm', 'neutral'],
    ['Kann ich niemandem empfehlen', 'negative'],
    ['Zuverläsig und leise', 'positive'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('de');
    expect(result.sentimentLabel).toBe(label);
  });

  it('gives the clause after the contrast its own sentiment', () => {
    const { aspects } = analyzeFeedback('Lieferung schnell, aber die Qualität ist miserabel');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['Im Karton fehlen zwei Schrauben', 'missing_parts'],
    ['Fällt zu klein aus, brauche eine Nummer größer', 'wrong_size'],
    ['Der Gutscheincode wurde nicht abgezogen', 'promo_terms_unclear'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
  });
});
