import { analyzeFeedback, inferReason } from '../analyze';
import { detectLanguage } from '../detect-language';

describe('English (en)', () => {
  it.each([
    ['The charger stopped working after a week', 'en'],
    ['Lovely colour, fits well', 'en'],
  ])('detects the language of %s', (text, language) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    ['Absolutely brilliant, my kids love it', 'positive'],
    ["Meh. It's average.", 'neutral'],
    ['Cheaply made and broke on day one', 'negative'],
    ['Not bad at all', 'positive'],
    ['Wonderful, it arrived in pieces. Thanks a lot.', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('en');
    expect(result.sentimentLabel).toBe(label);
    expect(result.sentimentScore).toBeGreaterThanOrEqual(-1);
    expect(result.sentimentScore).toBeLessThanOrEqual(1);
  });

  it('gives each aspect the sentiment of its own clause', () => {
    const { aspects } = analyzeFeedback('Quick delivery but the fabric feels cheap and flimsy');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['The handle snapped off, it is defective', 'product_defect'],
    ['I was charged twice for one order', 'price_error'],
    ['Hello, is your shop open on Sunday?', 'other'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    if (code === 'other') expect(result.lowConfidence).toBe(true);
    else expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.language).toBe('en');
  });
});

describe('English (en): other forms, typos, idioms and written ratings', () => {
  it('detects the language of a text with a typo', () => {
    expect(detectLanguage('Dissapointed, the zip broke after a week').language).toBe('en');
  });

  it.each([
    ['Dissapointed with the qualty', 'negative'],
    ['Worth every penny', 'positive'],
    ['2* cheaply made', 'negative'],
    ['★★★★★ love it', 'positive'],
    ['The colour is a bit off, not a big deal', 'neutral'],
    ['It was unreliable from day one', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('en');
    expect(result.sentimentLabel).toBe(label);
  });

  it('gives the clause after the contrast its own sentiment', () => {
    const { aspects } = analyzeFeedback('Delivery was quick but the fabric is flimsy');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['Screws for the legs were not included', 'missing_parts'],
    ['Overcharged at checkout, please refund the difference', 'price_error'],
    ['Please unsubscribe me, stop emailing offers', 'intrusive_contact'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
  });
});
