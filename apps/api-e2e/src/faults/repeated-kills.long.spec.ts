import { Client } from 'pg';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';
import {
  claimsCsv,
  csvText,
  exited,
  expectedDigest,
  STORED_CLAIMS_SQL,
  streamUpload,
  type StoredClaims,
} from '../support/faults';

const ROWS = 400_000; // 80 chunks of 5,000 rows
const KEY = 'big-file';

/**
 * kill -9 of the API three times during the same large ingest — early in the upload, late
 * in it, and after the whole file was received while the merge runs — then the retry with
 * the same Idempotency-Key lands exactly once. Run by `npm run test:faults`.
 */
describe('the API killed again and again during a large ingest', () => {
  const db = testDatabaseUrl();
  const env = { DATABASE_URL: db, DEMO_DATA: 'off', PORT: '3973' };
  let api: ApiProcess;
  let token: string;
  let watcher: Client;
  let activity: Client;
  let seenBig = 0;
  let watching: NodeJS.Timeout;

  const stored = (prefix: string) =>
    withClient(db, async (c) => (await c.query<StoredClaims>(STORED_CLAIMS_SQL, [prefix])).rows[0]);

  beforeAll(async () => {
    api = await startApiProcess(env);
    await truncateShopData(db);
    token = await createToken(db, ['ingest', 'read']);
    expect((await upload(api, 'claims', csvText('EARLY', 2_000), { token })).status).toBe(201);
    // Another session looks at the claims table all along: no row of the big file may
    // show before its batch commits.
    watcher = new Client({ connectionString: db });
    await watcher.connect();
    activity = new Client({ connectionString: db });
    await activity.connect();
    let busy = false;
    watching = setInterval(() => {
      if (busy) return;
      busy = true;
      watcher
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM claims WHERE external_id LIKE 'BIG-%'`,
        )
        .then(({ rows }) => (seenBig = Math.max(seenBig, rows[0].n)))
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, 100);
  });

  afterAll(async () => {
    clearInterval(watching);
    await watcher?.end();
    await activity?.end();
    await api?.stop();
  });

  const batchStatuses = () =>
    withClient(
      db,
      async (c) =>
        (
          await c.query(
            `SELECT status, idempotency_key AS key, error FROM ingest_batches WHERE kind = 'claims' ORDER BY id`,
          )
        ).rows,
    );

  /** Waits until the API's session runs the merge into claims (the file fully received). */
  async function mergeRunning(): Promise<void> {
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      const { rows } = await activity.query(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = 'returnlens-api' AND state = 'active'
            AND query LIKE '%INSERT INTO claims%'`,
      );
      if (rows.length) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the merge never started');
  }

  const killPoints: [
    string,
    (killNow: () => void) => { afterChunk?: (n: number) => void; whenSent?: () => Promise<void> },
  ][] = [
    ['10 of 80 chunks sent', (kill) => ({ afterChunk: (n) => n === 10 && kill() })],
    ['70 of 80 chunks sent', (kill) => ({ afterChunk: (n) => n === 70 && kill() })],
    ['the whole file received, merge running', () => ({ whenSent: mergeRunning })],
  ];

  it.each(killPoints.map(([name], i) => [name, i] as const))(
    'kill -9 with %s: nothing stored, the batch marked interrupted',
    async (_name, index) => {
      const started = Date.now();
      const kill = () => api.child.kill('SIGKILL');
      const plan = killPoints[index][1](kill);
      const upload = streamUpload(api.baseUrl, token, claimsCsv('BIG', ROWS), {
        key: KEY,
        afterChunk: plan.afterChunk,
      });
      if (plan.whenSent) {
        await plan.whenSent();
        kill();
      }
      const outcome = await upload;
      await exited(api);
      expect(outcome.status).toBeNull(); // the connection died with the server
      expect(await stored('BIG')).toMatchObject({ count: 0 });

      api = await startApiProcess(env);
      const restarted = Date.now() - started;
      // Marked interrupted at start-up, or by the running API's sweep once PostgreSQL has
      // ended the dead session (client_connection_check_interval).
      const until = Date.now() + 30_000;
      while ((await batchStatuses()).some((b) => b.status === 'running') && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 250));
      }
      console.log(
        `kill ${index + 1} (${_name}): API restarted after ${restarted} ms, batch marked failed after ${Date.now() - started} ms`,
      );
      await withClient(db, async (c) => {
        const rows = await batchStatuses();
        expect(rows).toHaveLength(2 + index);
        expect(rows[0]).toMatchObject({ status: 'committed' });
        for (const row of rows.slice(1)) {
          expect(row).toEqual({
            status: 'failed',
            key: null,
            error: expect.stringMatching(/^Interrupted.*released/),
          });
        }
        expect((await c.query('SELECT count(*)::int AS n FROM rejected_rows')).rows[0].n).toBe(0);
      });
    },
  );

  it('then the retry with the same key lands exactly once, and a second retry replays it', async () => {
    const started = Date.now();
    const body = csvText('BIG', ROWS);
    const retry = await upload(api, 'claims', body, { token, headers: { 'Idempotency-Key': KEY } });
    console.log(`retry of ${ROWS} rows: HTTP ${retry.status} in ${Date.now() - started} ms`);
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({
      status: 'committed',
      received: ROWS,
      inserted: ROWS,
      rejected: 0,
    });
    expect(await stored('BIG')).toEqual({
      count: ROWS,
      digest: expectedDigest('BIG', ROWS),
      batchIds: [retry.body.id],
    });
    expect(seenBig).toBe(ROWS); // never a partial count in between

    // On a new connection (node:http, not fetch's pool): a kept-alive socket idle for the
    // length of the check above may be closed by the server just as it is reused.
    const againStarted = Date.now();
    const again = await streamUpload(api.baseUrl, token, claimsCsv('BIG', ROWS), { key: KEY });
    console.log(`second retry (replayed): HTTP ${again.status} in ${Date.now() - againStarted} ms`);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(retry.body);
    expect(await stored('BIG')).toMatchObject({ count: ROWS, batchIds: [retry.body.id] });

    const early = await stored('EARLY');
    expect(early).toMatchObject({ count: 2_000, digest: expectedDigest('EARLY', 2_000) });
    await withClient(db, async (c) => {
      const { rows } = await c.query(
        `SELECT status, count(*)::int AS n FROM ingest_batches GROUP BY status ORDER BY status`,
      );
      expect(rows).toEqual([
        { status: 'committed', n: 2 },
        { status: 'failed', n: 3 },
      ]);
    });
  });
});
