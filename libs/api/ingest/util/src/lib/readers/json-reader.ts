import { pipeline, type Readable } from 'node:stream';
import split2 from 'split2';
import { parser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { InputError } from './input-error';
import { peek } from './peek';
import { batched } from './batches';
import type { ReadItem, RecordSource } from './source-record';

/** A record that is a JSON value but no object (RowError code and message). */
const NOT_AN_OBJECT = { message: 'is not a JSON object', code: 'row.notJsonObject' } as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** Records read ahead to learn the column names (optional keys are often left out). */
const HEADER_SEARCH = 1000;
const HEADER_SEARCH_CHARS = 4 * 1024 * 1024;

/**
 * The column names are the keys of the first records, in order of appearance: JSON
 * exports leave out keys without a value, so the first object alone may lack some.
 */
async function withFirst(
  records: AsyncIterator<ReadItem>,
): Promise<{ headers: string[]; records: AsyncIterable<ReadItem> }> {
  const ahead: ReadItem[] = [];
  const headers = new Set<string>();
  let size = 0;
  let next = await records.next();
  while (!next.done) {
    ahead.push(next.value);
    size += next.value.rawText.length;
    if ('raw' in next.value) for (const key of Object.keys(next.value.raw)) headers.add(key);
    if (ahead.length >= HEADER_SEARCH || size > HEADER_SEARCH_CHARS) break;
    next = await records.next();
  }
  const more = !next.done;
  async function* all(): AsyncGenerator<ReadItem> {
    yield* ahead;
    if (!more) return;
    for (let item = await records.next(); !item.done; item = await records.next()) yield item.value;
  }
  return { headers: [...headers], records: all() };
}

/** NDJSON / JSON Lines: one object per line; a bad line is a rejected row, not a failed batch. */
export async function readNdjson(input: Readable): Promise<RecordSource> {
  const { head, stream } = await peek(input, 1);
  if (head.length === 0)
    throw new InputError('The file is empty: expected one JSON object per line.');
  const lines = pipeline(stream, split2(), () => undefined); // errors end the iteration
  async function* records(): AsyncGenerator<ReadItem> {
    let lineNumber = 0;
    for await (const line of lines as AsyncIterable<string>) {
      lineNumber++;
      const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        yield {
          rowNumber: lineNumber,
          rawText: text,
          message: `is not valid JSON (${(error as Error).message})`,
          code: 'row.notJson',
          params: { detail: (error as Error).message },
        };
        continue;
      }
      if (!isPlainObject(value)) {
        yield { rowNumber: lineNumber, rawText: text, ...NOT_AN_OBJECT };
        continue;
      }
      yield { rowNumber: lineNumber, raw: value, rawText: text };
    }
  }
  const { headers, records: all } = await withFirst(records());
  return { headers, details: {}, batches: batched(all) };
}

/** A JSON array of objects, streamed element by element. */
export async function readJsonArray(input: Readable): Promise<RecordSource> {
  const { head, stream } = await peek(input, 1);
  const start = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.length === 0)
    throw new InputError('The file is empty: expected a JSON array of objects.');
  if (!start.startsWith('[')) {
    throw new InputError(
      'Expected a JSON array of objects ([{…}, {…}]); for one object per line, send application/x-ndjson.',
    );
  }
  const elements = pipeline(stream, parser(), streamArray(), () => undefined);
  async function* records(): AsyncGenerator<ReadItem> {
    try {
      for await (const { key, value } of elements as AsyncIterable<{
        key: number;
        value: unknown;
      }>) {
        const rowNumber = key + 1;
        const rawText = JSON.stringify(value);
        if (rowNumber === 1 && !isPlainObject(value)) {
          throw new InputError(
            `Expected a JSON array of objects ([{…}, {…}]); element 1 is ${shapeOf(value)}.`,
          );
        }
        if (!isPlainObject(value)) yield { rowNumber, rawText, ...NOT_AN_OBJECT };
        else yield { rowNumber, raw: value, rawText };
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`The JSON is malformed: ${(error as Error).message}`);
    }
  }
  try {
    const { headers, records: all } = await withFirst(records());
    return { headers, details: {}, batches: batched(all) };
  } catch (error) {
    throw error instanceof InputError
      ? error
      : new InputError(`The JSON is malformed: ${(error as Error).message}`);
  }
}
