import {
  type AnalysedLanguage,
  ANALYSED_LANGUAGES,
  type FeedbackAspect,
  type FeedbackAspectCode,
  type ReasonCode,
  type TextSentimentLabel,
} from '@returnlens/shared/contracts';
import { detectAspects } from './aspects';
import {
  combine,
  type CombinerWeights,
  combinerFeatures,
  type RuleCues,
  topClass,
} from './combiner';
import { detectLanguage, type LanguageGuess, type Script } from './detect-language';
import { emojiValence } from './emoji';
import { type CompiledPack, isAnalysed, packFor } from './languages/compiled';
import { type ClassProbabilities, loadedCombiner, modelNameFor, predictSentiment } from './model';
import { REASON_MIN_CONFIDENCE, reasonConfidence, type ReasonScore, scoreReasons } from './reasons';
import { labelOf, scoreSentiment, type SentimentDetail, writtenRating } from './sentiment';
import { type Tokenized, tokenize } from './tokenize';

/** Languages whose sentiment is read: by lexicons (AnalysedLanguage) or by a trained model. */
export type SentimentLanguage = AnalysedLanguage | 'es' | 'fr' | 'it';

export interface FeedbackAnalysis {
  /** ISO 639-1, or `und`. */
  readonly language: string;
  readonly languageConfidence: number;
  /**
   * The language the text was read as — by its lexicons, its trained model, or both (null when
   * none could: `unscored`).
   */
  readonly analysedAs: SentimentLanguage | null;
  /** In [-1, 1]; null when `unscored`. */
  readonly sentimentScore: number | null;
  readonly sentimentLabel: TextSentimentLabel;
  readonly aspects: readonly FeedbackAspect[];
}

export interface ReasonInference {
  /** The inferred reason; `other` when no reason reached {@link REASON_MIN_CONFIDENCE}. */
  readonly code: ReasonCode;
  /** In [0, 1]: the confidence of the best candidate (also when it fell below the threshold). */
  readonly confidence: number;
  readonly lowConfidence: boolean;
  /** The best candidate, even when `code` fell back to `other`. */
  readonly candidate: ReasonCode;
  readonly language: string;
  readonly languageConfidence: number;
}

export interface AnalyseOptions {
  /** A language the caller knows (a shop's market, a customer's locale); used when analysed. */
  readonly languageHint?: string | null;
}

const PACKS_BY_SCRIPT: Readonly<Partial<Record<Script, readonly AnalysedLanguage[]>>> = {
  latin: ['en', 'de', 'pl', 'pt'],
  cyrillic: ['ru'],
  hebrew: ['he'],
};

interface Routing {
  readonly guess: LanguageGuess;
  /** Packs to analyse with, primary first; empty when the language has no resources. */
  readonly packs: readonly CompiledPack[];
}

/** Latin-script words inside a Russian or Hebrew text are read with the English pack too. */
function withEnglish(language: AnalysedLanguage, text: Tokenized): CompiledPack[] {
  const packs = [packFor(language)];
  if (
    (language === 'ru' || language === 'he') &&
    text.tokens.some((t) => /^[a-z]/.test(t.folded))
  ) {
    packs.push(packFor('en'));
  }
  return packs;
}

function lexiconHits(pack: CompiledPack, text: Tokenized): number {
  return (
    pack.sentiment.bestMatches(text.tokens, 1).length +
    pack.aspects.bestMatches(text.tokens, 1).length +
    pack.reasons.bestMatches(text.tokens, 1).length
  );
}

function route(text: string, tokens: Tokenized, hint?: string | null): Routing {
  const guess = detectLanguage(text);
  const hinted = hint?.toLowerCase().slice(0, 2);
  if (hinted && isAnalysed(hinted)) return { guess, packs: withEnglish(hinted, tokens) };
  if (isAnalysed(guess.language)) return { guess, packs: withEnglish(guess.language, tokens) };
  if (guess.language !== 'und') return { guess, packs: [] };
  // Unsure: the pack of the text's script whose lexicons recognise the most words.
  const options = PACKS_BY_SCRIPT[guess.script] ?? [];
  let best: AnalysedLanguage | null = null;
  let bestHits = 0;
  for (const language of options) {
    const hits = lexiconHits(packFor(language), tokens);
    if (hits > bestHits || (hits === bestHits && hits > 0 && language === guess.candidate)) {
      best = language;
      bestHits = hits;
    }
  }
  return { guess, packs: best ? withEnglish(best, tokens) : [] };
}

