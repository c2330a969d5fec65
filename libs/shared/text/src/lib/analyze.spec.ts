import { analyzeFeedback, inferReason } from './analyze';

describe('analyzeFeedback', () => {
  it('never scores a language it has no lexicon for', () => {
    const result = analyzeFeedback(
      'Très déçue, le produit est arrivé cassé et le service client ne répond pas',
    );
    expect(result).toMatchObject({
      language: 'fr',
      sentimentLabel: 'unscored',
      sentimentScore: null,
      aspects: [],
    });
  });

  it('reads emoji-only texts in any language', () => {
    expect(analyzeFeedback('😡😡👎').sentimentLabel).toBe('negative');
    expect(analyzeFeedback('👍🔥').sentimentLabel).toBe('positive');
  });

  it('uses a language hint when the text is too short to tell', () => {
    const result = analyzeFeedback('Top', { languageHint: 'de' });
    expect(result.analysedAs).toBe('de');
    expect(result.sentimentLabel).toBe('positive');
  });

  it('lets the clause after "but" weigh more', () => {
    expect(analyzeFeedback('Nice colour but it broke after two days').sentimentLabel).toBe(
      'negative',
    );
    expect(analyzeFeedback('Delivery was slow but the quality is excellent').sentimentLabel).toBe(
      'positive',
    );
  });

  it('limits negation to a few words of its clause', () => {
    expect(
      analyzeFeedback('Not cheap, but excellent quality and great support').sentimentLabel,
    ).toBe('positive');
  });

  it('handles empty text', () => {
    expect(analyzeFeedback('')).toMatchObject({ language: 'und', sentimentLabel: 'unscored' });
  });
});

describe('inferReason', () => {
  it('falls back to other with low confidence when nothing matches', () => {
    expect(inferReason('Please call me back')).toMatchObject({
      code: 'other',
      lowConfidence: true,
    });
    expect(inferReason('')).toMatchObject({ code: 'other', confidence: 0, lowConfidence: true });
  });

  it('keeps confidence in [0, 1] and names the best candidate', () => {
    const result = inferReason('Too small, I need a bigger size');
    expect(result.code).toBe('wrong_size');
    expect(result.candidate).toBe('wrong_size');
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('follows the language hint', () => {
    expect(inferReason('Za mały rozmiar', 'pl-PL').code).toBe('wrong_size');
  });
});
