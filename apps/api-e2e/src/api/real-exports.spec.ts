import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * The real-export corpus (apps/api-e2e/src/fixtures/real-exports, its README says what each
 * file mimics): every file loads with no mapping, or only what it cannot say (`defaults`),
 * with 0 rows rejected; stored figures equal counts made by hand from the files.
 */
const CORPUS = join(__dirname, '../fixtures/real-exports');
const file = (name: string) => readFileSync(join(CORPUS, name));
/** The ids of the marketplace files are md5 hashes of a label (see the README). */
const hx = (label: string) => createHash('md5').update(label).digest('hex');
/** The marketplace's four sellers (md5 ids as exported; sp-1's label is known). */
const SP1 = hx('seller:sp-1');
const SELLER_A1 = 'a1fbb9dcec6e9c67fcee79081012d2ac';
const SELLER_96 = '96172a255ff19cbd547b757827fe6f1a';
const SELLER_8E = '8e5dea48f694230b640e71b180e94603';
const SELLERS = [SP1, SELLER_A1, SELLER_96, SELLER_8E];

describe('real exports load without a hand-written mapping', () => {
  let api: ApiProcess;
  let token: string;
  const db = () => testDatabaseUrl();
  const rows = <T>(sql: string, params: unknown[] = []) =>
    withClient(db(), async (client) => (await client.query(sql, params)).rows as T[]);

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      PORT: '3915',
      SHOP_TIMEZONE: 'UTC',
    });
    await truncateShopData(db());
    token = await createToken(db(), ['ingest']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('marketplace products: SKU and category; the SKU names a product the file does not name', async () => {
    const response = await upload(api, 'products', file('marketplace-products.csv'), { token });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 10, inserted: 10, rejected: 0 });
    expect(response.body.warnings).toEqual([
      'No product name column: 10 products are named by their SKU.',
    ]);
    const [kettle] = await rows<{ name: string; category: string }>(
      'SELECT name, category FROM products WHERE sku = $1',
      [hx('prod:kettle')],
    );
    expect(kettle).toEqual({ name: hx('prod:kettle'), category: 'utilidades_domesticas' });
  });

  it('marketplace order lines: one unit per numbered line, the purchase date as the order date', async () => {
    const response = await upload(api, 'sales', file('marketplace-order-lines.csv'), {
      token,
      mapping: { defaults: { quantity: '1', currency: 'BRL' } },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 23, inserted: 23, rejected: 0 });
    expect(response.body.warnings).toEqual([
      'No line id column: 23 lines are keyed by their order and line number.',
      `4 sellers were not in the supplier list and were added, named by their id (a supplier file gives their names): ${[
        ...SELLERS,
      ]
        .sort()
        .map((id) => `"${id}"`)
        .join(', ')}.`,
    ]);
    // The line's seller, not the product's supplier: units sold per seller, counted in the file.
    const sold = await rows<{ supplier_id: string; units: number }>(
      'SELECT supplier_id, sum(units)::int AS units FROM rollup_sales_supplier_week GROUP BY 1 ORDER BY 1',
    );
    expect(Object.fromEntries(sold.map((r) => [r.supplier_id, r.units]))).toEqual({
      [SP1]: 6,
      [SELLER_A1]: 6,
      [SELLER_96]: 7,
      [SELLER_8E]: 4,
    });
    const [totals] = await rows<{
      lines: number;
      units: number;
      orders: number;
      undelivered: number;
    }>(
      `SELECT count(*)::int AS lines, sum(quantity)::int AS units, count(DISTINCT order_id)::int AS orders,
              count(*) FILTER (WHERE delivered_at IS NULL)::int AS undelivered FROM sales`,
    );
    // 14 orders; o02 and o04 hold two units of one product, o08 three: none is lost.
    expect(totals).toEqual({ lines: 23, units: 23, orders: 14, undelivered: 3 });
    const o08 = await rows<{ external_id: string }>(
      'SELECT external_id FROM sales WHERE order_id = $1 ORDER BY external_id',
      [hx('order:o08')],
    );
    expect(o08.map((r) => r.external_id)).toEqual([1, 2, 3].map((n) => `${hx('order:o08')}:${n}`));
    const [o01] = await rows<{ ordered: string; promised: string; delivered: string }>(
      `SELECT to_char(ordered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS ordered,
              to_char(promised_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS promised,
              to_char(delivered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS delivered
         FROM sales WHERE order_id = $1`,
      [hx('order:o01')],
    );
    expect(o01).toEqual({
      ordered: '2026-03-02 09:14:31',
      promised: '2026-03-18 00:00:00',
      delivered: '2026-03-09 17:45:12',
    });
  });

  it('marketplace reviews: title and message together as the text, tied to known orders', async () => {
    const response = await upload(api, 'feedback', file('marketplace-reviews.csv'), { token });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 12, inserted: 12, rejected: 0, unlinked: 0 });
    const ratings = await rows<{ rating: number; n: number }>(
      'SELECT rating, count(*)::int AS n FROM feedback GROUP BY rating ORDER BY rating',
    );
    expect(ratings).toEqual([
      { rating: 1, n: 2 },
      { rating: 2, n: 1 },
      { rating: 3, n: 2 },
      { rating: 4, n: 3 },
      { rating: 5, n: 4 },
    ]);
    const [texts] = await rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM feedback WHERE text IS NOT NULL',
    );
    expect(texts.n).toBe(10);
    const [o03] = await rows<{ text: string }>('SELECT text FROM feedback WHERE order_id = $1', [
      hx('order:o03'),
    ]);
    expect(o03.text).toBe(
      'Atrasou\nO relógio chegou uma semana depois da data prevista e ninguém respondeu.',
    );
  });

  it('reviews that name only an order reach each of its sellers; feedback by delivery', async () => {
    const reader = await createToken(db(), ['read']);
    const get = async (path: string) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${reader}` },
      });
      expect(response.status).toBe(200);
      return response.json();
    };
    const period = 'from=2026-03-01&to=2026-04-30';
    const report = await get(`/api/analytics/feedback?${period}`);
    // Counted by hand from the two files (review → its order's lines → their sellers; an order
    // with two sellers counts for each, once):
    //   sp-1: o01 5★, o04 5★, o06 2★, o10 1★, o13 3★ → 2 positive, 1 neutral, 2 negative;
    //   a1fb…: o02 4★, o04 5★, o09 5★, o13 3★;  9617…: o05 3★, o07 5★, o08 4★, o11 4★;
    //   8e5d…: o03 1★, o07 5★, o11 4★.
    const bySupplier = Object.fromEntries(
      report.bySupplier.map((s: { supplierId: string; items: number; netSentiment: number }) => [
        s.supplierId,
        [s.items, s.netSentiment],
      ]),
    );
    expect(bySupplier).toEqual({
      [SP1]: [5, 0],
      [SELLER_A1]: [4, 0.75],
      [SELLER_96]: [4, 0.75],
      [SELLER_8E]: [3, 1 / 3],
    });
    // Delivered after the estimate: o03 (1★), o06 (2★), o10 (1★); the other nine on time.
    expect(report.byDelivery).toEqual([
      { delivery: 'on_time', items: 9, ratings: [0, 0, 2, 3, 4], netSentiment: 7 / 9 },
      { delivery: 'late', items: 3, ratings: [2, 1, 0, 0, 0], netSentiment: -1 },
    ]);
    // The records behind a figure: sp-1's reviews, and its late ones, with their order's SKUs.
    const mine = await get(`/api/analytics/records/feedback?${period}&supplier=${SP1}`);
    expect(mine.total).toBe(5);
    const late = await get(
      `/api/analytics/records/feedback?${period}&supplier=${SP1}&delivery=late&sort=createdAt&order=asc`,
    );
    expect(late.rows.map((r: { rating: number }) => r.rating)).toEqual([2, 1]);
    expect(late.rows[0].sku).toBe(hx('prod:drill'));
    const allLate = await get(`/api/analytics/records/feedback?${period}&delivery=late`);
    expect(allLate.total).toBe(3);
  });

  it('ERP invoice lines: CamelCase headers; a stock code repeated on one invoice is a second line', async () => {
    const send = () =>
      upload(api, 'sales', file('erp-invoice-lines.csv'), {
        token,
        mapping: { defaults: { currency: 'GBP' } },
      });
    const response = await send();
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 24, inserted: 24, rejected: 0 });
    expect(response.body.warnings).toEqual([
      'No line id column: 24 lines are keyed by their order and SKU; 2 of them repeat a SKU within their order and are numbered by their place in the file (order:SKU:2, :3 …).',
    ]);
    const [erp] = await rows<{ lines: number; units: number; anonymous: number }>(
      `SELECT count(*)::int AS lines, sum(quantity)::int AS units,
              count(*) FILTER (WHERE customer_id IS NULL)::int AS anonymous
         FROM sales WHERE currency = 'GBP'`,
    );
    expect(erp).toEqual({ lines: 24, units: 254, anonymous: 3 });
    const repeated = await rows<{ external_id: string; quantity: number }>(
      `SELECT external_id, quantity FROM sales WHERE order_id IN ('536503', '536506') AND sku IN ('84879', '85099B') ORDER BY external_id`,
    );
    expect(repeated).toEqual([
      { external_id: '536503:84879', quantity: 32 },
      { external_id: '536503:84879:2', quantity: 8 },
      { external_id: '536506:85099B', quantity: 10 },
      { external_id: '536506:85099B:2', quantity: 10 },
    ]);
    // The same file again: the same keys, nothing new.
    const again = await send();
    expect(again.body).toMatchObject({ received: 24, inserted: 0, updated: 0, unchanged: 24 });
  });

  it('ERP credit notes as claims: negative quantities read as returned units', async () => {
    const response = await upload(api, 'claims', file('erp-credit-notes.csv'), {
      token,
      mapping: { defaults: { type: 'return', channel: 'email' } },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 6, inserted: 6, rejected: 0 });
    expect(response.body.warnings).toEqual([
      'Column "Description" is not used for reason_text: its values ("HAND WARMER UNION JACK", "HAND WARMER RED POLKA DOT", "FELTCRAFT PRINCESS CHARLOTTE DOLL" …) cannot be one.',
      'No line id column: 6 lines are keyed by their order and SKU.',
      '6 rows had a negative quantity (credit-note lines): read as that many returned units.',
    ]);
    const [credit] = await rows<{ n: number; units: number }>(
      `SELECT count(*)::int AS n, sum(quantity)::int AS units FROM claims WHERE order_id LIKE 'C%'`,
    );
    expect(credit).toEqual({ n: 6, units: 16 });
    const [line] = await rows<{ quantity: number }>(
      `SELECT quantity FROM claims WHERE external_id = 'C536602:22749'`,
    );
    expect(line.quantity).toBe(8);
  });

  it('complaint portal: its own issues and channels stored under their own names, the long narrative kept cut', async () => {
    // Only what the file cannot say: every case is a complaint.
    const response = await upload(api, 'claims', file('complaint-portal.csv'), {
      token,
      mapping: { defaults: { type: 'complaint' } },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 14, inserted: 14, rejected: 0 });
    expect(response.body.warnings).toEqual([
      'Column "Product" is not used for sku: its values ("Credit reporting", "Debt collection", "Mortgage" …) cannot be one.',
      'Column "State" is not used for status: its values ("CA", "TX", "NY" …) cannot be one.',
      'Row 6: reason_text was 21,928 characters long; it was kept, cut to at most 20,000 at a word boundary.',
      expect.stringMatching(
        /^14 reason values are the shop's own, stored under their own names: .* New: 0 placed in a category by their words, 14 in "Other" until decided/,
      ),
      '2 channels are the shop\'s own, stored under their own names: "Referral" (2), "Postal mail" (1). New: 2; Settings → Taxonomy says which built-in channel each belongs with.',
    ]);
    // Counted by hand from the file's "Submitted via": Web 8, Referral 2, Phone 2, Postal mail 1, Email 1.
    const channels = await rows<{ channel: string; n: number }>(
      `SELECT channel, count(*)::int AS n FROM claims WHERE external_id LIKE '81%' GROUP BY 1 ORDER BY 1`,
    );
    expect(channels).toEqual([
      { channel: 'Postal mail', n: 1 },
      { channel: 'Referral', n: 2 },
      { channel: 'email', n: 1 },
      { channel: 'phone', n: 2 },
      { channel: 'web_form', n: 8 },
    ]);
    const [issue] = await rows<{ reason: string; category: string; source: string }>(
      `SELECT c.stated_reason_code AS reason, r.category_code AS category, r.source
         FROM claims c JOIN reasons r ON r.code = c.reason_code WHERE c.external_id = '8120031'`,
    );
    expect(issue).toEqual({
      reason: 'own:1:Incorrect information on your report',
      category: 'other',
      source: 'undecided',
    });
    const [long] = await rows<{ length: number; first: string }>(
      `SELECT length(reason_text)::int AS length,
              to_char(first_response_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS first
         FROM claims WHERE external_id = '8120233'`,
    );
    expect(long.length).toBeLessThanOrEqual(20_000);
    expect(long.length).toBeGreaterThan(19_800);
    expect(long.first).toBe('2026-02-06');
    // The US state never became a status: statuses follow the dates (answered, not closed).
    const [statuses] = await rows<{ statuses: string[] }>(
      `SELECT array_agg(DISTINCT status) AS statuses FROM claims WHERE external_id LIKE '81%'`,
    );
    expect(statuses.statuses).toEqual(['in_progress']);
  });

  it('suggests from the first 2 kB of a file (cut mid-row): each field with its first values', async () => {
    const head = file('marketplace-order-lines.csv').subarray(0, 2048);
    const response = await fetch(`${api.baseUrl}/api/ingest/sales/suggest`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` },
      body: head,
    });
    expect(response.status).toBe(201);
    const suggestion = await response.json();
    expect(suggestion.mapping.columns).toMatchObject({
      line_number: 'order_item_id',
      ordered_at: 'order_purchase_timestamp',
      delivered_at: 'order_delivered_customer_date',
      promised_at: 'order_estimated_delivery_date',
    });
    expect(suggestion.matches.find((m: { field: string }) => m.field === 'line_number')).toEqual({
      field: 'line_number',
      column: 'order_item_id',
      confidence: 1,
      samples: ['1', '2'],
    });
    expect(suggestion.samples['shipping_limit_date'][0]).toBe('2026-03-04 09:30:10');
    // A row is a unit: the file has no quantity (a default gives it, as the load above does).
    expect(suggestion.missingRequired).toEqual(['quantity']);
  });

  it('Polish helpdesk: every field from Polish headers and values, with no mapping', async () => {
    const response = await upload(api, 'claims', file('helpdesk-pl.csv'), { token });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 12, inserted: 12, rejected: 0 });
    expect(response.body.warnings).toEqual([
      '9 reason values are the shop\'s own, stored under their own names: "rozmyślił się" (2), "wada" (2), "za mały rozmiar" (2), "brak elementów" (1), "niezgodny z opisem" (1), "uszkodzenie w transporcie" (1), "za duży rozmiar" (1), "zły kolor" (1) and 1 more. New: 7 placed in a category by their words, 2 in "Other" until decided in Settings → Taxonomy.',
    ]);
    const [pl] = await rows<{
      types: Record<string, number>;
      channels: Record<string, number>;
      statuses: Record<string, number>;
      units: number;
    }>(
      `WITH pl AS (SELECT * FROM claims WHERE external_id LIKE 'RK/%')
       SELECT (SELECT jsonb_object_agg(type, n) FROM (SELECT type, count(*)::int n FROM pl GROUP BY 1) t) AS types,
              (SELECT jsonb_object_agg(channel, n) FROM (SELECT channel, count(*)::int n FROM pl GROUP BY 1) t) AS channels,
              (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int n FROM pl GROUP BY 1) t) AS statuses,
              (SELECT sum(quantity)::int FROM pl) AS units`,
    );
    expect(pl).toEqual({
      types: { return: 6, warranty_repair: 4, exchange: 2 },
      channels: { email: 5, phone: 3, chat: 2, web_form: 2 },
      statuses: { resolved: 6, in_progress: 3, open: 2, cancelled: 1 },
      units: 15,
    });
  });

  it('the shop’s own reasons: placed by their words, listed with their claims, re-placed by the shop with the figures recomputed', async () => {
    const owner = await createToken(db(), ['admin']);
    const get = async (path: string) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${owner}` },
      });
      expect(response.status).toBe(200);
      return response.json();
    };
    const put = (path: string, body: unknown) =>
      fetch(`${api.baseUrl}${path}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const taxonomy = await get('/api/settings/taxonomy');
    const polish = Object.fromEntries(
      taxonomy.reasons
        .filter(
          (r: { code: string }) => r.code.startsWith('own:1:') && /[a-ząćęłńóśźż]/.test(r.code),
        )
        .map((r: { label: string; category: string; source: string; claims: number }) => [
          r.label,
          [r.category, r.source, r.claims],
        ]),
    );
    expect(polish).toMatchObject({
      'za mały rozmiar': ['listing_accuracy', 'suggested', 2],
      wada: ['product_quality', 'suggested', 2],
      'rozmyślił się': ['customer_preference', 'suggested', 2],
      'uszkodzenie w transporcie': ['fulfilment', 'suggested', 1],
      'niezgodny z opisem': ['listing_accuracy', 'suggested', 1],
      'brak elementów': ['other', 'undecided', 1],
      'zły kolor': ['other', 'undecided', 1],
    });
    expect(taxonomy.channels).toEqual([
      { code: 'Referral', label: 'Referral', group: 'other', source: 'undecided', claims: 2 },
      { code: 'Postal mail', label: 'Postal mail', group: 'other', source: 'undecided', claims: 1 },
    ]);

    // Shown under their own names: the Pareto of reasons labels them as the shop wrote them.
    const pareto = await get('/api/analytics/pareto?from=2026-01-01&to=2026-12-31');
    expect(pareto.rows.map((r: { reasonLabel: string }) => r.reasonLabel)).toContain(
      'za mały rozmiar',
    );

    // Product-quality units before: the two "wada" claims (1 unit each in the file).
    const quality = () =>
      rows<{ raw: number; rollup: number }>(
        `SELECT (SELECT COALESCE(sum(c.quantity), 0)::int FROM claims c JOIN reasons r ON r.code = c.reason_code
                  WHERE r.category_code = 'product_quality' AND c.external_id LIKE 'RK/%') AS raw,
                (SELECT COALESCE(sum(units), 0)::int FROM rollup_claims_reason_week WHERE reason_category = 'product_quality'
                    AND reason_code LIKE 'own:%') AS rollup`,
      );
    expect(await quality()).toEqual([{ raw: 2, rollup: 2 }]);
    // "brak elementów" (missing parts) is product quality: the shop says so.
    const code = encodeURIComponent('own:1:brak elementów');
    const placed = await put(`/api/settings/taxonomy/reasons/${code}`, {
      category: 'product_quality',
    });
    expect(placed.status).toBe(200);
    expect(await placed.json()).toMatchObject({
      label: 'brak elementów',
      category: 'product_quality',
      source: 'shop',
    });
    expect(await quality()).toEqual([{ raw: 3, rollup: 3 }]);

    const bad = await put(`/api/settings/taxonomy/reasons/${code}`, { category: 'quality' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].message).toContain('category is one of product_quality');
    const unknown = await put('/api/settings/taxonomy/reasons/own%3A1%3Anope', {
      category: 'other',
    });
    expect(unknown.status).toBe(404);
    const channel = await put('/api/settings/taxonomy/channels/Postal%20mail', { group: 'email' });
    expect(await channel.json()).toMatchObject({
      code: 'Postal mail',
      group: 'email',
      source: 'shop',
    });
  });
});
