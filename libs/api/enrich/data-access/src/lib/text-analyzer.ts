import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { loadTextModels } from '@returnlens/shared/text';
import { analyseTexts, TextCache, type TextInput, type TextValues } from './enrich.rows';
import type { AnalyseAnswer, AnalyseRequest } from './text-analysis.worker';

/** The worker's bundle, beside the API's own (`dist/apps/api/text-analysis-worker.js`). */
export const WORKER_FILE = 'text-analysis-worker.js';

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
    { resolve: (values: TextValues[]) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;
  private readonly script: string | null;
  private local: { scope: string; cache: TextCache<TextValues> } | null = null;

  constructor() {
    const script = join(dirname(process.argv[1] ?? '.'), WORKER_FILE);
    this.script = existsSync(script) ? script : null;
  }

  /** Whether the analysis runs in a worker thread (false: in this one). */
  get threaded(): boolean {
    return this.script !== null;
  }

  /** The values of `rows`, in order; `scope` (a batch) shares one cache of distinct texts. */
  analyse(
    kind: 'claims' | 'feedback',
    rows: readonly TextInput[],
    scope: string,
  ): Promise<TextValues[]> {
    if (!this.script) {
      // The trained models load once in this thread too; without them, the rules alone.
      return loadTextModels()
        .catch((error: unknown) => {
          this.logger.warn(`text models not loaded, rules only: ${String(error)}`);
        })
        .then(() => {
          if (this.local?.scope !== scope) this.local = { scope, cache: new TextCache() };
          return analyseTexts(kind, rows, this.local.cache);
        });
    }
    const worker = this.started(this.script);
    clearTimeout(this.idle);
    const id = this.nextId++;
    const request: AnalyseRequest = {
      id,
      kind,
      scope,
      rows: rows.map((r) => ({ text: r.text, stated_language: r.stated_language ?? null })),
    };
    return new Promise<TextValues[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage(request);
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
    const worker = new Worker(script);
    worker.unref();
    worker.on('message', (answer: AnalyseAnswer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiter.reject(new Error(`Text analysis failed: ${answer.error}`));
      else waiter.resolve(answer.values);
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
