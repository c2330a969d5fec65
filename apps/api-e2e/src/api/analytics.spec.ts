import { tableFromIPC } from 'apache-arrow';
import type {
  FeedbackReport,
  KpiSet,
  ParetoResult,
  RecordsPage,
  ClaimRecord,
  SlaPolicy,
  SlaReport,
  SupplierScorecard,
} from '@returnlens/shared/contracts';
import { bucketHours, durationBucket } from '@returnlens/shared/metrics';
import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { bearer, createToken, upload } from '../support/ingest-client';

/**
 * A shop small enough to check every figure by hand. Week 2026-W10 is 2–8 March 2026; every
 * claim opens on Tuesday 3 March 09:00 UTC.
 *
 *   claim  sku  type              channel  reason          qty  inspection       1st resp  resolved  refunded
 *   c1     P1   return_defective  email    product_defect  2    confirmed_defect  +2 h      +48 h     +72 h (refund)
 *   c2     P1   return            email    changed_mind    1    —                 +30 h     +100 h    +300 h (refund)
 *   c3     P1   return_defective  chat     product_defect  1    customer_fault    +1 h      +10 h     — (rejected)
 *   c4     P2   warranty_repair   phone    missing_parts   1    —                 —         open
 *   c5     P2   complaint         chat     late_delivery   1    —                 +5 h      +20 h     — (store credit)
 *
 * Sales in W10: P1 100 units (supplier S1), P2 50 units (supplier S2).
 */
const SUPPLIERS = `external_id,name,country
S1,Alpha Audio,PL
S2,"=HYPERLINK(""http://x"")",DE
`;
const PRODUCTS = `sku,name,category,supplier_id
P1,Speaker,audio,S1
P2,Lamp,home,S2
`;
const SALES = `external_id,order_id,sku,quantity,unit_price,currency,ordered_at
L1,O1,P1,60,10,EUR,2026-03-02T10:00:00Z
L2,O2,P1,40,10,EUR,2026-03-04T10:00:00Z
L3,O3,P2,50,20,EUR,2026-03-05T10:00:00Z
`;
const T0 = '2026-03-03T09:00:00Z';
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();
const CLAIMS = [
  'external_id,type,channel,order_id,sku,quantity,reason_code,opened_at,first_response_at,resolved_at,refunded_at,status,resolution,refund_amount,currency,inspection_outcome,contact_count,assignee',
  `c1,return_defective,email,O1,P1,2,product_defect,${T0},${at(2)},${at(48)},${at(72)},resolved,refund,20,EUR,confirmed_defect,1,Ann`,
  `c2,return,email,O1,P1,1,changed_mind,${T0},${at(30)},${at(100)},${at(300)},resolved,refund,10,EUR,,2,Ann`,
  `c3,return_defective,chat,O2,P1,1,product_defect,${T0},${at(1)},${at(10)},,resolved,rejected,,,customer_fault,1,Bob`,
  `c4,warranty_repair,phone,O3,P2,1,missing_parts,${T0},,,,open,,,,,1,Bob`,
  `c5,complaint,chat,O3,P2,1,late_delivery,${T0},${at(5)},${at(20)},,resolved,store_credit,,,,1,`,
].join('\n');
const FEEDBACK = `external_id,source,sku,rating,created_at
f1,review,P1,5,2026-03-04T10:00:00Z
f2,review,P1,1,2026-03-05T10:00:00Z
f3,review,P2,3,2026-03-06T10:00:00Z
`;
const W10 = 'from=2026-W10&to=2026-W10';

