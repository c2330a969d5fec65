import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { DataType, tableFromIPC, TimeUnit, type Timestamp } from 'apache-arrow';
import {
  arrowExportStream,
  csvExportStream,
  exportTypeOf,
  type ExportColumn,
  type ExportRow,
  type TableCursor,
} from './table-export';

/** A cursor over `batches`, recording how many were read and whether it was closed. */
function fakeCursor(columns: ExportColumn[], batches: ExportRow[][]) {
  const state = { read: 0, closed: 0 };
  const cursor: TableCursor = {
    columns,
    next: async () => (state.read < batches.length ? batches[state.read++] : null),
    close: async () => {
      state.closed++;
    },
  };
  return { cursor, state };
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const COLUMNS: ExportColumn[] = [
  { name: 'externalId', type: 'text' },
  { name: 'quantity', type: 'int32' },
  { name: 'openedAt', type: 'timestamp' },
  { name: 'big', type: 'int64' },
  { name: 'score', type: 'float64' },
];
const OPENED = new Date('2026-03-03T09:00:00Z');
const BATCHES: ExportRow[][] = [
  [
    ['c1', 2, OPENED, '9007199254740993', 0.5],
    ['=cmd', null, null, null, null],
  ],
  [['c3', 1, new Date('2026-03-04T10:30:00Z'), '7', -0.25]],
  [],
];

describe('streamed table exports', () => {
  it('types PostgreSQL columns: integers, timestamps, floats; numeric and text as text', () => {
    expect([23, 21, 20, 701, 700, 1184, 1114, 16, 1700, 25].map(exportTypeOf)).toEqual([
      'int32',
      'int32',
      'int64',
      'float64',
      'float64',
      'timestamp',
      'timestamp',
      'boolean',
      'text',
      'text',
    ]);
  });

  it('writes every batch as CSV, header first, formulas neutralised, and closes the cursor', async () => {
    const { cursor, state } = fakeCursor(COLUMNS, BATCHES);
    const csv = (await collect(csvExportStream(cursor))).toString('utf8');
    expect(csv).toBe(
      '\uFEFFexternalId,quantity,openedAt,big,score\r\n' +
        'c1,2,2026-03-03T09:00:00.000Z,9007199254740993,0.5\r\n' +
        "'=cmd,,,,\r\n" +
        'c3,1,2026-03-04T10:30:00.000Z,7,-0.25\r\n',
    );
    expect(state).toEqual({ read: 3, closed: 1 });
  });

  it('writes one Arrow stream of typed columns across batches', async () => {
    const { cursor, state } = fakeCursor(COLUMNS, BATCHES);
    const table = tableFromIPC(await collect(arrowExportStream(cursor)));
    expect(table.numRows).toBe(3);
    expect(table.batches.length).toBe(2);
    const type = (name: string) => table.schema.fields.find((f) => f.name === name)!.type;
    expect(DataType.isUtf8(type('externalId'))).toBe(true);
    expect(DataType.isInt(type('quantity')) && type('quantity').bitWidth).toBe(32);
    expect(DataType.isInt(type('big')) && type('big').bitWidth).toBe(64);
    const ts = type('openedAt') as Timestamp;
    expect([DataType.isTimestamp(ts), ts.unit, ts.timezone]).toEqual([
      true,
      TimeUnit.MILLISECOND,
      'UTC',
    ]);
    expect(table.getChild('externalId')!.toArray()).toEqual(['c1', '=cmd', 'c3']);
    expect([...table.getChild('quantity')!]).toEqual([2, null, 1]);
    expect(table.getChild('openedAt')!.get(0)).toBe(OPENED.getTime());
    expect(table.getChild('openedAt')!.get(1)).toBeNull();
    expect(table.getChild('big')!.get(0)).toBe(9007199254740993n);
    expect(table.getChild('score')!.get(2)).toBe(-0.25);
    expect(state.closed).toBe(1);
  });

  it('an empty result is a header, or a schema without batches', async () => {
    const csv = await collect(csvExportStream(fakeCursor(COLUMNS, [[]]).cursor));
    expect(csv.toString('utf8')).toBe('\uFEFFexternalId,quantity,openedAt,big,score\r\n');
    const table = tableFromIPC(await collect(arrowExportStream(fakeCursor(COLUMNS, [[]]).cursor)));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(COLUMNS.map((c) => c.name));
  });

  it('reads no further than the reader takes, and closes the cursor when the reader leaves', async () => {
    const many = Array.from({ length: 1_000 }, (_, b) =>
      Array.from({ length: 100 }, (_, i): ExportRow => [`c${b}-${i}`, i, OPENED, '1', 0]),
    );
    const { cursor, state } = fakeCursor(COLUMNS, many);
    const stream = csvExportStream(cursor);
    stream.once('data', () => undefined); // one chunk, then nobody reads
    stream.pause();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.read).toBeLessThan(100);
    stream.destroy();
    await once(stream, 'close');
    await new Promise((resolve) => setImmediate(resolve));
    expect(state.closed).toBe(1);
  });
});
