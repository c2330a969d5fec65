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

export class Lexicon<T> {
  private readonly exact = new Map<string, LexiconEntry<T>[]>();
  private readonly stems = new Map<string, LexiconEntry<T>[]>();
  private minStem = Infinity;
  private maxStem = 0;
  readonly size: number;

  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly variants: Variants = noVariants,
  ) {
    let size = 0;
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
    return false;
  }

  /** Entries whose first part matches the token. */
  private candidates(token: Token): LexiconEntry<T>[] {
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
    return found;
  }

  /** Every match of every entry starting at token `i`. */
  matchesAt(tokens: readonly Token[], i: number, maxGap: number): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    for (const entry of this.candidates(tokens[i])) {
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
