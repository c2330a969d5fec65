import {
  type AnalysedLanguage,
  ANALYSED_LANGUAGES,
  type FeedbackAspect,
  type FeedbackAspectCode,
  type ReasonCode,
  type TextSentimentLabel,
} from '@returnlens/shared/contracts';
import { detectAspects } from './aspects';
import { detectLanguage, type LanguageGuess, type Script } from './detect-language';
import { type CompiledPack, isAnalysed, packFor } from './languages/compiled';
import { REASON_MIN_CONFIDENCE, reasonConfidence, type ReasonScore, scoreReasons } from './reasons';
import { labelOf, scoreSentiment } from './sentiment';
import { type Tokenized, tokenize } from './tokenize';

export interface FeedbackAnalysis {
  /** ISO 639-1, or `und`. */
  readonly language: string;
  readonly languageConfidence: number;
  /** The language whose lexicons scored the text (null when none could: `unscored`). */
  readonly analysedAs: AnalysedLanguage | null;
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

/**
 * Language, sentiment and aspects of a review or survey answer. Texts in a language without
 * lexicons are `unscored` — the product never pretends to read a language it has no resources for.
 */
export function analyzeFeedback(text: string, options: AnalyseOptions = {}): FeedbackAnalysis {
  const tokens = tokenize(text ?? '');
  const { guess, packs } = route(text ?? '', tokens, options.languageHint);
  const base = { language: guess.language, languageConfidence: guess.confidence };
  if (!packs.length) {
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
  const detail = scoreSentiment(packs, tokens);
  const score = detail.score;
  return {
    ...base,
    analysedAs: packs[0].code,
    sentimentScore: round(score),
    sentimentLabel: labelOf(score),
    aspects: detectAspects(packs, tokens, detail),
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
