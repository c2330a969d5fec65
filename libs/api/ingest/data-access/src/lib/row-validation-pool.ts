import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WORKER_RESOURCE_LIMITS } from '@returnlens/api/shared/util';
import type { ValidateAnswer } from './row-validation.worker';
import type { RowToStage, StagedRows, ValidatorSpec } from './stage-rows';

/** The workers' bundle, beside the API's own (`dist/apps/api/ingest-validation-worker.js`). */
export const VALIDATION_WORKER_FILE = 'ingest-validation-worker.js';

/**
 * Validation threads for one large upload: one per core but the one that reads the file
 * (at least one, at most four). INGEST_WORKERS sets another number (0: validate in the
 * API's thread).
 */
export function validationThreads(): number {
  const set = process.env['INGEST_WORKERS'];
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), 8);
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/**
 * Validates chunks of records in worker threads while the API's thread reads the next ones
 * and writes the COPY: chunks go to the workers in turn and `validate` answers each chunk's
 * promise, so the caller keeps the file's order by awaiting them in order. A worker that fails
 * or dies fails every chunk it holds (and the batch with it).
 */
export class RowValidationPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve: (rows: StagedRows) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private turn = 0;
  private failure: Error | null = null;

  constructor(script: string, threads: number, spec: ValidatorSpec) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(script, {
        workerData: spec,
        resourceLimits: WORKER_RESOURCE_LIMITS,
      });
      worker.on('message', (answer: ValidateAnswer) => this.answered(answer));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.workers.includes(worker))
          this.fail(new Error(`A row-validation worker stopped (${code})`));
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  validate(rows: readonly RowToStage[]): Promise<StagedRows> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length];
    return new Promise<StagedRows>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, rows });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private answered(answer: ValidateAnswer): void {
    const waiter = this.waiting.get(answer.id);
    if (!waiter) return;
    this.waiting.delete(answer.id);
    if ('error' in answer) waiter.reject(new Error(`Row validation failed: ${answer.error}`));
    else waiter.resolve(answer);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
