import {
  startApiProcess,
  startRestartablePostgres,
  withClient,
  type ApiProcess,
  type RestartablePostgres,
} from '@returnlens/tools/testing';
import { createToken, upload } from '../support/ingest-client';
import {
  claimsCsv,
  csvText,
  expectedDigest,
  probe,
  streamUpload,
  type Probe,
  expectRetryLandsOnce,
  storedClaims,
} from '../support/faults';

const UNREACHABLE = 'The database is not reachable right now; try again in a moment.';
/** No request may take longer than this, whatever state PostgreSQL is in. */
const BOUND_MS = 12_000;
const PATHS = [
  '/api/health',
  '/api/analytics/kpis',
  '/api/analytics/pareto',
  '/api/reports/weekly',
];

/**
 * PostgreSQL stopped (fast shutdown) and started again under a running API, with the test's
 * own embedded server (never the system one): readers get 503 + Retry-After while it is
 * down, never a 500 or a hang, and answers come back without restarting the API; an ingest
 * cut by the stop leaves nothing and is marked failed.
 */
describe('PostgreSQL restarted while requests run', () => {
  let pg: RestartablePostgres;
  let api: ApiProcess;
  let token: string;

  beforeAll(async () => {
    pg = await startRestartablePostgres();
    api = await startApiProcess({ DATABASE_URL: pg.url, DEMO_DATA: 'off', PORT: '3972' });
    token = await createToken(pg.url, ['ingest', 'read']);
    expect((await upload(api, 'claims', csvText('BEFORE', 2_000), { token })).status).toBe(201);
  });

  afterAll(async () => {
    await api?.stop();
    await pg?.destroy();
  });

  it('answers 503 with Retry-After while it is down and recovers without an API restart', async () => {
    const probes: Probe[] = [];
    let running = true;
    const worker = async (offset: number) => {
      for (let i = offset; running; i++) {
        probes.push(await probe(api.baseUrl, PATHS[i % PATHS.length], token, BOUND_MS + 3_000));
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const workers = [0, 1, 2, 3].map(worker);

    await new Promise((r) => setTimeout(r, 2_000));
    const stopAt = Date.now();
    await pg.stop();
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, 6_000));
    const restartAt = Date.now();
    await pg.start();
    const startedAt = Date.now();
    // Back within a bound: the first 200 from a data endpoint after the server is up.
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - startedAt < 30_000) {
      const p = await probe(api.baseUrl, '/api/analytics/kpis', token, BOUND_MS);
      if (p.status === 200) recoveredAt = Date.now();
      else await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 3_000));
    running = false;
    await Promise.all(workers);

    const summary = {
      probes: probes.length,
      byStatus: probes.reduce<Record<string, number>>((acc, p) => {
        acc[String(p.status)] = (acc[String(p.status)] ?? 0) + 1;
        return acc;
      }, {}),
      maxMs: Math.max(...probes.map((p) => p.ms)),
      stopMs: stoppedAt - stopAt,
      recoveryMs: recoveredAt - startedAt,
    };
    console.log(`PostgreSQL restart: ${JSON.stringify(summary)}`);

    expect(recoveredAt).toBeGreaterThan(0);
    // Never a 500, never a dropped connection, never longer than the bound.
    expect(probes.filter((p) => p.status !== 200 && p.status !== 503)).toEqual([]);
    expect(summary.maxMs).toBeLessThan(BOUND_MS);
    // Requests made while the server was down: all 503 with Retry-After; data endpoints
    // with the plain message.
    const down = probes.filter((p) => p.startedAt > stoppedAt && p.startedAt + p.ms < restartAt);
    expect(down.length).toBeGreaterThan(10);
    for (const p of down) {
      expect(p).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      if (p.path !== '/api/health') expect(p.message).toBe(UNREACHABLE);
    }
    // Requests made once it answered again: all 200.
    const after = probes.filter((p) => p.startedAt > recoveredAt);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((p) => p.status !== 200)).toEqual([]);
  });

  it('leaves nothing of an ingest cut by the stop, marks it failed and takes the retry with the same key', async () => {
    const ROWS = 100_000;
    let stopping: Promise<void> | undefined;
    const outcome = await streamUpload(api.baseUrl, token, claimsCsv('CUT', ROWS), {
      key: 'cut-by-restart',
      afterChunk: (n) => {
        if (n === 10) stopping = pg.stop();
      },
    });
    await stopping;
    console.log(`Ingest cut by the stop: HTTP ${outcome.status ?? `none (${outcome.error})`}`);
    // The client learns it failed: a 503 (or the connection cut if it came mid-body).
    expect(outcome.status === 503 || outcome.status === null).toBe(true);
    if (outcome.status === 503) expect(outcome.body.message).toBe(UNREACHABLE);
    await pg.start();

    const stored = (prefix: string) => storedClaims(pg.url, prefix);
    expect((await stored('CUT')).count).toBe(0);
    expect((await stored('BEFORE')).digest).toBe(expectedDigest('BEFORE', 2_000));

    // The same key again: the dead batch is found, marked failed, its key released; the file lands once.
    const retryId = await expectRetryLandsOnce(api, pg.url, token, 'cut-by-restart', ROWS);
    await withClient(pg.url, async (c) => {
      const { rows } = await c.query(
        `SELECT status, idempotency_key AS key, error FROM ingest_batches WHERE id <> $1 AND kind = 'claims' ORDER BY id`,
        [retryId],
      );
      expect(rows).toEqual([
        { status: 'committed', key: null, error: null },
        { status: 'failed', key: null, error: expect.stringMatching(/^Interrupted.*released/) },
      ]);
    });
  });
});
