import { fnv1a, normaliseForModel } from './model-text';

/**
 * Models a shop learns from its own labelled texts (docs/text-analysis.md, "What the shop's
 * own data teaches"): star-rated reviews teach sentiment, claims with a stated reason teach
 * reasons. Each is a multinomial logistic regression over hashed text features (words, word
 * pairs, letter groups inside words) plus a few dense "prior" features — what the shipped
 * analysis said about the same text — so the adapted model starts from the base one and learns
 * the shop's own words. Trained in-process by stochastic gradient descent (a few thousand texts
 * train in well under a second), validated by k-fold cross-validation on the same labelled
 * texts, and used only when it beats the base on them ({@link adaptationGate}).
 */

/** Hashed feature buckets (2^16): 3 classes × 65,536 weights × 4 bytes ≈ 0.8 MB per model. */
export const ADAPT_BUCKETS = 1 << 16;
/** Dense prior features follow the hashed buckets. */
export const ADAPT_MAX_PRIORS = 8;

export interface SparseFeatures {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

export interface LinearModel {
  readonly classes: readonly string[];
  readonly dim: number;
  /** `classes.length × dim` weights, class-major. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

const bucket = (key: string) => fnv1a(key) % ADAPT_BUCKETS;

/**
 * The features of one text: counts of hashed words, adjacent word pairs and letter groups of
 * 3–4 inside each word (so `сломался`/`сломалась` and `zepsuty`/`zepsuta` share most of
 * theirs), scaled to unit length; then each of `keys` as an indicator of weight 1, and `priors`
 * (each in [-1, 1]) at fixed positions.
 */
export function textFeatures(
  text: string,
  priors: readonly number[] = [],
  /** Further hashed indicators (e.g. the base analysis's reason code). */
  keys: readonly string[] = [],
): SparseFeatures {
  const words = normaliseForModel(text).split(' ').filter(Boolean);
  const counts = new Map<number, number>();
  const add = (key: string) => {
    const b = bucket(key);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  words.forEach((word, i) => {
    add(`w ${word}`);
    if (i > 0) add(`b ${words[i - 1]} ${word}`);
    if (word.length >= 4) {
      const padded = `<${word}>`;
      for (let n = 3; n <= 4; n++)
        for (let s = 0; s + n <= padded.length; s++) add(`c ${padded.slice(s, s + n)}`);
    }
  });
  let norm = 0;
  for (const c of counts.values()) norm += c * c;
  norm = Math.sqrt(norm) || 1;
  const size = counts.size + keys.length + Math.min(priors.length, ADAPT_MAX_PRIORS);
  const index = new Int32Array(size);
  const value = new Float32Array(size);
  let k = 0;
  for (const [b, c] of counts) {
    index[k] = b;
    value[k++] = c / norm;
  }
  // Indicators at full strength, beside the text's own words (not diluted by its length).
  for (const key of keys) {
    index[k] = bucket(`k ${key}`);
    value[k++] = 1;
  }
  priors.slice(0, ADAPT_MAX_PRIORS).forEach((p, i) => {
    index[k] = ADAPT_BUCKETS + i;
    value[k++] = p;
  });
  return { index, value };
}

/** A small deterministic generator (mulberry32), so training and folds repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  readonly epochs?: number;
  readonly rate?: number;
  readonly l2?: number;
  /** Weigh each class by the inverse of its frequency (macro-F1 values every class alike). */
  readonly balanced?: boolean;
  readonly seed?: number;
}

/** Class probabilities of `x` (softmax of the class scores). */
export function predictLinear(model: LinearModel, x: SparseFeatures): Float64Array {
  const k = model.classes.length;
  const out = new Float64Array(k);
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let z = model.bias[c];
    const row = c * model.dim;
    for (let j = 0; j < x.index.length; j++) z += model.weights[row + x.index[j]] * x.value[j];
    out[c] = z;
    if (z > max) max = z;
  }
  let total = 0;
  for (let c = 0; c < k; c++) total += out[c] = Math.exp(out[c] - max);
  for (let c = 0; c < k; c++) out[c] /= total;
  return out;
}

/**
 * A multinomial logistic regression fitted by stochastic gradient descent: `epochs` shuffled
 * passes, a step that decays with the pass, L2 shrinkage applied to the weights a text touches.
 */
export function trainLinear(
  examples: readonly { readonly x: SparseFeatures; readonly y: number }[],
  classes: readonly string[],
  options: TrainOptions = {},
): LinearModel {
  const k = classes.length;
  const dim = ADAPT_BUCKETS + ADAPT_MAX_PRIORS;
  const model: LinearModel = {
    classes,
    dim,
    weights: new Float32Array(k * dim),
    bias: new Float32Array(k),
  };
  const epochs = options.epochs ?? 10;
  const rate = options.rate ?? 0.5;
  const l2 = options.l2 ?? 1e-5;
  const random = seededRandom(options.seed ?? 1);
  const perClass = new Array<number>(k).fill(0);
  for (const e of examples) perClass[e.y]++;
  const present = perClass.filter((n) => n > 0).length || 1;
  const weightOf = (y: number) =>
    options.balanced === false ? 1 : examples.length / (present * Math.max(1, perClass[y]));
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const step = rate / (1 + epoch);
    for (const i of order) {
      const { x, y } = examples[i];
      const p = predictLinear(model, x);
      const w = weightOf(y);
      for (let c = 0; c < k; c++) {
        const g = (p[c] - (c === y ? 1 : 0)) * w * step;
        model.bias[c] -= g;
        const row = c * dim;
        for (let j = 0; j < x.index.length; j++) {
          const at = row + x.index[j];
          model.weights[at] -= g * x.value[j] + step * l2 * model.weights[at];
        }
      }
    }
  }
  return model;
}

