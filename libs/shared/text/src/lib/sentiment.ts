import type { SentimentLabel } from '@returnlens/shared/contracts';
import { emojiValence } from './emoji';
import type { CompiledPack } from './languages/compiled';
import type { Token, Tokenized } from './tokenize';

/** VADER's constants: the normalisation alpha, negation scalar and exclamation emphasis. */
const ALPHA = 15;
const NEGATION = -0.74;
const EXCLAMATION = 0.292;
/** How many words before a sentiment word a negator reaches (within its clause). */
const NEGATION_SCOPE = 3;
/** `but`: the part of the sentence before weighs 0.5, the part after 1.5 (VADER's weights). */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const CONCESSION = 0.5;
/** Valence of a word made a complaint by `too` / `demais` / `מדי`. */
const EXCESS = -1.2;
/** How much a rating written in the text (`3 stars`) weighs against the words around it. */
const RATING_WEIGHT = 0.75;
/** Emoji that mark the praise around them as ironic. */
const IRONY_EMOJI = new Set(['🙄', '😒', '🤦', '🤡', '🙃']);
/** `but also` (`но и`, `ale też`, `mas também`, `aber auch`, `אבל גם`) adds, it does not turn. */
const ALSO = new Set(['also', 'и', 'тоже', 'też', 'także', 'również', 'também', 'auch', 'גם']);
/** Number words a written rating may use (`zero stars`, `ноль звёзд`). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  ноль: 0,
  null: 0,
  אפס: 0,
  one: 1,
  одна: 1,
  одну: 1,
  jedna: 1,
  jedną: 1,
  uma: 1,
  einen: 1,
  אחד: 1,
  אחת: 1,
  two: 2,
  две: 2,
  два: 2,
  dwie: 2,
  dwa: 2,
  duas: 2,
  dois: 2,
  zwei: 2,
  שני: 2,
  שתי: 2,
  שניים: 2,
  שתיים: 2,
  three: 3,
  три: 3,
  trzy: 3,
  três: 3,
  drei: 3,
  שלושה: 3,
  שלוש: 3,
  four: 4,
  четыре: 4,
  cztery: 4,
  quatro: 4,
  vier: 4,
  ארבעה: 4,
  ארבע: 4,
  five: 5,
  пять: 5,
  pięć: 5,
  cinco: 5,
  fünf: 5,
  חמישה: 5,
  חמש: 5,
};

/** Scores at or beyond these are positive / negative; between them, neutral (tuned on dev). */
export const POSITIVE_FROM = 0.3;
/** Words that open an ironic interjection ("Oh wonderful, …", "Ну супер, …", "Que maravilha, …"). */
const IRONY_PARTICLES = new Set([
  'oh',
  'yeah',
  'just',
  'how',
  'ну',
  'вот',
  'na',
  'no',
  'ach',
  'que',
  'ah',
  'אוי',
  'וואו',
]);
export const NEGATIVE_FROM = -0.3;

export interface SentimentHit {
  /** Token indexes of the matched word or phrase. */
  readonly positions: readonly number[];
  readonly term: string;
  /** Valence after negation, intensifiers and irony; before clause weights. */
  readonly valence: number;
}

/**
 * A clause further split at contrast words: "Quick delivery but cheap fabric" has two
 * segments, each with its own valence (what aspects take their sentiment from).
 */
export interface ClauseSentiment {
  readonly segment: number;
  readonly sentence: number;
  /** Sum of the clause's valences (no contrast weighting). */
  readonly valence: number;
}

export interface SentimentDetail {
  /** Normalised to [-1, 1]. */
  readonly score: number;
  readonly label: SentimentLabel;
  readonly hits: readonly SentimentHit[];
  /** Valence per segment (see {@link ClauseSentiment}). */
  readonly segments: ReadonlyMap<number, ClauseSentiment>;
  /** Segment of each token. */
  readonly segmentOf: readonly number[];
  /** Sum of valences per sentence, before normalising. */
  readonly sentences: readonly number[];
}

