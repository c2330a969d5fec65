import type { HealthReport } from '@returnlens/shared/contracts';
import { startApiProcess, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';

describe('health, API errors and the dashboard on one port', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: testDatabaseUrl(),
      DEMO_DATA: 'off',
      PORT: '3903',
    });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('listens on 127.0.0.1 by default', () => {
    expect(api.baseUrl).toBe('http://127.0.0.1:3903');
  });

  it('reports the database reachable and every migration applied', async () => {
    const response = await fetch(`${api.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as HealthReport;
    expect(health.status).toBe('ok');
    expect(health.database).toMatchObject({ reachable: true, mode: 'external' });
    expect(health.database.serverVersion).toMatch(/^\d+/);
    expect(health.migrations).toEqual({
      applied: [
        'InitialSchema1763900000000',
        'IngestSupport1763990000000',
        'CheaperFactConstraints1764000000000',
        'LeanerClaimIndexes1764010000000',
        'Rollups1764100000000',
        'TextEnrichment1764200000000',
        'Accounts1764300000000',
        'DataVersion1764400000000',
        'DataVersionNotify1764500000000',
        'IngestBounds1764610000000',
        'CohortReturns1764700000000',
        'MoneyAndResolutions1764720000000',
        'ShopTaxonomy1764800000000',
        'BackgroundTextAnalysis1764810000000',
        'LineSellers1764830000000',
        'Notifications1764900000000',
        'SalesOrderOrdered1764950000000',
        'ShopTextModels1764960000000',
        'UiLanguages1764970000000',
        'SlaHourRollups1764980000000',
        'ClaimsCube1764990000000',
      ],
      pending: [],
      upToDate: true,
    });
  });

  it('serves the dashboard at / and at deep links', async () => {
    for (const path of ['/', '/weekly', '/suppliers?supplier=SUP-001']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<rl-root>');
    }
  });

  it('answers unknown API paths with a JSON 404, not the dashboard', async () => {
    const response = await fetch(`${api.baseUrl}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
