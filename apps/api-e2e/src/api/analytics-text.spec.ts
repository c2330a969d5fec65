import type { AspectsReport, ReasonMismatchReport, RecordsPage, ClaimRecord } from '@returnlens/shared/contracts';
import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * Text analysed at ingest feeds two analytics answers: the aspects reviews talk about (with
 * the returns of the same products) and the claims whose text contradicts the stated reason.
 */
const PRODUCTS = `sku,name,category,supplier_id
P1,Phone,electronics,S1
P2,Scarf,apparel,S2
`;
const CLAIMS = `external_id,type,channel,sku,reason_code,reason_text,opened_at,status
k1,return,email,P1,changed_mind,"The screen is cracked and the phone does not turn on, it is defective",2026-03-03T09:00:00Z,open
k2,return,email,P1,product_defect,"The phone stopped working after two days, broken",2026-03-03T10:00:00Z,open
k3,return,email,P2,,"Too small, the size does not fit",2026-03-04T10:00:00Z,open
`;
const FEEDBACK = `external_id,source,sku,rating,text,created_at
r1,review,P1,1,"Terrible quality, it broke after one day.",2026-03-04T10:00:00Z
r2,review,P1,2,"Poor quality, the battery died within a week.",2026-03-05T10:00:00Z
r3,review,P2,5,"Lovely scarf, great quality and fast delivery!",2026-03-05T11:00:00Z
`;
const W10 = 'from=2026-W10&to=2026-W10';

describe('analytics of analysed text', () => {
  let api: ApiProcess;
  const get = async <T>(path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    const db = testDatabaseUrl();
    api = await startApiProcess({ DATABASE_URL: db, DEMO_DATA: 'off', PORT: '3922' });
    await truncateShopData(db);
    const token = await createToken(db, ['ingest']);
    for (const [kind, body] of [
      ['products', PRODUCTS],
      ['claims', CLAIMS],
      ['feedback', FEEDBACK],
    ] as const) {
      const res = await upload(api, kind, body, { token });
      expect([kind, res.status, res.body.rejected]).toEqual([kind, 201, 0]);
    }
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('counts review aspects with their sentiment and puts the products reviews blame beside their returns', async () => {
    const { status, body } = await get<AspectsReport>(`/api/analytics/aspects?${W10}`);
    expect(status).toBe(200);
    const quality = body.aspects.find((a) => a.aspect === 'quality');
    expect(quality).toBeDefined();
    expect(quality!.negative).toBeGreaterThanOrEqual(2);
    expect(body.products[0]).toMatchObject({ sku: 'P1', name: 'Phone', claims: 2 });
    expect(body.products[0].negativeMentions).toBeGreaterThanOrEqual(2);
    // Filtered to the scarf's supplier, the phone's complaints are gone.
    const scarf = await get<AspectsReport>(`/api/analytics/aspects?${W10}&supplier=S2`);
    expect(scarf.body.products.map((p) => p.sku)).not.toContain('P1');
  });

  it('finds the claim whose text contradicts its stated reason, and lists it', async () => {
    const { body } = await get<ReasonMismatchReport>(`/api/analytics/reason-mismatches?${W10}`);
    // k1 says "changed mind" but describes a broken phone; k2 agrees with its text; k3 has no
    // stated reason (its inferred one is used, not a mismatch).
    expect(body.withText).toBe(2);
    expect(body.mismatched).toBe(1);
    expect(body.pairs[0]).toMatchObject({ stated: 'changed_mind', claims: 1 });
    const records = await get<RecordsPage<ClaimRecord>>(
      `/api/analytics/records/claims?${W10}&mismatch=true`,
    );
    expect(records.body.rows.map((r) => r.externalId)).toEqual(['k1']);
    const bad = await get<{ field: string }>(`/api/analytics/records/claims?mismatch=maybe`);
    expect([bad.status, bad.body.field]).toEqual([400, 'mismatch']);
  });
});