export function normalise(total: number): number {
  if (total === 0) return 0;
  const score = total / Math.sqrt(total * total + ALPHA);
  return Math.max(-1, Math.min(1, score));
}

export function labelOf(score: number): SentimentLabel {
  if (score >= POSITIVE_FROM) return 'positive';
  if (score <= NEGATIVE_FROM) return 'negative';
  return 'neutral';
}

function positionsOf(lexicon: CompiledPack['negators'], tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (const match of lexicon.bestMatches(tokens, 0))
    out.add(match.positions[match.positions.length - 1]);
  return out;
}

interface RawHit {
  positions: readonly number[];
  term: string;
  valence: number;
  quoted: boolean;
}

/** One pack's sentiment words and phrases, with negation and intensifiers applied. */
function packHits(pack: CompiledPack, tokens: readonly Token[]): RawHit[] {
  const phraseMatches = pack.sentiment.bestMatches(tokens, 1);
  const inPhrase = new Set<number>();
  for (const match of phraseMatches) {
    if (match.positions.length > 1) match.positions.forEach((p) => inPhrase.add(p));
  }
  const negators = positionsOf(pack.negators, tokens);
  const postNegators = positionsOf(pack.postNegators, tokens);
  const intensity = new Map<number, number>();
  for (const match of pack.intensifiers.bestMatches(tokens, 0)) {
    intensity.set(match.positions[match.positions.length - 1], match.entry.value);
  }
  const hits: RawHit[] = [];
  const covered = new Set<number>();
  for (const match of phraseMatches) {
    // A word that is itself a negator (`no`, `nothing`) scores only inside a phrase.
    const first = match.positions[0];
    const last = match.positions[match.positions.length - 1];
    if (match.positions.length === 1 && negators.has(first)) continue;
    let valence = match.entry.value;
    const clause = tokens[first].clause;
    for (let k = 1; k <= 2; k++) {
      const at = first - k;
      if (at < 0 || tokens[at].clause !== clause) break;
      const boost = intensity.get(at);
      if (boost !== undefined) {
        valence *= 1 + boost;
        break;
      }
    }
    let negated = false;
    for (let k = 1; k <= NEGATION_SCOPE; k++) {
      const at = first - k;
      if (at < 0 || tokens[at].clause !== clause) break;
      if (negators.has(at) && !inPhrase.has(at)) {
        negated = true;
        break;
      }
    }
    if (!negated) {
      for (let k = 1; k <= 3; k++) {
        const at = last + k;
        if (at >= tokens.length || tokens[at].clause !== clause) break;
        const next = tokens[at + 1];
        const clauseFinal = !next || next.clause !== clause || next.raw === 'mehr';
        if (postNegators.has(at) && clauseFinal) {
          negated = true;
          break;
        }
      }
    }
    // A negator inside a phrase's gap negates the phrase (`kann ich niemandem empfehlen`,
    // `entspricht nicht der Beschreibung`), unless the phrase holds its own negator.
    const ownNegator = match.positions.some((p) => negators.has(p));
    if (!negated && !ownNegator && last - first + 1 > match.positions.length) {
      for (let at = first + 1; at < last && !negated; at++) {
        negated = negators.has(at) && !match.positions.includes(at);
      }
    }
    if (negated) valence *= NEGATION;
    match.positions.forEach((p) => covered.add(p));
    hits.push({
      positions: match.positions,
      term: match.entry.source,
      valence,
      quoted: tokens[first].quoted,
    });
  }
  // `niewygodny`, `unzuverlässig`, `недорого`: a negative prefix on a sentiment word.
  if (pack.negativePrefixes.length) {
    const used = new Set(phraseMatches.flatMap((m) => m.positions));
    const intensifiers = new Set(intensity.keys());
    tokens.forEach((token, i) => {
      if (token.kind !== 'word' || used.has(i) || negators.has(i) || intensifiers.has(i)) return;
      const prefix = pack.negativePrefixes.find(
        (p) => token.folded.startsWith(p) && token.folded.length - p.length >= 4,
      );
      if (!prefix) return;
      const [entry] = pack.sentiment.wordEntries(token.folded.slice(prefix.length));
      if (!entry || entry.value === 0) return;
      covered.add(i);
      hits.push({
        positions: [i],
        term: `${prefix}-${entry.source}`,
        valence: entry.value * NEGATION,
        quoted: token.quoted,
      });
    });
  }
  // `too noisy`, `слишком шумный`, `barulhento demais`, `רועש מדי`: excess is a complaint.
  const excess = (markers: Set<number>, offset: number) => {
    for (const at of markers) {
      const target = at + offset;
      const token = tokens[target];
      if (!token || token.kind !== 'word' || token.clause !== tokens[at].clause) continue;
      if (covered.has(target) || covered.has(at) || negators.has(target)) continue;
      hits.push({
        positions: [target],
        term: `${tokens[at].raw}+`,
        valence: EXCESS,
        quoted: false,
      });
    }
  };
  excess(positionsOf(pack.excessBefore, tokens), 1);
  excess(positionsOf(pack.excessAfter, tokens), -1);
  return hits;
}

