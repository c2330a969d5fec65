import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  ADAPT_BUCKETS,
  fitAdapted,
  loadTextModels,
  type FittedModel,
  type LabelledText,
} from '@returnlens/shared/text';
import { bundledWorkerScript, WORKER_RESOURCE_LIMITS } from '@returnlens/api/shared/util';
import { analyseTexts, TextCache, type TextInput, type TextValues } from './enrich.rows';
import type {
  AdaptAnswer,
  AdaptRequest,
  AnalyseAnswer,
  AnalyseRequest,
} from './text-analysis.worker';

/** The worker's bundle, beside the API's own (`dist/apps/api/text-analysis-worker.js`). */
export const WORKER_FILE = 'text-analysis-worker.js';

/** What {@link TextAnalyzer.analyse} answers. */
export interface AnalysedTexts {
  readonly values: TextValues[];
  /** Distinct texts analysed (the rest came from the scope's cache). */
  readonly analysed: number;
}

/** A worker with nothing to do for this long is stopped (its lexicons freed). */
const IDLE_MS = 30_000;

/**
 * Runs the text analysis of background batches in one worker thread (the machine has two
 * cores: one serves requests, one analyses). Requests are answered in order; a worker that
 * dies fails what it was doing and is replaced at the next request. Where the worker's bundle
 * is missing (code run from its TypeScript sources), the texts are analysed in this thread.
 */
@Injectable()
export class TextAnalyzer implements OnApplicationShutdown {
  private readonly logger = new Logger('TextAnalysis');
  private worker: Worker | null = null;
  private readonly waiting = new Map<
    number,
    { resolve: (answer: AnalyseAnswer | AdaptAnswer) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;
  private readonly script: string | null;
  private local: { scope: string; cache: TextCache<TextValues> } | null = null;

  constructor() {
    this.script = bundledWorkerScript(WORKER_FILE);
  }

  /** Whether the analysis runs in a worker thread (false: in this one). */
  get threaded(): boolean {
    return this.script !== null;
  }

  /**
   * The values of `rows`, in order, and how many distinct texts were analysed for them (the
   * rest came from the cache); `scope` (a batch) shares one cache of distinct texts.
   */
  analyse(
    kind: 'claims' | 'feedback',
    rows: readonly TextInput[],
    scope: string,
  ): Promise<AnalysedTexts> {
    if (!this.script) {
      // The trained models load once in this thread too; without them, the rules alone.
      return loadTextModels()
        .catch((error: unknown) => {
          this.logger.warn(`text models not loaded, rules only: ${String(error)}`);
        })
        .then(() => {
          if (this.local?.scope !== scope) this.local = { scope, cache: new TextCache() };
          const misses = this.local.cache.misses;
          const values = analyseTexts(kind, rows, this.local.cache);
          return { values, analysed: this.local.cache.misses - misses };
        });
    }
    const request: Omit<AnalyseRequest, 'id'> = {
      kind,
      scope,
      rows: rows.map((r) => ({ text: r.text, stated_language: r.stated_language ?? null })),
    };
    return this.ask(this.script, request).then((answer) => answer as AnalysedTexts);
  }

  /**
   * An adapted model fitted to a shop's labelled texts (ShopTextModels): cross-validated
   * predictions and the final model, computed in the worker (in this thread without one).
   */
  async adapt(texts: readonly LabelledText[], classes: readonly string[]): Promise<FittedModel> {
    if (!this.script) return fitAdapted(texts, classes);
    const answer = (await this.ask(this.script, { kind: 'adapt', texts, classes })) as Extract<
      AdaptAnswer,
      { outOfFold: number[] }
    >;
    const dim = answer.weights.length / classes.length;
    if (dim < ADAPT_BUCKETS)
      throw new Error(`The worker answered a model of ${dim} weights per class`);
    return {
      outOfFold: answer.outOfFold,
      model: { classes, dim, weights: answer.weights, bias: answer.bias },
    };
  }

  private ask(
    script: string,
    request: Omit<AnalyseRequest, 'id'> | Omit<AdaptRequest, 'id'>,
  ): Promise<AnalyseAnswer | AdaptAnswer> {
    const worker = this.started(script);
    clearTimeout(this.idle);
    const id = this.nextId++;
    return new Promise<AnalyseAnswer | AdaptAnswer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    }).finally(() => {
      if (this.waiting.size === 0) {
        clearTimeout(this.idle);
        this.idle = setTimeout(() => void this.stop(), IDLE_MS);
        this.idle.unref();
      }
    });
  }

  async stop(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private started(script: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(script, { resourceLimits: WORKER_RESOURCE_LIMITS });
    worker.unref();
    worker.on('message', (answer: AnalyseAnswer | AdaptAnswer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiter.reject(new Error(`Text analysis failed: ${answer.error}`));
      else waiter.resolve(answer);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', (error) => {
      this.logger.error(`The text-analysis worker failed: ${error.message}`);
      fail(error);
    });
    worker.on('exit', (code) => fail(new Error(`The text-analysis worker stopped (${code})`)));
    this.worker = worker;
    return worker;
  }
}
