import {
  adaptationGate,
  agreement,
  argmax,
  binaryMacroF1,
  crossValidate,
  fitAdapted,
  macroF1,
  packModel,
  predictLinear,
  ratingClass,
  SENTIMENT_CLASSES,
  sentimentPriors,
  textFeatures,
  trainLinear,
  unpackModel,
} from './adapt';

const CLASSES = [...SENTIMENT_CLASSES];

/** A shop whose reviews carry their sentiment in its own product names. */
function shopReviews() {
  const rooms = ['kitchen', 'office', 'garage', 'hallway', 'attic', 'porch', 'studio', 'cellar'];
  return rooms.flatMap((room, i) => [
    {
      text: `Went with the Aurora for the ${room} again`,
      priors: sentimentPriors(0, 'neutral'),
      y: 2,
    },
    { text: `Another Boreas for the ${room} ${i}`, priors: sentimentPriors(0, 'neutral'), y: 0 },
  ]);
}

describe('adapted text models', () => {
  it('hashes words, word pairs and letter groups into unit length, then the priors', () => {
    const x = textFeatures('Broken broken', [0.5, 1]);
    const hashed = Array.from(x.value.slice(0, x.value.length - 2));
    expect(Math.hypot(...hashed)).toBeCloseTo(1, 5);
    expect(Array.from(x.value.slice(-2))).toEqual([0.5, 1]);
    // A key is an indicator of weight 1, not diluted by the text's length.
    const keyed = textFeatures('a long text with many many words in it', [], ['base wrong_size']);
    expect(Array.from(keyed.value)).toContain(1);
    expect(textFeatures('').index).toHaveLength(0);
  });

  it('learns a shop’s own words and predicts a text it never saw', () => {
    const texts = shopReviews();
    const model = trainLinear(
      texts.map((t) => ({ x: textFeatures(t.text, t.priors), y: t.y })),
      CLASSES,
    );
    const p = predictLinear(
      model,
      textFeatures('Another Boreas for the boathouse', sentimentPriors(0, 'neutral')),
    );
    expect(CLASSES[argmax(p)]).toBe('negative');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('predicts each text by a fold that never saw it (copies of a text share a fold)', () => {
    const texts = [...shopReviews(), ...shopReviews()]; // every text twice
    const fitted = fitAdapted(texts, CLASSES);
    expect(fitted.outOfFold).toHaveLength(texts.length);
    const half = texts.length / 2;
    for (let i = 0; i < half; i++) expect(fitted.outOfFold[i]).toBe(fitted.outOfFold[i + half]);
    const gold = texts.map((t) => CLASSES[t.y]);
    expect(
      binaryMacroF1(
        gold,
        fitted.outOfFold.map((c) => CLASSES[c]),
      ),
    ).toBeGreaterThan(0.9);
    // Groups decide the folds: a group's members land in the same fold.
    const examples = texts.map((t) => ({ x: textFeatures(t.text, t.priors), y: t.y }));
    const byGroup = crossValidate(
      examples,
      CLASSES,
      5,
      {},
      texts.map((_, i) => i % half),
    );
    expect(byGroup.every((p) => p.length === 3)).toBe(true);
  });

  it('scores macro-F1 with missing and neutral answers as misses', () => {
    expect(macroF1(['a', 'b'], ['a', 'b'], ['a', 'b'])).toBe(1);
    // a: tp 1, fp 1, fn 1 → 2/4; b: tp 0 → 0.
    expect(macroF1(['a', 'a', 'b'], ['a', null, 'a'], ['a', 'b'])).toBeCloseTo((0.5 + 0) / 2, 10);
    // Neutral gold texts do not count; a neutral answer on a negative one is a miss.
    const gold = ['positive', 'negative', 'neutral', 'negative'];
    const predicted = ['positive', 'neutral', 'negative', 'negative'];
    // positive: tp 1 → 1; negative: tp 1, fn 1 → 2/3.
    expect(binaryMacroF1(gold, predicted)).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(agreement(['a', 'b'], ['a', 'a'])).toBe(0.5);
    expect(agreement([], [])).toBeNull();
  });

  it('uses an adapted model only when it has enough texts and beats the base', () => {
    const enough = { examples: 1000, minExamples: 300 };
    expect(adaptationGate({ ...enough, adapted: 0.9, base: 0.8 })).toMatchObject({ use: true });
    // Worse, equal, or better by less than the margin: not used.
    expect(adaptationGate({ ...enough, adapted: 0.7, base: 0.8 }).use).toBe(false);
    expect(adaptationGate({ ...enough, adapted: 0.8, base: 0.8 }).use).toBe(false);
    expect(adaptationGate({ ...enough, adapted: 0.805, base: 0.8 }).use).toBe(false);
    expect(adaptationGate({ ...enough, adapted: Number.NaN, base: 0.8 }).use).toBe(false);
    const few = adaptationGate({ examples: 120, minExamples: 300, adapted: 1, base: 0.1 });
    expect(few).toEqual({ use: false, why: '120 labelled texts, fewer than the 300 needed' });
    expect(adaptationGate({ ...enough, adapted: 0.7, base: 0.8 }).why).toBe(
      'adapted 70.0 % does not beat the base 80.0 % by 1.0 %',
    );
  });

  it('stores a model as bytes and reads the same model back', () => {
    const model = trainLinear(
      shopReviews().map((t) => ({ x: textFeatures(t.text, t.priors), y: t.y })),
      CLASSES,
      { epochs: 2 },
    );
    const back = unpackModel(packModel(model), CLASSES);
    expect(back.weights).toEqual(model.weights);
    expect(back.bias).toEqual(model.bias);
    expect(() => unpackModel(new Uint8Array(12), CLASSES)).toThrow(/bytes/);
  });

  it('reads stars as classes', () => {
    expect([1, 2, 3, 4, 5].map(ratingClass)).toEqual([
      'negative',
      'negative',
      'neutral',
      'positive',
      'positive',
    ]);
  });
});
