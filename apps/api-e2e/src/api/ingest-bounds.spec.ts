import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { count, createToken, upload } from '../support/ingest-client';
import { abortSlowUploads, CLAIMS_HEADER, claimRows, slowUpload } from '../support/slow-upload';

/**
 * The bounds of an upload (docs/reliability.md, "Uploads"), on an API started with small
 * ones: one upload at a time, a stall after 2 s, 5 rejected rows kept in full.
 */
describe('upload bounds', () => {
  const db = testDatabaseUrl();
  let api: ApiProcess;
  let token: string;

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: db,
      DEMO_DATA: 'off',
      PORT: '3981',
      INGEST_MAX_UPLOADS: '1',
      INGEST_STALL_SECONDS: '2',
      INGEST_REJECTED_ROWS_KEPT: '5',
    });
  });

  beforeEach(async () => {
    await truncateShopData(db);
    token = await createToken(db, ['ingest', 'read']);
  });

  afterEach(() => abortSlowUploads());

  afterAll(async () => {
    abortSlowUploads();
    await api?.stop();
  });

  const auth = () => ({ Authorization: `Bearer ${token}` });
  const batches = () =>
    withClient(
      db,
      async (c) =>
        (
          await c.query(
            'SELECT id::text, status, idempotency_key AS key, error FROM ingest_batches ORDER BY id',
          )
        ).rows,
    );

  describe('Idempotency-Key: per caller and kind, and only for the same file', () => {
    const file = CLAIMS_HEADER + claimRows('K', 1, 3);
    const headers = { 'Idempotency-Key': 'nightly-export' };

    it('answers 422 naming the key when the same key comes with a different file, and stores nothing of it', async () => {
      const first = await upload(api, 'claims', file, { token, headers });
      expect(first.status).toBe(201);
      const other = CLAIMS_HEADER + claimRows('OTHER', 1, 4);
      const second = await upload(api, 'claims', other, { token, headers });
      expect(second.status).toBe(422);
      expect(second.body.message).toContain('"nightly-export"');
      expect(second.body.message).toContain('different file');
      expect(second.body.message).toContain(`batch ${first.body.id}`);
      expect(await count(db, 'claims')).toBe(3);
      expect(await count(db, 'ingest_batches')).toBe(1);

      // The same file again is still the replay of the first batch.
      const again = await upload(api, 'claims', file, { token, headers });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    });

    it('is another key for another token and for another kind', async () => {
      const first = await upload(api, 'claims', file, { token, headers });
      const otherToken = await createToken(db, ['ingest']);
      const byOther = await upload(api, 'claims', CLAIMS_HEADER + claimRows('T2', 1, 2), {
        token: otherToken,
        headers,
      });
      expect(byOther.status).toBe(201);
      expect(byOther.body).toMatchObject({ inserted: 2 });
      expect(byOther.body.id).not.toBe(first.body.id);

      const products = await upload(api, 'products', 'SKU,Name,Category\nP-1,Kettle,Home\n', {
        token,
        headers,
      });
      expect(products.status).toBe(201);
      expect(products.body).toMatchObject({ kind: 'products', inserted: 1 });
      expect(await count(db, 'ingest_batches')).toBe(3);
      expect(await count(db, 'claims')).toBe(5);
    });
  });

  describe('rejected rows beyond the cap', () => {
    it('keeps the first 5 in full and counts the others by field and message, in the report and at the end of the CSV', async () => {
      const rows = [];
      for (let i = 1; i <= 12; i++) {
        rows.push(
          i % 3 === 0
            ? `R-${i},teleport,email,2026-03-01,row ${i}`
            : `R-${i},return,email,2031-03-01,row ${i}`,
        );
      }
      rows.push('R-OK,return,email,2026-03-01,fine');
      const response = await upload(api, 'claims', `${CLAIMS_HEADER}${rows.join('\n')}\n`, {
        token,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        received: 13,
        inserted: 1,
        rejected: 12,
        rejectedKept: 5,
      });
      // Rows 6–12 are not kept: 6, 9 and 12 have a bad type, 7, 8, 10 and 11 a date in the future.
      expect(response.body.rejectedSummary).toEqual([
        {
          field: 'opened_at',
          message: expect.stringContaining('"2031-03-01" is in the future'),
          code: 'row.future',
          params: { value: '2031-03-01' },
          rows: 4,
          firstRows: [7, 8, 10, 11],
        },
        {
          field: 'type',
          message: expect.stringContaining('"teleport" is not a known type'),
          code: 'row.notKnown',
          params: expect.objectContaining({ value: 'teleport' }),
          rows: 3,
          firstRows: [6, 9, 12],
        },
      ]);
      const id = response.body.id;
      expect(
        await withClient(
          db,
          async (c) =>
            (
              await c.query(
                'SELECT array_agg(row_number ORDER BY row_number) AS rows FROM rejected_rows WHERE batch_id = $1',
                [id],
              )
            ).rows[0].rows,
        ),
      ).toEqual([1, 2, 3, 4, 5]);
      const report = await fetch(`${api.baseUrl}/api/batches/${id}`, { headers: auth() });
      expect(await report.json()).toMatchObject({
        rejected: 12,
        rejectedKept: 5,
        rejectedSummary: response.body.rejectedSummary,
      });

      const csv = await fetch(`${api.baseUrl}/api/batches/${id}/rejected?format=csv`, {
        headers: auth(),
      });
      const lines = (await csv.text()).trimEnd().split('\r\n');
      expect(lines).toHaveLength(1 + 5 + 1 + 2);
      expect(lines[6]).toContain(
        '7 more rejected rows were counted but not kept in full (only the first 5 are',
      );
      expect(lines[7]).toMatch(
        /^,opened_at,,.*2031-03-01.*,"\(not kept in full: 4 rows with this error, the first at rows 7, 8, 10, 11\)"$/,
      );
      expect(lines[8]).toMatch(/^,type,,.*teleport.*first at rows 6, 9, 12\)"$/);
    });

    it('streams the CSV download (no Content-Length: written as rows are read)', async () => {
      const rows = Array.from({ length: 3 }, (_, i) => `S-${i},teleport,email,2026-03-01,x`);
      const response = await upload(api, 'claims', `${CLAIMS_HEADER}${rows.join('\n')}\n`, {
        token,
      });
      const csv = await fetch(
        `${api.baseUrl}/api/batches/${response.body.id}/rejected?format=csv`,
        {
          headers: auth(),
        },
      );
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="batch-${response.body.id}-rejected.csv"`,
      );
      expect(csv.headers.get('content-length')).toBeNull();
      expect(csv.headers.get('transfer-encoding')).toBe('chunked');
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').slice(1).trimEnd().split('\r\n')).toHaveLength(4);
    });
  });

  describe('slow and stalled uploads', () => {
    it('refuses an upload beyond INGEST_MAX_UPLOADS with 503, Retry-After and the limit named', async () => {
      const slow = slowUpload(api.baseUrl, '/api/ingest/claims', auth());
      // More than the 64 kB a CSV reader samples: its first rows are ready, it takes the slot.
      slow.write(CLAIMS_HEADER + claimRows('SLOW', 1, 1_400));
      let next = 1_401;
      slow.trickle(() => claimRows('SLOW', next++, 1), 300);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // its first rows are in

      const started = Date.now();
      const refused = await fetch(`${api.baseUrl}/api/ingest/claims`, {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'text/csv' },
        body: CLAIMS_HEADER + claimRows('NEXT', 1, 2),
      });
      expect(refused.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(refused.headers.get('retry-after')).toBe('5');
      const { message } = (await refused.json()) as { message: string };
      expect(message).toContain('INGEST_MAX_UPLOADS=1');
      expect(message).toContain('nothing of this one was read or stored');

      slow.end();
      const done = await slow.answer;
      expect(done.status).toBe(201);
      expect(done.body).toMatchObject({ received: next - 1, inserted: next - 1 });
      expect(await count(db, 'claims')).toBe(next - 1);
      // The slot is free again.
      expect(
        (await upload(api, 'claims', CLAIMS_HEADER + claimRows('NEXT', 1, 2), { token })).status,
      ).toBe(201);
    });

    it('fails a batch whose body stops arriving: 408, nothing stored, its key released for the retry', async () => {
      const headers = { ...auth(), 'Idempotency-Key': 'stalls' };
      const stalled = slowUpload(api.baseUrl, '/api/ingest/claims', headers);
      const sentAt = Date.now();
      // Its first rows (past the 64 kB a CSV reader samples) are loading; then nothing.
      stalled.write(CLAIMS_HEADER + claimRows('ST', 1, 1_400));
      const answer = await stalled.answer;
      expect(answer.status).toBe(408);
      expect(answer.at - sentAt).toBeLessThan(10_000);
      expect(answer.body.message).toContain('no data arrived for 2 seconds');
      expect(answer.body.message).toContain('nothing of it was stored');
      expect(answer.body.batch).toMatchObject({ status: 'failed' });
      expect(await count(db, 'claims')).toBe(0);
      expect(await batches()).toEqual([
        {
          id: answer.body.batch.id,
          status: 'failed',
          key: null,
          error: expect.stringContaining('stalled'),
        },
      ]);
      stalled.abort();

      const retry = await upload(api, 'claims', CLAIMS_HEADER + claimRows('ST', 1, 1_500), {
        token,
        headers: { 'Idempotency-Key': 'stalls' },
      });
      expect(retry.status).toBe(201);
      expect(retry.body).toMatchObject({ received: 1_500, inserted: 1_500 });
    });

    it('answers 408 to a body that stalls before its first row, with no batch opened', async () => {
      const stalled = slowUpload(api.baseUrl, '/api/ingest/claims', auth());
      stalled.write('Ticket,Type,Chan');
      const answer = await stalled.answer;
      expect(answer.status).toBe(408);
      expect(answer.body.message).toContain('no data arrived for 2 seconds');
      expect(await count(db, 'ingest_batches')).toBe(0);
      stalled.abort();
    });
  });
});