describe('analytics endpoints on a hand-checked shop', () => {
  let api: ApiProcess;
  let ingestToken: string;
  let auth: Record<string, string>;
  const db = () => testDatabaseUrl();
  const get = async <T>(path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: auth });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3920' });
    await truncateShopData(db());
    ingestToken = await createToken(db(), ['ingest']);
    auth = await bearer(db());
    for (const [kind, body] of [
      ['suppliers', SUPPLIERS],
      ['products', PRODUCTS],
      ['sales', SALES],
      ['claims', CLAIMS],
      ['feedback', FEEDBACK],
    ] as const) {
      const res = await upload(api, kind, body, { token: ingestToken });
      expect([kind, res.status, res.body.rejected, res.status === 201 ? '' : res.body]).toEqual([
        kind,
        201,
        0,
        '',
      ]);
    }
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('ranks reasons (Pareto) from the rollups, stated and inferred apart', async () => {
    const { status, body } = await get<ParetoResult>(`/api/analytics/pareto?${W10}`);
    expect(status).toBe(200);
    expect(body.period).toMatchObject({
      from: { week: '2026-W10' },
      to: { week: '2026-W10' },
      source: 'rollup',
    });
    expect(body.rows[0]).toMatchObject({
      reasonCode: 'product_defect',
      claims: 2,
      units: 3,
      share: 0.4,
      stated: 2,
    });
    expect(body.rows.map((r) => r.claims).reduce((a, b) => a + b)).toBe(5);
    expect(body.rows[body.rows.length - 1].cumulativeShare).toBeCloseTo(1);
  });

  it('answers a filter no rollup covers from the raw rows, with the same figures', async () => {
    const all = await get<ParetoResult>(`/api/analytics/pareto?${W10}`);
    const viaSupplierRollup = await get<ParetoResult>(
      `/api/analytics/pareto?${W10}&supplier=S1,S2`,
    );
    const viaRaw = await get<ParetoResult>(
      `/api/analytics/pareto?${W10}&supplier=S1,S2&channel=email,chat,phone`,
    );
    expect(viaRaw.body.period.source).toBe('raw');
    const strip = (r: ParetoResult) =>
      r.rows.map(({ reasonCode, claims, units }) => ({ reasonCode, claims, units }));
    expect(strip(viaSupplierRollup.body)).toEqual(strip(all.body));
    expect(strip(viaRaw.body)).toEqual(strip(all.body));
    const s1Email = await get<ParetoResult>(
      `/api/analytics/pareto?${W10}&supplier=S1&channel=email`,
    );
    expect(strip(s1Email.body)).toEqual([
      { reasonCode: 'changed_mind', claims: 1, units: 1 },
      { reasonCode: 'product_defect', claims: 1, units: 2 },
    ]);
  });

  it('scores suppliers: defect units, rate, PPM, Wilson interval and funnel limits', async () => {
    const { body } = await get<SupplierScorecard>(`/api/analytics/suppliers?${W10}`);
    // Defects: c1 (confirmed, 2 units) for S1 — c3 was the customer's fault, c2 changed mind;
    // c4 (missing parts, not inspected, 1 unit) for S2. p0 = 3 / 150.
    expect(body.overallDefectRate).toBeCloseTo(0.02, 10);
    const s1 = body.suppliers.find((s) => s.supplierId === 'S1')!;
    expect(s1).toMatchObject({
      unitsSold: 100,
      claims: 3,
      defectUnits: 2,
      ppm: 20000,
      signal: 'within',
    });
    expect(s1.defectRate).toBeCloseTo(0.02, 10);
    // Wilson 2/100, z = 1.96: centre 0.037758, half-width 0.032256
    expect(s1.ci95!.lower).toBeCloseTo(0.005502, 4);
    expect(s1.ci95!.upper).toBeCloseTo(0.070014, 4);
    // Funnel around 0.02 at n = 100: ± 1.96·√(0.02·0.98/100) = ± 0.027440
    expect(s1.limits95!.upper).toBeCloseTo(0.04744, 4);
    expect(s1.topReasons[0]).toEqual({ reasonCode: 'product_defect', claims: 2 });
    // Feedback of S1: one 5★ and one 1★ → net sentiment 0
    expect(s1).toMatchObject({ netSentiment: 0, feedbackItems: 2 });
    const s2 = body.suppliers.find((s) => s.supplierId === 'S2')!;
    expect(s2).toMatchObject({ unitsSold: 50, defectUnits: 1, ppm: 20000 });
  });

  it('measures SLA attainment with the open-claim rule, per channel and assignee', async () => {
    const { body } = await get<SlaReport>(`/api/analytics/sla?${W10}`);
    const byName = Object.fromEntries(
      body.policies.map((p) => [p.metric + ':' + p.targetHours, p]),
    );
    // First response ≤ 24 h: c1 2 h, c3 1 h, c5 5 h met; c2 30 h late; c4 open for months.
    expect(byName['first_response:24']).toMatchObject({
      met: 3,
      breached: 2,
      attainment: 0.6,
      pending: 0,
    });
    // Refund ≤ 240 h (returns refunded): c1 72 h met, c2 300 h breached; c3 rejected is out.
    expect(byName['refund:240']).toMatchObject({ met: 1, breached: 1, attainment: 0.5 });
    // Return decided ≤ 336 h: c1, c2, c3 met.
    expect(byName['resolution:336']).toMatchObject({ met: 3, breached: 0, attainment: 1 });
    // Warranty ≤ 1080 h: c4 open since March.
    expect(byName['resolution:1080']).toMatchObject({ met: 0, breached: 1, attainment: 0 });
    expect(body.breachesOpen.map((b) => b.externalId).sort()).toEqual(['c4', 'c4']);
    // First response: answered after 1, 2, 5 and 30 h, and c4 still waiting (censored at its
    // age, months). Kaplan–Meier over 5 claims: S(1) = 4/5, S(2) = 3/5, S(5) = 2/5 → median
    // 5 h (the answered ones alone would say 3.5 h); S(30) = 1/5 > 0.1 → no p90 yet.
    // Each time stands for its 2 % histogram bucket.
    const fr = body.durations.find((d) => d.metric === 'first_response')!;
    expect(fr.count).toEqual([4]);
    expect(fr.open).toEqual([1]);
    expect(fr.median[0]).toBeCloseTo(bucketHours(durationBucket(5)), 9);
    expect(Math.abs(fr.median[0]! - 5) / 5).toBeLessThan(0.01);
    expect(fr.p90[0]).toBeNull();
    // Repeat contacts: c2 only.
    expect(body.repeatContactRate).toBeCloseTo(0.2);
    const chat = body.byChannel.find((c) => c.channel === 'chat')!;
    // chat: c3 first response + resolution met, c5 first response met → all met.
    expect(chat).toMatchObject({ breached: 0 });
  });

  it('gives the same bucketed percentiles from the raw rows when a filter needs them', async () => {
    const { body } = await get<SlaReport>(`/api/analytics/sla?${W10}&supplier=S1`);
    expect(body.period.source).toBe('raw');
    const fr = body.durations.find((d) => d.metric === 'first_response')!;
    // S1: 2, 30, 1 h, none open → median 2 h, in its 2 % bucket as from the rollups.
    expect(fr.median[0]).toBeCloseTo(bucketHours(durationBucket(2)), 9);
    expect(fr.open).toEqual([0]);
  });

  it('reports feedback ratings and net sentiment, and the seeds’ KPI set', async () => {
    const feedback = await get<FeedbackReport>(`/api/analytics/feedback?${W10}`);
    expect(feedback.body).toMatchObject({
      items: 3,
      ratings: [1, 0, 1, 0, 1],
      unrated: 0,
      netSentiment: 0,
    });
    const kpis = await get<KpiSet>(`/api/analytics/kpis?${W10}`);
    // Resolution times 10, 20, 48, 100 h and c4 still open (censored at its age, months):
    // Kaplan–Meier S = 4/5, 3/5, 2/5 after 10, 20, 48 h → the median is 48 h, not the 34 h
    // of the resolved claims alone (read from the 2 % duration histogram: within 1 %).
    expect(kpis.body.processingTimeHours).toMatchObject({ n: 5, stillOpen: 1 });
    expect(Math.abs(kpis.body.processingTimeHours.value! - 48)).toBeLessThanOrEqual(0.48);
    expect(kpis.body.processingTimeHours).toMatchObject({ target: 24, meetsTarget: false });
    // c2 took two contacts: 1 of 5.
    expect(kpis.body.repeatContactRate).toMatchObject({ value: 0.2, n: 5, target: 0.1 });
    // No CSAT or survey answer: no satisfaction figure (reviews rate products, not service).
    expect(kpis.body.satisfaction).toMatchObject({ value: null, n: 0, meetsTarget: null });
    // The data ends on 3 March: W10's orders are inside their 30-day window, and no earlier
    // order week has sales — no share of goods returned yet.
    expect(kpis.body.returnShare).toMatchObject({ value: null, n: 0, cohortWeeks: [] });
    expect(kpis.body.claims).toBe(5);
    expect(kpis.body.negativeReviewShare).toBeCloseTo(1 / 3);
  });

  it('opens any figure into its records, paginated and sorted', async () => {
    const page = await get<RecordsPage<ClaimRecord>>(
      `/api/analytics/records/claims?${W10}&reason=product_defect&sort=quantity&order=desc&pageSize=1`,
    );
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.body.rows.map((r) => r.externalId)).toEqual(['c1']);
    const second = await get<RecordsPage<ClaimRecord>>(
      `/api/analytics/records/claims?${W10}&reason=product_defect&sort=quantity&order=desc&pageSize=1&page=2`,
    );
    expect(second.body.rows.map((r) => r.externalId)).toEqual(['c3']);
    const bad = await get<{ field: string; message: string }>(
      `/api/analytics/records/claims?sort=password`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('sort');
  });

  it('exports any table as formula-safe CSV and as Arrow IPC', async () => {
    const csv = await fetch(`${api.baseUrl}/api/analytics/suppliers?${W10}&format=csv`, {
      headers: auth,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['supplierId', 'name', 'unitsSold']);
    expect(lines).toHaveLength(3);
    // The supplier named "=HYPERLINK(…)" is neutralised, never a formula.
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);

    const arrow = await fetch(`${api.baseUrl}/api/analytics/pareto?${W10}`, {
      headers: { ...auth, Accept: 'application/vnd.apache.arrow.stream' },
    });
    const table = tableFromIPC(new Uint8Array(await arrow.arrayBuffer()));
    expect(table.numRows).toBe(4);
    expect(table.getChild('claims')!.toArray()[0]).toBe(2);

    const noTable = await get<{ field: string }>(`/api/analytics/pareto?format=csv&table=nope`);
    expect(noTable.status).toBe(400);
  });

  it('explains every metric in plain words', async () => {
    const { body } = await get<{ metrics: { id: string; definition: string }[] }>(
      '/api/analytics/definitions',
    );
    const ids = body.metrics.map((m) => m.id);
    for (const id of [
      'defect_rate',
      'sla_attainment',
      'net_sentiment',
      'return_rate',
      'first_response_time',
    ])
      expect(ids).toContain(id);
  });

  it('refuses bad filters with the parameter named', async () => {
    for (const [query, field] of [
      ['suplier=S1', 'suplier'],
      ['from=2026-W12&to=2026-W10', 'from'],
      ['from=2026-02-30', 'from'],
      ['to=last-week', 'to'],
    ]) {
      const res = await get<{ field: string; message: string }>(`/api/analytics/pareto?${query}`);
      expect([query, res.status, res.body.field]).toEqual([query, 400, field]);
    }
  });

  it('recomputes only what a batch changes: a claim moved to another week leaves its old week', async () => {
    const week = 7 * 24;
    const moved = [
      CLAIMS.split('\n')[0],
      `c5,complaint,chat,O3,P2,1,late_delivery,${at(week)},${at(week + 5)},${at(week + 20)},,resolved,store_credit,,,,1,`,
    ].join('\n');
    const res = await upload(api, 'claims', moved, { token: ingestToken });
    expect(res.body).toMatchObject({ received: 1, updated: 1, inserted: 0, rejected: 0 });
    const w10 = await get<ParetoResult>(`/api/analytics/pareto?${W10}`);
    expect(w10.body.rows.map((r) => r.reasonCode)).not.toContain('late_delivery');
    const w11 = await get<ParetoResult>(`/api/analytics/pareto?from=2026-W11&to=2026-W11`);
    expect(w11.body.rows).toEqual([
      expect.objectContaining({ reasonCode: 'late_delivery', claims: 1 }),
    ]);
  });

  it('changes SLA policies only with an admin token, and recomputes attainment', async () => {
    const policies = (await get<SlaPolicy[]>('/api/settings/sla-policies')).body;
    const put = (body: unknown, token?: string) =>
      fetch(`${api.baseUrl}/api/settings/sla-policies`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const relaxed = policies.map((p) =>
      p.metric === 'first_response' ? { ...p, targetHours: 36 } : p,
    );
    expect((await put(relaxed)).status).toBe(401);
    expect((await put(relaxed, ingestToken)).status).toBe(403);
    const admin = await createToken(db(), ['admin']);
    const invalid = await put([{ ...relaxed[0], targetHours: -1 }], admin);
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await invalid.json())).toContain('targetHours');
    try {
      expect((await put(relaxed, admin)).status).toBe(200);
      const { body } = await get<SlaReport>(`/api/analytics/sla?${W10}`);
      // c5 moved to W11 by the previous test; W10 first responses: c1, c2 (30 h ≤ 36 h), c3 met; c4 open.
      expect(body.policies.find((p) => p.metric === 'first_response')).toMatchObject({
        met: 3,
        breached: 1,
      });
    } finally {
      expect((await put(policies, admin)).status).toBe(200);
    }
  });
});