function emojiOnly(text: Tokenized): boolean {
  return text.tokens.length > 0 && text.tokens.every((t) => t.kind !== 'word');
}

/** The three readings of a text's sentiment: the rules', the model's, and their ensemble. */
export interface SentimentReadings {
  readonly language: LanguageGuess;
  /** The language the rules or the model read the text as; null when neither could. */
  readonly analysedAs: SentimentLanguage | null;
  /** The rules' detail (null: no lexicon for the language). */
  readonly rules: SentimentDetail | null;
  readonly cues: RuleCues;
  /** The trained model's class probabilities (null: no model loaded for the language). */
  readonly model: ClassProbabilities | null;
  /** The combiner's class probabilities (null: no model or no combiner weights). */
  readonly ensemble: ClassProbabilities | null;
  readonly packs: readonly CompiledPack[];
  readonly tokens: Tokenized;
}

/** The language a trained model reads this text as: the hint's, the detected one, the lexicons'. */
function modelLanguage(
  guess: LanguageGuess,
  packs: readonly CompiledPack[],
  hint?: string | null,
): SentimentLanguage | null {
  const hinted = hint?.toLowerCase().slice(0, 2);
  const unsure = guess.language === 'und' ? guess.candidate : undefined;
  for (const language of [hinted, guess.language, packs[0]?.code, unsure]) {
    if (language && modelNameFor(language)) return language as SentimentLanguage;
  }
  return null;
}

function ruleCues(
  packs: readonly CompiledPack[],
  tokens: Tokenized,
  detail: SentimentDetail | null,
): RuleCues {
  let negation = false;
  let contrast = false;
  for (const pack of packs) {
    negation ||= pack.negators.bestMatches(tokens.tokens, 0).length > 0;
    contrast ||=
      pack.contrast.bestMatches(tokens.tokens, 0).length > 0 ||
      pack.concession.bestMatches(tokens.tokens, 0).length > 0;
  }
  let emoji = 0;
  for (const token of tokens.tokens) if (token.kind === 'emoji') emoji += emojiValence(token.raw);
  return {
    score: detail ? detail.score : null,
    negation,
    contrast,
    rating: tokens.stars ?? writtenRating(tokens.tokens),
    emoji,
  };
}

/**
 * The rules' reading, the trained model's and the combiner's (when the models are loaded, see
 * loadTextModels) — what {@link analyzeFeedback} decides from, and what the evaluation compares.
 */
export function readSentiment(text: string, options: AnalyseOptions = {}): SentimentReadings {
  const tokens = tokenize(text ?? '');
  const { guess, packs } = route(text ?? '', tokens, options.languageHint);
  const rules = packs.length ? scoreSentiment(packs, tokens) : null;
  const cues = ruleCues(packs, tokens, rules);
  const language = modelLanguage(guess, packs, options.languageHint);
  const model = language ? predictSentiment(language, text ?? '') : null;
  const weights = (loadedCombiner() as CombinerWeights | null)?.weights[language ?? ''];
  const combiner = loadedCombiner() as CombinerWeights | null;
  const ensemble =
    model && weights && combiner
      ? combine(weights, combinerFeatures(model, cues), combiner.classes)
      : null;
  return {
    language: guess,
    analysedAs: ensemble ? language : (packs[0]?.code ?? null),
    rules,
    cues,
    model,
    ensemble,
    packs,
    tokens,
  };
}

/**
 * Language, sentiment and aspects of a review or survey answer. Where a trained model reads
 * the language (models loaded), the sentiment is the rules' when they are confident and
 * otherwise the combiner's (model probabilities + the rules' cues); elsewhere the rules alone. Texts in a language with neither are `unscored` — the
 * product never pretends to read a language it has no resources for.
 */
export function analyzeFeedback(text: string, options: AnalyseOptions = {}): FeedbackAnalysis {
  const reading = readSentiment(text, options);
  const { tokens, packs, rules, ensemble } = reading;
  const base = {
    language: reading.language.language,
    languageConfidence: reading.language.confidence,
  };
  // Where the rules are confident (|score| ≥ 0.3: a sentiment word, phrase, emoji or written
  // rating they know) they decide; otherwise the combiner of model and cues. Chosen on the
  // tuning sets and the corpus dev split (docs/text-analysis.md, "The trained model").
  const rulesConfident = rules !== null && labelOf(rules.score) !== 'neutral';
  if (ensemble && !rulesConfident) {
    return {
      ...base,
      analysedAs: reading.analysedAs,
      sentimentScore: round(ensemble.positive - ensemble.negative),
      sentimentLabel: topClass(ensemble),
      aspects: rules ? detectAspects(packs, tokens, rules) : [],
    };
  }
  if (!rules) {
    if (emojiOnly(tokens)) {
      // Emoji read the same in every language.
      const detail = scoreSentiment([], tokens);
      return {
        ...base,
        analysedAs: null,
        sentimentScore: round(detail.score),
        sentimentLabel: detail.label,
        aspects: [],
      };
    }
    return {
      ...base,
      analysedAs: null,
      sentimentScore: null,
      sentimentLabel: 'unscored',
      aspects: [],
    };
  }
  return {
    ...base,
    analysedAs: packs[0].code,
    sentimentScore: round(rules.score),
    sentimentLabel: labelOf(rules.score),
    aspects: detectAspects(packs, tokens, rules),
  };
}

