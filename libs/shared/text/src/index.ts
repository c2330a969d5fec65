export * from './lib/analyze';
export * from './lib/detect-language';
export { scoreSentiment, labelOf, normalise, POSITIVE_FROM, NEGATIVE_FROM } from './lib/sentiment';
export type { SentimentDetail, SentimentHit, ClauseSentiment } from './lib/sentiment';
export { detectAspects } from './lib/aspects';
export { scoreReasons, reasonConfidence, REASON_MIN_CONFIDENCE } from './lib/reasons';
export type { ReasonScore } from './lib/reasons';
export { tokenize, foldWord } from './lib/tokenize';
export type { Token, Tokenized } from './lib/tokenize';
export { packFor, LANGUAGE_PACKS } from './lib/languages/compiled';
export type { LanguagePack } from './lib/languages/language-pack';
export { normalizeLanguageTag } from './lib/language-tag';
export { normaliseForModel, corpusSplit, fnv1a, MODEL_TEXT_MAX } from './lib/model-text';
export type { CorpusSplit } from './lib/model-text';
export {
  loadTextModels,
  textModelsLoaded,
  textModelsDir,
  modelLanguages,
  modelNameFor,
  predictSentiment,
  MODEL_CLASSES,
} from './lib/model';
export type { ClassProbabilities, ModelClass, LoadedTextModels } from './lib/model';
export {
  COMBINER_FEATURES,
  combine,
  combinerFeatures,
  fitCombiner,
  topClass,
} from './lib/combiner';
export type { CombinerWeights, RuleCues } from './lib/combiner';
export {
  ADAPT_BUCKETS,
  SENTIMENT_CLASSES,
  adaptationGate,
  agreement,
  argmax,
  binaryMacroF1,
  crossValidate,
  fitAdapted,
  macroF1,
  packModel,
  predictLinear,
  ratingClass,
  reasonPriors,
  seededRandom,
  sentimentPriors,
  textFeatures,
  trainLinear,
  unpackModel,
} from './lib/adapt';
export type {
  FittedModel,
  GateDecision,
  GateInput,
  LabelledText,
  LinearModel,
  SparseFeatures,
  TrainOptions,
} from './lib/adapt';
