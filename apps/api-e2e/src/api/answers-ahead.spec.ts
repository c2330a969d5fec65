import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { bearer, createToken, upload } from '../support/ingest-client';

const HEADER = 'external_id,type,channel,sku,quantity,reason_code,opened_at,status\n';
const W10 = 'from=2026-W10&to=2026-W10';

/** Asks until `done` holds (at most `ms`). */
async function eventually<T>(ask: () => Promise<T>, done: (value: T) => boolean, ms = 10_000) {
  const until = Date.now() + ms;
  let value = await ask();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await ask();
  }
  return value;
}

describe('answers computed ahead (ANSWER_WARM)', () => {
  const db = () => testDatabaseUrl();
  const started: ApiProcess[] = [];
  let auth: Record<string, string>;
  let ingest: string;

  const start = async (warm: 'on' | 'off', port: string) => {
    const api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      ANSWER_WARM: warm,
      PORT: port,
    });
    started.push(api);
    return api;
  };
  /** The stored answer only (`only-if-cached`): its total, or the status when there is none. */
  const stored = async (api: ApiProcess) => {
    const response = await fetch(`${api.baseUrl}/api/analytics/pareto?${W10}`, {
      headers: { ...auth, 'Cache-Control': 'only-if-cached' },
    });
    if (response.status !== 200) return { status: response.status };
    const body = (await response.json()) as { rows: { claims: number }[] };
    return { status: 200, total: body.rows.reduce((n, r) => n + r.claims, 0) };
  };
  const ask = (api: ApiProcess) =>
    fetch(`${api.baseUrl}/api/analytics/pareto?${W10}`, { headers: auth });

  let warm: ApiProcess;

  beforeAll(async () => {
    // Started first: the API migrates the database the suite then empties.
    warm = await start('on', '3948');
    await truncateShopData(db());
    auth = await bearer(db());
    ingest = await createToken(db(), ['ingest']);
  });

  afterAll(async () => {
    await Promise.all(started.map((api) => api.stop()));
  });

  it('answers a question asked before a batch again right after it, before anyone asks', async () => {
    const api = warm;
    const first = `${HEADER}a1,return,email,P1,1,product_defect,2026-03-03T10:00:00Z,open\n`;
    expect((await upload(api, 'claims', first, { token: ingest })).status).toBe(201);
    // Nothing stored yet: only-if-cached answers 504 and computes nothing.
    expect(await stored(api)).toEqual({ status: 504 });
    expect((await ask(api)).headers.get('x-cache')).toBe('miss');
    expect(await stored(api)).toEqual({ status: 200, total: 1 });

    const second = `${HEADER}a2,return,email,P1,1,wrong_size,2026-03-04T10:00:00Z,open\n`;
    expect((await upload(api, 'claims', second, { token: ingest })).status).toBe(201);
    // Nobody asks: the new data's answer is computed in the background and stored.
    expect(
      await eventually(
        () => stored(api),
        (s) => s.status === 200 && s.total === 2,
      ),
    ).toEqual({ status: 200, total: 2 });
    const next = await ask(api);
    expect(next.headers.get('x-cache')).toBe('hit');
  });

  it('computes nothing ahead when switched off', async () => {
    const api = await start('off', '3949');
    await ask(api);
    expect((await stored(api)).status).toBe(200);
    const third = `${HEADER}a3,return,email,P1,1,wrong_size,2026-03-05T10:00:00Z,open\n`;
    expect((await upload(api, 'claims', third, { token: ingest })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await stored(api)).toEqual({ status: 504 });
  });
});
