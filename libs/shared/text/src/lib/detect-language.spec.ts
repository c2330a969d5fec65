import { detectLanguage } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['👍👍', 'und'],
    ['12345', 'und'],
    ['!!!', 'und'],
    ['ok', 'und'],
  ])('says und for %s', (text, language) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeLessThan(0.3);
  });

  it.each([
    ['Дякую, все прийшло цілим', 'uk'],
    ['Благодаря, всичко пристигна наред, много съм доволна', 'bg'],
    ['Merci, le colis est bien arrivé', 'fr'],
    ['Gracias, el paquete llegó bien', 'es'],
  ])('tells %s apart from the analysed languages (%s)', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('reads a Hebrew or Russian text quoting English as Hebrew or Russian', () => {
    expect(detectLanguage('המשלוח הגיע מהר, top quality').language).toBe('he');
    expect(detectLanguage('Доставили быстро, all good').language).toBe('ru');
  });

  it('reports the script and a confidence in [0, 1]', () => {
    const guess = detectLanguage('Die Lieferung kam zwei Tage zu spät');
    expect(guess).toMatchObject({ language: 'de', script: 'latin' });
    expect(guess.confidence).toBeGreaterThan(0.5);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  it('never reads Cyrillic with й, ь, я … or a sentence without ј, љ, њ … as Serbian', () => {
    expect(detectLanguage('Размер совсем не соответсвует таблице').language).toBe('ru');
    expect(detectLanguage('Разочарована, размер совсем не соответсвует таблице').language).toBe(
      'ru',
    );
  });
});
