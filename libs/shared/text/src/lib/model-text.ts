/**
 * The one text normalisation of the trained sentiment model: the training script
 * (tools/text-model) writes its training lines with it and the product predicts on its output,
 * so both see the same tokens. Lower case (NFKC), Hebrew vowel points and `ё` folded, links and
 * user mentions replaced by placeholders, long numbers collapsed, punctuation and emoji made
 * tokens of their own, one line, at most {@link MODEL_TEXT_MAX} characters.
 */
export const MODEL_TEXT_MAX = 1500;

const URL_RE = /(?:https?:\/\/|www\.)\S+/gu;
const MENTION_RE = /@[\p{L}\p{N}_]+/gu;
const LONG_NUMBER_RE = /\p{N}{3,}/gu;
const PUNCT_RE = /([!?.,;:()[\]{}"«»“”„‘’'`…*/\\|~+=<>#%&^-])/gu;
const EMOJI_RE = /(\p{Extended_Pictographic})/gu;
const HEBREW_POINTS_RE = /[\u0591-\u05C7]/gu;
const SPACES_RE = /\s+/gu;
/** Variation selectors and zero-width joiners inside emoji sequences. */
const JOINERS_RE = /\uFE0E|\uFE0F|\u200D|\u200B/gu;

export function normaliseForModel(text: string): string {
  return (text ?? '')
    .slice(0, MODEL_TEXT_MAX * 2)
    .normalize('NFKC')
    .toLowerCase()
    .replace(HEBREW_POINTS_RE, '')
    .replace(/ё/gu, 'е')
    .replace(URL_RE, ' httpurl ')
    .replace(MENTION_RE, ' @user ')
    .replace(LONG_NUMBER_RE, ' 000 ')
    .replace(JOINERS_RE, '')
    .replace(PUNCT_RE, ' $1 ')
    .replace(EMOJI_RE, ' $1 ')
    .replace(SPACES_RE, ' ')
    .trim()
    .slice(0, MODEL_TEXT_MAX);
}

/** The three parts of a labelled corpus: what trains the model, the combiner, and the dev set. */
export type CorpusSplit = 'train' | 'combiner' | 'dev';

/** FNV-1a (32 bit) over the UTF-16 code units of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The deterministic split of a labelled text, by the hash of its normalised form: FNV-1a mod 10
 * = 0 or 1 → `dev` (never trained on), 2 → `combiner`, 3–9 → `train`. Texts equal after
 * normalisation always fall in the same part.
 */
export function corpusSplit(text: string): CorpusSplit {
  const bucket = fnv1a(normaliseForModel(text)) % 10;
  return bucket < 2 ? 'dev' : bucket < 3 ? 'combiner' : 'train';
}