/**
 * The reason code of a claim's free text (docs/domain.md: multilingual keywords and stems),
 * with a confidence in [0, 1]. Below {@link REASON_MIN_CONFIDENCE} the code is `other` and
 * `lowConfidence` is set.
 */
export function inferReason(text: string, languageHint?: string | null): ReasonInference {
  const tokens = tokenize(text ?? '');
  const guess = detectLanguage(text ?? '');
  const hinted = languageHint?.toLowerCase().slice(0, 2);
  let languages: readonly AnalysedLanguage[];
  if (hinted && isAnalysed(hinted)) languages = [hinted];
  else if (isAnalysed(guess.language)) languages = [guess.language];
  else if (guess.language === 'und') languages = PACKS_BY_SCRIPT[guess.script] ?? [];
  else languages = [];
  let ranked: ReasonScore[] = [];
  for (const language of languages) {
    const packs = withEnglish(language, tokens);
    const scores = [
      ...packs.flatMap((pack) => scoreReasons(pack, tokens)),
      ...aspectEvidence(packs, tokens, text ?? ''),
    ];
    const merged = mergeScores(scores);
    if ((merged[0]?.score ?? 0) > (ranked[0]?.score ?? 0)) ranked = merged;
  }
  const confidence = round(reasonConfidence(ranked));
  const candidate = ranked[0]?.code ?? 'other';
  const low = confidence < REASON_MIN_CONFIDENCE;
  return {
    code: low ? 'other' : candidate,
    confidence,
    lowConfidence: low,
    candidate,
    language: guess.language,
    languageConfidence: guess.confidence,
  };
}

/**
 * What a claim text complains about is weak evidence of its reason when no cue names one:
 * a negative remark on quality points at a defect, on size at the wrong size, and so on.
 */
const ASPECT_REASONS: Readonly<
  Record<FeedbackAspectCode, { code: ReasonCode; weight: number; anyPolarity?: boolean }>
> = {
  quality: { code: 'product_defect', weight: 1 },
  size_fit: { code: 'wrong_size', weight: 1, anyPolarity: true },
  description_accuracy: { code: 'not_as_described', weight: 1 },
  delivery_speed: { code: 'late_delivery', weight: 1 },
  packaging: { code: 'damaged_in_transit', weight: 1 },
  price: { code: 'price_error', weight: 0.5 },
  customer_service: { code: 'slow_response', weight: 0.8 },
  installation_usage: { code: 'installation_help', weight: 0.8, anyPolarity: true },
};

function aspectEvidence(
  packs: readonly CompiledPack[],
  tokens: Tokenized,
  text: string,
): ReasonScore[] {
  const detail = scoreSentiment(packs, tokens);
  const question = /\?\s*$/.test(text);
  return detectAspects(packs, tokens, detail).flatMap((a) => {
    const rule = ASPECT_REASONS[a.aspect];
    if (!rule.anyPolarity && a.sentiment !== 'negative') return [];
    const code = a.aspect === 'installation_usage' && question ? 'usage_question' : rule.code;
    return [{ code, score: rule.weight, cues: [`aspect:${a.aspect}`] }];
  });
}

function mergeScores(scores: readonly ReasonScore[]): ReasonScore[] {
  const merged = new Map<ReasonCode, { score: number; cues: string[] }>();
  for (const s of scores) {
    const entry = merged.get(s.code) ?? { score: 0, cues: [] };
    entry.score += s.score;
    entry.cues.push(...s.cues);
    merged.set(s.code, entry);
  }
  return [...merged.entries()]
    .map(([code, v]) => ({ code, ...v }))
    .sort((a, b) => b.score - a.score);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Every language with lexicons. */
export const SUPPORTED_TEXT_LANGUAGES: readonly AnalysedLanguage[] = ANALYSED_LANGUAGES;
