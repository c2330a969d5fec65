import type { FeedbackAspect, FeedbackAspectCode } from '@returnlens/shared/contracts';
import type { CompiledPack } from './languages/compiled';
import { labelOf, normalise, type SentimentDetail } from './sentiment';
import type { Tokenized } from './tokenize';

/**
 * The aspects a text talks about, each with the sentiment of the clause that names it (a
 * clause ends at punctuation and at `but`; when it carries no sentiment word, the sentence's). An aspect named in several
 * clauses keeps its most opinionated mention.
 */
export function detectAspects(
  packs: readonly CompiledPack[],
  text: Tokenized,
  sentiment: SentimentDetail,
): FeedbackAspect[] {
  const found = new Map<FeedbackAspectCode, { valence: number; first: number }>();
  for (const pack of packs) {
    for (const match of pack.aspects.bestMatches(text.tokens, 1)) {
      const token = text.tokens[match.positions[0]];
      const clause = sentiment.segments.get(sentiment.segmentOf[match.positions[0]])?.valence ?? 0;
      const valence = clause !== 0 ? clause : (sentiment.sentences[token.sentence] ?? 0);
      const aspect = match.entry.value;
      const seen = found.get(aspect);
      if (!seen) found.set(aspect, { valence, first: match.positions[0] });
      else if (Math.abs(valence) > Math.abs(seen.valence)) seen.valence = valence;
    }
  }
  return [...found.entries()]
    .sort((a, b) => a[1].first - b[1].first)
    .map(([aspect, { valence }]) => {
      const score = Math.round(normalise(valence) * 1000) / 1000;
      return { aspect, sentiment: labelOf(score), score };
    });
}
