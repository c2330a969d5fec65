import { parentPort, workerData } from 'node:worker_threads';
import { rowStager, type RowToStage, type StagedRows, type ValidatorSpec } from './stage-rows';

/**
 * A row-validation worker thread (its own bundle entry, `ingest-validation-worker.js`): it
 * validates the chunks of records it is sent with the batch's validator (`workerData`) and
 * answers each with its COPY text, refused rows and notes (RowValidationPool).
 */
export interface ValidateRequest {
  readonly id: number;
  readonly rows: readonly RowToStage[];
}

export type ValidateAnswer =
  ({ readonly id: number } & StagedRows) | { readonly id: number; readonly error: string };

const stage = rowStager(workerData as ValidatorSpec);

parentPort?.on('message', ({ id, rows }: ValidateRequest) => {
  let answer: ValidateAnswer;
  try {
    answer = { id, ...stage(rows) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(answer);
});
