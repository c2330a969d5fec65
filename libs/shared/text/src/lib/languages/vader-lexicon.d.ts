// vader-sentiment ships no types; this is the module of its lexicon that the lib reads.
declare module 'vader-sentiment/src/vader_lexicon.js' {
  /** Token → mean valence (−4 … +4); a token the source file repeats has its last valence. */
  export const lexicon: Readonly<Record<string, number>>;
}
