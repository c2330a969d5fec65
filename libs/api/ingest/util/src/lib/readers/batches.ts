import type { Readable } from 'node:stream';

export const BATCH_SIZE = 2000;

/**
 * Reads an object-mode stream in arrays of up to `size` items: every item already
 * buffered is taken at once, so a million rows cost a few hundred awaits, not a million.
 */
export async function* readBatches<T>(stream: Readable, size = BATCH_SIZE): AsyncGenerator<T[]> {
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  stream.on('error', (error) => {
    failure = error;
    wakeUp();
  });
  stream.on('end', () => {
    ended = true;
    wakeUp();
  });
  stream.on('readable', wakeUp);
  for (;;) {
    if (failure) throw failure;
    const batch: T[] = [];
    let item: T | null;
    while (batch.length < size && (item = stream.read() as T | null) !== null) batch.push(item);
    if (batch.length) {
      yield batch;
      continue;
    }
    if (ended || stream.readableEnded) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** Groups an item-by-item source into arrays (for the less common formats). */
export async function* batched<T>(items: AsyncIterable<T>, size = BATCH_SIZE): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
