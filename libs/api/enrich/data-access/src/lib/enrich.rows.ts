import { LRUCache } from 'lru-cache';
import { analyzeFeedback, inferReason, normalizeLanguageTag } from '@returnlens/shared/text';

/** What a claim's free text adds to the claim. */
export interface ClaimTextValues {
  /** Null when no reason reached the lib's confidence threshold (the claim stays `none`/stated). */
  readonly code: string | null;
  readonly confidence: number | null;
  /** ISO 639-1 or `und`; set for every analysed text, so it also marks a claim as analysed. */
  readonly language: string;
}

/** What a review's text adds to it. */
export interface FeedbackTextValues {
  /** The stated language when the file gave a usable one, else the detected one (or `und`). */
  readonly language: string;
  /** Null when the language has no lexicons (`unscored`): never a pretend score. */
  readonly score: number | null;
  readonly label: 'negative' | 'neutral' | 'positive' | null;
  /** JSON array of {aspect, sentiment, score}, or null when unscored. */
  readonly aspects: string | null;
}

export function claimTextValues(text: string): ClaimTextValues {
  const inference = inferReason(text);
  return {
    code: inference.lowConfidence ? null : inference.code,
    confidence: inference.lowConfidence ? null : inference.confidence,
    language: inference.language,
  };
}

export function feedbackTextValues(
  text: string,
  statedLanguage: string | null,
): FeedbackTextValues {
  const stated = normalizeLanguageTag(statedLanguage);
  const analysis = analyzeFeedback(text, { languageHint: stated });
  const scored = analysis.sentimentLabel !== 'unscored';
  return {
    language: stated ?? analysis.language,
    score: scored ? analysis.sentimentScore : null,
    label: scored ? (analysis.sentimentLabel as FeedbackTextValues['label']) : null,
    aspects: scored ? JSON.stringify(analysis.aspects) : null,
  };
}

/**
 * Texts repeat a lot (templates, "Too small", a generator's phrases): each distinct text is
 * analysed once per run. Bounded (the least recently used text goes first), so a multi-GB
 * file keeps memory flat.
 */
export class TextCache<T extends NonNullable<unknown>> {
  private readonly cache: LRUCache<string, T>;
  hits = 0;
  misses = 0;

  constructor(limit = 50_000) {
    this.cache = new LRUCache({ max: limit });
  }

  get(key: string, compute: () => T): T {
    const found = this.cache.get(key);
    if (found !== undefined) {
      this.hits++;
      return found;
    }
    this.misses++;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }
}

/** A text to analyse: a claim's reason text, or a review's text with its stated language. */
export interface TextInput {
  readonly text: string;
  readonly stated_language?: string | null;
}

export type TextValues = ClaimTextValues | FeedbackTextValues;

/**
 * The values of each text, in order: the one function every path uses (inline in a batch,
 * the background worker, `reanalyze`), so they all give the same values.
 */
export function analyseTexts(
  kind: 'claims' | 'feedback',
  rows: readonly TextInput[],
  cache: TextCache<TextValues>,
): TextValues[] {
  return kind === 'claims'
    ? rows.map((r) => cache.get(r.text, () => claimTextValues(r.text)))
    : rows.map((r) =>
        cache.get(`${r.stated_language ?? ''}\u0000${r.text}`, () =>
          feedbackTextValues(r.text, r.stated_language ?? null),
        ),
      );
}
