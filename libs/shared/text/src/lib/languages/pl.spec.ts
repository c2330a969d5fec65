import { analyzeFeedback, inferReason } from '../analyze';
import { detectLanguage } from '../detect-language';

describe('Polish (pl)', () => {
  it.each([
    ['Ładowarka przestała działać po tygodniu', 'pl'],
    ['Piękny kolor, dobrze leży', 'pl'],
  ])('detects the language of %s', (text, language) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    ['Rewelacja, dzieci zachwycone', 'positive'],
    ['Przeciętny, nic szczególnego', 'neutral'],
    ['Tandeta, zepsuło się pierwszego dnia', 'negative'],
    ['Wcale nie jest źle', 'positive'],
    ['Nie polecam, szkoda pieniędzy', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('pl');
    expect(result.sentimentLabel).toBe(label);
    expect(result.sentimentScore).toBeGreaterThanOrEqual(-1);
    expect(result.sentimentScore).toBeLessThanOrEqual(1);
  });

  it('gives each aspect the sentiment of its own clause', () => {
    const { aspects } = analyzeFeedback('Szybka dostawa, ale materiał cienki i słabej jakości');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['Rączka odpadła, produkt wadliwy', 'product_defect'],
    ['Pobrano płatność dwa razy za jedno zamówienie', 'price_error'],
    ['Dzień dobry, czy jesteście otwarci w sobotę?', 'other'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    if (code === 'other') expect(result.lowConfidence).toBe(true);
    else expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.language).toBe('pl');
  });
});