/** The index of the largest value. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Out-of-fold predictions: the examples dealt into `folds` folds (by a seeded shuffle), each
 * fold predicted by a model trained on the others. Every example is predicted by a model that
 * never saw it.
 */
export function crossValidate(
  examples: readonly { readonly x: SparseFeatures; readonly y: number }[],
  classes: readonly string[],
  folds = 5,
  options: TrainOptions = {},
  /** Examples with the same group share a fold (the same text never trains its own check). */
  groups?: readonly number[],
): Float64Array[] {
  const random = seededRandom((options.seed ?? 1) + 7919);
  const fold = examples.map((_, i) => (groups ? groups[i] % folds : Math.floor(random() * folds)));
  const out: Float64Array[] = new Array(examples.length);
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    if (train.length === 0) continue;
    const model = trainLinear(train, classes, options);
    examples.forEach((e, i) => {
      if (fold[i] === f) out[i] = predictLinear(model, e.x);
    });
  }
  return out;
}

/** Macro-F1 over `classes`: a prediction outside them (null, "neutral", …) is a miss. */
export function macroF1(
  gold: readonly string[],
  predicted: readonly (string | null)[],
  classes: readonly string[],
): number {
  if (classes.length === 0) return 0;
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (g === c && p === c) tp++;
      else {
        if (p === c) fp++;
        if (g === c) fn++;
      }
    });
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / classes.length;
}

/**
 * Binary macro-F1, positive against negative: only texts whose gold label is one of them
 * count; a neutral or missing answer on them is a miss.
 */
export function binaryMacroF1(
  gold: readonly string[],
  predicted: readonly (string | null)[],
): number {
  const keep = gold
    .map((g, i) => i)
    .filter((i) => gold[i] === 'positive' || gold[i] === 'negative');
  return macroF1(
    keep.map((i) => gold[i]),
    keep.map((i) => predicted[i]),
    ['negative', 'positive'],
  );
}

/** The share of `gold` labels predicted exactly (null when there are none). */
export function agreement(
  gold: readonly string[],
  predicted: readonly (string | null)[],
): number | null {
  if (gold.length === 0) return null;
  return gold.filter((g, i) => predicted[i] === g).length / gold.length;
}

export interface GateInput {
  /** Labelled texts the models were compared on. */
  readonly examples: number;
  /** The adapted model's cross-validated score (out-of-fold). */
  readonly adapted: number;
  /** The base analysis's score on the same texts. */
  readonly base: number;
  /** Fewest labelled texts to adapt from. */
  readonly minExamples: number;
  /** How much better the adapted model must be (default 0.01). */
  readonly margin?: number;
}

export interface GateDecision {
  readonly use: boolean;
  readonly why: string;
}

