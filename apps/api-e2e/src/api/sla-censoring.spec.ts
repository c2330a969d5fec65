import type {
  ClaimRecord,
  RecordsPage,
  SlaPolicy,
  SlaReport,
  WeeklyReport,
} from '@returnlens/shared/contracts';
import {
  bucketHours,
  durationBucket,
  isoWeekBounds,
  lastCompleteIsoWeek,
  shiftIsoWeek,
} from '@returnlens/shared/metrics';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { bearer, createToken, upload } from '../support/ingest-client';

/**
 * SLA attainment by the cohort of claims whose deadline has passed, one test per policy, and
 * Kaplan–Meier durations with open claims — every figure worked out by hand.
 *
 * Policies (all calendar hours):
 *   A  first response ≤ 24 h, returns and exchanges, at risk 4 h before
 *   B  resolution ≤ 72 h, returns, at risk 12 h before
 *   C  resolution ≤ 2400 h (100 days), exchanges
 *
 * Part 1, judged as of Friday 6 March 2026 12:00 UTC (asOf). 2026-W09 (23 Feb – 1 Mar):
 *   m1 return  Mon 23 Feb 09:00  1st resp +1 h   resolved +24 h    Bob   A met, B met
 *   m2 return  Tue 24 Feb 09:00  1st resp +2 h   resolved +100 h   Bob   A met, B breached
 * 2026-W10 (2–8 March):
 *   h1 return   Mon 2 Mar 09:00  +2 h    resolved +48 h   Bob   A met;  B met (due Thu 09:00)
 *   h2 return   Mon 2 Mar 10:00  +30 h   resolved +80 h   Ann   A breached; B breached
 *   h3 return   Tue 3 Mar 09:00  +1 h    open             Ann   A met;  B breached (open, due Fri 09:00)
 *   h4 return   Thu 5 Mar 09:00  +1 h    resolved +10 h   Bob   A met;  B pending (due Sun 09:00)
 *   h5 return   Fri 6 Mar 08:00  —       open             Bob   A pending (due Sat 08:00); B pending
 *   h6 return   Thu 5 Mar 06:00  —       open             Bob   A breached (open, due Fri 06:00); B pending
 *   h7 return   Tue 3 Mar 20:00  +1 h    open             Bob   A met;  B pending, at risk (8 h left)
 *   x1 exchange Mon 2 Mar 09:00  +3 h    resolved +50 h   Bob   A met;  C pending
 */
const AS_OF = '2026-03-06T12:00:00.000Z';
const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
const HEADER =
  'external_id,type,channel,order_id,sku,quantity,reason_code,opened_at,first_response_at,resolved_at,status,resolution,assignee';
const claim = (
  id: string,
  type: string,
  opened: string,
  firstResponse: number | null,
  resolved: number | null,
  assignee: string,
) =>
  [
    id,
    type,
    'email',
    `O-${id}`,
    'P1',
    1,
    'changed_mind',
    opened,
    firstResponse === null ? '' : hours(opened, firstResponse),
    resolved === null ? '' : hours(opened, resolved),
    resolved === null ? 'open' : 'resolved',
    resolved === null ? '' : type === 'exchange' ? 'replacement' : 'refund',
    assignee,
  ].join(',');
const HISTORY = [
  claim('m1', 'return', '2026-02-23T09:00:00Z', 1, 24, 'Bob'),
  claim('m2', 'return', '2026-02-24T09:00:00Z', 2, 100, 'Bob'),
  claim('h1', 'return', '2026-03-02T09:00:00Z', 2, 48, 'Bob'),
  claim('h2', 'return', '2026-03-02T10:00:00Z', 30, 80, 'Ann'),
  claim('h3', 'return', '2026-03-03T09:00:00Z', 1, null, 'Ann'),
  claim('h4', 'return', '2026-03-05T09:00:00Z', 1, 10, 'Bob'),
  claim('h5', 'return', '2026-03-06T08:00:00Z', null, null, 'Bob'),
  claim('h6', 'return', '2026-03-05T06:00:00Z', null, null, 'Bob'),
  claim('h7', 'return', '2026-03-03T20:00:00Z', 1, null, 'Bob'),
  claim('x1', 'exchange', '2026-03-02T09:00:00Z', 3, 50, 'Bob'),
];

