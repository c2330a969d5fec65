import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';
import { csvText, expectedDigest, STORED_CLAIMS_SQL, type StoredClaims } from '../support/faults';

/**
 * The same file sent by two clients at once (docs/reliability.md, "Concurrent batch"):
 * - same Idempotency-Key: one batch; the second client waits and gets the first's report;
 * - no key: two batches, serialised by the row locks of the merge; one inserts every row,
 *   the other reports them all unchanged (inserted 0).
 */
describe('the same batch sent concurrently by two clients', () => {
  const ROWS = 20_000;
  const db = testDatabaseUrl();
  let api: ApiProcess;
  let token: string;

  const stored = (prefix: string) =>
    withClient(db, async (c) => (await c.query<StoredClaims>(STORED_CLAIMS_SQL, [prefix])).rows[0]);

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db, DEMO_DATA: 'off', PORT: '3971' });
    await truncateShopData(db);
    token = await createToken(db, ['ingest', 'read']);
    const earlier = await upload(api, 'claims', csvText('E', 1_000), { token });
    expect(earlier.status).toBe(201);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('with the same Idempotency-Key: stored once, both clients get the same report', async () => {
    const body = csvText('S', ROWS);
    const headers = { 'Idempotency-Key': 'same-file-same-key' };
    const [a, b] = await Promise.all([
      upload(api, 'claims', body, { token, headers }),
      upload(api, 'claims', body, { token, headers }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toMatchObject({ status: 'committed', received: ROWS, inserted: ROWS });
    expect(b.body).toEqual(a.body);

    expect(await stored('S')).toEqual({
      count: ROWS,
      digest: expectedDigest('S', ROWS),
      batchIds: [a.body.id],
    });
    await withClient(db, async (c) => {
      const { rows } = await c.query(
        `SELECT id::text, status FROM ingest_batches WHERE idempotency_key = 'same-file-same-key'`,
      );
      expect(rows).toEqual([{ id: a.body.id, status: 'committed' }]);
    });
  });

  it('without a key: two batches, every row stored once, the second reports zero inserted', async () => {
    const body = csvText('N', ROWS);
    const [a, b] = await Promise.all([
      upload(api, 'claims', body, { token }),
      upload(api, 'claims', body, { token }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const [first, second] = a.body.inserted > 0 ? [a.body, b.body] : [b.body, a.body];
    expect(first).toMatchObject({ received: ROWS, inserted: ROWS, updated: 0, unchanged: 0 });
    expect(second).toMatchObject({ received: ROWS, inserted: 0, updated: 0, unchanged: ROWS });
    expect(second.id).not.toBe(first.id);

    expect(await stored('N')).toEqual({
      count: ROWS,
      digest: expectedDigest('N', ROWS),
      batchIds: [first.id],
    });
  });

  it('left the earlier batch untouched', async () => {
    const earlier = await stored('E');
    expect(earlier.count).toBe(1_000);
    expect(earlier.digest).toBe(expectedDigest('E', 1_000));
    expect(earlier.batchIds).toHaveLength(1);
  });
});
