import type { ClaimRecord, KpiSet, RecordsPage, WeeklyReport } from '@returnlens/shared/contracts';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { bearer, createToken, upload } from '../support/ingest-client';

interface ReturnRates {
  cohorts: WeeklyReport['returnCohorts'];
  rows: {
    key: string;
    unitsSold: number;
    returnedUnits: number;
    rate: number | null;
    immatureUnitsSold: number;
    immatureReturnedUnits: number;
  }[];
}

/**
 * Return rate by order cohort, worked out by hand (UTC; W10 = 2–8 March 2026).
 *
 *   sales  order  sku  units  ordered       supplier
 *   L1     O1     A    10     Tue 3 Mar     S1   ─┐ cohort W10: 20 units
 *   L2     O2     B    10     Wed 4 Mar     S2   ─┘
 *   L3     O3     A    20     Tue 10 Mar    S1   ── cohort W11: 20 units
 *
 *   claim  type              order  sku  units  opened
 *   r1     return            O1     A    2      20 Mar   → W10
 *   r2     exchange          O2     B    1      1 Apr    → W10
 *   r3     complaint         O1     A    1      10 Mar   (moves no goods: not a return)
 *   r4     return            O9     A    1      12 Mar   (order unknown: in no cohort)
 *   r5     warranty_repair   O3     A    5      20 Mar   (goes back to the customer)
 *   r6     return_defective  O3     A    4      25 Mar   → W11
 *   z1     complaint         —      —    1      Mon 13 Apr (the newest data: known through 13 Apr)
 *
 * Return window 30 days: W10 ends 9 Mar → final from 8 Apr (mature on the 13th);
 * W11 ends 16 Mar → final from 15 Apr (not yet). W10: 3 of 20 units = 15 %; W11: 4 of 20 so far.
 */
const SUPPLIERS = `external_id,name,country
S1,Alpha,PL
S2,Beta,DE
`;
const PRODUCTS = `sku,name,category,supplier_id
A,Kettle,home,S1
B,Lamp,home,S2
`;
const SALES = `external_id,order_id,sku,quantity,unit_price,currency,ordered_at
L1,O1,A,10,10,EUR,2026-03-03T10:00:00Z
L2,O2,B,10,10,EUR,2026-03-04T10:00:00Z
L3,O3,A,20,10,EUR,2026-03-10T10:00:00Z
`;
const CLAIMS = `external_id,type,channel,order_id,sku,quantity,reason_code,opened_at,status
r1,return,email,O1,A,2,changed_mind,2026-03-20T10:00:00Z,open
r2,exchange,email,O2,B,1,wrong_size,2026-04-01T10:00:00Z,open
r3,complaint,email,O1,A,1,late_delivery,2026-03-10T10:00:00Z,open
r4,return,email,O9,A,1,changed_mind,2026-03-12T10:00:00Z,open
r5,warranty_repair,email,O3,A,5,product_defect,2026-03-20T10:00:00Z,open
r6,return_defective,email,O3,A,4,product_defect,2026-03-25T10:00:00Z,open
z1,complaint,email,,,1,late_delivery,2026-04-13T10:00:00Z,open
`;
const PERIOD = 'from=2026-W10&to=2026-W16';

