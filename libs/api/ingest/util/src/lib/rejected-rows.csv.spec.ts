import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { rejectedRowsCsv, rejectedRowsCsvStream, type RejectedRow } from './rejected-rows.csv';

const ROWS: RejectedRow[] = [
  {
    rowNumber: 2,
    raw: 'B-1,teleport,email,2026-03-01',
    errors: [{ field: 'type', value: 'teleport', message: '"teleport" is not a known type' }],
  },
  {
    rowNumber: 4,
    raw: '=cmd|x,return,,31.02.2026',
    errors: [
      { field: 'channel', value: null, message: 'is required but empty (column "Channel")' },
      { field: 'opened_at', value: '31.02.2026', message: '"31.02.2026" is not a real date' },
    ],
  },
];

/** The stream's bytes as text, its BOM kept (TextDecoder would drop it). */
const text = async (stream: Readable) => (await buffer(stream)).toString('utf8');

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}

describe('the rejected rows as CSV', () => {
  it('streams the same bytes as the whole text: BOM, header, CRLF, formula guard', async () => {
    const whole = rejectedRowsCsv(ROWS, { rejected: 2, rejectedKept: 2, rejectedSummary: [] });
    expect(whole.startsWith('\uFEFFrow,field,value,message,original\r\n')).toBe(true);
    expect(whole).toContain(
      `4,channel,,"is required but empty (column ""Channel"")","'=cmd|x,return,,31.02.2026"\r\n`,
    );
    expect(await text(rejectedRowsCsvStream(slowly(ROWS), { rejected: 2 }))).toBe(whole);
    expect(await text(rejectedRowsCsvStream(slowly([])))).toBe(rejectedRowsCsv([]));
  });

  it('ends with the rows not kept in full, by field and message', async () => {
    const totals = {
      rejected: 1_000_002,
      rejectedKept: 2,
      rejectedSummary: [
        {
          field: 'type',
          message: '"teleport" is not a known type',
          rows: 1_000_000,
          firstRows: [3, 5, 6, 7, 8],
        },
      ],
    };
    const csv = await text(rejectedRowsCsvStream(slowly(ROWS), totals));
    expect(csv).toBe(rejectedRowsCsv(ROWS, totals));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 3 + 2);
    expect(lines[4]).toBe(
      ',,,"1000000 more rejected rows were counted but not kept in full (only the first 2 are, INGEST_REJECTED_ROWS_KEPT); their errors by field and message follow",',
    );
    expect(lines[5]).toBe(
      ',type,,"""teleport"" is not a known type","(not kept in full: 1000000 rows with this error, the first at rows 3, 5, 6, 7, 8, …)"',
    );
  });

  it('writes the closing summary in the reader’s language, numbers and rows as they are', () => {
    const totals = {
      rejected: 7,
      rejectedKept: 2,
      rejectedSummary: [{ field: 'type', message: 'x', rows: 5, firstRows: [3, 4, 5, 6, 7] }],
    };
    const lines = rejectedRowsCsv(ROWS, totals, 'pl', 'pl').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFWiersz,Pole,Wartość,Problem,Oryginalny wiersz');
    expect(lines[4]).toBe(
      ',,,"Jeszcze 5 odrzuconych wierszy policzono, ale nie zachowano w całości (zachowuje się tylko pierwsze 2, INGEST_REJECTED_ROWS_KEPT); poniżej ich błędy według pola i komunikatu",',
    );
    expect(lines[5]).toBe(
      ',type,,x,"(nie zachowano w całości: 5 wierszy z tym błędem, pierwsze w wierszach 3, 4, 5, 6, 7)"',
    );
    expect(rejectedRowsCsv(ROWS, totals, null, 'en')).toBe(rejectedRowsCsv(ROWS, totals));
  });

  it('reads its source only as fast as the stream is read', async () => {
    let pulled = 0;
    async function* many(): AsyncGenerator<RejectedRow> {
      for (let i = 1; i <= 1_000_000; i++) {
        pulled = i;
        yield { ...ROWS[0], rowNumber: i };
      }
    }
    const stream = rejectedRowsCsvStream(many());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulled).toBeLessThan(5_000);
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stoppedAt = pulled;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulled).toBe(stoppedAt);
  });
});
