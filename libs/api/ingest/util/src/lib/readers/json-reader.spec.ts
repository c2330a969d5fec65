import { Readable } from 'node:stream';
import { InputError } from './input-error';
import { readJsonArray, readNdjson } from './json-reader';

async function readAll(source: { batches: AsyncIterable<readonly unknown[]> }) {
  const items: unknown[] = [];
  for await (const batch of source.batches) items.push(...batch);
  return items;
}

describe('readJsonArray', () => {
  it('reports a truncated array as malformed input (and the process lives on)', async () => {
    const read = async () =>
      readAll(await readJsonArray(Readable.from([Buffer.from('[{"id":"1"},{"id":"2","t":"ret')])));
    await expect(read()).rejects.toBeInstanceOf(InputError);
    await expect(read()).rejects.toThrow('The JSON is malformed');
  });

  it('refuses an array whose first element is no object', async () => {
    await expect(readJsonArray(Readable.from([Buffer.from('[["1","return"]]')]))).rejects.toThrow(
      'Expected a JSON array of objects ([{…}, {…}]); element 1 is an array.',
    );
  });

  it('takes the column names from the first records, not only the first one', async () => {
    const source = await readJsonArray(
      Readable.from([Buffer.from('[{"id":"1"},{"id":"2","comment":"late key"}]')]),
    );
    expect(source.headers).toEqual(['id', 'comment']);
    expect(await readAll(source)).toHaveLength(2);
  });
});

describe('readNdjson', () => {
  it('takes the column names past a broken first line, which stays a rejected row', async () => {
    const source = await readNdjson(
      Readable.from([Buffer.from('{"id":\n{"id":"2","text":"ok"}\n')]),
    );
    expect(source.headers).toEqual(['id', 'text']);
    expect(await readAll(source)).toEqual([
      expect.objectContaining({
        rowNumber: 1,
        message: expect.stringContaining('is not valid JSON'),
      }),
      expect.objectContaining({ rowNumber: 2, raw: { id: '2', text: 'ok' } }),
    ]);
  });
});
