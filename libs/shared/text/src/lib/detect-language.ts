// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- tinyld types sit behind package "exports" (see tinyld.d.ts)
/// <reference path="./tinyld.d.ts" />
import type * as Tinyld from 'tinyld/heavy';
import { ANALYSED_LANGUAGES } from '@returnlens/shared/contracts';
import { OTHER_COMMON_WORDS } from './languages/common-words';
import { packFor } from './languages/compiled';
import { foldWord, tokenize, type Token } from './tokenize';

/**
 * tinyld's heavy profile builds its n-gram tables when it is loaded (about 60 MB of a
 * process's memory, 20 MB of it kept), so it is loaded by the first text that needs it, not by
 * every process that imports this library: the API's own thread hands texts to a worker and
 * never needs it. (The light profile would take half that, but detected fewer of the less
 * common languages in `npm run eval:text`.)
 */
let tinyld: typeof Tinyld | undefined;
function detectAll(
  text: string,
  options?: Partial<Tinyld.DetectOption>,
): ReturnType<typeof Tinyld.detectAll> {
  tinyld ??= require('tinyld/heavy') as typeof Tinyld;
  return tinyld.detectAll(text, options);
}

export type Script =
  'latin' | 'cyrillic' | 'hebrew' | 'arabic' | 'greek' | 'cjk' | 'hangul' | 'other' | 'none';

export interface LanguageGuess {
  /** ISO 639-1 code, or `und` when the text does not tell (too short, digits, emoji only). */
  readonly language: string;
  /** In [0, 1]: how sure; `und` comes with the best candidate's (low) confidence. */
  readonly confidence: number;
  readonly script: Script;
  /** The best candidate even when `language` is `und`. */
  readonly candidate: string;
}

/** Below this confidence a guess is reported as `und` (tuned on the dev set). */
export const LANGUAGE_MIN_CONFIDENCE = 0.3;

/** Languages n-gram detection may choose among for Latin and Cyrillic texts. */
const LATIN_CANDIDATES = [
  'en',
  'de',
  'pl',
  'pt',
  'fr',
  'es',
  'it',
  'nl',
  'cs',
  'sk',
  'sv',
  'da',
  'no',
  'fi',
  'tr',
  'ro',
  'hu',
  'hr',
  'sl',
  'lt',
  'lv',
  'et',
  'ca',
];
const CYRILLIC_CANDIDATES = ['ru', 'uk', 'bg', 'be', 'sr', 'mk', 'kk'];

/**
 * Serbian and Macedonian Cyrillic have no й щ ъ ы ь э ю я ё, and their own letters (ј above
 * all: `је` is "is") turn up in nearly every sentence; a text with one of the former, or a
 * sentence-long text with none of the latter, is not Serbian or Macedonian.
 */
function cyrillicCandidates(text: string, letters: number): readonly string[] {
  const lower = text.toLowerCase();
  const eastern = /[йщъыьэюяё]/.test(lower);
  const long = letters >= 15;
  return CYRILLIC_CANDIDATES.filter((language) => {
    if (language === 'sr') return !eastern && (!long || /[ђјљњћџ]/.test(lower));
    if (language === 'mk') return !eastern && (!long || /[ѓќѕјљњџ]/.test(lower));
    return true;
  });
}

/** Letters that (nearly) only one candidate language uses, with the evidence they give. */
const MARKERS: readonly {
  readonly letters: RegExp;
  readonly language: string;
  readonly weight: number;
}[] = [
  { letters: /[ąęłńśźżć]/g, language: 'pl', weight: 2 },
  { letters: /[ãõ]/g, language: 'pt', weight: 2 },
  { letters: /ç[ãõ]o|ções/g, language: 'pt', weight: 2 },
  { letters: /ß/g, language: 'de', weight: 2 },
  { letters: /[äöü]/g, language: 'de', weight: 1 },
  { letters: /[ñ¿¡]/g, language: 'es', weight: 2 },
  { letters: /[èêëîïœûùÿ]/g, language: 'fr', weight: 1.5 },
  { letters: /[іїєґ]/g, language: 'uk', weight: 3 },
  { letters: /ў/g, language: 'be', weight: 3 },
  { letters: /[ђјљњћџ]/g, language: 'sr', weight: 3 },
  { letters: /[ѓќѕ]/g, language: 'mk', weight: 3 },
  { letters: /[ыэё]/g, language: 'ru', weight: 2 },
  { letters: /[бвгджзклмнпрстфхцчшщ]ъ[бвгджзклмнпрстфхцчшщ]/g, language: 'bg', weight: 1.5 },
];

const SCRIPT_TESTS: readonly [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/gu],
  ['cyrillic', /\p{Script=Cyrillic}/gu],
  ['hebrew', /\p{Script=Hebrew}/gu],
  ['arabic', /\p{Script=Arabic}/gu],
  ['greek', /\p{Script=Greek}/gu],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['hangul', /\p{Script=Hangul}/gu],
];

function scriptCounts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const [script, re] of SCRIPT_TESTS) {
    const n = text.match(re)?.length ?? 0;
    if (n) counts.set(script, n);
  }
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const known = [...counts.values()].reduce((a, b) => a + b, 0);
  if (letters > known) counts.set('other', letters - known);
  return counts;
}

/**
 * The script whose letters make up the text; a non-Latin script holding at least 30 % of
 * the letters wins over Latin, since a Russian or Hebrew review quoting English words is
 * still a Russian or Hebrew review.
 */
