import { analyzeFeedback, inferReason } from '../analyze';
import { detectLanguage } from '../detect-language';

describe('Hebrew (he)', () => {
  it.each([
    ['המטען הפסיק לעבוד אחרי שבוע', 'he'],
    ['צבע יפה, יושב טוב', 'he'],
  ])('detects the language of %s', (text, language) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    ['פשוט מושלם, הילדים מאושרים', 'positive'],
    ['בסדר, שום דבר מיוחד', 'neutral'],
    ['זול ונשבר ביום הראשון, ממש גרוע', 'negative'],
    ['לא רע בכלל', 'positive'],
    ['לא ממליצה לאף אחד', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('he');
    expect(result.sentimentLabel).toBe(label);
    expect(result.sentimentScore).toBeGreaterThanOrEqual(-1);
    expect(result.sentimentScore).toBeLessThanOrEqual(1);
  });

  it('gives each aspect the sentiment of its own clause', () => {
    const { aspects } = analyzeFeedback('המשלוח מהיר, אבל האיכות גרועה');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['הידית נשברה, המוצר פגום', 'product_defect'],
    ['חייבו אותי פעמיים על אותה הזמנה', 'price_error'],
    ['שלום, אתם פתוחים בשבת?', 'other'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    if (code === 'other') expect(result.lowConfidence).toBe(true);
    else expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.language).toBe('he');
  });
});

describe('Hebrew (he): other forms, typos, idioms and written ratings', () => {
  it('detects the language of a text with a typo', () => {
    expect(detectLanguage('המידה בכלל לא לפי הטבלה').language).toBe('he');
  });

  it.each([
    ['מאוכזבת מאוד, איכות על הפנים', 'negative'],
    ['מהמם, שווה כל שקל', 'positive'],
    ['ממליצה בחום', 'positive'],
    ['הצבע קצת שונה, לא נורא', 'neutral'],
    ['חבל על הכסף', 'negative'],
    ['חמישה כוכבים', 'positive'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('he');
    expect(result.sentimentLabel).toBe(label);
  });

  it('gives the clause after the contrast its own sentiment', () => {
    const { aspects } = analyzeFeedback('המשלוח מהיר אבל האיכות גרועה');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['המגהץ הפסיק לחמם', 'product_defect'],
    ['התחרטתי, כבר לא צריכה', 'changed_mind'],
    ['קוד ההנחה לא עבד', 'promo_terms_unclear'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
  });
});
