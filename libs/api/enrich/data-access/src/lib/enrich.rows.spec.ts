import {
  analyseTexts,
  claimTextValues,
  feedbackTextValues,
  TextCache,
  type TextValues,
} from './enrich.rows';

describe('claimTextValues', () => {
  it('stores a confident inference with its language', () => {
    const values = claimTextValues('Zu klein, bitte eine Nummer größer');
    expect(values).toMatchObject({ code: 'wrong_size', language: 'de' });
    expect(values.confidence).toBeGreaterThanOrEqual(0.4);
  });

  it('stores no code below the threshold, but marks the text analysed', () => {
    expect(claimTextValues('Please call me back')).toEqual({
      code: null,
      confidence: null,
      language: 'en',
    });
  });
});

describe('feedbackTextValues', () => {
  it('scores the text and keeps aspects as JSON', () => {
    const values = feedbackTextValues('Schnelle Lieferung, aber die Qualität ist miserabel', null);
    expect(values.language).toBe('de');
    expect(values.label).toBe('negative');
    expect(JSON.parse(values.aspects ?? '[]')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ aspect: 'delivery_speed', sentiment: 'positive' }),
      ]),
    );
  });

  it('prefers the language the file stated, normalised', () => {
    expect(feedbackTextValues('Top', 'de-AT')).toMatchObject({ language: 'de', label: 'positive' });
  });

  it('leaves languages without lexicons unscored while the trained models are not loaded', () => {
    expect(feedbackTextValues('Très déçue, le colis est arrivé abîmé', null)).toEqual({
      language: 'fr',
      score: null,
      label: null,
      aspects: null,
    });
  });
});

describe('TextCache', () => {
  it('computes each distinct text once', () => {
    const cache = new TextCache<number>(2);
    let calls = 0;
    const f = () => ++calls;
    cache.get('a', f);
    cache.get('a', f);
    cache.get('b', f);
    expect(calls).toBe(2);
    expect(cache.hits).toBe(1);
  });
});

describe('analyseTexts', () => {
  it('gives each text the values of the single-text functions, each distinct text analysed once', () => {
    const cache = new TextCache<TextValues>();
    const rows = [
      { text: 'Top', stated_language: 'German' },
      { text: 'Top', stated_language: null },
      { text: 'Top', stated_language: 'German' },
    ];
    expect(analyseTexts('feedback', rows, cache)).toEqual([
      feedbackTextValues('Top', 'German'),
      feedbackTextValues('Top', null),
      feedbackTextValues('Top', 'German'),
    ]);
    expect(cache.misses).toBe(2);
    const claims = new TextCache<TextValues>();
    const text = 'Too small, I need a bigger size';
    expect(analyseTexts('claims', [{ text }, { text }], claims)).toEqual([
      claimTextValues(text),
      claimTextValues(text),
    ]);
    expect(claims.misses).toBe(1);
  });
});
