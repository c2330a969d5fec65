import type { WeeklyReport } from '@returnlens/shared/contracts';
import {
  rebuildRollups,
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { insertClaims, WEEKLY_FIXTURE } from '../support/fixtures';
import { bearer } from '../support/ingest-client';

let auth: Record<string, string> = {};

async function getJson<T>(api: ApiProcess, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${api.baseUrl}${path}`, { headers: auth });
  return { status: response.status, body: (await response.json()) as T };
}

describe('GET /api/reports/weekly on a hand-checked fixture', () => {
  let utc: ApiProcess;
  let warsaw: ApiProcess;

  beforeAll(async () => {
    const url = testDatabaseUrl();
    utc = await startApiProcess({
      DATABASE_URL: url,
      DEMO_DATA: 'off',
      PORT: '3901',
      SHOP_TIMEZONE: 'UTC',
    });
    await truncateShopData(url);
    await withClient(url, (client) => insertClaims(client, WEEKLY_FIXTURE));
    auth = await bearer(url);
    // Rows written straight into the tables, not through ingestion: rollups rebuilt.
    await rebuildRollups(url, 'UTC');
  });

  afterAll(async () => {
    await utc?.stop();
    await warsaw?.stop();
  });

  it('compares the week with the mean of the previous four (UTC)', async () => {
    const { status, body } = await getJson<WeeklyReport>(utc, '/api/reports/weekly?week=2026-W10');
    expect(status).toBe(200);
    expect(body.week).toEqual({ week: '2026-W10', start: '2026-03-02', end: '2026-03-08' });
    expect(body.baselineWeeks.map((w) => w.week)).toEqual([
      '2026-W06',
      '2026-W07',
      '2026-W08',
      '2026-W09',
    ]);
    // 6 claims against (2 + 4 + 3 + 3) / 4 = 3
    expect(body.claimsReceived).toMatchObject({
      value: 6,
      baseline: 3,
      change: 3,
      relativeChange: 1,
      significant: false,
    });
    // Binomial(18, 1/5) at 6, two-sided: 0.2320
    expect(body.claimsReceived.pValue).toBeCloseTo(0.232, 3);
    expect(body.claimsReceived.sparkline).toEqual([0, 0, 0, 0, 0, 0, 0, 2, 4, 3, 3, 6]);
    // 7 units against (2 + 6 + 3 + 3) / 4 = 3.5; Binomial(21, 1/5) at 7: 0.1662
    expect(body.unitsReturned).toMatchObject({
      value: 7,
      baseline: 3.5,
      change: 3.5,
      relativeChange: 1,
    });
    expect(body.unitsReturned.pValue).toBeCloseTo(0.1662, 3);
  });

  it('ranks the week’s reasons with shares and cumulative shares', async () => {
    const { body } = await getJson<WeeklyReport>(utc, '/api/reports/weekly?week=2026-W10');
    expect(body.pareto.map((r) => [r.reasonCode, r.category, r.claims])).toEqual([
      ['product_defect', 'product_quality', 3],
      ['wrong_size', 'listing_accuracy', 2],
      ['changed_mind', 'customer_preference', 1],
    ]);
    expect(body.pareto.map((r) => r.share)).toEqual([0.5, 2 / 6, 1 / 6]);
    expect(body.pareto.map((r) => r.cumulativeShare)).toEqual([0.5, 5 / 6, 1]);
  });

  it('gives the 12-week trend per reason category', async () => {
    const { body } = await getJson<WeeklyReport>(utc, '/api/reports/weekly?week=2026-W10');
    expect(body.trendWeeks[0].week).toBe('2025-W51');
    expect(body.trendWeeks[11].week).toBe('2026-W10');
    const series = Object.fromEntries(body.trend.map((t) => [t.category, t.claims.slice(-5)]));
    expect(series['product_quality']).toEqual([0, 4, 0, 1, 3]);
    expect(series['fulfilment']).toEqual([2, 0, 3, 0, 0]);
    expect(series['customer_preference']).toEqual([0, 0, 0, 2, 1]);
    expect(series['listing_accuracy']).toEqual([0, 0, 0, 0, 2]);
    expect(body.trend).toHaveLength(8);
  });

  it('defaults to the latest complete week, or the week of the newest claim when data stops earlier', async () => {
    const { body } = await getJson<WeeklyReport>(utc, '/api/reports/weekly');
    expect(body.week.week).toBe('2026-W11');
    expect(body.dataThrough).toBe('2026-03-09T10:00:00.000Z');
  });

  it('refuses a malformed or non-existent week with a message naming the field', async () => {
    const malformed = await getJson<{ message: string[] | string }>(
      utc,
      '/api/reports/weekly?week=March',
    );
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.message)).toContain(
      'week must be an ISO week such as 2026-W07',
    );

    const missing = await getJson<{ field: string; message: string }>(
      utc,
      '/api/reports/weekly?week=2025-W53',
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      field: 'week',
      message: expect.stringContaining('2025 has no ISO week 53'),
    });

    const unknown = await getJson<{ field: string; message: string }>(
      utc,
      '/api/reports/weekly?weeks=2026-W10',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      field: 'weeks',
      message: expect.stringContaining('unknown parameter "weeks"'),
    });
  });

  it('answers an empty week with zeros, not an error', async () => {
    const { status, body } = await getJson<WeeklyReport>(utc, '/api/reports/weekly?week=2025-W30');
    expect(status).toBe(200);
    expect(body.claimsReceived.value).toBe(0);
    expect(body.pareto).toEqual([]);
  });

  describe('in another time zone', () => {
    beforeAll(async () => {
      // One shop has one time zone: a restart with another rebuilds the rollups for it.
      await utc.stop();
      warsaw = await startApiProcess({
        DATABASE_URL: testDatabaseUrl(),
        DEMO_DATA: 'off',
        PORT: '3902',
        SHOP_TIMEZONE: 'Europe/Warsaw',
      });
    });

    it('buckets weeks on the shop’s wall clock (Europe/Warsaw)', async () => {
      const { body } = await getJson<WeeklyReport>(warsaw, '/api/reports/weekly?week=2026-W10');
      expect(body.timeZone).toBe('Europe/Warsaw');
      // Sunday 23:30 UTC moves to the next week: W09 2 claims, W10 = 6 − 1 + 1 = 6
      expect(body.claimsReceived).toMatchObject({ value: 6, baseline: 2.75 });
      expect(body.claimsReceived.pValue).toBeCloseTo(0.1282, 3);
      expect(body.pareto.map((r) => [r.reasonCode, r.claims])).toEqual([
        ['product_defect', 4],
        ['wrong_size', 2],
      ]);
    });
  });
});
