import { CLAIM_TEXTS, REVIEW_PHRASES } from '@returnlens/shared/demo-data';
import type { ReasonCode } from '@returnlens/shared/contracts';
import * as dev from './fixtures/dev';
import * as dev2 from './fixtures/dev2';
import * as dev3 from './fixtures/dev3';
import * as heldout1 from './fixtures/heldout1';
import * as heldout2 from './fixtures/heldout2';
import * as seen from './fixtures/seen';
import * as test from './fixtures/test';
import type { LanguageExample, LanguageFixtures, SentimentExample } from './fixtures/types';

export const EVAL_LANGUAGES = ['en', 'ru', 'pl', 'he', 'pt', 'de'] as const;
export type EvalLanguage = (typeof EVAL_LANGUAGES)[number];

export interface Dataset {
  readonly name: string;
  readonly description: string;
  readonly languages: Readonly<Record<EvalLanguage, LanguageFixtures>>;
  readonly languageOnly: readonly LanguageExample[];
}

const pick = (m: Record<string, unknown>) =>
  Object.fromEntries(EVAL_LANGUAGES.map((l) => [l, m[l] as LanguageFixtures])) as Record<
    EvalLanguage,
    LanguageFixtures
  >;

export const TEST: Dataset = {
  name: 'test',
  description: 'held-out examples written after the third lexicon freeze (23c0e95), never tuned on',
  languages: pick(test),
  languageOnly: test.languageOnly,
};

/**
 * Written before the lexicons, by their author, and meant as the test set; the lexicons'
 * cues visibly echo its wording, so it became tuning data (docs/text-analysis.md).
 */
export const SEEN: Dataset = {
  name: 'seen',
  description: 'written before the lexicons by their author; echoed by them, so tuning data',
  languages: pick(seen),
  languageOnly: seen.languageOnly,
};

/**
 * The first held-out set: written after the first lexicon freeze (f02f52b), reported once
 * (docs/text-analysis.md), then tuning data for the second round.
 */
export const HELDOUT1: Dataset = {
  name: 'heldout-1',
  description: 'first held-out set, reported once at f02f52b, then tuned on',
  languages: pick(heldout1),
  languageOnly: heldout1.languageOnly,
};

/**
 * The second held-out set: written after the second lexicon freeze (3e68fff), reported once
 * (docs/text-analysis.md), then tuning data for the third round.
 */
export const HELDOUT2: Dataset = {
  name: 'heldout-2',
  description: 'second held-out set, reported once at 3e68fff, then tuned on',
  languages: pick(heldout2),
  languageOnly: heldout2.languageOnly,
};

export const DEV: Dataset = {
  name: 'dev',
  description: 'development examples the lexicons were tuned on',
  languages: pick(dev),
  languageOnly: dev.languageOnly,
};

/**
 * The second development round: new products and wording, written before the general
 * vocabulary, morphology and typo-tolerance work it was used to tune (tuning data).
 */
export const DEV2: Dataset = {
  name: 'dev-2',
  description: 'second development round, written before the general lexicon work; tuned on',
  languages: pick(dev2),
  languageOnly: dev2.languageOnly,
};

/**
 * The third development round: written after the second round's changes, measured once
 * before being tuned on (docs/text-analysis.md), then tuning data.
 */
export const DEV3: Dataset = {
  name: 'dev-3',
  description: 'third development round, measured once before tuning on it; tuned on',
  languages: pick(dev3),
  languageOnly: dev3.languageOnly,
};

const ASPECT_PHRASES: Readonly<Record<string, readonly [SentimentExample[0], string]>> = {
  delivery_late: ['negative', 'delivery_speed-'],
  delivery_fast: ['positive', 'delivery_speed+'],
  quality_bad: ['negative', 'quality-'],
  quality_good: ['positive', 'quality+'],
  size: ['negative', 'size_fit-'],
  description: ['negative', 'description_accuracy-'],
  packaging: ['negative', 'packaging-'],
  price_good: ['positive', 'price+'],
  service_bad: ['negative', 'customer_service-'],
  service_good: ['positive', 'customer_service+'],
};

/** The demo generator's phrases, written by another author; their errors were used for tuning. */
export const DEMO: Dataset = {
  name: 'demo',
  description: "the demo generator's phrases (another author); tuned on",
  languages: Object.fromEntries(
    EVAL_LANGUAGES.map((language) => {
      const phrases = REVIEW_PHRASES[language];
      const sentiment: SentimentExample[] = [
        ...phrases.positive.map((t) => ['positive', t] as const),
        ...phrases.neutral.map((t) => ['neutral', t] as const),
        ...phrases.negative.map((t) => ['negative', t] as const),
        ...Object.entries(phrases.aspects).flatMap(([aspect, texts]) =>
          texts.map((t) => [ASPECT_PHRASES[aspect][0], t, ASPECT_PHRASES[aspect][1]] as const),
        ),
      ];
      const reasons = Object.entries(CLAIM_TEXTS[language]).map(
        ([code, t]) => [code as ReasonCode, t] as const,
      );
      return [language, { sentiment, reasons }];
    }),
  ) as unknown as Record<EvalLanguage, LanguageFixtures>,
  languageOnly: [],
};

export const DATASETS: Readonly<Record<string, Dataset>> = {
  test: TEST,
  dev: DEV,
  'dev-2': DEV2,
  'dev-3': DEV3,
  seen: SEEN,
  demo: DEMO,
  'heldout-1': HELDOUT1,
  'heldout-2': HELDOUT2,
};
