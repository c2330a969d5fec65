import { type ClassProbabilities, MODEL_CLASSES } from './model';

/**
 * The ensemble's combiner: a multinomial logistic regression over the model's class
 * probabilities and the rules' cues, one weight matrix per language, trained by
 * tools/text-model on the corpus's `combiner` split and shipped as
 * libs/shared/text/models/combiner.json. At run time it is a dot product and a softmax.
 */
export const COMBINER_FEATURES = [
  'bias',
  'model_positive',
  'model_negative',
  'model_log_odds_positive',
  'model_log_odds_negative',
  'rules_score',
  'rules_scored',
  'rules_label',
  'negation',
  'contrast',
  'rating',
  'rating_written',
  'emoji',
] as const;

/** What the rules saw in a text (all zero/false/null for a language without lexicons). */
export interface RuleCues {
  /** The rules' score in [-1, 1], or null when no lexicon read the text. */
  readonly score: number | null;
  /** A negator occurs (`not`, `не`, `nie`, `לא`, …). */
  readonly negation: boolean;
  /** A contrast or concession word occurs (`but`, `но`, `aber`, `although`, …). */
  readonly contrast: boolean;
  /** A star rating typed in the text (1–5), or null. */
  readonly rating: number | null;
  /** Summed valence of the emoji and emoticons. */
  readonly emoji: number;
}

export interface CombinerWeights {
  readonly classes: readonly string[];
  readonly features: readonly string[];
  /** Per language: one row of weights per class (in `classes` order), one column per feature. */
  readonly weights: Readonly<Record<string, readonly (readonly number[])[]>>;
}

/** Rules' scores at or beyond ±0.3 are their confident labels (labelOf in sentiment.ts). */
const RULES_LABEL_FROM = 0.3;

function logOdds(p: number, q: number): number {
  const value = Math.log(Math.max(p, 1e-6) / Math.max(q, 1e-6)) / 10;
  return Math.max(-1.5, Math.min(1.5, value));
}

/** The feature vector of {@link COMBINER_FEATURES} for one text. */
export function combinerFeatures(model: ClassProbabilities, cues: RuleCues): number[] {
  const score = cues.score ?? 0;
  return [
    1,
    model.positive,
    model.negative,
    logOdds(model.positive, model.neutral),
    logOdds(model.negative, model.neutral),
    score,
    cues.score === null ? 0 : 1,
    score >= RULES_LABEL_FROM ? 1 : score <= -RULES_LABEL_FROM ? -1 : 0,
    cues.negation ? 1 : 0,
    cues.contrast ? 1 : 0,
    cues.rating === null ? 0 : (cues.rating - 3) / 2,
    cues.rating === null ? 0 : 1,
    Math.tanh(cues.emoji / 2),
  ];
}

/** Softmax of the class scores `weights · features`, as negative / neutral / positive. */
export function combine(
  weights: readonly (readonly number[])[],
  features: readonly number[],
  classes: readonly string[] = MODEL_CLASSES,
): ClassProbabilities {
  const logits = weights.map((row) => row.reduce((sum, w, i) => sum + w * (features[i] ?? 0), 0));
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const total = exps.reduce((a, b) => a + b, 0);
  const out = { negative: 0, neutral: 0, positive: 0 };
  classes.forEach((c, i) => {
    if (c in out) out[c as keyof typeof out] = exps[i] / total;
  });
  return out;
}

/** The class with the highest probability (ties: neutral, then negative). */
export function topClass(p: ClassProbabilities): 'negative' | 'neutral' | 'positive' {
  if (p.neutral >= p.positive && p.neutral >= p.negative) return 'neutral';
  return p.positive > p.negative ? 'positive' : 'negative';
}

/**
 * Fits the weights of one language by full-batch gradient descent on the cross-entropy with
 * an L2 penalty (not on the bias), from zero: deterministic. `labels` index `classes`. With
 * `balanced`, each class weighs as much as the others in the loss (a text of a class with
 * n of N texts counts N / (k·n)), so a corpus that is mostly neutral does not teach the
 * combiner to answer neutral on the positive and negative texts that matter most.
 */
export function fitCombiner(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: {
    classes?: number;
    iterations?: number;
    rate?: number;
    l2?: number;
    balanced?: boolean;
  } = {},
): number[][] {
  const k = options.classes ?? MODEL_CLASSES.length;
  const d = rows[0]?.length ?? COMBINER_FEATURES.length;
  const iterations = options.iterations ?? 3000;
  const rate = options.rate ?? 0.5;
  const l2 = options.l2 ?? 0.003;
  const w = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const n = rows.length || 1;
  const perClass = new Array<number>(k).fill(0);
  for (const label of labels) perClass[label]++;
  const present = perClass.filter((c) => c > 0).length || 1;
  const sampleWeight = (label: number) =>
    options.balanced ? n / (present * Math.max(1, perClass[label])) : 1;
  for (let it = 0; it < iterations; it++) {
    const grad = Array.from({ length: k }, () => new Array<number>(d).fill(0));
    rows.forEach((x, r) => {
      const logits = w.map((row) => row.reduce((s, v, i) => s + v * x[i], 0));
      const max = Math.max(...logits);
      const exps = logits.map((z) => Math.exp(z - max));
      const total = exps.reduce((a, b) => a + b, 0);
      for (let c = 0; c < k; c++) {
        const g = (exps[c] / total - (labels[r] === c ? 1 : 0)) * sampleWeight(labels[r]);
        for (let i = 0; i < d; i++) grad[c][i] += g * x[i];
      }
    });
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < d; i++) {
        w[c][i] -= rate * (grad[c][i] / n + (i === 0 ? 0 : l2 * w[c][i]));
      }
    }
  }
  return w;
}
