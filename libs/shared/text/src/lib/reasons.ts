import type { ReasonCode } from '@returnlens/shared/contracts';
import type { CompiledPack } from './languages/compiled';
import type { Tokenized } from './tokenize';

/** Below this confidence the inferred reason is `other`, flagged low-confidence (tuned on dev). */
export const REASON_MIN_CONFIDENCE = 0.4;

export interface ReasonScore {
  readonly code: ReasonCode;
  readonly score: number;
  /** The cues that matched, as written in the lexicon. */
  readonly cues: readonly string[];
}

/**
 * Scores every reason by its cues found in the text: each distinct cue adds its weight once.
 * Phrase cues may have up to two other words between their words (`stopped … working`).
 */
export function scoreReasons(pack: CompiledPack, text: Tokenized): ReasonScore[] {
  const byCode = new Map<ReasonCode, { score: number; cues: string[] }>();
  const seen = new Set<string>();
  for (const match of pack.reasons.allMatches(text.tokens, 2)) {
    const key = `${match.entry.value.code}|${match.entry.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = byCode.get(match.entry.value.code) ?? { score: 0, cues: [] };
    entry.score += match.entry.value.weight;
    entry.cues.push(match.entry.source);
    byCode.set(match.entry.value.code, entry);
  }
  return [...byCode.entries()]
    .map(([code, { score, cues }]) => ({ code, score, cues }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Confidence of the best reason: grows with its evidence and shrinks with a close second
 * (1 − e^(−best/2)) × best / (best + second); one weak cue alone stays below the threshold.
 */
export function reasonConfidence(ranked: readonly ReasonScore[]): number {
  const best = ranked[0]?.score ?? 0;
  if (best <= 0) return 0;
  const second = ranked[1]?.score ?? 0;
  return (1 - Math.exp(-best / 2)) * (best / (best + second));
}