/**
 * Whether a shop's adapted model labels its texts: only with enough labelled texts, and only
 * when its cross-validated score beats the base analysis's on the same texts by the margin.
 * An adapted model that does worse (or no better) is not used.
 */
export function adaptationGate(input: GateInput): GateDecision {
  const margin = input.margin ?? 0.01;
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  if (input.examples < input.minExamples)
    return {
      use: false,
      why: `${input.examples} labelled texts, fewer than the ${input.minExamples} needed`,
    };
  if (!(input.adapted >= input.base + margin))
    return {
      use: false,
      why: `adapted ${pct(input.adapted)} does not beat the base ${pct(input.base)} by ${pct(margin)}`,
    };
  return { use: true, why: `adapted ${pct(input.adapted)} beats the base ${pct(input.base)}` };
}

/** A model as bytes for storage (weights then biases, little-endian float32). */
export function packModel(model: LinearModel): Buffer {
  const out = Buffer.alloc((model.weights.length + model.bias.length) * 4);
  Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).copy(
    out,
    0,
  );
  Buffer.from(model.bias.buffer, model.bias.byteOffset, model.bias.byteLength).copy(
    out,
    model.weights.byteLength,
  );
  return out;
}

/** The model {@link packModel} stored. */
export function unpackModel(bytes: Uint8Array, classes: readonly string[]): LinearModel {
  const dim = ADAPT_BUCKETS + ADAPT_MAX_PRIORS;
  const k = classes.length;
  const expected = (k * dim + k) * 4;
  if (bytes.byteLength !== expected)
    throw new Error(
      `A stored model of ${k} classes has ${expected} bytes, not ${bytes.byteLength}`,
    );
  const copy = new Uint8Array(bytes); // aligned
  const floats = new Float32Array(copy.buffer, copy.byteOffset, k * dim + k);
  return { classes, dim, weights: floats.slice(0, k * dim), bias: floats.slice(k * dim) };
}

/** The sentiment classes an adapted model learns (stars 1–2, 3, 4–5). */
export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;

/** The class of a 1–5 star rating. */
export function ratingClass(rating: number): (typeof SENTIMENT_CLASSES)[number] {
  return rating <= 2 ? 'negative' : rating >= 4 ? 'positive' : 'neutral';
}

/**
 * What the base analysis said about a text, as prior features of an adapted sentiment model:
 * its score, its label (one-hot) and whether it scored the text at all.
 */
export function sentimentPriors(score: number | null, label: string | null): number[] {
  return [
    score ?? 0,
    label === 'negative' ? 1 : 0,
    label === 'neutral' ? 1 : 0,
    label === 'positive' ? 1 : 0,
    score === null ? 0 : 1,
  ];
}

/**
 * What the base reason cues said about a claim's text: the confidence of their reason, one
 * hashed indicator of which reason it was (so the model can learn when the cues are right).
 */
export function reasonPriors(code: string | null, confidence: number | null): number[] {
  return [code ? (confidence ?? 0) : 0, code ? 1 : 0];
}

/** A labelled text as an adapted model learns it. */
export interface LabelledText {
  readonly text: string;
  readonly priors: readonly number[];
  readonly keys?: readonly string[];
  /** Index into the classes. */
  readonly y: number;
}

export interface FittedModel {
  /** Each text's class as predicted by the fold that did not see it. */
  readonly outOfFold: number[];
  /** The model trained on every text. */
  readonly model: LinearModel;
}

/** Cross-validated predictions and the final model of one shop's labelled texts. */
export function fitAdapted(
  texts: readonly LabelledText[],
  classes: readonly string[],
  folds = 5,
  options: TrainOptions = {},
): FittedModel {
  const examples = texts.map((t) => ({ x: textFeatures(t.text, t.priors, t.keys), y: t.y }));
  // Folds by the text itself: a text sent twice (a template, "Great!") is checked by a
  // model that saw neither copy.
  const groups = texts.map((t) => fnv1a(normaliseForModel(t.text)));
  const predicted = crossValidate(examples, classes, folds, options, groups);
  return {
    outOfFold: predicted.map((p) => (p ? argmax(p) : -1)),
    model: trainLinear(examples, classes, options),
  };
}
