import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';
import { csvText } from '../support/faults';
import {
  abortSlowUploads,
  CLAIMS_HEADER,
  claimRows,
  slowUpload,
  type SlowUpload,
} from '../support/slow-upload';

const UPLOADS = 12;
const SECONDS = 15;

interface Timed {
  readonly path: string;
  readonly ms: number;
  readonly status: number | null;
}

/** One GET that bypasses the answer cache, bounded at 5 s on the client's side. */
async function timedGet(baseUrl: string, path: string, token: string): Promise<Timed> {
  const started = Date.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, 'Cache-Control': 'no-cache' },
      signal: AbortSignal.timeout(5_000),
    });
    await response.arrayBuffer();
    return { path, ms: Date.now() - started, status: response.status };
  } catch {
    return { path, ms: Date.now() - started, status: null };
  }
}

/**
 * Twelve uploads trickling in at about 4 KB/s each (docs/reliability.md, "Uploads"): at most
 * INGEST_MAX_UPLOADS (3) of them hold a database connection, the others are refused with
 * 503 and Retry-After, and all along `/api/health` and a dashboard read answer within 1 s.
 */
describe('a dozen slow uploads at once', () => {
  const db = testDatabaseUrl();
  let api: ApiProcess;
  let ingestToken: string;
  let readToken: string;

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db, DEMO_DATA: 'off', PORT: '3982' });
    await truncateShopData(db);
    ingestToken = await createToken(db, ['ingest']);
    readToken = await createToken(db, ['read']);
    expect((await upload(api, 'claims', csvText('BASE', 500), { token: ingestToken })).status).toBe(
      201,
    );
  });

  afterEach(() => abortSlowUploads());

  afterAll(async () => {
    abortSlowUploads();
    await api?.stop();
  });

  it('keeps /api/health and the dashboard reads under 1 s; three load, the rest get 503', async () => {
    const uploads: SlowUpload[] = [];
    for (let u = 0; u < UPLOADS; u++) {
      const slow = slowUpload(api.baseUrl, '/api/ingest/claims', {
        Authorization: `Bearer ${ingestToken}`,
      });
      // First more than the 64 kB a CSV reader samples, so its rows are ready at once...
      slow.write(CLAIMS_HEADER + claimRows(`U${u}`, 1, 1_400));
      let next = 1_401;
      // ...then about 200 bytes every 50 ms: 4 kB/s.
      slow.trickle(() => {
        const rows = claimRows(`U${u}`, next, 4);
        next += 4;
        return rows;
      }, 50);
      uploads.push(slow);
    }

    const probes: Timed[] = [];
    const until = Date.now() + SECONDS * 1000;
    while (Date.now() < until) {
      probes.push(
        ...(await Promise.all([
          timedGet(api.baseUrl, '/api/health', readToken),
          timedGet(api.baseUrl, '/api/analytics/pareto', readToken),
        ])),
      );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const slow of uploads) slow.end();
    const answers = await Promise.all(uploads.map((slow) => slow.answer));

    const worst = (path: string) =>
      Math.max(...probes.filter((p) => p.path === path).map((p) => p.ms));
    console.log(
      `${probes.length} probes during ${UPLOADS} slow uploads: slowest /api/health ${worst('/api/health')} ms, ` +
        `/api/analytics/pareto ${worst('/api/analytics/pareto')} ms; uploads answered ` +
        answers.map((a) => `${a.status} ${String(a.body?.message ?? '').slice(0, 80)}`).join(' | '),
    );
    const slowOnes = probes.filter((p) => p.status !== 200 || p.ms >= 1_000);
    expect(slowOnes).toEqual([]);
    expect(probes.length).toBeGreaterThan(20);

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(3).fill(201), ...Array(UPLOADS - 3).fill(503)]);
    for (const refused of answers.filter((a) => a.status === 503)) {
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body.message).toContain('INGEST_MAX_UPLOADS=3');
    }
    for (const loaded of answers.filter((a) => a.status === 201)) {
      expect(loaded.body).toMatchObject({ status: 'committed', rejected: 0 });
      expect(loaded.body.inserted).toBeGreaterThan(1_400);
    }
  });
});