/**
 * Part 2, the weekly report of the last complete week R (relative to today) and the four
 * before it. Each week, opened on its Monday from 09:00: three returns answered after 1, 2
 * and 30 h and resolved after 10, 20 and 100 h (A: 2 met, 1 breached; B: 2 met, 1 breached),
 * and one exchange answered after 1 h (A met; C pending for 100 days). R also has one return
 * opened Tuesday 09:00 still open without an answer (A and B breached: both deadlines passed
 * within R).
 */
const REPORTED = lastCompleteIsoWeek(new Date(), 'UTC');
function recentClaims(): string[] {
  const rows: string[] = [];
  for (let back = 4; back >= 0; back--) {
    const week = shiftIsoWeek(REPORTED, -back);
    const monday = isoWeekBounds(week, 'UTC').from.toISOString();
    const at = (h: number) => hours(monday, 9 + h);
    rows.push(
      claim(`r${back}-1`, 'return', at(0), 1, 10, 'Bob'),
      claim(`r${back}-2`, 'return', at(1), 2, 20, 'Bob'),
      claim(`r${back}-3`, 'return', at(2), 30, 100, 'Bob'),
      claim(`r${back}-x`, 'exchange', at(3), 1, null, 'Bob'),
    );
    if (back === 0) rows.push(claim('r0-open', 'return', at(24), null, null, 'Bob'));
  }
  return rows;
}

const POLICIES = [
  {
    name: 'A first response',
    metric: 'first_response',
    targetHours: 24,
    clock: 'calendar',
    claimTypes: ['return', 'exchange'],
    atRiskHours: 4,
  },
  {
    name: 'B return decided',
    metric: 'resolution',
    targetHours: 72,
    clock: 'calendar',
    claimTypes: ['return'],
    atRiskHours: 12,
  },
  {
    name: 'C exchange decided',
    metric: 'resolution',
    targetHours: 2400,
    clock: 'calendar',
    claimTypes: ['exchange'],
    atRiskHours: 24,
  },
];