function mainScript(counts: Map<Script, number>): { script: Script; letters: number } {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (!total) return { script: 'none', letters: 0 };
  let best: Script = 'none';
  let bestCount = 0;
  for (const [script, n] of counts) {
    if (script !== 'latin' && n / total >= 0.3 && n > bestCount) {
      best = script;
      bestCount = n;
    }
  }
  if (best !== 'none') return { script: best, letters: bestCount };
  const latin = counts.get('latin') ?? 0;
  if (latin) return { script: 'latin', letters: latin };
  const [script, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return { script, letters: n };
}

let wordIndex: Map<string, string[]> | null = null;

/** Folded frequent word → languages that use it. */
function commonWordIndex(): Map<string, string[]> {
  if (wordIndex) return wordIndex;
  const index = new Map<string, string[]>();
  const add = (language: string, word: string) => {
    const folded = foldWord(word.toLowerCase());
    const list = index.get(folded) ?? [];
    if (!list.includes(language)) list.push(language);
    index.set(folded, list);
  };
  for (const language of ANALYSED_LANGUAGES) {
    for (const word of packFor(language).commonWords) add(language, word);
  }
  for (const [language, words] of Object.entries(OTHER_COMMON_WORDS)) {
    for (const word of words) add(language, word);
  }
  wordIndex = index;
  return index;
}

/**
 * Evidence from words: a frequent word, or a word of an analysed language's lexicons as written
 * (not its other forms or typos, which another language's word may resemble).
 */
function wordEvidence(
  tokens: readonly Token[],
  candidates: readonly string[],
): Map<string, number> {
  const evidence = new Map<string, number>();
  const index = commonWordIndex();
  const analysed = ANALYSED_LANGUAGES.filter((l) => candidates.includes(l));
  tokens.forEach((token) => {
    if (token.kind !== 'word') return;
    const languages = new Set(
      (index.get(token.folded) ?? []).filter((l) => candidates.includes(l)),
    );
    for (const language of analysed) {
      if (languages.has(language)) continue;
      const pack = packFor(language);
      const known =
        pack.sentiment.matchesAt([token], 0, 0, false).length ||
        pack.reasons.matchesAt([token], 0, 0, false).length ||
        pack.aspects.matchesAt([token], 0, 0, false).length;
      if (known && token.folded.length >= 3) languages.add(language);
    }
    if (!languages.size) return;
    for (const language of languages) {
      evidence.set(language, (evidence.get(language) ?? 0) + 1 / languages.size);
    }
  });
  return evidence;
}

function guessAmong(
  text: string,
  tokens: readonly Token[],
  candidates: readonly string[],
  letters: number,
): { language: string; confidence: number } {
  const score = new Map<string, number>();
  const add = (language: string, value: number) => {
    if (candidates.includes(language)) score.set(language, (score.get(language) ?? 0) + value);
  };
  const lower = text.toLowerCase();
  for (const marker of MARKERS) {
    const n = lower.match(marker.letters)?.length ?? 0;
    if (n) add(marker.language, marker.weight * Math.min(n, 3));
  }
  for (const [language, value] of wordEvidence(tokens, candidates)) add(language, value);
  const ngrams = detectAll(text, { only: [...candidates] });
  const ngramTotal = ngrams.reduce((sum, r) => sum + r.accuracy, 0);
  if (ngramTotal > 0) {
    // N-gram statistics earn trust with length: worth up to 3 words of evidence.
    const weight = 3 * Math.min(1, letters / 30);
    for (const r of ngrams) add(r.lang, (weight * r.accuracy) / ngramTotal);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return { language: 'und', confidence: 0 };
  const total = ranked.reduce((sum, [, v]) => sum + v, 0);
  const [language, best] = ranked[0];
  const confidence = (best / total) * (1 - Math.exp(-total / 1.5));
  return { language, confidence };
}

/**
 * The language of a claim text or review: the script first (Hebrew letters → he; Cyrillic
 * → ru/uk/bg/… by their distinctive letters and words), then, within Latin and Cyrillic,
 * distinctive letters + frequent and lexicon words + tinyld's n-gram scores. Texts with
 * fewer than two letters, or with too little evidence, are `und`.
 */
export function detectLanguage(text: string): LanguageGuess {
  const counts = scriptCounts(text);
  const { script, letters } = mainScript(counts);
  if (letters < 2) return { language: 'und', confidence: 0, script: 'none', candidate: 'und' };
  const sure = (language: string, confidence: number): LanguageGuess => ({
    language: confidence >= LANGUAGE_MIN_CONFIDENCE ? language : 'und',
    confidence: Math.round(confidence * 1000) / 1000,
    script,
    candidate: language,
  });
  switch (script) {
    case 'hebrew':
      return sure(/[װױײ]/.test(text) ? 'yi' : 'he', Math.min(0.99, 0.55 + letters / 20));
    case 'greek':
      return sure('el', Math.min(0.99, 0.55 + letters / 20));
    case 'hangul':
      return sure('ko', Math.min(0.99, 0.55 + letters / 20));
    case 'cjk':
      return sure(
        /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) ? 'ja' : 'zh',
        Math.min(0.99, 0.5 + letters / 10),
      );
    case 'arabic': {
      const best = detectAll(text, { only: ['ar', 'fa', 'ur'] })[0];
      return sure(best?.lang ?? 'ar', Math.min(0.95, 0.5 + letters / 40));
    }
    case 'cyrillic':
    case 'latin': {
      const { tokens } = tokenize(text);
      const guess = guessAmong(
        text,
        tokens,
        script === 'latin' ? LATIN_CANDIDATES : cyrillicCandidates(text, letters),
        letters,
      );
      return sure(guess.language, guess.confidence);
    }
    default: {
      const best = detectAll(text)[0];
      return sure(best?.lang ?? 'und', best ? Math.min(0.8, best.accuracy) : 0);
    }
  }
}