describe('return rate by order cohort, with maturity', () => {
  let api: ApiProcess;
  let ingestToken: string;
  let auth: Record<string, string>;
  const db = () => testDatabaseUrl();
  const get = async <T>(path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: auth });
    return { status: response.status, body: (await response.json()) as T };
  };
  const load = async (kind: 'suppliers' | 'products' | 'sales' | 'claims', body: string) => {
    const res = await upload(api, kind, body, { token: ingestToken });
    expect([kind, res.status, res.body.rejected]).toEqual([kind, 201, 0]);
  };

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      PORT: '3931',
      SHOP_TIMEZONE: 'UTC',
    });
    await truncateShopData(db());
    ingestToken = await createToken(db(), ['ingest']);
    auth = await bearer(db());
    await load('suppliers', SUPPLIERS);
    await load('products', PRODUCTS);
    // Claims before their sales: the cohorts must follow when the sales arrive.
    await load('claims', CLAIMS);
    await load('sales', SALES);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('divides the returns of a week’s orders by its units, and marks the open window', async () => {
    const { status, body } = await get<ReturnRates>(
      `/api/analytics/return-rates?${PERIOD}&by=supplier`,
    );
    expect(status).toBe(200);
    expect(body.cohorts).toMatchObject({ returnWindowDays: 30, asOf: '2026-04-13' });
    const [w10, w11, ...rest] = body.cohorts.weeks;
    expect(w10).toMatchObject({ unitsSold: 20, returnedUnits: 3, rate: 0.15, mature: true });
    expect(w11).toMatchObject({ unitsSold: 20, returnedUnits: 4, rate: 0.2, mature: false });
    expect(rest.every((w) => w.unitsSold === 0 && !w.mature)).toBe(true);
    // r1, r2, r4, r6 are returns opened in the period; r4 names an unknown order.
    expect(body.cohorts).toMatchObject({ returnsOpened: 4, unmatchedReturns: 1 });
    // Per supplier, mature weeks only; the open week apart.
    const s1 = body.rows.find((r) => r.key === 'S1')!;
    expect(s1).toMatchObject({
      unitsSold: 10,
      returnedUnits: 2,
      rate: 0.2,
      immatureUnitsSold: 20,
      immatureReturnedUnits: 4,
    });
    expect(body.rows.find((r) => r.key === 'S2')).toMatchObject({
      unitsSold: 10,
      returnedUnits: 1,
      rate: 0.1,
    });
  });

  it('drills a cohort into exactly its returns', async () => {
    const page = await get<RecordsPage<ClaimRecord>>(
      '/api/analytics/records/claims?from=2026-W10&to=2026-W10&cohort=true&pageSize=50',
    );
    expect(page.status).toBe(200);
    expect(page.body.rows.map((r) => r.externalId).sort()).toEqual(['r1', 'r2']);
    expect(page.body.rows.reduce((s, r) => s + r.quantity, 0)).toBe(3);
  });

  it('follows a claim moved to another order, and the same figure from the raw rows', async () => {
    // r6 now belongs to O1 (W10): W10 gets 7 of 20, W11 none.
    await load(
      'claims',
      'external_id,type,channel,order_id,sku,quantity,reason_code,opened_at,status\n' +
        'r6,return_defective,email,O1,A,4,product_defect,2026-03-25T10:00:00Z,open\n',
    );
    const rollup = await get<ReturnRates>(`/api/analytics/return-rates?${PERIOD}&by=product`);
    expect(rollup.body.cohorts.weeks[0]).toMatchObject({ returnedUnits: 7, unitsSold: 20 });
    expect(rollup.body.cohorts.weeks[1]).toMatchObject({ returnedUnits: 0, unitsSold: 20 });
    // A channel filter is answered from the raw rows with the same definition.
    const raw = await get<ReturnRates & { period: { source: string } }>(
      `/api/analytics/return-rates?${PERIOD}&by=product&channel=email`,
    );
    expect(raw.body.period.source).toBe('raw');
    expect(raw.body.cohorts.weeks.slice(0, 2)).toEqual(rollup.body.cohorts.weeks.slice(0, 2));
    expect(raw.body.rows).toEqual(rollup.body.rows);
  });

  it('takes the return window from the settings, and the strip’s target too', async () => {
    const admin = await bearer(db(), ['admin']);
    const put = await fetch(`${api.baseUrl}/api/settings/reporting`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        returnWindowDays: 40,
        targets: { processingHours: 48, satisfaction: 0.9, repeatContact: 0.2, returnShare: 0.5 },
      }),
    });
    expect(put.status).toBe(200);
    // 9 Mar + 40 days = 18 Apr: W10 is open again.
    const { body } = await get<ReturnRates>(`/api/analytics/return-rates?${PERIOD}`);
    expect(body.cohorts.returnWindowDays).toBe(40);
    expect(body.cohorts.weeks[0].mature).toBe(false);
    const kpis = await get<KpiSet>(`/api/analytics/kpis?${PERIOD}`);
    expect(kpis.body.returnShare.target).toBe(0.5);
    expect(kpis.body.processingTimeHours.target).toBe(48);

    // Reading figures does not let one change what they mean.
    const refused = await fetch(`${api.baseUrl}/api/settings/reporting`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ returnWindowDays: 30, targets: {} }),
    });
    expect(refused.status).toBe(403);
    const bad = await fetch(`${api.baseUrl}/api/settings/reporting`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ returnWindowDays: 0, targets: { satisfaction: 2 } }),
    });
    expect(bad.status).toBe(400);
    const problems = JSON.stringify(await bad.json());
    expect(problems).toContain('returnWindowDays');
    expect(problems).toContain('processingHours');
  });

  it('analyses a table a batch makes much larger before its rollups read it', async () => {
    // Statistics of the three lines above: three orders. A batch of 3,000 lines (new orders)
    // makes them wrong for every later plan; the batch analyses `sales` itself, in its own
    // transaction (autovacuum would come a minute later at best).
    const plannerRows = () =>
      withClient(db(), async (c) => {
        const { rows } = await c.query<{ n: number }>(
          `SELECT reltuples AS n FROM pg_class WHERE oid = 'sales'::regclass`,
        );
        return Number(rows[0].n);
      });
    await withClient(db(), (c) => c.query('ANALYZE sales'));
    expect(await plannerRows()).toBe(3);
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `G${i},O${100 + i},${i % 2 ? 'A' : 'B'},1,10,EUR,2026-03-1${i % 10}T10:00:00Z`,
    );
    await load(
      'sales',
      `external_id,order_id,sku,quantity,unit_price,currency,ordered_at\n${lines.join('\n')}\n`,
    );
    expect(await plannerRows()).toBe(3003);
    // A small batch after it leaves the statistics alone.
    await load(
      'sales',
      'external_id,order_id,sku,quantity,unit_price,currency,ordered_at\nH1,O9000,A,1,10,EUR,2026-03-11T10:00:00Z\n',
    );
    expect(await plannerRows()).toBe(3003);
    // A claim's order date now comes from its order's own lines.
    const plan = await withClient(db(), async (c) => {
      const { rows } = await c.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT (SELECT min(s.ordered_at) FROM sales s
            WHERE s.shop_id = c.shop_id AND s.order_id = c.order_id
              AND (c.sku IS NULL OR s.sku = c.sku)) FROM claims c`,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('sales_order_ordered');
    expect(plan).not.toContain('sales_ordered ');
    // The cohort figures are unchanged by 3,000 lines with no returns: 7 of 20 + 3,000 units.
    const { body } = await get<ReturnRates>(`/api/analytics/return-rates?${PERIOD}`);
    expect(body.cohorts.weeks[0].returnedUnits).toBe(7);
  });
});
