import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  embeddedServerIn,
  postgresProcessesIn,
  startApiProcess,
  withClient,
  type ApiProcess,
  type EmbeddedServer,
} from '@returnlens/tools/testing';
import { createToken, upload } from '../support/ingest-client';
import {
  claimsCsv,
  csvText,
  exited,
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
/** The API's own embedded server must answer again within this after a kill -9. */
const RECOVERY_MS = 30_000;
const PATHS = [
  '/api/health',
  '/api/analytics/kpis',
  '/api/analytics/pareto',
  '/api/analytics/records/claims',
];

const TABLES = ['suppliers', 'products', 'sales', 'claims', 'feedback', 'ingest_batches'];

async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    return counts;
  });
}

/**
 * The API on its own embedded PostgreSQL (no DATABASE_URL), whose postmaster is killed with
 * SIGKILL under it: requests get 503 + Retry-After while it is gone, the API starts it again
 * by itself (same folder and port; crash recovery replays the WAL) and answers 200 within
 * 30 s without being restarted, and no committed row is lost.
 */
describe('embedded PostgreSQL killed (kill -9) under a running API', () => {
  let dataDir: string;
  let api: ApiProcess;
  let token: string;
  let server: EmbeddedServer;

  /** The postmaster now running in the data folder (after a restart, a new pid). */
  const current = () => {
    const now = embeddedServerIn(dataDir);
    if (!now) throw new Error(`no postmaster.pid in ${dataDir}`);
    return now;
  };

  /** Kills the postmaster with SIGKILL, as `kill -9 $(head -1 postmaster.pid)` does. */
  const killPostgres = (): number => {
    const { pid } = current();
    process.kill(pid, 'SIGKILL');
    return pid;
  };

  /** Waits for the first 200 from a data endpoint; the time it came, or 0 after `withinMs`. */
  const recovery = async (since: number, withinMs: number): Promise<number> => {
    while (Date.now() - since < withinMs) {
      const p = await probe(api.baseUrl, '/api/analytics/kpis', token, BOUND_MS);
      if (p.status === 200) return Date.now();
      await new Promise((r) => setTimeout(r, 200));
    }
    return 0;
  };

  const stored = (prefix: string) => storedClaims(server.url, prefix);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'returnlens-faults-killed-'));
    api = await startApiProcess({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      EMBEDDED_PG_PORT: '',
      DEMO_DATA: 'off',
      PORT: '3981',
    });
    server = current();
    token = await createToken(server.url, ['ingest', 'read']);
    expect((await upload(api, 'claims', csvText('BEFORE', 2_000), { token })).status).toBe(201);
  });

  afterAll(async () => {
    await api?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while it is gone, restarts it and answers 200 within 30 s without an API restart, losing no row', async () => {
    const before = await rowCounts(server.url);
    expect(before['claims']).toBe(2_000);
    const apiPid = api.child.pid;

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
    const killedAt = Date.now();
    const killedPid = killPostgres();
    // Give the dead server's requests time to fail before looking for the recovery.
    await new Promise((r) => setTimeout(r, 200));
    const recoveredAt = await recovery(killedAt, RECOVERY_MS);
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
      recoveryMs: recoveredAt ? recoveredAt - killedAt : null,
    };
    console.log(`Embedded PostgreSQL killed: ${JSON.stringify(summary)}`);
    const supervisor = api
      .output()
      .split('\n')
      .filter((line) => /\[EmbeddedPostgres\]/.test(line));
    console.log(`The supervisor's log:\n${supervisor.join('\n')}`);

    // Back within 30 s, by the same API process, on a new postmaster in the same folder and port.
    expect(recoveredAt).toBeGreaterThan(0);
    expect(recoveredAt - killedAt).toBeLessThan(RECOVERY_MS);
    expect(api.child.pid).toBe(apiPid);
    expect(api.child.exitCode).toBeNull();
    const restarted = current();
    expect(restarted.pid).not.toBe(killedPid);
    expect(restarted.port).toBe(server.port);
    expect(api.output()).toContain(
      `PostgreSQL (pid ${killedPid}) exited unexpectedly (signal SIGKILL); restarting it on port ${server.port}`,
    );
    expect(api.output()).toMatch(
      new RegExp(
        `PostgreSQL restarted on 127\\.0\\.0\\.1:${server.port} \\(pid ${restarted.pid}, attempt \\d+\\)`,
      ),
    );

    // Never a 500 or a dropped connection, never longer than the bound.
    expect(probes.filter((p) => p.status !== 200 && p.status !== 503)).toEqual([]);
    expect(summary.maxMs).toBeLessThan(BOUND_MS);
    // While it was gone: 503 with Retry-After, data endpoints with the plain message.
    const down = probes.filter((p) => p.status === 503);
    expect(down.length).toBeGreaterThan(0);
    for (const p of down) {
      expect(p).toMatchObject({ retryAfter: expect.stringMatching(/^\d+$/) });
      if (p.path !== '/api/health') expect(p.message).toBe(UNREACHABLE);
    }
    // Once it answered again: all 200.
    const after = probes.filter((p) => p.startedAt > recoveredAt);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((p) => p.status !== 200)).toEqual([]);

    // Nothing lost: the same rows, the same content.
    expect(await rowCounts(server.url)).toEqual(before);
    expect((await stored('BEFORE')).digest).toBe(expectedDigest('BEFORE', 2_000));
  });

  it('fails an ingest cut by the kill, releases its key, and takes the retry with the same key once', async () => {
    const ROWS = 100_000;
    let killedAt = 0;
    const outcome = await streamUpload(api.baseUrl, token, claimsCsv('CUT', ROWS), {
      key: 'cut-by-kill',
      afterChunk: (n) => {
        if (n === 10) {
          killPostgres();
          killedAt = Date.now();
        }
      },
    });
    console.log(`Ingest cut by the kill: HTTP ${outcome.status ?? `none (${outcome.error})`}`);
    expect(killedAt).toBeGreaterThan(0);
    // The client learns it failed: a 503 (or the connection cut if it came mid-body).
    expect(outcome.status === 503 || outcome.status === null).toBe(true);
    if (outcome.status === 503) expect(outcome.body.message).toBe(UNREACHABLE);
    expect(await recovery(killedAt, RECOVERY_MS)).toBeGreaterThan(0);

    expect((await stored('CUT')).count).toBe(0);
    expect((await stored('BEFORE')).digest).toBe(expectedDigest('BEFORE', 2_000));

    const retryId = await expectRetryLandsOnce(api, server.url, token, 'cut-by-kill', ROWS);
    await withClient(server.url, async (c) => {
      const { rows } = await c.query(
        `SELECT status, idempotency_key AS key, error FROM ingest_batches WHERE id <> $1 AND kind = 'claims' ORDER BY id`,
        [retryId],
      );
      // The cut batch: marked failed with its key released, or never recorded when the kill
      // came before its row was committed. Never left running, never holding the key.
      expect(rows[0]).toEqual({ status: 'committed', key: null, error: null });
      expect(rows.length).toBeLessThanOrEqual(2);
      for (const row of rows.slice(1))
        expect(row).toEqual({
          status: 'failed',
          key: null,
          error: expect.stringMatching(/^Interrupted.*released/),
        });
    });
  });

  it('stops supervising on shutdown: stopped right after a kill, it exits 0 and leaves no PostgreSQL behind', async () => {
    killPostgres();
    const stoppedAt = Date.now();
    const code = await api.stop();
    await exited(api);
    console.log(`Stopped right after a kill in ${Date.now() - stoppedAt} ms, exit code ${code}`);
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(30_000);
    // Whatever the supervisor had started meanwhile was stopped with the API.
    await new Promise((r) => setTimeout(r, 500));
    expect(postgresProcessesIn(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, 'api.pid'))).toBe(false);
  });
});
