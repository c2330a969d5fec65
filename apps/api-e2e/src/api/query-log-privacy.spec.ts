import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';
import { csvText } from '../support/faults';

/** Filter values no log line may show: shop data (docs/security.md, "What is logged"). */
const SUPPLIER = 'SUPPLIER-SECRET-4711';
const SKU = 'SKU-SECRET-0815';

/**
 * A query that fails in the database (a column it reads is gone) while a request carries
 * recognisable filter values: the client gets a 500 with an error id, and the API's output
 * has the error id and the SQL text, but neither the query's parameters nor the request's
 * query string.
 */
describe('a failed query in the API log', () => {
  let api: ApiProcess;
  let token: string;
  const db = () => testDatabaseUrl();

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3982' });
    await truncateShopData(db());
    token = await createToken(db(), ['ingest', 'read']);
    expect((await upload(api, 'claims', csvText('LOG', 5), { token })).status).toBe(201);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('shows the error id and the SQL text, never the filter values bound to the query', async () => {
    let status = 0;
    let body: { errorId?: string; message?: string } = {};
    // Every records query selects the product's name: without that column it fails (42703).
    await withClient(db(), (c) => c.query('ALTER TABLE products RENAME COLUMN name TO name_gone'));
    try {
      const response = await fetch(
        `${api.baseUrl}/api/analytics/records/claims?supplier=${SUPPLIER}&product=${SKU}`,
        { headers: { Authorization: `Bearer ${token}`, 'Cache-Control': 'no-cache' } },
      );
      status = response.status;
      body = (await response.json()) as typeof body;
    } finally {
      await withClient(db(), (c) =>
        c.query('ALTER TABLE products RENAME COLUMN name_gone TO name'),
      );
    }
    expect(status).toBe(500);
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);

    // The log lines are written before the answer; give the pipe a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const output = api.output();
    expect(output).toContain(`error ${body.errorId}`);
    expect(output).toMatch(/Query failed \(SQLSTATE 42703\): column p\.name does not exist/);
    expect(output).toMatch(/query: SELECT .*p\.name AS "productName"/);
    expect(output).not.toContain(SUPPLIER);
    expect(output).not.toContain(SKU);
    expect(output).not.toContain('PARAMETERS');
  });
});
