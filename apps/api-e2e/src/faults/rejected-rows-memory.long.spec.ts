import { readFileSync } from 'node:fs';
import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken } from '../support/ingest-client';
import { streamUpload } from '../support/faults';

const ROWS = 1_000_000;
const LIMIT_MB = 300;

/** A claims CSV of `rows` rows that all fail validation (an unknown type), in 5,000-row chunks. */
function* badClaims(prefix: string, rows: number): Generator<string> {
  yield 'Ticket,Type,Channel,Date received,Comment\n';
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += `${prefix}-${i},teleport,email,2026-02-01T10:00:00Z,bad row ${i}\n`;
    if (i % 5_000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Peak and current resident memory of a process, in MB (Linux /proc). */
function memoryMb(pid: number): { hwm: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { hwm: Math.round(kb('VmHWM') / 1024), rss: Math.round(kb('VmRSS') / 1024) };
}

/** Downloads the rejected rows' CSV, counting lines without keeping them; samples RSS as it goes. */
async function download(api: ApiProcess, id: string, token: string) {
  const pid = api.child.pid as number;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryMb(pid).rss)), 100);
  try {
    const response = await fetch(`${api.baseUrl}/api/batches/${id}/rejected?format=csv`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    let lines = 0;
    let bytes = 0;
    let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      const text = decoder.decode(chunk, { stream: true });
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
      tail = (tail + text).slice(-2_000);
    }
    return { lines, bytes, tail, peakRss };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * A batch of a million rejected rows, then its CSV download (docs/reliability.md, "Uploads"),
 * with the API's memory read from /proc: streamed, the download costs a page of rows, not the
 * file. First with every rejected row kept, then with the default cap of 10,000 (the others
 * counted by field and message at the end of the file). Run by `npm run test:faults`.
 */
describe('a million rejected rows', () => {
  const db = testDatabaseUrl();
  let token: string;

  /** The API (which migrates a fresh database), then an empty shop and a token. */
  async function start(env: Record<string, string>): Promise<ApiProcess> {
    const api = await startApiProcess({ DATABASE_URL: db, DEMO_DATA: 'off', ...env });
    await truncateShopData(db);
    token = await createToken(db, ['ingest', 'read']);
    return api;
  }

  async function uploadAll(api: ApiProcess, prefix: string) {
    const answer = await streamUpload(api.baseUrl, token, badClaims(prefix, ROWS));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ received: ROWS, inserted: 0, rejected: ROWS });
    return answer.body;
  }

  it(`every row kept: the ${ROWS}-row CSV download keeps the API under ${LIMIT_MB} MB`, async () => {
    const api = await start({ PORT: '3983', INGEST_REJECTED_ROWS_KEPT: String(ROWS) });
    try {
      const report = await uploadAll(api, 'ALL');
      expect(report).toMatchObject({ rejectedKept: ROWS, rejectedSummary: [] });
      const afterUpload = memoryMb(api.child.pid as number);
      const csv = await download(api, report.id, token);
      const after = memoryMb(api.child.pid as number);
      console.log(
        `1,000,000 rejected rows kept: CSV ${Math.round(csv.bytes / 2 ** 20)} MB, ${csv.lines} lines; ` +
          `API VmHWM ${afterUpload.hwm} MB after the upload, ${after.hwm} MB after the download ` +
          `(VmRSS peak during it ${csv.peakRss} MB)`,
      );
      expect(csv.lines).toBe(1 + ROWS);
      expect(csv.tail).toContain(`ALL-${ROWS},teleport,email`);
      expect(after.hwm).toBeLessThan(LIMIT_MB);
      expect(api.child.exitCode).toBeNull();
    } finally {
      await api.stop();
    }
  });

  it(`the default cap: 10,000 kept in full, the rest summarised, under ${LIMIT_MB} MB`, async () => {
    const api = await start({ PORT: '3984' });
    try {
      const report = await uploadAll(api, 'CAP');
      expect(report).toMatchObject({
        rejectedKept: 10_000,
        rejectedSummary: [
          {
            field: 'type',
            message: expect.stringContaining('"teleport" is not a known type'),
            rows: ROWS - 10_000,
            firstRows: [10_001, 10_002, 10_003, 10_004, 10_005],
          },
        ],
      });
      const csv = await download(api, report.id, token);
      const after = memoryMb(api.child.pid as number);
      console.log(
        `1,000,000 rejected rows, 10,000 kept: CSV ${Math.round(csv.bytes / 2 ** 10)} kB, ${csv.lines} lines; ` +
          `API VmHWM ${after.hwm} MB (VmRSS peak during the download ${csv.peakRss} MB)`,
      );
      expect(csv.lines).toBe(1 + 10_000 + 2);
      expect(csv.tail).toContain(
        '990000 more rejected rows were counted but not kept in full (only the first 10000 are',
      );
      expect(csv.tail).toContain(
        '(not kept in full: 990000 rows with this error, the first at rows 10001, 10002, 10003, 10004, 10005, …)',
      );
      expect(after.hwm).toBeLessThan(LIMIT_MB);
    } finally {
      await api.stop();
    }
  });
});