const STAR_WORD =
  /^(?:stars?|звезд\p{L}*|звёзд\p{L}*|gwiazd\p{L}*|estrel\p{L}*|sterne?|sternchen|כוכב\p{L}*)$/u;
/** Valence of a 1–5 star rating written in the text. */
const STAR_VALENCE = [-3, -3, -2, 0, 2, 3];

/** A rating the customer wrote in the text: `3 stars`, `4 звезды`, `8/10`, `5/5`. */
export function writtenRating(tokens: readonly Token[]): number | null {
  for (let i = 0; i < tokens.length; i++) {
    const word = NUMBER_WORDS[tokens[i].raw];
    if (tokens[i].kind !== 'number' && word === undefined) continue;
    const value = word ?? Number(tokens[i].raw.replace(',', '.'));
    const next = tokens[i + 1];
    if (!next || next.sentence !== tokens[i].sentence) continue;
    if (next.kind === 'word' && STAR_WORD.test(next.raw) && value >= 0 && value <= 5) {
      return Math.round(value);
    }
    if (next.kind === 'number') {
      const scale = Number(next.raw);
      if ((scale === 5 || scale === 10) && value >= 0 && value <= scale) {
        return Math.max(1, Math.round((value / scale) * 5));
      }
    }
  }
  return null;
}

/**
 * Lexicon sentiment of a tokenised text with its language's pack(s): each sentiment word or
 * phrase, flipped by a negator up to three words before it in its clause (or by a German
 * clause-final `nicht` after it), scaled by an intensifier right before it; a sentence's
 * part after `but` weighs three times its part before; emoji count; a lone positive
 * interjection opening a sentence ("Great, it broke") and positive words in quotation marks
 * ("premium quality") are read as irony when the rest of the text is negative.
 */
