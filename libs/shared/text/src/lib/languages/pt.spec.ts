import { analyzeFeedback, inferReason } from '../analyze';
import { detectLanguage } from '../detect-language';

describe('Portuguese (pt)', () => {
  it.each([
    ['O carregador parou de funcionar depois de uma semana', 'pt'],
    ['Cor linda, veste muito bem', 'pt'],
  ])('detects the language of %s', (text, language) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    ['Simplesmente perfeito, as crianças amaram', 'positive'],
    ['Razoável, nada de especial', 'neutral'],
    ['Mal feito, quebrou no primeiro dia', 'negative'],
    ['Nada mal', 'positive'],
    ['Não recomendo, dinheiro jogado fora', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('pt');
    expect(result.sentimentLabel).toBe(label);
    expect(result.sentimentScore).toBeGreaterThanOrEqual(-1);
    expect(result.sentimentScore).toBeLessThanOrEqual(1);
  });

  it('gives each aspect the sentiment of its own clause', () => {
    const { aspects } = analyzeFeedback('Entrega rápida, mas a qualidade do tecido é péssima');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['A alça soltou, produto com defeito', 'product_defect'],
    ['Fui cobrado duas vezes pelo mesmo pedido', 'price_error'],
    ['Olá, vocês abrem no sábado?', 'other'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    if (code === 'other') expect(result.lowConfidence).toBe(true);
    else expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.language).toBe('pt');
  });
});

describe('Portuguese (pt): other forms, typos, idioms and written ratings', () => {
  it('detects the language of a text with a typo', () => {
    expect(detectLanguage('O tamanho não bate com a tabela').language).toBe('pt');
  });

  it.each([
    ['Decepcionante, dinheiro jogado fora', 'negative'],
    ['Lindíssimo, amei', 'positive'],
    ['Desconfortável demais', 'negative'],
    ['A cor é um pouco diferente, nada grave', 'neutral'],
    ['Cinco estrelas!', 'positive'],
    ['Muito ruim, não recomendo', 'negative'],
  ])('reads the sentiment of %s as %s', (text, label) => {
    const result = analyzeFeedback(text);
    expect(result.analysedAs).toBe('pt');
    expect(result.sentimentLabel).toBe(label);
  });

  it('gives the clause after the contrast its own sentiment', () => {
    const { aspects } = analyzeFeedback('A entrega foi rápida, mas a qualidade é péssima');
    const byAspect = Object.fromEntries(aspects.map((a) => [a.aspect, a.sentiment]));
    expect(byAspect).toMatchObject({ delivery_speed: 'positive', quality: 'negative' });
  });

  it.each([
    ['O ferro parou de esquentar', 'product_defect'],
    ['Faltaram os parafusos', 'missing_parts'],
    ['O cupom de desconto não funcionou', 'promo_terms_unclear'],
  ])('infers the reason of %s as %s', (text, code) => {
    const result = inferReason(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
  });
});
