// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- vader-sentiment ships no types (see vader-lexicon.d.ts)
/// <reference path="./vader-lexicon.d.ts" />
import { lexicon } from 'vader-sentiment/src/vader_lexicon.js';

/**
 * General English word valences from the VADER lexicon (C.J. Hutto and E. Gilbert, 2014),
 * as the `vader-sentiment` npm package ships it (`src/vader_lexicon.js`: its
 * `vader_lexicon.txt` as an object, a repeated token keeping its last valence; the lexicon
 * is published under the MIT licence, the JavaScript port under Apache-2.0). Built at load
 * time: single words only, |valence| ≥ 0.5, and without words whose VADER valence misleads
 * in reviews ("like" as in "looks like", "joke", "fit", "free", …) — the curated entries
 * in en.ts decide those. Curated entries override these.
 */
/** Words left out whatever their valence. */
const MISLEADING = new Set(
  `bad best better bitch bomb broke broken cancel cancelled care cared cares clean clear
   clearly cool crazy cried cry crying damn dead dear died doubt easily easy fake fan fine
   fit free funny gift god good great ha haha hell help helps hope hoped hopes hoping hug
   hugged hugs ignore ignored ignores ignoring insane joke jokes joking killer kind kiss
   kissed kisses l laugh laughed laughing laughs like liked likes lmao lmfao lol lose
   losing lost love loved loves loving mad no ok okay party play playing please pretty
   problem problems ready rofl safe sick smile smiled smiles smiling stop stopped stopping
   stops super sure suspect suspected suspects sweet thank thanked thanks top true trust
   united well wicked worse worst worth wow yay yeah yes`.split(/\s+/),
);

/** Lower-case words, hyphenated ones included; not emoticons, numbers or `gr8`. */
const SINGLE_WORD = /^[a-z][a-z'-]*$/;

export const VADER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(lexicon).filter(
    ([word, valence]) =>
      SINGLE_WORD.test(word) && Math.abs(valence) >= 0.5 && !MISLEADING.has(word),
  ),
);
