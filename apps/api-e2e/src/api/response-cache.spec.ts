import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { bearer, createToken, upload } from '../support/ingest-client';

const CLAIMS = `external_id,type,channel,sku,quantity,reason_code,opened_at,status
c1,return,email,P1,1,product_defect,2026-03-03T10:00:00Z,open
c2,return,email,P1,1,wrong_size,2026-03-04T10:00:00Z,open
`;
const W10 = 'from=2026-W10&to=2026-W10';

/** Asks until `done` holds (at most 2 s): a write elsewhere is seen once PostgreSQL announces it. */
async function eventually<T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 2_000;
  let value = await ask();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await ask();
  }
  return value;
}

describe('analytics answers are cached until the data changes', () => {
  let api: ApiProcess;
  let auth: Record<string, string>;
  let ingest: string;
  const db = () => testDatabaseUrl();
  const pareto = async (headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.baseUrl}/api/analytics/pareto?${W10}`, {
      headers: { ...auth, ...headers },
    });
    const body = (await response.json()) as { rows: { reason: string; claims: number }[] };
    return {
      cache: response.headers.get('x-cache'),
      total: body.rows.reduce((n, r) => n + r.claims, 0),
    };
  };

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3933' });
    await truncateShopData(db());
    auth = await bearer(db());
    ingest = await createToken(db(), ['ingest']);
    expect((await upload(api, 'claims', CLAIMS, { token: ingest })).status).toBe(201);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('serves a repeated question from the cache, and a new batch at once from fresh data', async () => {
    expect(await pareto()).toEqual({ cache: 'miss', total: 2 });
    expect(await pareto()).toEqual({ cache: 'hit', total: 2 });
    // The encoding is not part of the question: the CSV of the same figures is a hit.
    const csv = await fetch(`${api.baseUrl}/api/analytics/pareto?${W10}&format=csv`, {
      headers: auth,
    });
    expect(csv.headers.get('x-cache')).toBe('hit');
    expect(csv.headers.get('content-type')).toContain('text/csv');

    const more =
      'external_id,type,channel,sku,quantity,reason_code,opened_at,status\nc3,return,email,P1,1,product_defect,2026-03-05T10:00:00Z,open\n';
    expect((await upload(api, 'claims', more, { token: ingest })).status).toBe(201);
    expect(await pareto()).toEqual({ cache: 'miss', total: 3 });
    expect(await pareto()).toEqual({ cache: 'hit', total: 3 });
  });

  it('learns of writes made outside the API, and of SLA policy changes', async () => {
    const records = async () => {
      const raw = await fetch(`${api.baseUrl}/api/analytics/records/claims?${W10}`, {
        headers: auth,
      });
      return ((await raw.json()) as { total: number }).total;
    };
    expect(await records()).toBe(3);
    await withClient(db(), (c) => c.query(`DELETE FROM claims WHERE external_id = 'c3'`));
    // Rollups are not touched by that DELETE; the raw path must see it: ask for a raw-only
    // cut. PostgreSQL announces the commit to the API's listening connection at once.
    expect(await eventually(records, (total) => total === 2)).toBe(2);

    const sla = () => fetch(`${api.baseUrl}/api/analytics/sla?${W10}`, { headers: auth });
    await sla();
    expect((await sla()).headers.get('x-cache')).toBe('hit');
    const shift = (hours: number) =>
      withClient(db(), (c) =>
        c.query(
          'UPDATE sla_policies SET target_hours = target_hours + $1 WHERE id = (SELECT min(id) FROM sla_policies)',
          [hours],
        ),
      );
    await shift(1);
    try {
      expect(
        await eventually(
          async () => (await sla()).headers.get('x-cache'),
          (cache) => cache === 'miss',
        ),
      ).toBe('miss');
    } finally {
      // The policies are shared with the other suites on this database: put it back.
      await shift(-1);
    }
  });

  it('gives a stored answer only to a caller who may read it', async () => {
    await pareto();
    expect((await pareto()).cache).toBe('hit');
    const ask = (headers: Record<string, string>) =>
      fetch(`${api.baseUrl}/api/analytics/pareto?${W10}`, { headers });
    const uploader = await ask({ Authorization: `Bearer ${ingest}` });
    expect(uploader.status).toBe(403);
    expect(((await uploader.json()) as { message: string }).message).toMatch(/scopes: ingest/);
    expect((await ask({})).status).toBe(401);
    expect((await ask({ Authorization: 'Bearer rl_not-a-token' })).status).toBe(401);
    // A bad format is still refused, not answered from the stored JSON.
    expect((await ask({ ...auth, Accept: 'text/csv' })).headers.get('content-type')).toContain(
      'text/csv',
    );
    const badFormat = await fetch(`${api.baseUrl}/api/analytics/pareto?${W10}&format=xml`, {
      headers: auth,
    });
    expect(badFormat.status).toBe(400);
  });

  it('answers 304 when the caller already holds the stored answer', async () => {
    const url = `${api.baseUrl}/api/analytics/pareto?${W10}`;
    await fetch(url, { headers: auth });
    const hit = await fetch(url, { headers: auth });
    expect(hit.headers.get('x-cache')).toBe('hit');
    const tag = hit.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    // As a browser revalidates (fetch alone would add `Cache-Control: no-cache`).
    const revalidate = (etag: string) =>
      fetch(url, { headers: { ...auth, 'If-None-Match': etag, 'Cache-Control': 'max-age=0' } });
    const again = await revalidate(tag ?? '');
    expect(again.status).toBe(304);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect((await revalidate('W/"other"')).status).toBe(200);
    // A fresh answer carries the same tag as the stored one.
    const fresh = await fetch(url, { headers: { ...auth, 'Cache-Control': 'no-cache' } });
    expect(fresh.headers.get('etag')).toBe(tag);
  });

  it('recovers when its listening connection is cut', async () => {
    const before = await fetch(`${api.baseUrl}/api/analytics/records/claims?${W10}`, {
      headers: auth,
    });
    expect(((await before.json()) as { total: number }).total).toBe(2);
    const killed = await withClient(db(), (c) =>
      c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
      ),
    );
    expect(killed.rowCount).toBeGreaterThan(0);
    // Until it has reconnected the API reads the version per request: changes still show.
    await withClient(db(), (c) =>
      c.query(
        `INSERT INTO claims (external_id, type, channel, sku, quantity, stated_reason_code, opened_at, status)
         VALUES ('c4', 'return', 'email', 'P1', 1, 'product_defect', '2026-03-05T11:00:00Z', 'open')`,
      ),
    );
    const total = await eventually(
      async () =>
        (await fetch(`${api.baseUrl}/api/analytics/records/claims?${W10}`, { headers: auth }).then(
          (r) => r.json(),
        )) as { total: number },
      (answer) => answer.total === 3,
    );
    expect(total.total).toBe(3);
    // Listening again after its reconnect delay: later writes are still seen.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const listening = await withClient(db(), (c) =>
      c.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
      ),
    );
    expect(listening.rowCount).toBe(1);
    await withClient(db(), (c) => c.query(`DELETE FROM claims WHERE external_id = 'c4'`));
    expect(
      (
        await eventually(
          async () =>
            (await fetch(`${api.baseUrl}/api/analytics/records/claims?${W10}`, {
              headers: auth,
            }).then((r) => r.json())) as { total: number },
          (answer) => answer.total === 2,
        )
      ).total,
    ).toBe(2);
  });

  it('answers fresh when asked with Cache-Control: no-cache', async () => {
    await pareto();
    expect((await pareto({ 'Cache-Control': 'no-cache' })).cache).toBeNull();
  });
});
