import iconv from 'iconv-lite';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { count, createToken, upload } from '../support/ingest-client';

const CLAIMS_MAPPING = {
  columns: {
    external_id: 'Ticket',
    type: 'Type',
    channel: 'Channel',
    opened_at: 'Date received',
    reason_code: 'Reason',
    reason_text: 'Comment',
    sku: 'SKU',
    order_id: 'Order',
  },
};

describe('POST /api/ingest/:kind', () => {
  let api: ApiProcess;
  let token: string;
  const db = () => testDatabaseUrl();

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3910' });
  });

  beforeEach(async () => {
    await truncateShopData(db());
    token = await createToken(db(), ['ingest']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  describe('access', () => {
    it('answers 401 without a token and stores nothing', async () => {
      const response = await upload(
        api,
        'claims',
        'Ticket,Type,Channel,Date received\nA,return,email,2026-01-01\n',
        { token: null },
      );
      expect(response.status).toBe(401);
      expect(response.body.message).toContain('send an API token');
      expect(await count(db(), 'claims')).toBe(0);
      expect(await count(db(), 'ingest_batches')).toBe(0);
    });

    it('answers 401 for an unknown token and 403 for a token without the scope', async () => {
      expect((await upload(api, 'claims', 'x', { token: 'rl_nope' })).status).toBe(401);
      const readOnly = await createToken(db(), ['read']);
      const response = await upload(api, 'claims', 'x', { token: readOnly });
      expect(response.status).toBe(403);
      expect(response.body.message).toContain('does not give access to uploading data');
    });
  });

  describe('formats and kinds', () => {
    it('loads suppliers and products from CSV, sales from JSON, feedback from NDJSON, products from Arrow', async () => {
      const suppliers = await upload(
        api,
        'suppliers',
        'Supplier ID,Supplier name,Country\nS1,Kestrel,cn\nS2,Nordlicht,DE\n',
        { token },
      );
      expect(suppliers.status).toBe(201);
      expect(suppliers.body).toMatchObject({
        kind: 'suppliers',
        format: 'csv',
        received: 2,
        inserted: 2,
        rejected: 0,
      });

      const products = await upload(
        api,
        'products',
        'SKU;Product name;Category;Supplier\nA-1;Kettle;Home;S1\n',
        { token },
      );
      expect(products.body).toMatchObject({ inserted: 1 });

      const sales = await upload(
        api,
        'sales',
        JSON.stringify([
          {
            order: 'O-1',
            sku: 'A-1',
            qty: 2,
            price: 19.99,
            currency: 'EUR',
            'order date': '2026-01-05T10:00:00Z',
          },
          {
            order: 'O-2',
            sku: 'A-1',
            qty: 1,
            price: '1.234,50',
            currency: 'PLN',
            'order date': '05.01.2026',
          },
        ]),
        { token, contentType: 'application/json' },
      );
      expect(sales.status).toBe(201);
      expect(sales.body).toMatchObject({ format: 'json', inserted: 2, rejected: 0 });

      const feedback = await upload(
        api,
        'feedback',
        '{"id":"R1","sku":"A-1","rating":5,"text":"Świetny!","date":"2026-01-07"}\n{"id":"R2","sku":"A-1","rating":2,"review":"Slow","date":1767780000}\nnot json\n',
        { token, contentType: 'application/x-ndjson' },
      );
      expect(feedback.body).toMatchObject({
        format: 'ndjson',
        received: 3,
        inserted: 2,
        rejected: 1,
      });
      expect(feedback.body.rejectedSample[0]).toMatchObject({
        rowNumber: 3,
        errors: [{ field: '(row)', message: expect.stringContaining('is not valid JSON') }],
      });

      const arrow = tableToIPC(
        tableFromArrays({
          sku: ['B-1', 'B-2'],
          name: ['Lamp', 'Chair'],
          category: ['Home', 'Garden'],
          supplier_id: ['S2', 'S2'],
        }),
        'stream',
      );
      const fromArrow = await upload(api, 'products', arrow, {
        token,
        contentType: 'application/vnd.apache.arrow.stream',
      });
      expect(fromArrow.status).toBe(201);
      expect(fromArrow.body).toMatchObject({ format: 'arrow', inserted: 2 });

      await withClient(db(), async (client) => {
        const { rows } = await client.query(
          'SELECT external_id, unit_price, currency, ordered_at FROM sales ORDER BY order_id',
        );
        expect(rows).toEqual([
          {
            external_id: 'O-1:A-1',
            unit_price: '19.99',
            currency: 'EUR',
            ordered_at: new Date('2026-01-05T10:00:00Z'),
          },
          {
            external_id: 'O-2:A-1',
            unit_price: '1234.50',
            currency: 'PLN',
            ordered_at: new Date('2026-01-05T00:00:00Z'),
          },
        ]);
        expect(
          (await client.query('SELECT country FROM suppliers ORDER BY external_id')).rows,
        ).toEqual([{ country: 'CN' }, { country: 'DE' }]);
      });
    });

    it('refuses an unsupported Content-Type with the list of supported ones', async () => {
      const response = await upload(api, 'claims', 'x', { token, contentType: 'application/xml' });
      expect(response.status).toBe(415);
      expect(response.body.message).toContain('text/csv, application/json, application/x-ndjson');
    });
  });

  describe('CSV as shops have it', () => {
    it('reads a UTF-8 file with BOM, semicolons, quoted newlines and decimal commas', async () => {
      const csv =
        '\uFEFFTicket;Type;Channel;Date received;Comment;Refund;Currency\r\nT-1;return;E-Mail;14.03.2026 10:00;"zu klein;\r\nbitte ""tauschen""";49,90;EUR\r\n';
      const response = await upload(api, 'claims', csv, {
        token,
        mapping: {
          columns: { ...CLAIMS_MAPPING.columns, refund_amount: 'Refund', currency: 'Currency' },
        },
      });
      expect(response.body).toMatchObject({ inserted: 1, rejected: 0 });
      await withClient(db(), async (client) => {
        const { rows } = await client.query(
          'SELECT reason_text, refund_amount, channel, opened_at FROM claims',
        );
        expect(rows).toEqual([
          {
            reason_text: 'zu klein;\r\nbitte "tauschen"',
            refund_amount: '49.90',
            channel: 'email',
            opened_at: new Date('2026-03-14T10:00:00Z'),
          },
        ]);
      });
    });

    it.each([
      ['windows-1251', 'Перестал работать через три дня, верните деньги пожалуйста'],
      ['windows-1250', 'Zepsuł się po trzech dniach, proszę o zwrot pieniędzy, żółć'],
      ['windows-1252', 'Nach drei Tagen kaputt, bitte Rückerstattung, Größe passt nicht'],
      ['windows-1255', 'המכשיר הפסיק לעבוד אחרי שלושה ימים, אני רוצה החזר כספי'],
    ])('reads %s, declared or detected', async (encoding, text) => {
      const csv = `Ticket,Type,Channel,Date received,Comment\nE-1,return,email,2026-03-01,"${text}"\n`;
      const bytes = iconv.encode(csv, encoding);
      const declared = await upload(api, 'claims', bytes, {
        token,
        mapping: CLAIMS_MAPPING,
        contentType: `text/csv; charset=${encoding}`,
      });
      expect(declared.body).toMatchObject({ inserted: 1 });
      const stored = async () =>
        withClient(
          db(),
          async (c) =>
            (await c.query("SELECT reason_text FROM claims WHERE external_id = 'E-1'")).rows[0]
              .reason_text,
        );
      expect(await stored()).toBe(text);
      await truncateShopData(db());
      token = await createToken(db(), ['ingest']);
      const detected = await upload(api, 'claims', bytes, { token, mapping: CLAIMS_MAPPING });
      expect(detected.body).toMatchObject({ inserted: 1 });
      expect(await stored()).toBe(text);
    });

    it('reads every date style: ISO, dd.mm.yyyy, m/d/yyyy h:mm and Unix seconds', async () => {
      const csv = [
        'Ticket,Type,Channel,Date received',
        'D-1,return,email,2026-03-14T10:30:00Z',
        'D-2,return,email,14.03.2026 10:30',
        'D-3,return,email,3/14/2026 10:30',
        'D-4,return,email,1773484200',
      ].join('\n');
      const response = await upload(api, 'claims', csv, { token, mapping: CLAIMS_MAPPING });
      expect(response.body).toMatchObject({ inserted: 4, rejected: 0 });
      await withClient(db(), async (client) => {
        const { rows } = await client.query('SELECT DISTINCT opened_at FROM claims');
        expect(rows).toEqual([{ opened_at: new Date('2026-03-14T10:30:00Z') }]);
      });
    });

    it('refuses an empty file and binary garbage, storing nothing', async () => {
      const empty = await upload(api, 'claims', '', { token, mapping: CLAIMS_MAPPING });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toContain('The file is empty');
      const headerOnly = await upload(api, 'claims', 'Ticket,Type,Channel,Date received\n', {
        token,
        mapping: CLAIMS_MAPPING,
      });
      expect(headerOnly.status).toBe(400);
      expect(headerOnly.body.message).toContain('no data rows');
      const garbage = await upload(
        api,
        'claims',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0x00, 0x10]),
        { token, mapping: CLAIMS_MAPPING },
      );
      expect(garbage.status).toBe(400);
      expect(garbage.body.message).toContain('binary data');
      expect(await count(db(), 'claims')).toBe(0);
    });
  });

  describe('idempotent, atomic, nothing lost', () => {
    const file =
      'Ticket,Type,Channel,Date received,Reason\nI-1,return,email,2026-03-01,wrong_size\nI-2,complaint,phone,2026-03-02,late_delivery\n';

    it('changes nothing when the same file comes twice, and updates a changed record', async () => {
      expect(
        (await upload(api, 'claims', file, { token, mapping: CLAIMS_MAPPING })).body,
      ).toMatchObject({ inserted: 2, updated: 0 });
      expect(
        (await upload(api, 'claims', file, { token, mapping: CLAIMS_MAPPING })).body,
      ).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
      const changed = file.replace(
        'I-2,complaint,phone,2026-03-02,late_delivery',
        'I-2,complaint,phone,2026-03-02,slow_response',
      );
      expect(
        (await upload(api, 'claims', changed, { token, mapping: CLAIMS_MAPPING })).body,
      ).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
      expect(await count(db(), 'claims')).toBe(2);
      await withClient(db(), async (client) => {
        expect(
          (await client.query("SELECT stated_reason_code FROM claims WHERE external_id = 'I-2'"))
            .rows[0].stated_reason_code,
        ).toBe('slow_response');
      });
    });

    it('stores the good half of a file and keeps the bad half with every error', async () => {
      const csv = [
        'Ticket,Type,Channel,Date received,Reason',
        'G-1,return,email,2026-03-01,wrong_size',
        'B-1,teleport,email,2026-03-01,wrong_size',
        'G-2,exchange,chat,2026-03-02,',
        'B-2,return,,31.02.2026,no_idea',
      ].join('\n');
      const response = await upload(api, 'claims', csv, { token, mapping: CLAIMS_MAPPING });
      expect(response.body).toMatchObject({ received: 4, inserted: 2, rejected: 2 });
      expect(response.body.rejectedSample).toEqual([
        {
          rowNumber: 2,
          errors: [
            {
              field: 'type',
              value: 'teleport',
              message: expect.stringContaining('"teleport" is not a known type'),
              code: 'row.notKnown',
              params: expect.objectContaining({ value: 'teleport', field: 'type' }),
            },
          ],
        },
        {
          rowNumber: 4,
          errors: [
            {
              field: 'channel',
              value: null,
              message: 'is required but empty (column "Channel")',
              code: 'row.requiredEmpty',
              params: { column: 'Channel' },
            },
            // "no_idea" is no error: a reason that is none of ours is the shop's own.
            {
              field: 'opened_at',
              value: '31.02.2026',
              message: '"31.02.2026" is not a real date or time',
              code: 'row.notARealDate',
              params: { value: '31.02.2026' },
            },
          ],
        },
      ]);
      const csvDownload = await fetch(
        `${api.baseUrl}/api/batches/${response.body.id}/rejected?format=csv`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      expect(csvDownload.headers.get('content-type')).toContain('text/csv');
      const bytes = Buffer.from(await csvDownload.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so spreadsheets read UTF-8
      const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('row,field,value,message,original');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toMatch(/^2,type,teleport,/);

      // The same problems in the reader's language (Accept-Language), their codes kept.
      const inPolish = (path: string) =>
        fetch(`${api.baseUrl}/api/batches/${response.body.id}${path}`, {
          headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'pl-PL,pl;q=0.9' },
        });
      const polishRows = (await (await inPolish('/rejected')).json()).rows;
      expect(polishRows[1].errors).toEqual([
        {
          field: 'channel',
          value: null,
          message: 'jest wymagane, ale puste (kolumna "Channel")',
          code: 'row.requiredEmpty',
          params: { column: 'Channel' },
        },
        {
          field: 'opened_at',
          value: '31.02.2026',
          message: '"31.02.2026" nie jest istniejącą datą ani godziną',
          code: 'row.notARealDate',
          params: { value: '31.02.2026' },
        },
      ]);
      const polishReport = await (await inPolish('')).json();
      expect(polishReport.rejectedSample[0].errors[0].message).toMatch(
        /^"teleport" nie jest znaną wartością pola type; oczekiwano jednej z: return, /,
      );
      const polishCsv = (await (await inPolish('/rejected?format=csv&lang=pl')).text())
        .trim()
        .split('\r\n');
      expect(polishCsv).toHaveLength(4);
      expect(polishCsv[3]).toMatch(
        /^4,opened_at,31\.02\.2026,.*nie jest istniejącą datą ani godziną/,
      );
    });

    it('stores the last of duplicated ids in one file and rejects the earlier ones', async () => {
      const csv =
        'Ticket,Type,Channel,Date received\nDUP,return,email,2026-03-01\nDUP,exchange,email,2026-03-01\nOK,return,email,2026-03-01\n';
      const response = await upload(api, 'claims', csv, { token, mapping: CLAIMS_MAPPING });
      expect(response.body).toMatchObject({ received: 3, inserted: 2, rejected: 1 });
      expect(response.body.rejectedSample[0]).toEqual({
        rowNumber: 1,
        errors: [
          {
            field: 'external_id',
            value: 'DUP',
            message: 'appears again in row 2 of this file; that later row was stored',
            code: 'row.duplicate',
            params: { row: 2 },
          },
        ],
      });
      await withClient(db(), async (client) => {
        expect(
          (await client.query("SELECT type FROM claims WHERE external_id = 'DUP'")).rows,
        ).toEqual([{ type: 'exchange' }]);
      });
    });

    it('replays the first response for a retried Idempotency-Key', async () => {
      const headers = { 'Idempotency-Key': 'upload-42' };
      const first = await upload(api, 'claims', file, { token, mapping: CLAIMS_MAPPING, headers });
      const retry = await upload(api, 'claims', file, { token, mapping: CLAIMS_MAPPING, headers });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await count(db(), 'ingest_batches')).toBe(1);
    });

    it('counts claims whose SKU or order is unknown as unlinked, and keeps them', async () => {
      await upload(api, 'products', 'SKU,Name,Category\nKNOWN,Kettle,Home\n', { token });
      const csv =
        'Ticket,Type,Channel,Date received,SKU,Order\nU-1,return,email,2026-03-01,KNOWN,\nU-2,return,email,2026-03-01,UNKNOWN,\nU-3,return,email,2026-03-01,,O-404\n';
      const response = await upload(api, 'claims', csv, { token, mapping: CLAIMS_MAPPING });
      expect(response.body).toMatchObject({ inserted: 3, unlinked: 2 });
    });
  });

  describe('column mapping', () => {
    it('suggests a mapping from multilingual headers and loads when it is confident', async () => {
      const csv =
        'numer_reklamacji;rodzaj;kanał;data_zwrotu;powód\nPL-1;zwrot;e-mail;14.03.2026;wrong_size\n';
      const response = await upload(api, 'claims', csv, { token });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ inserted: 1, rejected: 0 });
    });

    it('refuses with a suggestion when a required field has no column', async () => {
      const response = await upload(
        api,
        'claims',
        'Ticket,Kind of thing,When\nA,return,2026-01-01\n',
        { token },
      );
      expect(response.status).toBe(422);
      expect(response.body.message).toContain('type, channel, opened_at');
      // "Kind of thing" is a weak match for type: offered, but not trusted.
      expect(response.body.suggestion.mapping.columns).toEqual({
        external_id: 'Ticket',
        type: 'Kind of thing',
      });
      expect(response.body.suggestion.missingRequired).toEqual(['type', 'channel', 'opened_at']);
      expect(await count(db(), 'ingest_batches')).toBe(0);
    });

    it('validates and previews in a dry run without storing anything', async () => {
      const response = await upload(
        api,
        'claims',
        'Ticket,Type,Channel,Date received\nP-1,return,email,2026-03-01\n',
        { token, query: '?dryRun=true' },
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'dry_run',
        inserted: 1,
        preview: [expect.objectContaining({ external_id: 'P-1', type: 'return' })],
      });
      expect(await count(db(), 'claims')).toBe(0);
      expect(await count(db(), 'ingest_batches')).toBe(0);
    });

    it('saves a preset and uses it by name', async () => {
      const save = await fetch(`${api.baseUrl}/api/mapping-presets/helpdesk`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          kind: 'claims',
          mapping: { columns: { external_id: 'N', type: 'K', channel: 'C', opened_at: 'D' } },
        }),
      });
      expect(save.status).toBe(200);
      const response = await upload(api, 'claims', 'N,K,C,D\nH-1,return,chat,2026-03-01\n', {
        token,
        query: '?preset=helpdesk',
      });
      expect(response.body).toMatchObject({ inserted: 1 });
      const missing = await upload(api, 'claims', 'N,K,C,D\nH-1,return,chat,2026-03-01\n', {
        token,
        query: '?preset=nope',
      });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toBe('There is no mapping preset named "nope".');
    });
  });

  describe('batch reports', () => {
    it('lists batches and reports one by id', async () => {
      const created = await upload(
        api,
        'claims',
        'Ticket,Type,Channel,Date received\nR-1,return,email,2026-03-01\n',
        { token, headers: { 'X-File-Name': '../../secret/claims.csv' } },
      );
      const headers = { Authorization: `Bearer ${token}` };
      expect((await fetch(`${api.baseUrl}/api/batches`)).status).toBe(401);
      const report = await (
        await fetch(`${api.baseUrl}/api/batches/${created.body.id}`, { headers })
      ).json();
      expect(report).toMatchObject({
        id: created.body.id,
        status: 'committed',
        sourceName: 'claims.csv',
        received: 1,
        inserted: 1,
      });
      const list = await (await fetch(`${api.baseUrl}/api/batches`, { headers })).json();
      expect(list[0]).toMatchObject({ id: created.body.id, kind: 'claims' });
      expect((await fetch(`${api.baseUrl}/api/batches/999999`, { headers })).status).toBe(404);
    });
  });
});
