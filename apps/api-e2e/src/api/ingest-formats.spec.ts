import { tableFromArrays, tableToIPC } from 'apache-arrow';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/** Two records of every kind, with the field names as column names. */
const RECORDS: Record<string, Record<string, string>[]> = {
  suppliers: [
    { external_id: 'S1', name: 'Kestrel', country: 'CN' },
    { external_id: 'S2', name: 'Nordlicht', country: 'DE' },
  ],
  products: [
    { sku: 'P1', name: 'Kettle', category: 'Home', supplier_id: 'S1' },
    { sku: 'P2', name: 'Lamp', category: 'Home', supplier_id: 'S2' },
  ],
  sales: [
    {
      external_id: 'L1',
      order_id: 'O1',
      sku: 'P1',
      quantity: '2',
      unit_price: '19.99',
      currency: 'EUR',
      ordered_at: '2026-03-01T10:00:00Z',
    },
    {
      external_id: 'L2',
      order_id: 'O2',
      sku: 'P2',
      quantity: '1',
      unit_price: '5.50',
      currency: 'EUR',
      ordered_at: '2026-03-02T10:00:00Z',
    },
  ],
  claims: [
    {
      external_id: 'C1',
      type: 'return',
      channel: 'email',
      order_id: 'O1',
      sku: 'P1',
      opened_at: '2026-03-05T09:00:00Z',
      reason_code: 'wrong_size',
    },
    {
      external_id: 'C2',
      type: 'complaint',
      channel: 'chat',
      order_id: 'O2',
      sku: 'P2',
      opened_at: '2026-03-06T09:00:00Z',
      reason_code: 'late_delivery',
    },
  ],
  feedback: [
    {
      external_id: 'F1',
      sku: 'P1',
      rating: '5',
      text: 'Great',
      created_at: '2026-03-07T09:00:00Z',
    },
    {
      external_id: 'F2',
      order_id: 'O2',
      rating: '2',
      text: 'Late',
      created_at: '2026-03-08T09:00:00Z',
    },
  ],
};

function columnsOf(records: Record<string, string>[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))];
}

function encode(
  format: string,
  records: Record<string, string>[],
): { body: string | Uint8Array; contentType: string } {
  const columns = columnsOf(records);
  switch (format) {
    case 'csv':
      return {
        contentType: 'text/csv',
        body: [
          columns.join(','),
          ...records.map((r) => columns.map((c) => r[c] ?? '').join(',')),
        ].join('\n'),
      };
    case 'json':
      return { contentType: 'application/json', body: JSON.stringify(records) };
    case 'ndjson':
      return {
        contentType: 'application/x-ndjson',
        body: records.map((r) => JSON.stringify(r)).join('\n'),
      };
    default:
      return {
        contentType: 'application/vnd.apache.arrow.stream',
        body: tableToIPC(
          tableFromArrays(
            Object.fromEntries(columns.map((c) => [c, records.map((r) => r[c] ?? null)])),
          ),
          'stream',
        ),
      };
  }
}

describe('every kind in every format', () => {
  let api: ApiProcess;
  let token: string;

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: testDatabaseUrl(),
      DEMO_DATA: 'off',
      PORT: '3912',
    });
    await truncateShopData(testDatabaseUrl());
    token = await createToken(testDatabaseUrl(), ['ingest']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it.each(Object.keys(RECORDS))(
    'stores %s identically from CSV, JSON, NDJSON and Arrow',
    async (kind) => {
      const records = RECORDS[kind];
      const mapping = { columns: Object.fromEntries(columnsOf(records).map((c) => [c, c])) };
      const results = [];
      for (const format of ['csv', 'json', 'ndjson', 'arrow']) {
        const { body, contentType } = encode(format, records);
        const response = await upload(api, kind, body, { token, contentType, mapping });
        expect(response.status).toBe(201);
        results.push([
          format,
          response.body.received,
          response.body.inserted,
          response.body.unchanged,
          response.body.rejected,
        ]);
      }
      // The first format inserts both records; the other three find them unchanged.
      expect(results).toEqual([
        ['csv', 2, 2, 0, 0],
        ['json', 2, 0, 2, 0],
        ['ndjson', 2, 0, 2, 0],
        ['arrow', 2, 0, 2, 0],
      ]);
      const table = kind;
      const count = await withClient(
        testDatabaseUrl(),
        async (c) => (await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n,
      );
      expect(count).toBe(2);
    },
  );
});
