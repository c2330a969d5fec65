import { parentPort } from 'node:worker_threads';
import { fitAdapted, loadTextModels, type LabelledText } from '@returnlens/shared/text';
import { analyseTexts, TextCache, type TextInput, type TextValues } from './enrich.rows';

/**
 * The text-analysis worker thread (its own bundle entry, `text-analysis-worker.js`): it
 * analyses the texts it is sent and answers with their values, so the API's event loop keeps
 * serving while a large batch is analysed; and it fits the shop's adapted models
 * (ShopTextModels), the heaviest arithmetic the API does. Each distinct text is analysed once
 * per scope (a batch); the cache is dropped when the scope changes.
 */
export interface AnalyseRequest {
  readonly id: number;
  readonly kind: 'claims' | 'feedback';
  readonly scope: string;
  readonly rows: readonly TextInput[];
}

/** Fit an adapted model: cross-validated predictions and the final weights. */
export interface AdaptRequest {
  readonly id: number;
  readonly kind: 'adapt';
  readonly texts: readonly LabelledText[];
  readonly classes: readonly string[];
}

export type AnalyseAnswer =
  /** `analysed`: distinct texts analysed for this request (the rest came from the cache). */
  | { readonly id: number; readonly values: TextValues[]; readonly analysed: number }
  | { readonly id: number; readonly error: string };

export type AdaptAnswer =
  | {
      readonly id: number;
      readonly outOfFold: number[];
      readonly weights: Float32Array;
      readonly bias: Float32Array;
    }
  | { readonly id: number; readonly error: string };

let scope: string | null = null;
let cache = new TextCache<TextValues>();
/**
 * The trained sentiment models (copied beside the bundle, `text-models/`) load once when the
 * worker starts; requests wait for them. Without them the texts are read by the rules alone.
 */
const ready = loadTextModels().then(
  () => undefined,
  (error: unknown) => {
    console.warn(
      `text models not loaded, rules only: ${error instanceof Error ? error.message : String(error)}`,
    );
  },
);

parentPort?.on(
  'message',
  (request: AnalyseRequest | AdaptRequest) =>
    void ready.then(() => (request.kind === 'adapt' ? adapt(request) : answer(request))),
);

function answer(request: AnalyseRequest): void {
  if (request.scope !== scope) {
    scope = request.scope;
    cache = new TextCache<TextValues>();
  }
  let reply: AnalyseAnswer;
  try {
    const misses = cache.misses;
    const values = analyseTexts(request.kind, request.rows, cache);
    reply = { id: request.id, values, analysed: cache.misses - misses };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
}

function adapt(request: AdaptRequest): void {
  try {
    const fitted = fitAdapted(request.texts, request.classes);
    const reply: AdaptAnswer = {
      id: request.id,
      outOfFold: fitted.outOfFold,
      weights: fitted.model.weights,
      bias: fitted.model.bias,
    };
    parentPort?.postMessage(reply, [fitted.model.weights.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: AdaptAnswer = {
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    };
    parentPort?.postMessage(reply);
  }
}