export function scoreSentiment(packs: readonly CompiledPack[], text: Tokenized): SentimentDetail {
  const { tokens } = text;
  const hits: RawHit[] = [];
  const contrasts = new Set<number>();
  const concessions = new Set<number>();
  for (const pack of packs) {
    for (const at of positionsOf(pack.contrast, tokens)) contrasts.add(at);
    for (const at of positionsOf(pack.concession, tokens)) concessions.add(at);
    hits.push(...packHits(pack, tokens));
  }
  tokens.forEach((token, i) => {
    if (token.kind !== 'emoji') return;
    const valence = emojiValence(token.raw);
    if (valence) hits.push({ positions: [i], term: token.raw, valence, quoted: false });
  });
  hits.sort((a, b) => a.positions[0] - b.positions[0]);

  // Irony: positives that stand against an otherwise negative text — a lone interjection
  // opening a sentence ("Great, it broke", "Ну супер, …", "Na toll, …"), not followed by
  // "but" (that is a concession: "Fast delivery, but …"), or words in quotation marks.
  const ironic = (hit: (typeof hits)[number]) => {
    if (hit.valence <= 0) return false;
    if (hit.quoted) return true;
    const first = hit.positions[0];
    const token = tokens[first];
    const words = tokens.filter((t) => t.clause === token.clause && t.kind === 'word');
    const lone =
      words.length === 1 ||
      (words.length === 2 && IRONY_PARTICLES.has(words[0].raw) && words[1] === token);
    const opensSentence = words[0] === tokens.find((t) => t.sentence === token.sentence);
    const conceded = [...contrasts].some(
      (at) => at > first && tokens[at].sentence === token.sentence,
    );
    return lone && opensSentence && !conceded && tokens.some((t) => t.clause > token.clause);
  };
  if (tokens.some((t) => t.kind === 'emoji' && IRONY_EMOJI.has(t.raw))) {
    for (const hit of hits)
      if (hit.valence > 0 && tokens[hit.positions[0]].kind === 'word') hit.valence = -hit.valence;
  }
  const candidates = hits.filter(ironic);
  if (candidates.length) {
    const rest = hits.filter((h) => !candidates.includes(h)).reduce((s, h) => s + h.valence, 0);
    if (rest < -0.5) for (const hit of candidates) hit.valence = -Math.abs(hit.valence);
  }

  // Clause and sentence weights.
  const sentenceTotals = new Array<number>(Math.max(1, text.sentences)).fill(0);
  const segmentOf: number[] = [];
  let segment = 0;
  tokens.forEach((token, i) => {
    if (i > 0 && (token.clause !== tokens[i - 1].clause || contrasts.has(i) || concessions.has(i)))
      segment++;
    segmentOf.push(segment);
  });
  const segments = new Map<number, { segment: number; sentence: number; valence: number }>();
  const contrastAt = new Map<number, number>();
  for (const at of contrasts) {
    const sentence = tokens[at].sentence;
    const firstOfSentence = tokens.findIndex((t) => t.sentence === sentence);
    const also = tokens[at + 1] && ALSO.has(tokens[at + 1].raw);
    if (at > firstOfSentence && !also && !contrastAt.has(sentence)) contrastAt.set(sentence, at);
  }
  const concessionClauses = new Set([...concessions].map((at) => tokens[at].clause));
  for (const hit of hits) {
    const token = tokens[hit.positions[0]];
    const at = segmentOf[hit.positions[0]];
    const entry = segments.get(at) ?? { segment: at, sentence: token.sentence, valence: 0 };
    entry.valence += hit.valence;
    segments.set(at, entry);
    let weight = 1;
    const pivot = contrastAt.get(token.sentence);
    if (pivot !== undefined) weight = hit.positions[0] > pivot ? AFTER_CONTRAST : BEFORE_CONTRAST;
    if (concessionClauses.has(token.clause)) weight *= CONCESSION;
    sentenceTotals[token.sentence] = (sentenceTotals[token.sentence] ?? 0) + hit.valence * weight;
  }
  let total = 0;
  sentenceTotals.forEach((sum, i) => {
    const bangs = Math.min(4, text.exclamations[i] ?? 0);
    total += sum + (sum > 0 ? 1 : sum < 0 ? -1 : 0) * bangs * EXCLAMATION;
  });
  const rating = text.stars ?? writtenRating(tokens);
  const score =
    rating === null
      ? normalise(total)
      : RATING_WEIGHT * normalise(STAR_VALENCE[rating]) + (1 - RATING_WEIGHT) * normalise(total);
  return {
    score,
    label: labelOf(score),
    hits: hits.map(({ positions, term, valence }) => ({ positions, term, valence })),
    segments,
    segmentOf,
    sentences: sentenceTotals,
  };
}
