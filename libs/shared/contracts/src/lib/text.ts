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
