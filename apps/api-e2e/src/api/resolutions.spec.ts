import {
  rebuildRollups,
  runApiCli,
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * Money and resolutions on a hand-made shop (UTC). Weeks: W40 = 28 Sep – 4 Oct 2026, W41 =
 * 5–11 Oct, W42 = 12–18 Oct, W43 = 19–25 Oct. Supplier S1 makes P1; S2 makes P2 and P3.
 *
 * | claim | sku | opened (week)   | resolution     | money                                          |
 * | C1    | P1  | 29 Sep (W40)    | refund         | 100.00 EUR refunded 6 Oct (W41)                 |
 * | C2    | P1  | 30 Sep (W40)    | replacement    | cost 40.00 EUR, resolved 8 Oct (W41); qty 2     |
 * | C3    | P2  | 6 Oct (W41)     | refund         | 50.00 EUR refunded 7 Oct (W41)                  |
 * | C4    | P3  | 7 Oct (W41)     | partial_refund | 12.50 EUR refunded 13 Oct (W42)                 |
 * | C5    | P3  | 13 Oct (W42)    | — in progress  |                                                |
 * | C6    | P1  | 14 Oct (W42)    | repair         | cost 30.00 EUR, resolved 20 Oct (W43)           |
 * | C7    | P2  | 15 Oct (W42)    | rejected       |                                                |
 * | C8    | P2  | 20 Oct (W43)    | store_credit   | 10.00 EUR credit, never paid out (no date)      |
 * | C9    | P3  | 21 Oct (W43)    | refund         | 80.00 PLN refunded 22 Oct (W43)                 |
 * | C10   | P1  | 22 Oct (W43)    | — open         |                                                |
 * | C11   | P1  | 20 Sep (W38)    | refund         | 200.00 EUR refunded 29 Sep (W40)                |
 * | C12   | P2  | 23 Oct (W43)    | refund         | 60.00 EUR refunded 27 Oct (W44)                 |
 *
 * The first upload has C1's refund on 14 Oct (W42); a second corrects it to 6 Oct (W41): the
 * refund must leave W42 and land in W41.
 */

const HEADER =
  'external_id,type,channel,sku,quantity,reason_code,opened_at,resolved_at,refunded_at,status,resolution,refund_amount,cost_amount,currency';
const CLAIMS: Record<string, string> = {
  C1: 'C1,return,web_form,P1,1,product_defect,2026-09-29T10:00:00Z,2026-10-01T10:00:00Z,2026-10-06T09:00:00Z,resolved,refund,100.00,,EUR',
  C2: 'C2,return_defective,web_form,P1,2,product_defect,2026-09-30T10:00:00Z,2026-10-08T10:00:00Z,,resolved,replacement,,40.00,EUR',
  C3: 'C3,return,email,P2,1,wrong_size,2026-10-06T10:00:00Z,2026-10-07T10:00:00Z,2026-10-07T12:00:00Z,resolved,refund,50.00,,EUR',
  C4: 'C4,complaint,phone,P3,1,late_delivery,2026-10-07T10:00:00Z,2026-10-09T10:00:00Z,2026-10-13T08:00:00Z,resolved,partial_refund,12.50,,EUR',
  C5: 'C5,warranty_repair,phone,P3,1,product_defect,2026-10-13T10:00:00Z,,,in_progress,,,,',
  C6: 'C6,warranty_repair,store,P1,1,product_defect,2026-10-14T10:00:00Z,2026-10-20T10:00:00Z,,resolved,repair,,30.00,EUR',
  C7: 'C7,return,web_form,P2,1,wrong_size,2026-10-15T10:00:00Z,2026-10-16T10:00:00Z,,resolved,rejected,,,',
  C8: 'C8,exchange,chat,P2,1,wrong_size,2026-10-20T10:00:00Z,2026-10-21T10:00:00Z,,resolved,store_credit,10.00,,EUR',
  C9: 'C9,return,web_form,P3,1,changed_mind,2026-10-21T10:00:00Z,2026-10-22T09:00:00Z,2026-10-22T10:00:00Z,resolved,refund,80.00,,PLN',
  C10: 'C10,return,web_form,P1,1,product_defect,2026-10-22T10:00:00Z,,,open,,,,',
  C11: 'C11,return,web_form,P1,1,product_defect,2026-09-20T10:00:00Z,2026-09-28T10:00:00Z,2026-09-29T10:00:00Z,resolved,refund,200.00,,EUR',
  C12: 'C12,return,web_form,P2,1,wrong_size,2026-10-23T10:00:00Z,2026-10-24T10:00:00Z,2026-10-27T10:00:00Z,resolved,refund,60.00,,EUR',
};
const PERIOD = 'from=2026-W40&to=2026-W43';

/** The current ISO week (UTC) and how much of it has passed when the suite starts. */
const NOW = Date.now();
const MONDAY = (() => {
  const d = new Date(NOW);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
})();
const CURRENT = (() => {
  const thursday = new Date(MONDAY + 3 * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
  return { week: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}` };
})();

/**
 * Refunds in CHF of this week so far (40) and of the four weeks before: 10, 20, 30, 40 within
 * the part of the week that has passed this week, and 1,000 each after it.
 */
function weekToDateClaims(): string[] {
  const elapsed = NOW - MONDAY;
  const at = (t: number) => new Date(t).toISOString();
  const claim = (id: string, refundedAt: number, amount: number) =>
    `${id},return,web_form,P1,1,wrong_size,${at(refundedAt - 86_400_000)},${at(refundedAt)},${at(refundedAt)},resolved,refund,${amount},,CHF`;
  const rows = [claim('W0', MONDAY + elapsed / 2, 40)];
  for (let i = 1; i <= 4; i++) {
    const start = MONDAY - i * 7 * 86_400_000;
    rows.push(claim(`W${i}in`, start + elapsed / 2, 10 * (5 - i)));
    rows.push(claim(`W${i}out`, start + elapsed + (7 * 86_400_000 - elapsed) / 2, 1000));
  }
  return rows;
}
const MONEY_ROLLUPS = [
  'rollup_refunds_week',
  'rollup_money_week',
  'rollup_claims_resolution_week',
  'rollup_claims_week',
];

/** A signed-in user of one role, with a password of their own. */
async function sessionAs(api: ApiProcess, db: string, role: string) {
  const email = `${role}-money@shop.test`;
  const made = await runApiCli({ DATABASE_URL: db }, [
    'users',
    'create',
    '--email',
    email,
    '--roles',
    role,
  ]);
  expect(made.code).toBe(0);
  const password = /\n {2}(\w{4}-\w{4}-\w{4}-\w{4})\n/.exec(made.output)?.[1];
  let cookies = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { Cookie: cookies };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrf;
    const res = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const jar = new Map(
      cookies ? cookies.split('; ').map((c) => c.split('=') as [string, string]) : [],
    );
    for (const cookie of res.headers.getSetCookie()) {
      const [name, value] = cookie.split(';')[0].split('=');
      if (value) jar.set(name, value);
    }
    cookies = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    csrf = jar.get('XSRF-TOKEN') ?? '';
    return res;
  };
  expect((await call('POST', '/api/auth/login', { email, password })).status).toBe(200);
  const changed = await call('POST', '/api/auth/password', {
    current: password,
    next: 'a money pass phrase 42',
  });
  expect(changed.status).toBe(204);
  return (path: string) => call('GET', path);
}

describe('money and resolutions', () => {
  let api: ApiProcess;
  let token: string;
  const db = () => testDatabaseUrl();
  const get = async (path: string) => {
    const res = await fetch(`${api.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, 'Cache-Control': 'no-cache' },
    });
    if (res.status !== 200)
      console.error(path, await res.clone().text(), api.output().slice(-3000));
    expect([path, res.status]).toEqual([path, 200]);
    return res;
  };
  const json = async <T = any>(path: string): Promise<T> => (await get(path)).json() as Promise<T>;

  beforeAll(async () => {
    await truncateShopData(db()).catch(() => undefined);
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3957' });
    token = await createToken(db(), ['admin']);
    const ok = async (kind: string, csv: string) => {
      const res = await upload(api, kind, csv, { token });
      expect([kind, res.status, res.body?.rejected]).toEqual([kind, 201, 0]);
    };
    await ok('suppliers', 'external_id,name\nS1,Supplier One\nS2,Supplier Two\n');
    await ok(
      'products',
      'sku,name,category,supplier_id\nP1,Kettle,home,S1\nP2,Jacket,apparel,S2\nP3,Lamp,home,S2\n',
    );
    // C1's refund first on the wrong day (14 Oct, W42), corrected by the second upload.
    const wrongC1 = CLAIMS['C1'].replace('2026-10-06T09:00:00Z', '2026-10-14T09:00:00Z');
    await ok('claims', [HEADER, wrongC1, ...Object.values(CLAIMS).slice(1)].join('\n'));
    await ok('claims', [HEADER, CLAIMS['C1']].join('\n'));
    await ok('claims', [HEADER, ...weekToDateClaims()].join('\n'));
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('keeps the money rollups of a corrected refund equal to a rebuild', async () => {
    const snapshot = () =>
      withClient(db(), async (client) => {
        const out: Record<string, string[]> = {};
        for (const table of MONEY_ROLLUPS)
          out[table] = (await client.query(`SELECT * FROM ${table}`)).rows
            .map((r) => JSON.stringify(r))
            .sort();
        return out;
      });
    const incremental = await snapshot();
    await rebuildRollups(db(), 'UTC');
    expect(incremental).toEqual(await snapshot());
    // The refund left W42 for W41.
    const refunds = await withClient(
      db(),
      async (c) =>
        (
          await c.query<{ week: string; amount: string }>(
            `SELECT to_char(week, 'YYYY-MM-DD') AS week, sum(refund_amount)::text AS amount
               FROM rollup_refunds_week WHERE currency = 'EUR' AND week <= '2026-10-26'
              GROUP BY 1 ORDER BY 1`,
          )
        ).rows,
    );
    expect(refunds).toEqual([
      { week: '2026-09-28', amount: '200.00' },
      { week: '2026-10-05', amount: '150.00' },
      { week: '2026-10-12', amount: '12.50' },
      { week: '2026-10-26', amount: '60.00' },
    ]);
  });

  it('counts refunds in the week they were paid and costs when the money went out', async () => {
    const money = await json(`/api/analytics/money?${PERIOD}`);
    expect(money.currencies).toEqual(['EUR', 'PLN']);
    const week = (w: string, currency: string) =>
      money.weekly.find((r: any) => r.week === w && r.currency === currency);
    expect(money.weekly).toHaveLength(8);
    expect(week('2026-09-28', 'EUR')).toEqual({
      week: '2026-09-28',
      complete: true,
      currency: 'EUR',
      refunds: 1,
      refundAmount: 200,
      costClaims: 0,
      costAmount: 0,
    });
    expect(week('2026-10-05', 'EUR')).toMatchObject({
      refunds: 2,
      refundAmount: 150,
      costClaims: 1,
      costAmount: 40,
    });
    expect(week('2026-10-12', 'EUR')).toMatchObject({ refunds: 1, refundAmount: 12.5 });
    expect(week('2026-10-19', 'EUR')).toMatchObject({
      refunds: 0,
      refundAmount: 0,
      costClaims: 1,
      costAmount: 30,
    });
    expect(week('2026-10-19', 'PLN')).toMatchObject({ refunds: 1, refundAmount: 80 });

    // Cost of poor quality: C11 200 + C1 100 refunds, C2 40 + C6 30 costs for S1.
    expect(money.bySupplier).toEqual([
      {
        key: 'S1',
        label: 'Supplier One',
        currency: 'EUR',
        claims: 4,
        refunds: 2,
        refundAmount: 300,
        costClaims: 2,
        costAmount: 70,
        total: 370,
      },
      {
        key: 'S2',
        label: 'Supplier Two',
        currency: 'PLN',
        claims: 1,
        refunds: 1,
        refundAmount: 80,
        costClaims: 0,
        costAmount: 0,
        total: 80,
      },
      {
        key: 'S2',
        label: 'Supplier Two',
        currency: 'EUR',
        claims: 2,
        refunds: 2,
        refundAmount: 62.5,
        costClaims: 0,
        costAmount: 0,
        total: 62.5,
      },
    ]);
    expect(money.byReason.map((r: any) => [r.key, r.currency, r.total])).toEqual([
      ['product_defect', 'EUR', 370],
      ['changed_mind', 'PLN', 80],
      ['wrong_size', 'EUR', 50],
      ['late_delivery', 'EUR', 12.5],
    ]);
    expect(money.byProduct.map((r: any) => [r.key, r.label, r.currency, r.total])).toEqual([
      ['P1', 'Kettle', 'EUR', 370],
      ['P3', 'Lamp', 'PLN', 80],
      ['P2', 'Jacket', 'EUR', 50],
      ['P3', 'Lamp', 'EUR', 12.5],
    ]);

    // The same from the raw rows (a channel filter no money rollup has): S1's web_form money.
    const filtered = await json(`/api/analytics/money?${PERIOD}&channel=web_form`);
    expect(filtered.period.source).toBe('raw');
    expect(filtered.bySupplier.find((r: any) => r.key === 'S1')).toMatchObject({
      claims: 3,
      refundAmount: 300,
      costAmount: 40,
      total: 340,
    });
  });

  it('gives the resolution mix per opening week, reason and supplier, with its money', async () => {
    const report = await json(`/api/analytics/resolutions?${PERIOD}`);
    const cell = (rows: any[], key: string, value: string, resolution: string) =>
      rows.find((r) => r[key] === value && r.resolution === resolution);
    // Every outcome of every week is listed: 4 weeks × 9 outcomes.
    expect(report.weekly).toHaveLength(36);
    expect(cell(report.weekly, 'week', '2026-09-28', 'refund')).toEqual({
      week: '2026-09-28',
      complete: true,
      resolution: 'refund',
      claims: 1,
      units: 1,
      share: 0.5,
    });
    expect(cell(report.weekly, 'week', '2026-09-28', 'replacement')).toMatchObject({
      claims: 1,
      units: 2,
      share: 0.5,
    });
    expect(cell(report.weekly, 'week', '2026-10-19', 'refund')).toMatchObject({
      claims: 2,
      share: 0.5,
    });
    expect(cell(report.weekly, 'week', '2026-10-19', 'open')).toMatchObject({
      claims: 1,
      share: 0.25,
    });
    expect(cell(report.weekly, 'week', '2026-10-12', 'open')).toMatchObject({ claims: 1 });
    const total = report.weekly.reduce((s: number, r: any) => s + r.claims, 0);
    expect(total).toBe(11);

    expect(
      report.bySupplier
        .filter((r: any) => r.supplierId === 'S1')
        .map((r: any) => [r.resolution, r.claims]),
    ).toEqual([
      ['refund', 1],
      ['replacement', 1],
      ['repair', 1],
      ['open', 1],
    ]);
    expect(cell(report.bySupplier, 'supplierId', 'S2', 'refund')).toMatchObject({
      supplierName: 'Supplier Two',
      claims: 3,
      share: 3 / 7,
    });
    expect(cell(report.byReason, 'reasonCode', 'wrong_size', 'rejected')).toMatchObject({
      claims: 1,
      share: 0.25,
    });
    // Money paid so far on the period's claims: C12's refund (paid in W44) included.
    expect(report.amounts).toEqual([
      {
        resolution: 'refund',
        currency: 'EUR',
        claims: 3,
        refunds: 3,
        refundAmount: 210,
        costClaims: 0,
        costAmount: 0,
      },
      {
        resolution: 'refund',
        currency: 'PLN',
        claims: 1,
        refunds: 1,
        refundAmount: 80,
        costClaims: 0,
        costAmount: 0,
      },
      {
        resolution: 'partial_refund',
        currency: 'EUR',
        claims: 1,
        refunds: 1,
        refundAmount: 12.5,
        costClaims: 0,
        costAmount: 0,
      },
      {
        resolution: 'replacement',
        currency: 'EUR',
        claims: 1,
        refunds: 0,
        refundAmount: 0,
        costClaims: 1,
        costAmount: 40,
      },
      {
        resolution: 'repair',
        currency: 'EUR',
        claims: 1,
        refunds: 0,
        refundAmount: 0,
        costClaims: 1,
        costAmount: 30,
      },
      {
        resolution: 'store_credit',
        currency: 'EUR',
        claims: 1,
        refunds: 0,
        refundAmount: 0,
        costClaims: 0,
        costAmount: 0,
      },
    ]);
    // The raw rows agree with the rollup (a filter no resolution rollup has).
    const raw = await json(`/api/analytics/resolutions?${PERIOD}&channel=phone`);
    expect(raw.period.source).toBe('raw');
    expect(
      raw.weekly.filter((r: any) => r.claims > 0).map((r: any) => [r.week, r.resolution]),
    ).toEqual([
      ['2026-10-05', 'partial_refund'],
      ['2026-10-12', 'open'],
    ]);
  });

  it('drills each figure to exactly its claims', async () => {
    const total = async (query: string) =>
      (await json(`/api/analytics/records/claims?${query}`)).total as number;
    const ids = async (query: string) =>
      (
        (await json(`/api/analytics/records/claims?${query}&sort=externalId&order=asc`))
          .rows as any[]
      ).map((r) => r.externalId);
    // Refunds paid in W41, EUR: 2.
    expect(await ids('from=2026-W41&to=2026-W41&money=refund&currency=EUR')).toEqual(['C1', 'C3']);
    // Handling cost booked in W43: C6.
    expect(await ids('from=2026-W43&to=2026-W43&money=cost')).toEqual(['C6']);
    // S1's cost of poor quality in EUR over the period: 4 claims.
    expect(await total(`${PERIOD}&money=any&supplier=S1&currency=EUR`)).toBe(4);
    // The mix: still open over the period; refunds of W43.
    expect(await ids(`${PERIOD}&resolution=open`)).toEqual(['C10', 'C5']);
    expect(await ids('from=2026-W43&to=2026-W43&resolution=refund')).toEqual(['C12', 'C9']);
    const c2 = (await json(`/api/analytics/records/claims?${PERIOD}&resolution=replacement`))
      .rows[0];
    expect(c2).toMatchObject({ externalId: 'C2', costAmount: '40.00', currency: 'EUR' });
    // A resolution nobody has is refused with the parameter named.
    const bad = await fetch(`${api.baseUrl}/api/analytics/records/claims?resolution=refunded`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('resolution');
  });

  it('opens, for every bar of every money and mix chart, as many claims as the bar counts', async () => {
    const total = async (query: string) =>
      (await json(`/api/analytics/records/claims?${query}`)).total as number;
    const money = await json(`/api/analytics/money?${PERIOD}`);
    const weekName = (start: string) =>
      money.period.weeks.find((w: any) => w.start === start).week as string;
    const checks: [string, number, number][] = [];
    for (const r of money.weekly) {
      const week = `from=${weekName(r.week)}&to=${weekName(r.week)}&currency=${r.currency}`;
      checks.push([
        `refunds ${r.week} ${r.currency}`,
        r.refunds,
        await total(`${week}&money=refund`),
      ]);
      checks.push([
        `cost ${r.week} ${r.currency}`,
        r.costClaims,
        await total(`${week}&money=cost`),
      ]);
    }
    for (const [table, param] of [
      ['bySupplier', 'supplier'],
      ['byProduct', 'product'],
      ['byReason', 'reason'],
    ] as const)
      for (const r of money[table])
        checks.push([
          `${table} ${r.key} ${r.currency}`,
          r.claims,
          await total(`${PERIOD}&money=any&${param}=${r.key}&currency=${r.currency}`),
        ]);
    const mix = await json(`/api/analytics/resolutions?${PERIOD}`);
    for (const r of mix.weekly.filter((x: any) => x.claims > 0))
      checks.push([
        `mix ${r.week} ${r.resolution}`,
        r.claims,
        await total(`from=${weekName(r.week)}&to=${weekName(r.week)}&resolution=${r.resolution}`),
      ]);
    for (const r of mix.bySupplier)
      checks.push([
        `mix ${r.supplierId} ${r.resolution}`,
        r.claims,
        await total(`${PERIOD}&supplier=${r.supplierId}&resolution=${r.resolution}`),
      ]);
    for (const r of mix.byReason)
      checks.push([
        `mix ${r.reasonCode} ${r.resolution}`,
        r.claims,
        await total(`${PERIOD}&reason=${r.reasonCode}&resolution=${r.resolution}`),
      ]);
    expect(checks.length).toBeGreaterThan(40);
    expect(checks.filter(([, figure, records]) => figure !== records)).toEqual([]);
  });

  it('exports the cost of poor quality as CSV, every row', async () => {
    const csv = await (
      await get(`/api/analytics/money?${PERIOD}&format=csv&table=bySupplier`)
    ).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'key,label,currency,claims,refunds,refundAmount,costClaims,costAmount,total',
    );
    expect(lines.slice(1)).toEqual([
      'S1,Supplier One,EUR,4,2,300,2,70,370',
      'S2,Supplier Two,PLN,1,1,80,0,0,80',
      'S2,Supplier Two,EUR,2,2,62.5,0,0,62.5',
    ]);
  });

  it('compares refunds paid in the weekly report by the week they were paid', async () => {
    const weekly = await json('/api/analytics/weekly?week=2026-W42');
    const eur = weekly.kpis.refundsPaid.find((r: any) => r.currency === 'EUR').kpi;
    // W42: 12.50 against the mean of W38–W41 (0, 0, 200, 150).
    expect(eur.value).toBe(12.5);
    expect(eur.baseline).toBe(87.5);
    expect(eur.significant).toBe(false);
  });

  it('compares the refunds of a week not over with the same part of the four weeks before', async () => {
    const weekly = await json(`/api/analytics/weekly?week=${CURRENT.week}`);
    expect(weekly.weekComplete).toBe(false);
    const kpi = weekly.kpis.refundsPaid.find((r: any) => r.currency === 'CHF').kpi;
    // This week so far: 40; the same part of the four weeks before: 10, 20, 30, 40 (their
    // 1,000 later in the week does not count).
    expect(kpi).toMatchObject({
      value: 40,
      baseline: 25,
      change: 15,
      relativeChange: 0.6,
      significant: false,
      untested: 'incomplete_week',
    });
  });

  it('opens money to the claims permission and the mix per supplier to buyers, as counts', async () => {
    const buyer = await sessionAs(api, db(), 'buyer');
    const manager = await sessionAs(api, db(), 'manager');
    const owner = await sessionAs(api, db(), 'owner');
    for (const path of ['/api/analytics/money', '/api/analytics/resolutions'])
      expect([path, (await buyer(`${path}?${PERIOD}`)).status]).toEqual([path, 403]);
    expect((await buyer(`/api/analytics/records/claims?${PERIOD}&resolution=open`)).status).toBe(
      403,
    );
    const counts = await buyer(`/api/analytics/resolutions/suppliers?${PERIOD}`);
    expect(counts.status).toBe(200);
    const body = await counts.json();
    expect(Object.keys(body).sort()).toEqual(['bySupplier', 'period']);
    expect(JSON.stringify(body)).not.toMatch(/amount/i);
    expect(
      body.bySupplier.filter((r: any) => r.supplierId === 'S1').map((r: any) => r.claims),
    ).toEqual([1, 1, 1, 1]);
    for (const session of [manager, owner]) {
      for (const path of [
        '/api/analytics/money',
        '/api/analytics/resolutions',
        '/api/analytics/resolutions/suppliers',
      ])
        expect([path, (await session(`${path}?${PERIOD}`)).status]).toEqual([path, 200]);
    }
  });
});
