import { foldWord, type Token } from './tokenize';

/**
 * A compiled word list. Entries are written as space-separated parts; a part ending in `*`
 * is a stem (matches any word starting with it — the light stemming Slavic and Hebrew need),
 * any other part matches the whole word. Multi-part entries are phrases: their parts must
 * appear in order within one sentence, with at most `maxGap` other words between them.
 *
 *   'отличн*'          отличный, отлично, отличная …
 *   'waste of money'   the phrase
 *   'не работ*'        не работает, не работал …
 */
export interface LexiconEntry<T> {
  readonly source: string;
  readonly parts: readonly { readonly text: string; readonly stem: boolean }[];
  readonly value: T;
}

export interface LexiconMatch<T> {
  readonly entry: LexiconEntry<T>;
  /** Token indexes the entry's parts matched. */
  readonly positions: readonly number[];
}

/** Other spellings of a token to try (Hebrew: the word without its prefix letters). */
export type Variants = (folded: string) => readonly string[];

export const noVariants: Variants = (folded) => [folded];

/**
 * How far a lexicon reaches beyond its written forms, tried only for a word no entry matches
 * as written (so the written entries always win):
 * - `endings`: the language's inflectional endings; a whole-word entry also matches a word
 *   whose base (the word without its longest ending, keeping four letters) equals the entry's
 *   base — `enttäuschenden` meets `enttäuschend`, `lindos` meets `linda`;
 * - `typos`: a word of at least {@link TYPO_MIN_LENGTH} letters also matches an entry (or the
 *   start of a stem) one edit away — one letter missing, extra, wrong or two letters swapped —
 *   keeping its first letter (`соответсвует`); words of nine letters or more may also have
 *   one letter dropped on each side (`dissapointed`); a known word of the language (`ignore`)
 *   is never read as another form or a typo (German `schon` is not `schönes`).
 */
export interface Reach {
  readonly endings?: readonly string[];
  readonly typos?: boolean;
  readonly ignore?: ReadonlySet<string>;
  /**
   * The spellings of a word tried for other forms and typos (default: the word itself) —
   * Hebrew words without their prefixes, but not German compound tails.
   */
  readonly variants?: Variants;
}

/** Shortest word a typo is forgiven in: shorter words are too often other real words. */
export const TYPO_MIN_LENGTH = 7;
/** From this length a word may be two small slips away (a letter doubled on the wrong side). */
const LONG_TYPO_LENGTH = 9;
/** A stem is reached through a typo only when it is at least this long. */
const TYPO_MIN_STEM = 7;
/** Remembered fallback lookups per lexicon (words repeat across texts). */
const FALLBACK_CACHE = 20_000;

/** The word without its longest listed ending, keeping at least four letters. */
export function baseOf(word: string, endings: readonly string[]): string {
  let base = word;
  // A long suffix may have an ending before it (`rapid-a-mente`, `quent-e-zinho`): cut again.
  for (let pass = 0; pass < 2; pass++) {
    const ending = endings.find((e) => base.length - e.length >= 4 && base.endsWith(e));
    if (!ending) break;
    base = base.slice(0, -ending.length);
    if (ending.length < 4) break;
  }
  return base;
}