describe('SLA by deadline-passed cohort, per policy, with censored durations', () => {
  let api: ApiProcess;
  let auth: Record<string, string>;
  const ids: Record<string, number> = {};
  const db = () => testDatabaseUrl();
  const get = async <T>(path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: auth });
    if (response.status >= 500) console.error(api.output().slice(-3000));
    return { status: response.status, body: (await response.json()) as T };
  };
  const W09_W10 = `from=2026-W09&to=2026-W10&asOf=${AS_OF}`;

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3931' });
    await truncateShopData(db());
    const admin = await createToken(db(), ['admin']);
    const ingest = await createToken(db(), ['ingest']);
    auth = await bearer(db());
    const put = await fetch(`${api.baseUrl}/api/settings/sla-policies`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
      body: JSON.stringify(POLICIES),
    });
    expect(put.status).toBe(200);
    for (const p of (await put.json()) as SlaPolicy[]) ids[p.name[0]] = p.id;
    const res = await upload(api, 'claims', [HEADER, ...HISTORY, ...recentClaims()].join('\n'), {
      token: ingest,
    });
    expect([res.status, res.body.rejected]).toEqual([201, 0]);
  });

  afterAll(async () => {
    // Back to the default policies for the suites after this one.
    await withClient(db(), async (client) => {
      await client.query('DELETE FROM sla_policies');
      await client.query(`
      INSERT INTO sla_policies (shop_id, name, metric, target_hours, clock, claim_types, resolutions, at_risk_hours) VALUES
        (1, 'First response within 24 h', 'first_response', 24, 'calendar', '{return,return_defective,exchange,warranty_repair,complaint}', NULL, 4),
        (1, 'Refund within 10 days', 'refund', 240, 'calendar', '{return,return_defective}', '{refund,partial_refund}', 48),
        (1, 'Return decided within 14 days', 'resolution', 336, 'calendar', '{return,return_defective,exchange}', NULL, 48),
        (1, 'Warranty repair within 45 days', 'resolution', 1080, 'calendar', '{warranty_repair}', NULL, 120)`);
    });
    await api?.stop();
  });

  const policy = (report: SlaReport, key: string) =>
    report.policies.find((p) => p.id === ids[key])!;

  it('counts only claims whose deadline has passed, and marks a week with pending ones immature', async () => {
    // `language` is the feedback's: it does not narrow the claims, so it is no reason to scan them.
    for (const extra of ['', '&channel=email', '&language=pl']) {
      const { status, body } = await get<SlaReport>(`/api/analytics/sla?${W09_W10}${extra}`);
      expect(status).toBe(200);
      expect(body.period.source).toBe(extra.startsWith('&channel') ? 'raw' : 'rollup');
      // A: W09 m1, m2 met; W10 h1, h3, h4, h7, x1 met, h2 and h6 (open) breached, h5 pending.
      expect(policy(body, 'A').weekly).toEqual([
        { met: 2, breached: 0, attainment: 1, pending: 0, immature: false },
        { met: 5, breached: 2, attainment: 5 / 7, pending: 1, immature: true },
      ]);
      // B: W10 h1 met, h2 breached, h3 open past its deadline; h4 — resolved after 10 h — is
      // pending with h5, h6, h7 until its deadline passes, so it cannot lift the week early.
      expect(policy(body, 'B').weekly).toEqual([
        { met: 1, breached: 1, attainment: 0.5, pending: 0, immature: false },
        { met: 1, breached: 2, attainment: 1 / 3, pending: 4, immature: true },
      ]);
      expect(policy(body, 'B')).toMatchObject({ met: 2, breached: 3, pending: 4, attainment: 0.4 });
      // C: x1 is not due for 100 days.
      expect(policy(body, 'C').weekly[1]).toEqual({
        met: 0,
        breached: 0,
        attainment: null,
        pending: 1,
        immature: true,
      });
      // Per policy and assignee: B's breaches of Ann are h2 and h3.
      expect(body.byAssignee).toContainEqual({
        policyId: ids['B'],
        assignee: 'Ann',
        met: 0,
        breached: 2,
        attainment: 0,
      });
      // Open lists: h6 past A's deadline, h3 past B's; h7 within 12 h of B's (8 h left).
      // Most overdue first: h6 6 h past A's deadline, h3 3 h past B's.
      expect(body.breachesOpen.map((o) => [o.externalId, o.policyId, o.hoursLeft])).toEqual([
        ['h6', ids['A'], -6],
        ['h3', ids['B'], -3],
      ]);
      expect(body.atRisk.map((o) => [o.externalId, o.policyId, o.hoursLeft])).toEqual([
        ['h7', ids['B'], 8],
      ]);
      expect([body.breachedOpenClaims, body.atRiskClaims]).toEqual([2, 1]);
    }
  });

  it('drills into exactly the claims behind a policy’s figures', async () => {
    const { body: sla } = await get<SlaReport>(`/api/analytics/sla?${W09_W10}`);
    const records = (query: string) =>
      get<RecordsPage<ClaimRecord>>(
        `/api/analytics/records/claims?${W09_W10}&pageSize=100&sort=externalId&order=asc&${query}`,
      );
    const b = policy(sla, 'B');
    const cases: [string, number, string[]][] = [
      [`policy=${ids['B']}&outcome=breached`, b.breached, ['h2', 'h3', 'm2']],
      [`policy=${ids['B']}&outcome=met`, b.met, ['h1', 'm1']],
      [`policy=${ids['B']}&outcome=pending`, b.pending, ['h4', 'h5', 'h6', 'h7']],
      [`policy=${ids['B']}&outcome=breached&assignee=Ann`, 2, ['h2', 'h3']],
      [`outcome=at_risk`, sla.atRiskClaims, ['h7']],
      [`outcome=open_breach`, sla.breachedOpenClaims, ['h3', 'h6']],
    ];
    for (const [query, figure, expected] of cases) {
      const { status, body } = await records(query);
      expect([query, status, body.total]).toEqual([query, 200, figure]);
      expect(body.rows.map((r) => r.externalId)).toEqual(expected);
    }
    // One week of a policy: W10's breaches of B.
    const week = await get<RecordsPage<ClaimRecord>>(
      `/api/analytics/records/claims?from=2026-W10&to=2026-W10&asOf=${AS_OF}&policy=${ids['B']}&outcome=breached`,
    );
    expect(week.body.total).toBe(b.weekly[1].breached);
    const bad = await get<{ field: string }>(`/api/analytics/records/claims?outcome=late`);
    expect([bad.status, bad.body.field]).toEqual([400, 'outcome']);
  });

  it('estimates the median first response with Kaplan–Meier, open claims censored', async () => {
    const { body } = await get<SlaReport>(`/api/analytics/sla?${W09_W10}`);
    const fr = body.durations.find((d) => d.metric === 'first_response')!;
    // W10: answered after 1, 1, 1, 2, 3 and 30 h; h5 open 4 h, h6 open 30 h (8 claims).
    // S(1) = 1 − 3/8 = 5/8; S(2) = 5/8 · (1 − 1/5) = 1/2 exactly, flat until 3 h → median
    // (2 + 3) / 2 = 2.5 h (the answered ones alone: 1.5 h). S(3) = 3/8, S(30) = 3/16 > 0.1:
    // no p90 yet. Each time stands for its 2 % histogram bucket.
    const b = (h: number) => bucketHours(durationBucket(h));
    expect(fr.count[1]).toBe(6);
    expect(fr.open[1]).toBe(2);
    expect(fr.median[1]).toBeCloseTo((b(2) + b(3)) / 2, 9);
    expect(Math.abs(fr.median[1]! - 2.5) / 2.5).toBeLessThan(0.01);
    expect(fr.p90[1]).toBeNull();
    // W09: 1 and 2 h, nothing open → 1.5 h.
    expect([fr.count[0], fr.open[0]]).toEqual([2, 0]);
    expect(fr.median[0]).toBeCloseTo((b(1) + b(2)) / 2, 9);
    // Resolution W10: h4 10 h, h1 48 h, x1 50 h, h2 80 h; open h5 4 h, h6 30 h, h7 64 h,
    // h3 75 h (8 claims). Censored at 4; S(10) = 6/7; censored at 30; S(48) = 6/7 · 4/5 =
    // 24/35; S(50) = 24/35 · 3/4 = 18/35 > 1/2; censored 64, 75; S(80) = 0 → median 80 h
    // (the resolved ones alone: 49 h).
    const resolution = body.durations.find((d) => d.metric === 'resolution')!;
    expect([resolution.count[1], resolution.open[1]]).toEqual([4, 4]);
    expect(resolution.median[1]).toBeCloseTo(b(80), 9);
    // The raw rows give the same figures (the same buckets).
    const raw = await get<SlaReport>(`/api/analytics/sla?${W09_W10}&channel=email`);
    expect(raw.body.durations).toEqual(body.durations);
  });

  it('tests each policy on its own in the weekly report, never an immature week', async () => {
    const { status, body } = await get<WeeklyReport>(`/api/reports/weekly?week=${REPORTED.week}`);
    expect(status).toBe(200);
    const tile = (key: string) => body.kpis.slaPolicies.find((p) => p.policyId === ids[key])!;
    // A: R has r0-1, r0-2, r0-x met, r0-3 and r0-open breached → 3/5; baseline 4 weeks × 3/4.
    // Every return is counted once here and once in B — never twice in one test.
    expect(tile('A')).toMatchObject({ pending: 0, immature: false });
    expect(tile('A').kpi).toMatchObject({ value: 0.6, baseline: 0.75 });
    expect(tile('A').kpi!.untested).toBeUndefined();
    // Two-proportion z-test of 3/5 against 12/16: pooled 15/21, z = −0.6481, p = 0.5169.
    expect(tile('A').kpi!.pValue).toBeCloseTo(0.5169, 3);
    // B: 2 met, r0-3 and r0-open breached → 2/4 against 8/12.
    expect(tile('B').kpi).toMatchObject({ value: 0.5 });
    expect(tile('B').kpi!.baseline).toBeCloseTo(2 / 3, 12);
    // C: every exchange is pending for 100 days: immature, no value, no test.
    expect(tile('C')).toMatchObject({ pending: 1, immature: true, kpi: null });
    // The first response median of R: 1, 1, 2, 30 h answered, r0-open still waiting.
    expect(body.kpis.firstResponseStillOpen).toBe(1);
    const b = (h: number) => bucketHours(durationBucket(h));
    // 5 claims: S(1) = 3/5, S(2) = 2/5 → median 2 h.
    expect(body.kpis.medianFirstResponseHours!.value).toBeCloseTo(b(2), 9);
  });
});
