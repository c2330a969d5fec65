import type { PoolClient } from 'pg';
import type { IngestKind, IngestMapping, RowError } from '@returnlens/shared/contracts';
import {
  BatchNotes,
  isUnreadable,
  type ReadItem,
  type SourceRecord,
} from '@returnlens/api/ingest/util';
import { copyLine, copyText } from '@returnlens/api/shared/sql';
import { bundledWorkerScript } from '@returnlens/api/shared/util';
import { createStageSql, KIND_TABLES, STAGE_TABLE } from './ingest.tables';
import {
  RowValidationPool,
  validationThreads,
  VALIDATION_WORKER_FILE,
} from './row-validation-pool';
import { rowStager, type RowToStage, type StagedRows, type ValidatorSpec } from './stage-rows';

/**
 * PostgreSQL text cannot hold NUL: the kept copy of a rejected row shows it as ␀ (the row
 * itself is rejected for it, so no stored value is ever changed).
 */
function storable(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\u2400') : text;
}

function errorsJson(errors: readonly RowError[]): string {
  return JSON.stringify(errors, (_key, value: unknown) =>
    typeof value === 'string' ? storable(value) : value,
  );
}

export interface StageOptions {
  readonly kind: IngestKind;
  readonly mapping: IngestMapping;
  readonly shopTimeZone: string;
  /** The CSV's delimiter: `;` files write decimals with a comma. */
  readonly delimiter?: string;
  readonly onProgress?: (progress: { rows: number; rejected: number }) => void;
  /** Gathers what was done to stored rows (texts cut, keys derived) for the report. */
  readonly notes?: BatchNotes;
}

/**
 * Rows read before the validation moves to worker threads: a small file is done before
 * threads would have started.
 */
export const THREADED_AFTER_ROWS = 4000;

/** A chunk of records on its way: those read and, once validated, what to COPY of them. */
interface Chunk {
  readonly items: readonly ReadItem[];
  readonly staged: StagedRows;
}

/**
 * Reads every record, validates it and COPYs it into the staging table: a valid row with its
 * typed columns, a bad one with its raw text and every error (docs/decisions/0006). Returns
 * the rows read and rejected, and how many threads validated them. Once a file proves large
 * (THREADED_AFTER_ROWS), its chunks are validated in worker threads (RowValidationPool) while
 * this thread reads the next ones and writes the COPY; chunks are taken back in the file's
 * order, so the staging table, the notes and the progress are the same as without threads.
 */
export async function loadStage(
  client: PoolClient,
  batches: AsyncIterable<readonly ReadItem[]>,
  options: StageOptions,
): Promise<{ rows: number; rejected: number; threads: number }> {
  const spec = KIND_TABLES[options.kind];
  const validator: ValidatorSpec = {
    kind: options.kind,
    mapping: options.mapping,
    shopTimeZone: options.shopTimeZone,
    decimalSeparator: options.delimiter === ';' ? ',' : 'auto',
    now: Date.now(),
  };
  const stageHere = rowStager(validator);
  await client.query(createStageSql(spec));
  let rows = 0;
  let rejected = 0;
  let read = 0;
  const columns = ['row_number', 'ok', 'raw', 'errors', ...spec.columns.map((c) => c.column)];
  const empty = spec.columns.map(() => null);
  const rejectedLine = (item: ReadItem, errors: readonly RowError[]) => {
    rejected++;
    return copyLine([item.rowNumber, false, storable(item.rawText), errorsJson(errors), ...empty]);
  };
  const threads = validationThreads();
  const script = threads > 0 ? bundledWorkerScript(VALIDATION_WORKER_FILE) : null;
  let pool: RowValidationPool | null = null;
  /** Chunks validated ahead of the one the COPY waits for. */
  let ahead = 0;

  /** Sends a chunk's readable records to be validated (here while the file is small). */
  function dispatch(items: readonly ReadItem[]): Promise<Chunk> {
    const toStage = items
      .filter((item): item is SourceRecord => !isUnreadable(item))
      .map((item): RowToStage => [item.rowNumber, item.raw]);
    read += items.length;
    if (!pool && script && read > THREADED_AFTER_ROWS) {
      pool = new RowValidationPool(script, threads, validator);
      ahead = threads * 2;
    }
    if (!pool) {
      try {
        return Promise.resolve({ items, staged: stageHere(toStage) });
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return pool.validate(toStage).then((staged) => ({ items, staged }));
  }

  /** A validated chunk as COPY text, its notes and counts taken in the file's order. */
  function copyOf({ items, staged }: Chunk): string {
    rows += items.length;
    for (const [rowNumber, notes] of staged.notes) options.notes?.add(rowNumber, notes);
    const refused = new Map(staged.rejected);
    const lines: string[] = [];
    let index = 0;
    for (const item of items) {
      if (isUnreadable(item)) {
        lines.push(
          rejectedLine(item, [
            {
              field: '(row)',
              value: item.rawText.slice(0, 200),
              message: item.message,
              code: item.code,
              params: item.params,
            },
          ]),
        );
        continue;
      }
      const errors = refused.get(index++);
      if (errors) lines.push(rejectedLine(item, errors));
    }
    return staged.copy + (lines.length ? lines.join('\n') + '\n' : '');
  }

  /** The chunks of COPY text, in order; a few validated ahead while the thread reads on. */
  async function* staged(): AsyncGenerator<string> {
    const chunks: Promise<Chunk>[] = [];
    const next = async () => {
      const text = copyOf(await (chunks.shift() as Promise<Chunk>));
      options.onProgress?.({ rows, rejected });
      return text;
    };
    for await (const batch of batches) {
      const chunk = dispatch(batch);
      chunk.catch(() => undefined); // awaited in order below, where its failure fails the batch
      chunks.push(chunk);
      while (chunks.length > ahead) {
        const text = await next();
        if (text) yield text;
      }
    }
    while (chunks.length) {
      const text = await next();
      if (text) yield text;
    }
  }
  try {
    await copyText(client, STAGE_TABLE, columns, staged());
  } finally {
    await (pool as RowValidationPool | null)?.close();
  }
  options.onProgress?.({ rows, rejected });
  return { rows, rejected, threads: ahead > 0 ? threads : 0 };
}
