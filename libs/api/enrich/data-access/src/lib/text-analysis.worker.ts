import { parentPort } from 'node:worker_threads';
import { loadTextModels } from '@returnlens/shared/text';
import { analyseTexts, TextCache, type TextInput, type TextValues } from './enrich.rows';

/**
 * The text-analysis worker thread (its own bundle entry, `text-analysis-worker.js`): it
 * analyses the texts it is sent and answers with their values, so the API's event loop keeps
 * serving while a large batch is analysed. Each distinct text is analysed once per scope (a
 * batch); the cache is dropped when the scope changes.
 */
export interface AnalyseRequest {
  readonly id: number;
  readonly kind: 'claims' | 'feedback';
  readonly scope: string;
  readonly rows: readonly TextInput[];
}

export type AnalyseAnswer =
  | { readonly id: number; readonly values: TextValues[] }
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

parentPort?.on('message', (request: AnalyseRequest) => void ready.then(() => answer(request)));

function answer(request: AnalyseRequest): void {
  if (request.scope !== scope) {
    scope = request.scope;
    cache = new TextCache<TextValues>();
  }
  let reply: AnalyseAnswer;
  try {
    reply = { id: request.id, values: analyseTexts(request.kind, request.rows, cache) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
}
