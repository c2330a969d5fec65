/**
 * Tokens, sentences and clauses of a short customer text. Pure string work, no language
 * knowledge beyond letter folding: the lexicons and the text are folded the same way, so a
 * Polish text typed without diacritics (`jakosc`) still meets the lexicon's `jakość`.
 */

export type TokenKind = 'word' | 'number' | 'emoji';

export interface Token {
  /** As written, lower-cased. */
  readonly raw: string;
  /** Folded for lexicon matching (see {@link foldWord}). */
  readonly folded: string;
  readonly kind: TokenKind;
  /** Index of the sentence (split at . ! ? … ; and line breaks). */
  readonly sentence: number;
  /** Index of the clause (a sentence split further at commas, dashes and colons). */
  readonly clause: number;
  /** Inside "quotation marks" — the classic marker of an ironic "premium quality". */
  readonly quoted: boolean;
}

export interface Tokenized {
  readonly tokens: readonly Token[];
  /** Exclamation marks per sentence (emphasis). */
  readonly exclamations: readonly number[];
  readonly sentences: number;
  readonly clauses: number;
  /** A star rating typed with symbols: `4*`, `1 ★`, `★★★☆☆` (1–5), else null. */
  readonly stars: number | null;
}

const STAR_DIGIT = /(?:^|[^\d/.,])([1-5])\s?[*★](?![\d*★])/u;
const STAR_RUN = /(?:^|[^★☆])(★{1,5})☆*(?![★☆])/u;

/** The rating of star symbols in a text (see {@link Tokenized.stars}). */
export function typedStars(text: string): number | null {
  const digit = STAR_DIGIT.exec(text);
  if (digit) return Number(digit[1]);
  const run = STAR_RUN.exec(text);
  return run ? run[1].length : null;
}

const HEBREW_POINTS = /[\u0591-\u05C7]/g;
const HEBREW_FINALS: Readonly<Record<string, string>> = {
  ך: 'כ',
  ם: 'מ',
  ן: 'נ',
  ף: 'פ',
  ץ: 'צ',
};
const LATIN_FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
};

/**
 * Folds a lower-cased word for matching: Latin diacritics removed (ą→a, ł→l, ã→a, ß→ss,
 * and German ä/ae→a so `Qualitaet`, `Qualitat` and `Qualität` meet), Cyrillic ё→е,
 * Hebrew points removed and final letters mapped to their medial forms.
 */
export function foldWord(word: string): string {
  let w = word;
  if (/[\u0590-\u05FF]/.test(w)) {
    return w
      .replace(HEBREW_POINTS, '')
      .replace(/['"׳״]/g, '')
      .replace(/[ךםןףץ]/g, (c) => HEBREW_FINALS[c] ?? c);
  }
  if (/[\u0400-\u04FF]/.test(w)) return w.replace(/ё/g, 'е');
  w = w.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  w = w.replace(/[ßłøæœ]/g, (c) => LATIN_FOLD[c] ?? c);
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const EMOJI = /\p{Extended_Pictographic}/u;
const EMOTICON =
  /^(?::-?\)+|:-?\(+|:-?d(?![\p{L}])|;-?\)|:'\(|<3|:-?\/(?!\/)|:-?p(?![\p{L}])|\)\)+|\(\(+)/iu;
// Letters with combining marks, apostrophes inside words (don't, d'água), hyphens inside words (e-mail, точь-в-точь).
const WORD = /^[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+|-[\p{L}\p{M}]+)*/u;
const NUMBER = /^\d+(?:[.,]\d+)*%?/;
const SENTENCE_END = /^[.!?…;\n\r]+/;
const CLAUSE_END = /^[,:()–—]|^-(?=\s)|^\s-\s/;
const QUOTES = /^["«»„“”]/;

/** Splits a text into word, number and emoji tokens with their sentence and clause. */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const exclamations: number[] = [0];
  let sentence = 0;
  let clause = 0;
  let quoted = false;
  let sentenceHasTokens = false;
  let clauseHasTokens = false;
  const s = text.replace(/\r\n?/g, '\n');
  let i = 0;
  const push = (raw: string, kind: TokenKind) => {
    const lower = raw.toLowerCase().replace(/’/g, "'");
    tokens.push({
      raw: lower,
      folded: kind === 'word' ? foldWord(lower) : lower,
      kind,
      sentence,
      clause,
      quoted,
    });
    sentenceHasTokens = true;
    clauseHasTokens = true;
  };
  const endClause = () => {
    if (clauseHasTokens) clause++;
    clauseHasTokens = false;
  };
  while (i < s.length) {
    const rest = s.slice(i, i + 64);
    const ch = s[i];
    if (/\s/.test(ch) && ch !== '\n') {
      i++;
      continue;
    }
    const emoticon = EMOTICON.exec(rest);
    if (emoticon && (i === 0 || /\s/.test(s[i - 1]) || /^[()]{2}/.test(emoticon[0]))) {
      push(emoticon[0], 'emoji');
      i += emoticon[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      push(word[0], 'word');
      i += word[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      push(number[0], 'number');
      i += number[0].length;
      continue;
    }
    const codePoint = s.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    if (EMOJI.test(char)) {
      push(char, 'emoji');
      i += char.length;
      continue;
    }
    const end = SENTENCE_END.exec(rest);
    if (end) {
      exclamations[sentence] = (exclamations[sentence] ?? 0) + (end[0].match(/!/g)?.length ?? 0);
      if (sentenceHasTokens) {
        sentence++;
        exclamations[sentence] = 0;
      }
      endClause();
      sentenceHasTokens = false;
      quoted = false;
      i += end[0].length;
      continue;
    }
    if (QUOTES.test(ch)) {
      quoted = !quoted;
      i++;
      continue;
    }
    if (CLAUSE_END.test(rest)) {
      endClause();
      i++;
      continue;
    }
    i += char.length;
  }
  return {
    tokens,
    exclamations,
    sentences: sentenceHasTokens ? sentence + 1 : sentence,
    clauses: clauseHasTokens ? clause + 1 : clause,
    stars: typedStars(s),
  };
}
