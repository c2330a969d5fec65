import type { SentimentLabel } from './domain';

/** What a review or claim text talks about (docs/domain.md, feedback → aspects). */
export const FEEDBACK_ASPECTS = [
  { code: 'quality', label: 'Product quality / defect' },
  { code: 'size_fit', label: 'Size and fit' },
  { code: 'description_accuracy', label: 'Description / photo accuracy' },
  { code: 'delivery_speed', label: 'Delivery speed' },
  { code: 'packaging', label: 'Packaging / transit damage' },
  { code: 'price', label: 'Price and promotions' },
  { code: 'customer_service', label: 'Customer service' },
  { code: 'installation_usage', label: 'Installation / usage' },
] as const;
export type FeedbackAspectCode = (typeof FEEDBACK_ASPECTS)[number]['code'];

/** Languages with sentiment, aspect and reason resources; others are detected but `unscored`. */
export const ANALYSED_LANGUAGES = ['en', 'ru', 'pl', 'he', 'pt', 'de'] as const;
export type AnalysedLanguage = (typeof ANALYSED_LANGUAGES)[number];

/** A sentiment label from text, or `unscored` when no resource exists for the text's language. */
export type TextSentimentLabel = SentimentLabel | 'unscored';

/** One aspect a text mentions, with the sentiment of the clause that mentions it. */
export interface FeedbackAspect {
  readonly aspect: FeedbackAspectCode;
  readonly sentiment: SentimentLabel;
  /** The clause's score in [-1, 1]. */
  readonly score: number;
}

export function feedbackAspectLabel(code: string): string {
  return FEEDBACK_ASPECTS.find((aspect) => aspect.code === code)?.label ?? code;
}

/** What a shop's own labelled texts teach: sentiment from rated reviews, reasons from stated ones. */
export const TEXT_MODEL_TASKS = ['sentiment', 'reasons'] as const;
export type TextModelTask = (typeof TEXT_MODEL_TASKS)[number];

/** Which model gave a text its label: the shipped analysis, or the model adapted to the shop. */
export const TEXT_LABELLERS = ['base', 'shop'] as const;
export type TextLabeller = (typeof TEXT_LABELLERS)[number];

/**
 * One adapted model of the shop (`GET /api/analytics/text-models`): per language for
 * sentiment, one for all languages (`*`) for reasons. Scores are cross-validated on the
 * shop's own labelled texts (binary macro-F1 positive vs negative for sentiment, macro-F1 over
 * the reasons for reasons), the adapted model's out-of-fold against the shipped analysis's.
 */
export interface TextModelState {
  readonly task: TextModelTask;
  /** ISO 639-1 code, or `*` (reasons: every language). */
  readonly language: string;
  /** Labelled texts it learnt from (rated reviews; claims with a stated reason and a text). */
  readonly labelledTexts: number;
  /** The classes it predicts (sentiment labels, reason codes). */
  readonly classes: readonly string[];
  /** Whether it labels the shop's unlabelled texts (else the shipped analysis does). */
  readonly inUse: boolean;
  /** Why it is used or not, in words. */
  readonly why: string;
  readonly adaptedScore: number;
  readonly baseScore: number;
  /**
   * How often the labeller in use agrees with the shop's own labels (stars; stated reasons),
   * on the labelled texts that have one of its classes: out-of-fold for the adapted model.
   */
  readonly agreement: number | null;
  readonly agreementOf: number;
  /** Unlabelled texts (unrated reviews; claims without a stated reason) it labels now. */
  readonly labels: number;
  readonly trainedAt: string;
}

export interface TextModelsReport {
  /** Fewest labelled texts a model is adapted from (TEXT_ADAPT_MIN_EXAMPLES). */
  readonly minExamples: number;
  readonly models: readonly TextModelState[];
  /** Languages of rated reviews still short of `minExamples`, with their counts. */
  readonly waiting: readonly {
    readonly task: TextModelTask;
    readonly language: string;
    readonly labelledTexts: number;
  }[];
}
