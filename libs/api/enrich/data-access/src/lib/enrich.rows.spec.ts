import { claimTextValues, feedbackTextValues, TextCache } from './enrich.rows';

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

  it('leaves languages without lexicons unscored', () => {
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
