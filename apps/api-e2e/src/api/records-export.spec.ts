import { DataType, tableFromIPC, TimeUnit, type Timestamp } from 'apache-arrow';
import type { ClaimRecord, RecordsPage } from '@returnlens/shared/contracts';
import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { csvText } from '../support/faults';
import { bearer, createToken, upload } from '../support/ingest-client';

/** More rows than a page (1,000) and than one cursor batch (2,000): 4,321 claims in February. */
const ROWS = 4_321;
const FEB = 'from=2026-W05&to=2026-W09';

/** The data lines of a CSV (header and the BOM left out). */
const dataLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .slice(1);

describe('records exports hold every row', () => {
  let api: ApiProcess;
  let auth: Record<string, string>;
  const db = () => testDatabaseUrl();
  const fetchPath = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, { headers: { ...auth, ...headers } });

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3996' });
    await truncateShopData(db());
    const token = await createToken(db(), ['ingest']);
    const res = await upload(api, 'claims', csvText('X', ROWS), { token });
    expect([res.status, res.body.inserted]).toEqual([201, ROWS]);
    auth = await bearer(db());
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('CSV: every claim once, in the asked order, not capped at a page', async () => {
    const res = await fetchPath(
      `/api/analytics/records/claims?${FEB}&format=csv&sort=externalId&order=asc&pageSize=10`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('x-cache')).toBeNull();
    const text = await res.text();
    const header = text.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header.split(',').slice(0, 4)).toEqual(['externalId', 'type', 'channel', 'sku']);
    const ids = dataLines(text).map((line) => line.split(',')[0]);
    expect(ids.length).toBe(ROWS);
    expect(new Set(ids).size).toBe(ROWS);
    expect(ids).toEqual([...ids].sort());
    expect(dataLines(text)[0]).toMatch(/^X-1,return,email,/);
  });

  it('the JSON page and the export of the same question do not share a cached answer', async () => {
    const page = `/api/analytics/records/claims?${FEB}&pageSize=5`;
    const first = (await (await fetchPath(page)).json()) as RecordsPage<ClaimRecord>;
    expect([first.total, first.rows.length]).toEqual([ROWS, 5]);
    const csv = await (await fetchPath(`${page}&format=csv`)).text();
    expect(dataLines(csv).length).toBe(ROWS);
    const again = await fetchPath(page);
    expect(again.headers.get('x-cache')).toBe('hit');
    const body = (await again.json()) as RecordsPage<ClaimRecord>;
    expect([body.total, body.rows.length]).toEqual([ROWS, 5]);
    const arrow = await fetchPath(page, { Accept: 'application/vnd.apache.arrow.stream' });
    expect(tableFromIPC(new Uint8Array(await arrow.arrayBuffer())).numRows).toBe(ROWS);
  });

  it('Arrow: one stream of record batches, timestamps and integers typed', async () => {
    const res = await fetchPath(`/api/analytics/records/claims?${FEB}&format=arrow`);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(ROWS);
    expect(table.batches.length).toBe(3); // 2,000 + 2,000 + 321
    const type = (name: string) => table.schema.fields.find((f) => f.name === name)!.type;
    const opened = type('openedAt') as Timestamp;
    expect([DataType.isTimestamp(opened), opened.unit, opened.timezone]).toEqual([
      true,
      TimeUnit.MILLISECOND,
      'UTC',
    ]);
    expect(DataType.isTimestamp(type('resolvedAt'))).toBe(true);
    expect(DataType.isInt(type('quantity')) && type('quantity').bitWidth).toBe(32);
    expect(DataType.isInt(type('contactCount')) && type('contactCount').bitWidth).toBe(32);
    expect(DataType.isUtf8(type('refundAmount'))).toBe(true); // money exact, as text
    // Newest first (the default sort); X-27 opens on 2026-02-28 10:00 UTC.
    const newest = table.get(0)!.toJSON() as Record<string, unknown>;
    expect(newest['openedAt']).toBe(Date.parse('2026-02-28T10:00:00Z'));
    expect(newest['quantity']).toBe(1);
  });

  it('supplier-claims and feedback export every row too, with their own columns', async () => {
    const supplier = await (
      await fetchPath(`/api/analytics/records/supplier-claims?${FEB}&format=csv`)
    ).text();
    expect(dataLines(supplier).length).toBe(ROWS);
    const header = supplier
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]
      .split(',');
    expect(header).not.toContain('status');
    expect(header).not.toContain('assignee');
    const feedback = await fetchPath(`/api/analytics/records/feedback?${FEB}&format=csv`);
    expect(feedback.status).toBe(200);
    expect(dataLines(await feedback.text())).toEqual([]);
  });

  it('a bad period is a 400 answer, not a truncated file', async () => {
    const res = await fetchPath('/api/analytics/records/claims?from=2025-W53&format=csv');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
