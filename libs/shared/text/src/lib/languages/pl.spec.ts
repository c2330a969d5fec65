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

describe('Polish (pl): other forms, typos, idioms and written ratings', () => {
  it('detects the language of a text with a typo', () => {
    expect(detectLanguage('Rozmiar zupełnie niezgodny z tabelą').language).toBe('pl');
  });

  it.each([
    ['Niewygodne buty, obcierają', 'negative'],
    ['Rewelacja, jestem zachwycona', 'positive'],
    ['Szkoda pieniędzy', 'negative'],
    ['Kolor trochę inny, ale bez tragedii', 'neutral'],
    ['Pięć gwiazdek, polecam', 'positive'],
    ['Niedrogi i solidny', 'positive'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('pl');
    expect(result.sentimentLabel).toBe(label);
  });

  it('gives the clause after the contrast its own sentiment', () => {
    const { aspects } = analyzeFeedback('Dostawa szybka, ale jakość fatalna');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['Żelazko przestało grzać', 'product_defect'],
    ['W zestawie brakuje śrub', 'missing_parts'],
    ['Kod rabatowy nie zadziałał', 'promo_terms_unclear'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
  });
});
