import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | Date | null | undefined;

/** One value in PostgreSQL's COPY text format: `\N` for null, backslash escapes. */
const SPECIAL = /[\\\t\n\r]/;

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

const ROWS_PER_CHUNK = 2000;

/**
 * Streams rows (from an array or an async source, with back-pressure) into `table` with COPY FROM STDIN on `client` (inside the caller's
 * transaction). `onRows` is told how many rows have been sent, for progress output.
 */
export async function copyRows<T>(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<T> | AsyncIterable<T>,
  toValues: (row: T) => readonly CopyValue[],
  onRows?: (count: number) => void,
): Promise<void> {
  async function* chunks(): AsyncGenerator<string> {
    let buffer: string[] = [];
    for await (const row of rows) {
      buffer.push(copyLine(toValues(row)));
      if (buffer.length === ROWS_PER_CHUNK) {
        yield buffer.join('\n') + '\n';
        onRows?.(buffer.length);
        buffer = [];
      }
    }
    if (buffer.length) {
      yield buffer.join('\n') + '\n';
      onRows?.(buffer.length);
    }
  }
  await copyText(client, table, columns, chunks());
}

/** One row in COPY text format, without the newline. */
export function copyLine(values: readonly CopyValue[]): string {
  return values.map(copyField).join('\t');
}

/** Streams text already in COPY format (lines ending in `\n`) into `table`. */
export async function copyText(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  chunks: AsyncIterable<string>,
): Promise<void> {
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(chunks), client.query(copyFrom(sql)));
}
