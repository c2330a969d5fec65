import type {
  AnalysedLanguage,
  FeedbackAspectCode,
  ReasonCode,
} from '@returnlens/shared/contracts';
import {
  hebrewVariants,
  Lexicon,
  noVariants,
  withCompoundHeads,
  withHyphenParts,
} from '../lexicon';
import { foldWord } from '../tokenize';
import { de } from './de';
import { en } from './en';
import { he } from './he';
import type { LanguagePack } from './language-pack';
import { pl } from './pl';
import { pt } from './pt';
import { ru } from './ru';

export interface ReasonCue {
  readonly code: ReasonCode;
  readonly weight: number;
}

/** A language pack turned into lexicons, built once per process on first use. */
export interface CompiledPack {
  readonly code: AnalysedLanguage;
  readonly sentiment: Lexicon<number>;
  readonly negators: Lexicon<true>;
  readonly postNegators: Lexicon<true>;
  readonly intensifiers: Lexicon<number>;
  readonly excessBefore: Lexicon<true>;
  readonly excessAfter: Lexicon<true>;
  readonly contrast: Lexicon<true>;
  readonly concession: Lexicon<true>;
  readonly aspects: Lexicon<FeedbackAspectCode>;
  readonly reasons: Lexicon<ReasonCue>;
  readonly commonWords: ReadonlySet<string>;
  /** Folded derivational negative prefixes (see {@link LanguagePack.negativePrefixes}). */
  readonly negativePrefixes: readonly string[];
}

export const LANGUAGE_PACKS: Readonly<Record<AnalysedLanguage, LanguagePack>> = {
  en,
  ru,
  pl,
  he,
  pt,
  de,
};

function parseCue(source: string): [string, number] {
  const match = /^(.*):(\d+(?:\.\d+)?)$/.exec(source);
  return match ? [match[1], Number(match[2])] : [source, 1];
}

export function compilePack(pack: LanguagePack): CompiledPack {
  const variants = withHyphenParts(
    pack.prefixLetters ? hebrewVariants(pack.prefixLetters) : noVariants,
  );
  // German compounds name things by their last part: `Fernseherkarton` is a `Karton`.
  const nounVariants = pack.code === 'de' ? withCompoundHeads(variants) : variants;
  const commonWords = new Set(pack.commonWords.map((w) => foldWord(w.toLowerCase())));
  // Opinion, aspect and reason words also reach their other forms and their typos.
  const reach = {
    endings: pack.endings?.map(foldWord).sort((a, b) => b.length - a.length),
    typos: true,
    ignore: commonWords,
    variants,
  };
  const set = (words: readonly string[]) =>
    new Lexicon<true>(
      words.map((w) => [w, true] as const),
      variants,
    );
  return {
    code: pack.code,
    sentiment: new Lexicon(Object.entries(pack.sentiment), variants, reach),
    negators: set(pack.negators),
    postNegators: set(pack.postNegators ?? []),
    intensifiers: new Lexicon(Object.entries(pack.intensifiers), variants),
    excessBefore: set(pack.excessBefore ?? []),
    excessAfter: set(pack.excessAfter ?? []),
    contrast: set(pack.contrast),
    concession: set(pack.concession),
    aspects: new Lexicon(
      Object.entries(pack.aspects).flatMap(([aspect, terms]) =>
        terms.map((term) => [term, aspect as FeedbackAspectCode] as const),
      ),
      // Aspect terms are chosen form by form (`неделя` names a delivery time, `недели` often
      // not), so they reach no other forms.
      nounVariants,
    ),
    reasons: new Lexicon(
      Object.entries(pack.reasons).flatMap(([code, cues]) =>
        (cues ?? []).map((cue) => {
          const [text, weight] = parseCue(cue);
          return [text, { code: code as ReasonCode, weight }] as const;
        }),
      ),
      nounVariants,
      reach,
    ),
    commonWords,
    negativePrefixes: (pack.negativePrefixes ?? []).map(foldWord),
  };
}

const compiled = new Map<AnalysedLanguage, CompiledPack>();

/** The compiled pack of a language (cached). */
export function packFor(language: AnalysedLanguage): CompiledPack {
  let pack = compiled.get(language);
  if (!pack) {
    pack = compilePack(LANGUAGE_PACKS[language]);
    compiled.set(language, pack);
  }
  return pack;
}

export function isAnalysed(language: string): language is AnalysedLanguage {
  return language in LANGUAGE_PACKS;
}
