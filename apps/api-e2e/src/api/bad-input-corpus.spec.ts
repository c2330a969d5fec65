import { isDeepStrictEqual } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { IngestKind } from '@returnlens/shared/contracts';
import { Client } from 'pg';
import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import {
  BAD_INPUT_CASES,
  bodyOf,
  type BadInputCase,
  type ExpectedRowError,
  type ShopTable,
} from '../fixtures/bad-input/cases';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/** A known good shop: two of everything, every row linked. */
const BASELINE: ReadonlyArray<[IngestKind, string]> = [
  ['suppliers', 'external_id,name,country\nS1,Kestrel,CN\nS2,Nordlicht,DE\n'],
  ['products', 'sku,name,category,supplier_id\nP1,Kettle,Home,S1\nP2,Lamp,Home,S2\n'],
  [
    'sales',
    'external_id,order_id,sku,quantity,unit_price,currency,ordered_at,delivered_at,customer_id\n' +
      'L1,O1,P1,2,19.99,EUR,2026-03-01T10:00:00Z,2026-03-03T10:00:00Z,K1\n' +
      'L2,O2,P2,1,5.50,EUR,2026-03-02T10:00:00Z,2026-03-04T10:00:00Z,K2\n',
  ],
  [
    'claims',
    'external_id,type,channel,order_id,sku,opened_at,reason_code,reason_text,refund_amount,currency\n' +
      'C1,return,email,O1,P1,2026-03-05T09:00:00Z,wrong_size,Too small,19.99,EUR\n' +
      'C2,complaint,chat,O2,P2,2026-03-06T09:00:00Z,late_delivery,Arrived a week late,,\n',
  ],
  [
    'feedback',
    'external_id,sku,order_id,rating,text,created_at\n' +
      'F1,P1,,5,Great kettle,2026-03-07T09:00:00Z\n' +
      'F2,,O2,2,Late and no answer,2026-03-08T09:00:00Z\n',
  ],
];

const SHOP_TABLES: ReadonlyArray<[ShopTable, string]> = [
  ['suppliers', 'external_id'],
  ['products', 'sku'],
  ['sales', 'external_id'],
  ['claims', 'external_id'],
  ['feedback', 'external_id'],
];

const KEY_OF = Object.fromEntries(SHOP_TABLES) as Record<ShopTable, string>;

