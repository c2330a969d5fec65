import { readFileSync } from 'node:fs';
import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken } from '../support/ingest-client';
import { streamUpload } from '../support/faults';

const ROWS = 100_000;
/** Memory the download may add to the API, as a share of the file it sends. */
const MAX_GROWTH_SHARE = 0.5;

/** 100,000 claims in February 2026, each with ~1,000 characters of the customer's words. */
function* claims(rows: number): Generator<string> {
  yield 'Ticket,Type,Channel,Date received,Comment\n';
  const words = 'the hinge cracked after two days and the box was dented on arrival '.repeat(15);
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    chunk += `M-${i},return,email,2026-02-${day}T10:00:00Z,claim ${i}: ${words}\n`;
    if (i % 5_000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Current resident memory of a process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

/** Downloads an export, counting bytes and lines without keeping them; samples RSS as it goes. */
async function download(api: ApiProcess, path: string, token: string) {
  const pid = api.child.pid as number;
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  try {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    peak = Math.max(peak, rssMb(pid));
    return { bytes, lines, before, peak, growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The records exports stream from a database cursor (docs/reliability.md, "Exports"): 100,000
 * claims, ~105 MB of CSV, cost the API a batch of rows, not the file. The API's resident memory
 * is sampled from /proc while the CSV and the Arrow export are read; its growth stays under half
 * the file (an export built in memory holds the file several times over: rows as objects, then
 * the text). Measured growth is 10–35 MB whether 100,000 or 300,000 claims are sent (garbage not
 * yet collected), i.e. it does not grow with the file. Run by `npm run test:faults`.
 */
describe(`exporting ${ROWS.toLocaleString('en')} claims`, () => {
  const db = testDatabaseUrl();
  let api: ApiProcess;
  let token: string;

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db, DEMO_DATA: 'off', PORT: '3997' });
    await truncateShopData(db);
    const ingest = await createToken(db, ['ingest']);
    const answer = await streamUpload(api.baseUrl, ingest, claims(ROWS));
    expect([answer.status, answer.body?.inserted]).toEqual([201, ROWS]);
    token = await createToken(db, ['read']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  for (const format of ['csv', 'arrow'] as const) {
    it(`as ${format}: every row, with flat memory`, async () => {
      // A warm-up download first: the first one also loads code and fills the pool.
      const path = `/api/analytics/records/claims?from=2026-W05&to=2026-W09&format=${format}`;
      await download(api, `${path}&product=none`, token);
      const result = await download(api, path, token);
      const share = result.growth / (result.bytes / 2 ** 20);
      console.log(
        `${format}: ${ROWS} claims, ${(result.bytes / 2 ** 20).toFixed(1)} MB sent; API RSS ` +
          `${result.before.toFixed(0)} MB before, peak ${result.peak.toFixed(0)} MB: growth ` +
          `${result.growth.toFixed(1)} MB = ${share.toFixed(3)} × the file`,
      );
      if (format === 'csv') expect(result.lines).toBe(1 + ROWS);
      expect(result.bytes).toBeGreaterThan(100 * 2 ** 20);
      expect(share).toBeLessThan(MAX_GROWTH_SHARE);
      expect(api.child.exitCode).toBeNull();
    });
  }
});
