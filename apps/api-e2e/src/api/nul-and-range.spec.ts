import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * A NUL character (PostgreSQL stores none, in text or jsonb) or a number beyond what SQL
 * takes is the request's fault: 400 naming the parameter, never a 500.
 */
describe('NUL characters and out-of-range numbers in requests', () => {
  let api: ApiProcess;
  let token: string;
  const db = () => testDatabaseUrl();

  async function send(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed };
  }

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3947' });
    await truncateShopData(db());
    token = await createToken(db(), ['ingest', 'read', 'admin']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it.each([
    ['/api/analytics/pareto?supplier=SUP-001,S%00', 'supplier'],
    ['/api/analytics/weekly?reason=%00', 'reason'],
    ['/api/analytics/suppliers?category=Home%1B', 'category'],
    ['/api/analytics/records/claims?product=P%00&channel=email', 'product'],
    ['/api/analytics/records/feedback?label=negative%00', 'label'],
    ['/api/analytics/feedback?language=en&language=p%00l', 'language'],
    ['/api/analytics/kpis?from=2026-W07%00', 'from'],
    ['/api/analytics/sla?to=%002026-W10', 'to'],
    ['/api/analytics/matrix?format=csv&table=rows%00', 'table'],
    ['/api/reports/weekly?type=return%00', 'type'],
  ])('GET %s: 400 naming %s', async (path, field) => {
    const response = await send('GET', path);
    expect({ status: response.status, body: response.body }).toEqual({
      status: 400,
      body: expect.objectContaining({
        field,
        message: expect.stringContaining('contains the control character U+00'),
      }),
    });
  });

  it.each(['99999999999999999999', '9007199254740992', '0', '-1'])(
    'GET /api/batches/%s (and its rejected rows): 400 naming the batch id',
    async (id) => {
      for (const path of [`/api/batches/${id}`, `/api/batches/${id}/rejected`]) {
        const response = await send('GET', path);
        expect([path, response.status, response.body.message]).toEqual([
          path,
          400,
          'The batch id must be a whole number from 1 to 9007199254740991.',
        ]);
      }
    },
  );

  it('clamps huge, negative or odd offsets and limits of the rejected rows (never a 500)', async () => {
    const batch = await upload(
      api,
      'claims',
      'external_id,type,channel,order_id,sku,opened_at\nX1,refundd,email,O1,P1,2026-03-05T10:00:00Z\n',
      { token },
    );
    expect(batch.status).toBe(201);
    for (const query of [
      'offset=99999999999999999999&limit=99999999999999999999',
      'offset=9223372036854775808&limit=2147483648',
      'offset=-99999999999999999999&limit=-5',
      'offset=1e400&limit=Infinity',
      'offset=0x10&limit=1.5',
    ]) {
      const response = await send('GET', `/api/batches/${batch.body.id}/rejected?${query}`);
      expect([query, response.status]).toEqual([query, 200]);
    }
    const first = await send('GET', `/api/batches/${batch.body.id}/rejected?offset=-3&limit=0`);
    expect(first.body.rows.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([1]);
  });

  it('refuses a NUL in a mapping preset, naming the field', async () => {
    const response = await send('PUT', '/api/mapping-presets/helpdesk', {
      kind: 'claims',
      mapping: { columns: { external_id: 'Ticket', reason_text: 'Com\u0000ment' } },
    });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 400,
      body: expect.objectContaining({
        field: 'mapping.columns.reason_text',
        message: expect.stringContaining('contains a NUL character'),
      }),
    });
    const keyed = await send('PUT', '/api/mapping-presets/helpdesk', {
      kind: 'claims',
      mapping: { columns: { external_id: 'Ticket' }, values: { type: { 'R\u0000': 'return' } } },
    });
    expect([keyed.status, keyed.body.field]).toEqual([400, 'mapping.values.type.R\u0000']);
    expect((await send('GET', '/api/mapping-presets')).body).toEqual([]);
  });

  it('refuses a NUL in the X-Mapping JSON of an upload, naming the field', async () => {
    const response = await upload(api, 'claims', 'Ticket,Type\nX1,return\n', {
      token,
      mapping: { columns: { external_id: 'Ticket', type: 'Type\u0000' } },
    });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 400,
      body: expect.objectContaining({
        field: 'X-Mapping.columns.type',
        message: expect.stringContaining('X-Mapping columns.type contains a NUL character'),
      }),
    });
  });

  it('refuses a NUL in the preset parameter of an upload', async () => {
    const response = await upload(api, 'claims', 'Ticket,Type\nX1,return\n', {
      token,
      query: '?preset=helpdesk%00',
    });
    expect([response.status, response.body.field]).toEqual([400, 'preset']);
  });

  it('drops a NUL (URI-encoded) from the X-File-Name header, which is only shown', async () => {
    const response = await upload(
      api,
      'claims',
      'external_id,type,channel,order_id,sku,opened_at\nX9,return,email,O1,P1,2026-03-05T10:00:00Z\n',
      { token, headers: { 'X-File-Name': 'claims%00.csv' } },
    );
    expect([response.status, response.body.sourceName]).toEqual([201, 'claims.csv']);
  });

  // Every other body and parameter: the validation pipe refuses a NUL before any SQL runs.
  it.each([
    ['POST', '/api/admin/tokens', 'name', { name: 'ci\u0000', scopes: ['read'] }],
    ['POST', '/api/admin/users', 'email', { email: 'a\u0000@example.com', roles: ['buyer'] }],
    [
      'POST',
      '/api/admin/users',
      'name',
      { email: 'b@example.com', name: 'B\u0000', roles: ['buyer'] },
    ],
    ['POST', '/api/auth/login', 'email', { email: 'a\u0000@example.com', password: 'secret' }],
    [
      'PUT',
      '/api/mapping-presets/x',
      'mapping.x',
      { kind: 'claims', mapping: { columns: {}, x: '\u0000' } },
    ],
  ] as const)('%s %s with a NUL in %s: 400 naming it', async (method, path, field, body) => {
    const response = await send(method, path, body);
    expect([response.status, response.body.field]).toEqual([400, field]);
    expect(response.body.message).toContain('NUL');
  });
});