/** Is `a` at most one edit (insertion, deletion, substitution, adjacent swap) from `b`? */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The word and every form of it with one letter removed (not the first). */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 1; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class Lexicon<T> {
  private readonly exact = new Map<string, LexiconEntry<T>[]>();
  private readonly stems = new Map<string, LexiconEntry<T>[]>();
  private minStem = Infinity;
  private maxStem = 0;
  /** Whole-word entries by their base (see {@link Reach}). */
  private readonly bases = new Map<string, LexiconEntry<T>[]>();
  /** Entries by their first word (or stem) and its one-letter deletions. */
  private readonly near = new Map<string, LexiconEntry<T>[]>();
  private readonly fallbackCache = new Map<string, LexiconEntry<T>[]>();
  readonly size: number;

  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly variants: Variants = noVariants,
    private readonly reach: Reach = {},
  ) {
    let size = 0;
    const index = (map: Map<string, LexiconEntry<T>[]>, key: string, entry: LexiconEntry<T>) => {
      const list = map.get(key);
      if (!list) map.set(key, [entry]);
      else if (!list.includes(entry)) list.push(entry);
    };
    for (const [source, value] of entries) {
      const parts = source
        .trim()
        .toLowerCase()
        .split(/\s+/)
        .map((part) => {
          const stem = part.endsWith('*');
          return { text: foldWord(stem ? part.slice(0, -1) : part), stem };
        });
      if (!parts.length || !parts[0].text) continue;
      const entry: LexiconEntry<T> = { source, parts, value };
      const first = parts[0];
      const map = first.stem ? this.stems : this.exact;
      if (first.stem) {
        this.minStem = Math.min(this.minStem, first.text.length);
        this.maxStem = Math.max(this.maxStem, first.text.length);
      }
      const list = map.get(first.text);
      if (list) list.push(entry);
      else map.set(first.text, [entry]);
      if (reach.endings && !first.stem && first.text.length >= 4) {
        index(this.bases, baseOf(first.text, reach.endings), entry);
      }
      if (reach.typos && first.text.length >= (first.stem ? TYPO_MIN_STEM : TYPO_MIN_LENGTH)) {
        for (const key of deletions(first.text)) index(this.near, key, entry);
      }
      size++;
    }
    this.size = size;
  }

  /** Does one token match one part? */
  private partMatches(part: { text: string; stem: boolean }, token: Token): boolean {
    if (token.kind === 'number') return part.text === token.folded;
    for (const v of this.variants(token.folded)) {
      if (part.stem ? v.startsWith(part.text) : v === part.text) return true;
    }
    const { endings } = this.reach;
    if (endings && !part.stem && part.text.length >= 4) {
      const base = baseOf(part.text, endings);
      if (this.variants(token.folded).some((v) => baseOf(v, endings) === base)) return true;
    }
    return false;
  }

  /** A typo of the entry's first part (see {@link Reach}): one edit, same first letter. */
  private nearMatch(part: { text: string; stem: boolean }, word: string): boolean {
    if (word[0] !== part.text[0]) return false;
    if (!part.stem) {
      if (withinOneEdit(word, part.text)) return true;
      // Long words: one letter dropped on each side (`dissapointed` ~ `disappointed`).
      if (word.length < LONG_TYPO_LENGTH || part.text.length < LONG_TYPO_LENGTH) return false;
      const theirs = new Set(deletions(part.text));
      return deletions(word).some((d) => theirs.has(d));
    }
    // A stem: the slip is inside it, not in its last two letters, where a stem parts from its
    // neighbours (`sprawd-` is not `sprawn-`, `отлича-` not `отличн-`).
    const n = part.text.length;
    const end = part.text.slice(-2);
    // A letter missing from a stem only in long stems (`szalon-` is not `szablon-`).
    for (let k = n >= 8 ? n - 1 : n; k <= n + 1; k++) {
      const prefix = word.slice(0, k);
      if (k <= word.length && prefix.endsWith(end) && withinOneEdit(prefix, part.text)) return true;
    }
    return false;
  }

  /** Entries reached by a word's base or by one typo, when nothing matched it as written. */
  private fallback(v: string): LexiconEntry<T>[] {
    const cached = this.fallbackCache.get(v);
    if (cached) return cached;
    const found: LexiconEntry<T>[] = [];
    const { endings, typos, ignore } = this.reach;
    if (ignore?.has(v)) return found;
    if (endings) found.push(...(this.bases.get(baseOf(v, endings)) ?? []));
    if (!found.length && typos && v.length >= TYPO_MIN_LENGTH) {
      const keys = new Set<string>();
      // A whole word: its deletions meet the entry's deletions.
      for (const key of deletions(v)) keys.add(key);
      // A stem: the same for the word's first letters, one letter shorter or longer.
      for (let k = TYPO_MIN_STEM - 1; k <= Math.min(v.length, this.maxStem + 1); k++) {
        for (const key of deletions(v.slice(0, k))) keys.add(key);
      }
      for (const key of keys) {
        for (const entry of this.near.get(key) ?? []) {
          if (!found.includes(entry) && this.nearMatch(entry.parts[0], v)) found.push(entry);
        }
      }
    }
    if (this.fallbackCache.size >= FALLBACK_CACHE) this.fallbackCache.clear();
    this.fallbackCache.set(v, found);
    return found;
  }

  /** Entries whose first part matches the token. */
  private candidates(token: Token, reachOut = true): LexiconEntry<T>[] {
    const found: LexiconEntry<T>[] = [];
    const seen = new Set<LexiconEntry<T>>();
    const add = (list: LexiconEntry<T>[] | undefined) => {
      for (const entry of list ?? []) {
        if (!seen.has(entry)) {
          seen.add(entry);
          found.push(entry);
        }
      }
    };
    const forms = token.kind === 'word' ? this.variants(token.folded) : [token.folded];
    for (const v of forms) {
      add(this.exact.get(v));
      if (token.kind !== 'word') continue;
      for (let k = Math.min(v.length, this.maxStem); k >= this.minStem; k--) {
        add(this.stems.get(v.slice(0, k)));
      }
    }
    const { endings, typos } = this.reach;
    if (reachOut && !found.length && token.kind === 'word' && (endings || typos)) {
      for (const v of this.reach.variants?.(token.folded) ?? [token.folded]) {
        if (v.length >= 5) add(this.fallback(v));
      }
    }
    return found;
  }

  /** The single-word entries a word matches (with the same reach as in a text). */
  wordEntries(word: string): LexiconEntry<T>[] {
    const token: Token = {
      raw: word,
      folded: word,
      kind: 'word',
      sentence: 0,
      clause: 0,
      quoted: false,
    };
    return this.candidates(token).filter((entry) => entry.parts.length === 1);
  }

  /** Every match of every entry starting at token `i` (`reachOut` false: written forms only). */
  matchesAt(
    tokens: readonly Token[],
    i: number,
    maxGap: number,
    reachOut = true,
  ): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    for (const entry of this.candidates(tokens[i], reachOut)) {
      const positions = [i];
      let at = i;
      let ok = true;
      for (let p = 1; p < entry.parts.length && ok; p++) {
        ok = false;
        for (let j = at + 1; j <= at + 1 + maxGap && j < tokens.length; j++) {
          if (tokens[j].sentence !== tokens[i].sentence) break;
          if (this.partMatches(entry.parts[p], tokens[j])) {
            positions.push(j);
            at = j;
            ok = true;
            break;
          }
        }
      }
      if (ok) out.push({ entry, positions });
    }
    return out;
  }

  /** All matches anywhere in the text (they may overlap). */
  allMatches(tokens: readonly Token[], maxGap = 2): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) out.push(...this.matchesAt(tokens, i, maxGap));
    return out;
  }

  /**
   * Non-overlapping matches, longest phrase first: a token used by `не рекомендую` is not
   * counted again by `рекомендую`.
   */
  bestMatches(tokens: readonly Token[], maxGap = 1): LexiconMatch<T>[] {
    const all = this.allMatches(tokens, maxGap).sort(
      (a, b) =>
        b.entry.parts.length - a.entry.parts.length ||
        specificity(b.entry) - specificity(a.entry) ||
        span(a.positions) - span(b.positions) ||
        a.positions[0] - b.positions[0],
    );
    const used = new Set<number>();
    const out: LexiconMatch<T>[] = [];
    for (const match of all) {
      if (match.positions.some((p) => used.has(p))) continue;
      match.positions.forEach((p) => used.add(p));
      out.push(match);
    }
    return out.sort((a, b) => a.positions[0] - b.positions[0]);
  }
}

