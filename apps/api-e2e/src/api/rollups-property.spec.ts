import fc from 'fast-check';
import { REASONS } from '@returnlens/shared/contracts';
import { isoWeekOf, type BusinessCalendar } from '@returnlens/shared/metrics';
import {
  rebuildRollups,
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
  businessHoursBetween,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * Property: whatever batches arrive — new claims, changed claims moving between weeks,
 * products moving between suppliers — the incrementally maintained rollups equal (1) a full
 * rebuild from the raw tables and (2) figures computed here in TypeScript from the final
 * state of the records, with the metrics library's business-hours arithmetic.
 */

const TZ = 'Europe/Warsaw';
// Warsaw’s clocks go forward on 29 March 2026 (a 167-hour week) and the span covers it.
const START = Date.parse('2026-03-16T00:00:00Z');
const SPAN_HOURS = 24 * 7 * 12;
const CALENDAR: BusinessCalendar = {
  timeZone: TZ,
  workingDays: [1, 2, 3, 4, 5],
  hours: [
    { start: '09:00', end: '12:30' },
    { start: '13:00', end: '17:00' },
  ],
  holidays: ['2026-04-06'],
};
const TARGET_BUSINESS_HOURS = 6;
const SKUS = ['P1', 'P2', 'P3', 'P4', 'P-unknown'];
const TYPES = ['return', 'return_defective', 'exchange', 'warranty_repair', 'complaint'];
const CHANNELS = ['phone', 'email', 'chat'];
const CODES = REASONS.map((r) => r.code);

interface GenClaim {
  id: string;
  sku: string;
  type: string;
  channel: string;
  /** An order of the generated sales (O0…O14), or none: the return cohorts follow it. */
  order: string | null;
  reason: string | null;
  quantity: number;
  openedHour: number;
  responseAfter: number | null;
  inspection: string | null;
  contacts: number;
  text: string | null;
  /** A refund paid and/or a handling cost, `after` hours after opening (the money's date). */
  money: { after: number; refund: number | null; cost: number | null } | null;
}

const claimArb = fc
  .record<GenClaim>({
    id: fc.integer({ min: 1, max: 12 }).map((n) => `C${n}`),
    sku: fc.constantFrom(...SKUS),
    type: fc.constantFrom(...TYPES),
    channel: fc.constantFrom(...CHANNELS),
    order: fc.option(
      fc.integer({ min: 0, max: 14 }).map((n) => `O${n}`),
      { nil: null },
    ),
    reason: fc.option(fc.constantFrom(...CODES), { nil: null }),
    quantity: fc.integer({ min: 1, max: 3 }),
    openedHour: fc
      .double({ min: 0, max: SPAN_HOURS, noNaN: true })
      .map((h) => Math.round(h * 60) / 60),
    responseAfter: fc.option(
      fc.integer({ min: 1, max: 60 * 72 }).map((m) => m / 60),
      { nil: null },
    ),
    inspection: fc.option(fc.constantFrom('confirmed_defect', 'customer_fault', 'not_inspected'), {
      nil: null,
    }),
    contacts: fc.integer({ min: 1, max: 3 }),
    // Texts give inferred reasons, which the stated-vs-inferred rollup counts.
    text: fc.option(
      fc.constantFrom('the zipper broke after a week', 'too small so I need a bigger size', 'ok'),
      { nil: null },
    ),
    money: fc.option(
      fc
        .record({
          after: fc.integer({ min: 1, max: 24 * 21 }),
          refund: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
          cost: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
        })
        .filter((m) => m.refund !== null || m.cost !== null),
      { nil: null },
    ),
  })
  // Only beside a stated reason, which wins over the text's: the model below (reason or
  // "other") stays right without modelling the text analysis.
  .map((c) => (c.reason === null ? { ...c, text: null } : c));

const iso = (hour: number) => new Date(START + hour * 3_600_000).toISOString();

function claimsCsv(claims: GenClaim[]): string {
  const rows = claims.map((c) =>
    [
      c.id,
      c.type,
      c.channel,
      c.order ?? '',
      c.sku,
      c.quantity,
      c.reason ?? '',
      iso(c.openedHour),
      c.responseAfter === null ? '' : iso(c.openedHour + c.responseAfter),
      c.responseAfter === null ? 'open' : 'in_progress',
      c.inspection ?? '',
      c.contacts,
      c.text ?? '',
      c.money ? iso(c.openedHour + c.money.after) : '',
      c.money?.refund ?? '',
      c.money?.cost ?? '',
      c.money ? 'EUR' : '',
    ].join(','),
  );
  return [
    'external_id,type,channel,order_id,sku,quantity,reason_code,opened_at,first_response_at,status,inspection_outcome,contact_count,reason_text,refunded_at,refund_amount,cost_amount,currency',
    ...rows,
  ].join('\n');
}

const ROLLUPS = [
  'rollup_claims_reason_week',
  'rollup_claims_week',
  'rollup_refunds_week',
  'rollup_money_week',
  'rollup_claims_resolution_week',
  'rollup_claims_sku_week',
  'rollup_claims_sku_reason_week',
  'rollup_claims_supplier_week',
  'rollup_claims_category_week',
  'rollup_claims_cube_week',
  'rollup_sales_sku_week',
  'rollup_sales_supplier_week',
  'rollup_sales_category_week',
  'rollup_sla_week',
  'rollup_sla_assignee_week',
  'rollup_sla_hour',
  'rollup_sla_assignee_hour',
  'rollup_open_hour',
  'rollup_duration_stats_week',
  'rollup_durations_week',
  'rollup_reason_pairs_week',
  'rollup_returns_cohort_week',
];

async function snapshot(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const out: Record<string, string[]> = {};
    for (const table of ROLLUPS) {
      const { rows } = await client.query(`SELECT * FROM ${table}`);
      out[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  });
}

describe('rollups stay equal to the raw tables', () => {
  let api: ApiProcess;
  let token: string;
  let policyId: number;
  const db = () => testDatabaseUrl();

  beforeAll(async () => {
    await truncateShopData(db()).catch(() => undefined);
    api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      PORT: '3921',
      SHOP_TIMEZONE: TZ,
      // Dozens of small batches a minute: more than the default upload rate limit allows.
      INGEST_RATE_LIMIT: '100000',
    });
    const admin = await createToken(db(), ['admin']);
    token = admin;
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` };
    expect(
      (
        await fetch(`${api.baseUrl}/api/settings/calendar`, {
          method: 'PUT',
          headers,
          body: JSON.stringify(CALENDAR),
        })
      ).status,
    ).toBe(200);
    const policies = await fetch(`${api.baseUrl}/api/settings/sla-policies`, {
      method: 'PUT',
      headers,
      body: JSON.stringify([
        {
          name: 'First response within 6 business hours',
          metric: 'first_response',
          targetHours: TARGET_BUSINESS_HOURS,
          clock: 'business',
          claimTypes: TYPES,
        },
      ]),
    });
    expect(policies.status).toBe(200);
    policyId = ((await policies.json()) as { id: number }[])[0].id;
  });

  afterAll(async () => {
    // Back to the default policies and calendar for the suites after this one.
    await withClient(db(), async (client) => {
      await client.query('DELETE FROM sla_policies');
      await client.query('DELETE FROM business_calendars');
      await client.query('DELETE FROM calendar_days');
    });
    await withClient(db(), (client) =>
      client.query(`
      INSERT INTO sla_policies (shop_id, name, metric, target_hours, clock, claim_types, resolutions, at_risk_hours) VALUES
        (1, 'First response within 24 h', 'first_response', 24, 'calendar', '{return,return_defective,exchange,warranty_repair,complaint}', NULL, 4),
        (1, 'Refund within 10 days', 'refund', 240, 'calendar', '{return,return_defective}', '{refund,partial_refund}', 48),
        (1, 'Return decided within 14 days', 'resolution', 336, 'calendar', '{return,return_defective,exchange}', NULL, 48),
        (1, 'Warranty repair within 45 days', 'resolution', 1080, 'calendar', '{warranty_repair}', NULL, 120)`),
    );
    await api?.stop();
  });

  it('after any sequence of batches: incremental = rebuild = computed from the records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(claimArb, { minLength: 1, maxLength: 6 }), {
          minLength: 2,
          maxLength: 4,
        }),
        fc.array(
          fc.record({
            sku: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
            qty: fc.integer({ min: 1, max: 9 }),
            hour: fc.integer({ min: 0, max: SPAN_HOURS }),
          }),
          { maxLength: 15 },
        ),
        fc.boolean(),
        async (batches, sales, moveProduct) => {
          await withClient(db(), (c) =>
            c.query('TRUNCATE claims, sales, products, suppliers, ingest_batches, rejected_rows'),
          );
          await withClient(db(), (c) => c.query(`TRUNCATE ${ROLLUPS.join(', ')}`));
          // Moving P4 changes its supplier and its category.
          const products = (p4: string, p4Category: string) =>
            `sku,name,category,supplier_id\nP1,One,audio,S1\nP2,Two,audio,S1\nP3,Three,home,S2\nP4,Four,${p4Category},${p4}\n`;
          expect((await upload(api, 'products', products('S1', 'home'), { token })).status).toBe(
            201,
          );
          if (sales.length) {
            const csv = [
              'external_id,order_id,sku,quantity,unit_price,currency,ordered_at',
              ...sales.map((s, i) => `L${i},O${i},${s.sku},${s.qty},1,EUR,${iso(s.hour)}`),
            ].join('\n');
            expect((await upload(api, 'sales', csv, { token })).status).toBe(201);
          }
          // Last write wins, within a file and across files.
          const state = new Map<string, GenClaim>();
          for (const batch of batches) {
            const res = await upload(api, 'claims', claimsCsv(batch), { token });
            expect(res.status).toBe(201);
            for (const c of batch) state.set(c.id, c);
          }
          if (moveProduct)
            expect((await upload(api, 'products', products('S2', 'audio'), { token })).status).toBe(
              201,
            );

          const incremental = await snapshot(db());
          await rebuildRollups(db(), TZ);
          const rebuilt = await snapshot(db());
          for (const table of ROLLUPS)
            expect([table, incremental[table]]).toEqual([table, rebuilt[table]]);

          // Money per week it went out (refund date), computed here.
          const money = new Map<string, number>();
          for (const c of state.values()) {
            if (!c.money) continue;
            const week = isoWeekOf(new Date(iso(c.openedHour + c.money.after)), TZ).start;
            money.set(week, (money.get(week) ?? 0) + (c.money.refund ?? 0) + (c.money.cost ?? 0));
          }
          const moneyRows = await withClient(
            db(),
            async (client) =>
              (
                await client.query<{ week: string; total: number }>(
                  `SELECT to_char(week, 'YYYY-MM-DD') AS week, sum(refund_amount + cost_amount)::float8 AS total
                   FROM rollup_money_week GROUP BY 1`,
                )
              ).rows,
          );
          expect(new Map(moneyRows.map((r) => [r.week, r.total]))).toEqual(money);

          // Claims and units per week and reason, computed here.
          const expected = new Map<string, [number, number]>();
          for (const c of state.values()) {
            const key = `${isoWeekOf(new Date(iso(c.openedHour)), TZ).start}|${c.reason ?? 'other'}`;
            const e = expected.get(key) ?? [0, 0];
            expected.set(key, [e[0] + 1, e[1] + c.quantity]);
          }
          const actual = await withClient(
            db(),
            async (client) =>
              (
                await client.query<{ key: string; claims: number; units: number }>(
                  `SELECT to_char(week, 'YYYY-MM-DD') || '|' || reason_code AS key, sum(claims)::int AS claims, sum(units)::int AS units
                   FROM rollup_claims_week GROUP BY 1`,
                )
              ).rows,
          );
          expect(new Map(actual.map((r) => [r.key, [r.claims, r.units]]))).toEqual(expected);

          // Claims per week, category (the product's current one) and channel, computed here.
          const categoryOf: Record<string, string> = {
            P1: 'audio',
            P2: 'audio',
            P3: 'home',
            P4: moveProduct ? 'audio' : 'home',
          };
          const byCategory = new Map<string, number>();
          for (const c of state.values()) {
            const key = `${isoWeekOf(new Date(iso(c.openedHour)), TZ).start}|${categoryOf[c.sku] ?? ''}|${c.channel}`;
            byCategory.set(key, (byCategory.get(key) ?? 0) + 1);
          }
          const cube = await withClient(
            db(),
            async (client) =>
              (
                await client.query<{ key: string; claims: number }>(
                  `SELECT to_char(week, 'YYYY-MM-DD') || '|' || category || '|' || channel AS key, sum(claims)::int AS claims
                   FROM rollup_claims_cube_week GROUP BY 1`,
                )
              ).rows,
          );
          expect(new Map(cube.map((r) => [r.key, r.claims]))).toEqual(byCategory);

          // Business-hours SLA of answered claims, with the metrics library's arithmetic.
          let met = 0;
          let breached = 0;
          for (const c of state.values()) {
            if (c.responseAfter === null) continue;
            const opened = new Date(iso(c.openedHour));
            const answered = new Date(iso(c.openedHour + c.responseAfter));
            if (businessHoursBetween(opened, answered, CALENDAR) <= TARGET_BUSINESS_HOURS + 1e-9)
              met++;
            else breached++;
          }
          const [sla] = await withClient(
            db(),
            async (client) =>
              (
                await client.query<{ met: number; breached: number }>(
                  'SELECT COALESCE(sum(met), 0)::int AS met, COALESCE(sum(breached), 0)::int AS breached FROM rollup_sla_week WHERE policy_id = $1',
                  [policyId],
                )
              ).rows,
          );
          expect(sla).toEqual({ met, breached });

          // Through the API, as of an instant inside the span, only claims whose deadline has
          // passed count: an open one is breached, an answered one met or breached as above.
          // Every claim not yet due — opened less than 6 business hours before, or later — is
          // pending, answered or not.
          const asOf = new Date(START + (SPAN_HOURS / 2) * 3_600_000 + 37 * 60_000);
          let dueMet = 0;
          let dueBreached = 0;
          let pending = 0;
          for (const c of state.values()) {
            const opened = new Date(iso(c.openedHour));
            const due =
              opened < asOf &&
              businessHoursBetween(opened, asOf, CALENDAR) > TARGET_BUSINESS_HOURS + 1e-9;
            if (!due) pending++;
            else if (c.responseAfter === null) dueBreached++;
            else {
              const answered = new Date(iso(c.openedHour + c.responseAfter));
              if (businessHoursBetween(opened, answered, CALENDAR) <= TARGET_BUSINESS_HOURS + 1e-9)
                dueMet++;
              else dueBreached++;
            }
          }
          const report = (await (
            await fetch(
              `${api.baseUrl}/api/analytics/sla?from=2026-W12&to=2026-W24&asOf=${asOf.toISOString()}`,
              {
                headers: { Authorization: `Bearer ${token}` },
              },
            )
          ).json()) as {
            policies: { id: number; met: number; breached: number; pending: number }[];
          };
          const policy = report.policies.find((p) => p.id === policyId)!;
          expect(policy).toMatchObject({ met: dueMet, breached: dueBreached, pending });
        },
      ),
      { numRuns: 20, seed: 20261125 },
    );
  });

  it('a rebuild writes every rollup week after week, so a range of weeks reads only its own pages', async () => {
    await withClient(db(), (c) =>
      c.query('TRUNCATE claims, sales, products, suppliers, ingest_batches, rejected_rows'),
    );
    // Sixty claims spread over the twelve weeks, uploaded in an order of their own.
    const claims = fc
      .sample(claimArb, { numRuns: 60, seed: 20261206 })
      .map((c, i) => ({ ...c, id: `W${i}`, openedHour: (i * 37) % SPAN_HOURS }));
    expect((await upload(api, 'claims', claimsCsv(claims), { token })).status).toBe(201);
    await withClient(db(), (c) => c.query(`TRUNCATE ${ROLLUPS.join(', ')}`));
    await rebuildRollups(db(), TZ);
    await withClient(db(), async (client) => {
      const weeks = await client.query<{ n: number }>(
        'SELECT count(DISTINCT week)::int AS n FROM rollup_claims_week',
      );
      expect(weeks.rows[0].n).toBeGreaterThan(1);
      for (const table of ROLLUPS) {
        // Rows in their physical order (ctid) whose week is earlier than the row before.
        const { rows } = await client.query<{ rows: number; backwards: number }>(
          `SELECT count(*)::int AS rows, (count(*) FILTER (WHERE week < previous))::int AS backwards
             FROM (SELECT week, lag(week) OVER (ORDER BY ctid) AS previous FROM ${table}) t`,
        );
        expect([table, rows[0].backwards]).toEqual([table, 0]);
      }
    });
  });
});
