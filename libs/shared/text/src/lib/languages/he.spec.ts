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
