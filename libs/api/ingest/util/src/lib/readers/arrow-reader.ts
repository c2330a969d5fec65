import { Readable } from 'node:stream';
import { RecordBatchReader } from 'apache-arrow';
import { InputError } from './input-error';
import { peek } from './peek';
import { batched } from './batches';
import type { ReadItem, RecordSource } from './source-record';

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Continuation indicator and a zero length: how an Arrow IPC stream says it is complete. */
const END_OF_STREAM = Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** An Apache Arrow IPC stream, read batch by batch. */
export async function readArrow(input: Readable): Promise<RecordSource> {
  const { head, stream } = await peek(input, 8);
  if (head.length === 0)
    throw new InputError('The file is empty: expected an Apache Arrow IPC stream.');
  // The last bytes of the upload: a complete stream ends with the end-of-stream marker.
  let tail = Buffer.alloc(0);
  let ended = false;
  async function* watched(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      tail = Buffer.concat([tail, chunk]).subarray(-END_OF_STREAM.length);
      yield chunk;
    }
    ended = true;
  }
  let reader: RecordBatchReader;
  try {
    reader = await RecordBatchReader.from(watched());
    await reader.open();
  } catch (error) {
    throw new InputError(`This is not an Apache Arrow IPC stream: ${(error as Error).message}`);
  }
  if (reader.isFile() === false && !reader.schema)
    throw new InputError('The Arrow stream has no schema.');
  const headers = reader.schema.fields.map((field) => field.name);
  async function* records(): AsyncGenerator<ReadItem> {
    let rowNumber = 0;
    try {
      for await (const batch of reader) {
        for (let i = 0; i < batch.numRows; i++) {
          rowNumber++;
          const raw: Record<string, unknown> = {};
          for (const name of headers) raw[name] = plain(batch.getChild(name)?.get(i));
          yield { rowNumber, raw, rawText: JSON.stringify(raw) };
        }
      }
    } catch (error) {
      throw new InputError(
        `The Arrow stream is broken after row ${rowNumber}: ${(error as Error).message}`,
      );
    }
    // The reader takes a stream cut between two messages for a shorter stream: a stream
    // that reached its end without the marker was cut off (the reader stops at the marker).
    if (!reader.isFile() && ended && !tail.equals(END_OF_STREAM)) {
      throw new InputError(
        `The Arrow stream is cut off after row ${rowNumber}: it ends without the end-of-stream ` +
          'marker. Send the whole stream again.',
      );
    }
  }
  return { headers, details: {}, batches: batched(records()) };
}