/** How many tokens a match stretches over: the tighter of two equal matches wins. */
function span(positions: readonly number[]): number {
  return positions[positions.length - 1] - positions[0];
}

function specificity(entry: LexiconEntry<unknown>): number {
  return entry.parts.reduce((sum, part) => sum + part.text.length + (part.stem ? 0 : 2), 0);
}

/** Hebrew: try the word without up to three leading prefix letters (ו ה ב ל מ ש כ). */
export function hebrewVariants(prefixes: string): Variants {
  return (folded) => {
    const out = [folded];
    let w = folded;
    // A stripped word keeps at least three letters: `מוצר` must not become `צר` (narrow).
    for (let k = 0; k < 3 && w.length > 3 && prefixes.includes(w[0]); k++) {
      w = w.slice(1);
      out.push(w);
    }
    return out;
  };
}

/** Also try each part of a hyphenated word (`black-friday-rabatt` → `rabatt`). */
export function withHyphenParts(base: Variants): Variants {
  return (folded) => {
    if (!folded.includes('-')) return base(folded);
    const out = [...base(folded)];
    for (const part of folded.split('-')) if (part.length >= 2) out.push(...base(part));
    return out;
  };
}

/** Also try the tails of a long compound (`fernseherkarton` → `karton`), keeping five letters. */
export function withCompoundHeads(base: Variants): Variants {
  return (folded) => {
    const out = [...base(folded)];
    if (folded.length < 9) return out;
    for (let k = 3; k <= folded.length - 5; k++) out.push(folded.slice(k));
    return out;
  };
}
