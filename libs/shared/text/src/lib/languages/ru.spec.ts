import { analyzeFeedback, inferReason } from '../analyze';
import { detectLanguage } from '../detect-language';

describe('Russian (ru)', () => {
  it.each([
    ['Зарядка перестала работать через неделю', 'ru'],
    ['Отличный цвет, хорошо сидит', 'ru'],
  ])('detects the language of %s', (text, language) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    ['Просто восторг, дети в восторге', 'positive'],
    ['Нормально, ничего особенного', 'neutral'],
    ['Дешёвка, сломалась в первый же день', 'negative'],
    ['Совсем неплохо', 'positive'],
    ['Не советую никому', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('ru');
    expect(result.sentimentLabel).toBe(label);
    expect(result.sentimentScore).toBeGreaterThanOrEqual(-1);
    expect(result.sentimentScore).toBeLessThanOrEqual(1);
  });

  it('gives each aspect the sentiment of its own clause', () => {
    const { aspects } = analyzeFeedback('Доставка быстрая, но ткань тонкая и некачественная');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['Ручка отломалась, брак', 'product_defect'],
    ['Списали деньги дважды за один заказ', 'price_error'],
    ['Здравствуйте, вы работаете в субботу?', 'other'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    if (code === 'other') expect(result.lowConfidence).toBe(true);
    else expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.language).toBe('ru');
  });
});

describe('Russian (ru): other forms, typos, idioms and written ratings', () => {
  it('detects the language of a text with a typo', () => {
    expect(detectLanguage('Размер совсем не соответсвует таблице').language).toBe('ru');
  });

  it.each([
    ['Качество хуже некуда, деньги на ветер', 'negative'],
    ['Безупречная работа, выше всяких похвал', 'positive'],
    ['Недорого и удобно', 'positive'],
    ['Цвет чуть другой, но не страшно', 'neutral'],
    ['Четыре звезды, всё нормально', 'positive'],
    ['Ненадёжный замок, сломался сразу', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('ru');
    expect(result.sentimentLabel).toBe(label);
  });

  it('gives the clause after the contrast its own sentiment', () => {
    const { aspects } = analyzeFeedback('Доставили быстро, но качество ужасное');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['Утюг перестал нагреваться', 'product_defect'],
    ['Передумала, товар больше не нужен', 'changed_mind'],
    ['Промокод не применился к заказу', 'promo_terms_unclear'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
  });
});
