import type {
  AnalysedLanguage,
  FeedbackAspectCode,
  ReasonCode,
} from '@returnlens/shared/contracts';

/**
 * Everything the analysers know about one language, written by hand for the product's
 * domain (returns, reviews, claims). Entry syntax is {@link Lexicon}'s: `stem*`, `word`,
 * `two words`. Words are matched folded (lower case, no diacritics, ё→е, Hebrew finals →
 * medial), so entries may be written with or without diacritics.
 */
export interface LanguagePack {
  readonly code: AnalysedLanguage;
  /** Valence on VADER's scale: ±1 mild, ±2 clear, ±3 strong. Phrases win over their words. */
  readonly sentiment: Readonly<Record<string, number>>;
  /** Words that flip the valence of the next few words of their clause. */
  readonly negators: readonly string[];
  /** Negators placed after the word they negate (German `funktioniert nicht`). */
  readonly postNegators?: readonly string[];
  /** Multipliers' increments: `very` +0.3, `slightly` −0.4 (applied to the next sentiment word). */
  readonly intensifiers: Readonly<Record<string, number>>;
  /**
   * Excess markers: `too` before a word (`too noisy`) or `demais`/`מדי` after it make a word
   * with no valence of its own mildly negative.
   */
  readonly excessBefore?: readonly string[];
  readonly excessAfter?: readonly string[];
  /** `but`: what follows weighs more than what came before, within the sentence. */
  readonly contrast: readonly string[];
  /** `although`: the clause it opens weighs less. */
  readonly concession: readonly string[];
  /** Terms naming each aspect (the clause that holds one lends it its sentiment). */
  readonly aspects: Readonly<Record<FeedbackAspectCode, readonly string[]>>;
  /**
   * Cues of each claim reason; `cue:2` gives a cue weight 2 (default 1). A reason's score is
   * the sum of its distinct matched cues.
   */
  readonly reasons: Readonly<Partial<Record<ReasonCode, readonly string[]>>>;
  /** Frequent function words: evidence of the language on texts too short for n-grams. */
  readonly commonWords: readonly string[];
  /**
   * Inflectional endings, longest first: a whole-word entry also matches the other forms of
   * its word (same base once the longest ending is cut, keeping four letters).
   */
  readonly endings?: readonly string[];
  /**
   * Derivational negative prefixes (`не-`, `nie-`, `un-`, `des-`/`in-`): a word no entry
   * matches, made of such a prefix and a sentiment word, takes that word's valence negated
   * (`niewygodny` ← `wygodny`, `unzuverlässig` ← `zuverlässig`, `недорого` ← `дорого`).
   */
  readonly negativePrefixes?: readonly string[];
  /** Hebrew: letters that attach to the next word as prefixes. */
  readonly prefixLetters?: string;
}
