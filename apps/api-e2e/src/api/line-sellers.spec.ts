import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * Marketplace sellers (docs/domain.md, "Suppliers and sellers"): supplier figures use the
 * order line's seller when there is one, the product's supplier otherwise; a claim or review
 * stored before its line takes the line's seller when the line arrives; reviews that name
 * only an order count for each of its sellers, once.
 */
describe('sellers on order lines', () => {
  let api: ApiProcess;
  let token: string;
  const db = () => testDatabaseUrl();
  const rows = <T>(sql: string) =>
    withClient(db(), async (client) => (await client.query(sql)).rows as T[]);
  const json = (records: unknown[]) => JSON.stringify(records);
  const load = async (kind: string, records: unknown[], mapping?: object) => {
    const response = await upload(api, kind, json(records), {
      token,
      contentType: 'application/json',
      ...(mapping ? { mapping } : {}),
    });
    expect(response.status).toBe(201);
    expect(response.body.rejected).toBe(0);
    return response.body;
  };
  /** Claims per supplier in the rollup and from the raw rows (the line's seller first). */
  const claimsBySupplier = async () => {
    const [rollup, raw] = await Promise.all([
      rows<{ id: string; n: number }>(
        'SELECT supplier_id AS id, sum(claims)::int AS n FROM rollup_claims_supplier_week GROUP BY 1 ORDER BY 1',
      ),
      rows<{ id: string; n: number }>(
        `SELECT COALESCE(c.supplier_id, p.supplier_id, '') AS id, count(*)::int AS n
           FROM claims c LEFT JOIN products p ON p.shop_id = c.shop_id AND p.sku = c.sku GROUP BY 1 ORDER BY 1`,
      ),
    ]);
    expect(rollup).toEqual(raw);
    return Object.fromEntries(rollup.map((r) => [r.id, r.n]));
  };

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      PORT: '3917',
      SHOP_TIMEZONE: 'UTC',
    });
    await truncateShopData(db());
    token = await createToken(db(), ['ingest']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('takes the line’s seller, else the product’s supplier; a line arriving later moves its claims', async () => {
    await load('suppliers', [{ external_id: 'MAKER', name: 'Maker Ltd' }]);
    await load('products', [
      { sku: 'P1', name: 'Kettle', category: 'Kitchen', supplier_id: 'MAKER' },
    ]);
    const sales = await load('sales', [
      {
        external_id: 'O1-1',
        order_id: 'O1',
        sku: 'P1',
        quantity: 1,
        unit_price: 10,
        currency: 'EUR',
        ordered_at: '2026-03-02T10:00:00Z',
        seller_id: 'SELLER-A',
      },
      {
        external_id: 'O2-1',
        order_id: 'O2',
        sku: 'P1',
        quantity: 1,
        unit_price: 10,
        currency: 'EUR',
        ordered_at: '2026-03-02T11:00:00Z',
      },
    ]);
    expect(sales.warnings).toContain(
      '1 seller was not in the supplier list and was added, named by its id (a supplier file gives its name): "SELLER-A".',
    );
    const [stub] = await rows<{ name: string }>(
      "SELECT name FROM suppliers WHERE external_id = 'SELLER-A'",
    );
    expect(stub.name).toBe('SELLER-A');

    const claim = (id: string, order: string) => ({
      external_id: id,
      type: 'return_defective',
      channel: 'email',
      order_id: order,
      sku: 'P1',
      opened_at: '2026-03-06T09:00:00Z',
      reason_code: 'product_defect',
    });
    await load('claims', [claim('C1', 'O1'), claim('C2', 'O2'), claim('C3', 'O3')]);
    // C1 is SELLER-A's line; C2's line has no seller; C3's order is not loaded yet.
    expect(await claimsBySupplier()).toEqual({ MAKER: 2, 'SELLER-A': 1 });

    await load('sales', [
      {
        external_id: 'O3-1',
        order_id: 'O3',
        sku: 'P1',
        quantity: 1,
        unit_price: 10,
        currency: 'EUR',
        ordered_at: '2026-03-03T10:00:00Z',
        seller_id: 'SELLER-B',
      },
    ]);
    expect(await claimsBySupplier()).toEqual({ MAKER: 1, 'SELLER-A': 1, 'SELLER-B': 1 });
    // Units sold follow the line too.
    const sold = await rows<{ id: string; units: number }>(
      'SELECT supplier_id AS id, sum(units)::int AS units FROM rollup_sales_supplier_week GROUP BY 1 ORDER BY 1',
    );
    expect(sold).toEqual([
      { id: 'MAKER', units: 1 },
      { id: 'SELLER-A', units: 1 },
      { id: 'SELLER-B', units: 1 },
    ]);
  });

  it('counts a review of an order once for each of its sellers, and once shop-wide', async () => {
    await load('products', [{ sku: 'P2', name: 'Mug', category: 'Kitchen', supplier_id: 'MAKER' }]);
    // O4: two lines of SELLER-A (P1, P2) and one of SELLER-B (P1); its review names the order only.
    await load('sales', [
      {
        external_id: 'O4-1',
        order_id: 'O4',
        sku: 'P1',
        quantity: 1,
        unit_price: 10,
        currency: 'EUR',
        ordered_at: '2026-03-04T10:00:00Z',
        seller_id: 'SELLER-A',
      },
      {
        external_id: 'O4-2',
        order_id: 'O4',
        sku: 'P2',
        quantity: 1,
        unit_price: 5,
        currency: 'EUR',
        ordered_at: '2026-03-04T10:00:00Z',
        seller_id: 'SELLER-A',
      },
      {
        external_id: 'O4-3',
        order_id: 'O4',
        sku: 'P1',
        quantity: 1,
        unit_price: 10,
        currency: 'EUR',
        ordered_at: '2026-03-04T10:00:00Z',
        seller_id: 'SELLER-B',
      },
    ]);
    // O5's review arrives before its order.
    await load('feedback', [
      { external_id: 'R4', order_id: 'O4', rating: 2, created_at: '2026-03-10T10:00:00Z' },
      { external_id: 'R5', order_id: 'O5', rating: 5, created_at: '2026-03-10T11:00:00Z' },
    ]);
    const bySupplier = () =>
      rows<{ id: string; items: number }>(
        'SELECT supplier_id AS id, sum(items)::int AS items FROM rollup_feedback_supplier_week GROUP BY 1 ORDER BY 1',
      );
    expect(await bySupplier()).toEqual([
      { id: '', items: 1 },
      { id: 'SELLER-A', items: 1 },
      { id: 'SELLER-B', items: 1 },
    ]);
    const [total] = await rows<{ items: number }>(
      'SELECT sum(items)::int AS items FROM rollup_feedback_week',
    );
    expect(total.items).toBe(2);
    // By SKU: P1 (two sellers' lines) and P2.
    const bySku = await rows<{ sku: string; seller: string; items: number }>(
      `SELECT sku, seller_id AS seller, sum(items)::int AS items FROM rollup_feedback_sku_week
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(bySku).toEqual([
      { sku: '', seller: '', items: 1 },
      { sku: 'P1', seller: 'SELLER-A', items: 1 },
      { sku: 'P1', seller: 'SELLER-B', items: 1 },
      { sku: 'P2', seller: 'SELLER-A', items: 1 },
    ]);
    // O5 arrives: its review reaches the product's supplier.
    await load('sales', [
      {
        external_id: 'O5-1',
        order_id: 'O5',
        sku: 'P2',
        quantity: 1,
        unit_price: 5,
        currency: 'EUR',
        ordered_at: '2026-03-05T10:00:00Z',
      },
    ]);
    expect(await bySupplier()).toEqual([
      { id: 'MAKER', items: 1 },
      { id: 'SELLER-A', items: 1 },
      { id: 'SELLER-B', items: 1 },
    ]);
  });
});