/** No response may show a stack trace, source positions or SQL. */
const LEAK =
  /at \w[\w.<>]* \(|\.[tj]s:\d+|\bSELECT |\bINSERT |\bUPDATE \w+ SET|syntax error|ingest_stage|relation "|violates|QueryFailedError|\bCOPY /;

/** Cells a spreadsheet would run as a formula. */
function formulaCells(csv: string): string[] {
  const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  return rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
}

interface Snapshot {
  /** table → key → md5 of the whole row. */
  readonly rows: Record<string, Record<string, string>>;
  /** md5 of every rollup table's content. */
  readonly rollups: Record<string, string>;
}

describe('bad-input corpus (apps/api-e2e/src/fixtures/bad-input)', () => {
  let api: ApiProcess;
  /** Uploads the cases and reads the exports back, as an integration's token would. */
  let token: string;
  let pristine = false;
  const db = () => testDatabaseUrl();

  /** One connection for the whole suite's checks. */
  let client: Client;
  const query = async <T>(sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows as T[];

  /** Every shop row (hashed whole, keyed) and every rollup table's content, in one query. */
  async function snapshot(): Promise<Snapshot> {
    const rollupTables = await query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables
        WHERE schemaname = current_schema() AND tablename LIKE 'rollup\\_%' ORDER BY 1`,
    );
    const parts = [
      ...SHOP_TABLES.map(
        ([table, key]) =>
          `SELECT '${table}' AS tbl, ${key} AS key, md5(row_to_json(t)::text) AS hash FROM ${table} t`,
      ),
      ...rollupTables.map(
        ({ name }) =>
          `SELECT 'rollup' AS tbl, '${name}' AS key,
                  coalesce(md5(string_agg(row_to_json(t)::text, '|' ORDER BY row_to_json(t)::text)), 'empty') AS hash
             FROM ${name} t`,
      ),
    ];
    const rows = await query<{ tbl: string; key: string; hash: string }>(
      `${parts.join('\nUNION ALL\n')} ORDER BY 1, 2`,
    );
    const snap: Snapshot = { rows: {}, rollups: {} };
    for (const [table] of SHOP_TABLES) snap.rows[table] = {};
    for (const row of rows) {
      if (row.tbl === 'rollup') snap.rollups[row.key] = row.hash;
      else snap.rows[row.tbl][row.key] = row.hash;
    }
    return snap;
  }

  async function loadBaseline(): Promise<void> {
    await truncateShopData(db());
    token = await createToken(db(), ['ingest', 'read']);
    for (const [kind, csv] of BASELINE) {
      const response = await upload(api, kind, csv, { token });
      expect([kind, response.status, response.body.rejected]).toEqual([kind, 201, 0]);
    }
  }

  async function get(path: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return { status: response.status, text: await response.text() };
  }

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3953' });
    client = new Client({ connectionString: db() });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await api?.stop();
  });

  it('has at least 40 cases with unique ids', () => {
    const ids = BAD_INPUT_CASES.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(BAD_INPUT_CASES.map((c): [string, BadInputCase] => [c.id, c]))(
    '%s',
    async (_id, testCase) => {
      // Each case starts from the baseline: reloaded unless the previous case provably left
      // every row and rollup as it found them.
      if (!pristine) await loadBaseline();
      pristine = false;
      const before = await snapshot();
      const [{ last }] = await query<{ last: string | null }>(
        'SELECT max(id)::text AS last FROM ingest_batches',
      );

      const response = await upload(api, testCase.kind, bodyOf(testCase), {
        token,
        contentType: testCase.contentType,
        mapping: testCase.mapping,
        query: testCase.query,
        headers: testCase.headers,
      });
      const responseText = JSON.stringify(response.body);
      expect(responseText).not.toMatch(LEAK);
      const after = await snapshot();
      const unchanged = isDeepStrictEqual(after, before);
      const batches = await query<{ id: string; status: string }>(
        'SELECT id::text, status FROM ingest_batches WHERE id > $1 ORDER BY id',
        [last ?? 0],
      );

      if ('refused' in testCase.expect) {
        const { status, message } = testCase.expect.refused;
        expect({ status: response.status, message: response.body.message }).toEqual({
          status,
          message: expect.stringContaining(message),
        });
        // Nothing of it is stored: every row and every rollup as before.
        expect(after).toEqual(before);
        expect(batches.filter((b) => b.status !== 'failed')).toEqual([]);
        pristine = unchanged;
        return;
      }

      const expected = testCase.expect;
      const rejectedRows = new Set(expected.rejected.map((e) => e.row));
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 201,
        body: {
          status: 'committed',
          received: expected.received,
          rejected: rejectedRows.size,
        },
      });
      expect(batches).toEqual([{ id: response.body.id, status: 'committed' }]);

      // Warnings (rows read in another encoding than the file's): in the answer and in the
      // stored report; none where none are expected.
      const warningsOf = (report: { warnings?: string[] }) => [...(report.warnings ?? [])].sort();
      const expectedWarnings = [...(expected.warnings ?? [])]
        .sort()
        .map((w) => expect.stringContaining(w));
      expect(warningsOf(response.body)).toEqual(expectedWarnings);
      const storedReport = await get(`/api/batches/${response.body.id}`);
      expect(storedReport.status).toBe(200);
      expect(warningsOf(JSON.parse(storedReport.text))).toEqual(expectedWarnings);

      // Every rejected row with every error: row number, field, and words that say what is wrong.
      const rejected = await get(`/api/batches/${response.body.id}/rejected?limit=1000`);
      expect(rejected.status).toBe(200);
      const actualErrors = (
        JSON.parse(rejected.text).rows as {
          rowNumber: number;
          errors: { field: string; message: string }[];
        }[]
      ).flatMap((row) =>
        row.errors.map((e) => ({ row: row.rowNumber, field: e.field, message: e.message })),
      );
      for (const error of actualErrors) expect(error.message).not.toMatch(LEAK);
      const order = (a: ExpectedRowError, b: ExpectedRowError) =>
        a.row - b.row || a.field.localeCompare(b.field);
      expect([...actualErrors].sort(order)).toEqual(
        [...expected.rejected]
          .sort(order)
          .map((e) => ({ ...e, message: expect.stringContaining(e.message) })),
      );
      for (const row of expected.rejected)
        expect(response.body.rejectedSample).toContainEqual(
          expect.objectContaining({ rowNumber: row.row }),
        );

      // The baseline is untouched; the only new rows are the expected ones.
      const storedKeys = expected.stored ?? [];
      for (const [table] of SHOP_TABLES) {
        for (const [key, hash] of Object.entries(before.rows[table]))
          expect([table, key, after.rows[table][key]]).toEqual([table, key, hash]);
        const added = Object.keys(after.rows[table]).filter((k) => !(k in before.rows[table]));
        const expectedKeys = [
          ...new Set(storedKeys.filter((s) => s.table === table).map((s) => s.key)),
        ];
        expect([table, added.sort()]).toEqual([table, expectedKeys.sort()]);
      }
      if (storedKeys.length === 0) expect(after.rollups).toEqual(before.rollups);

      // Stored verbatim, as inert text.
      for (const stored of storedKeys) {
        const key = KEY_OF[stored.table];
        const [row] = await query<{ value: string | number }>(
          `SELECT ${stored.column} AS value FROM ${stored.table} WHERE ${key} = $1`,
          [stored.key],
        );
        expect([stored.key, stored.column, row?.value]).toEqual([
          stored.key,
          stored.column,
          stored.value,
        ]);
      }

      if (expected.rejectedCsvContains) {
        const csv = await get(`/api/batches/${response.body.id}/rejected?format=csv`);
        expect(csv.status).toBe(200);
        for (const cell of expected.rejectedCsvContains) expect(csv.text).toContain(cell);
        expect(formulaCells(csv.text)).toEqual([]);
      }
      if (expected.exportCsvContains) {
        const csv = await get('/api/analytics/records/claims?from=2026-W10&to=2026-W10&format=csv');
        expect(csv.status).toBe(200);
        for (const cell of expected.exportCsvContains) expect(csv.text).toContain(cell);
        expect(formulaCells(csv.text)).toEqual([]);
      }
      pristine = unchanged;
    },
  );
});
