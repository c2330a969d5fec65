import { createHmac } from 'node:crypto';
import type { AlertEvent, AlertRule, NotifyWebhookPayload } from '@returnlens/shared/contracts';
import { isoWeekBounds, lastCompleteIsoWeek, shiftIsoWeek } from '@returnlens/shared/metrics';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';
import { createUser, eventually, HookReceiver, Session } from '../support/mail-and-hooks';

/**
 * Alert rules end to end (docs/notifications.md, "Alerts"): data loaded through the ingest
 * API, rules evaluated after each committed batch and on the scheduler's tick, one event per
 * rule and period, the quiet period, signed webhooks received by a real HTTP server, paused
 * rules, and who may watch what.
 *
 * Data, relative to the last complete ISO week R (UTC), all returns by e-mail:
 *   batch 1  R:   ten returns opened Monday 09:00 + i h; answered after 1 h (six) or 30 h (four),
 *                 still open → "First response within 24 h": 6 met, 4 breached = 60 % (mature:
 *                 every claim answered); "Return decided within 14 days": all ten pending (due
 *                 two weeks after opening) → R is immature for it.
 *            four returns opened Monday 09:00, answered after 1 h, decided after 100 h
 *                 (two, met) and 400 h (two, breached) → "Return decided": 50 % in R-3.
 *   batch 2  R:   five more returns opened Tuesday 09:00, answered after 1 h → 15 claims in R.
 */
const R = lastCompleteIsoWeek(new Date(), 'UTC');
const R3 = shiftIsoWeek(R, -3);
const HEADER =
  'external_id,type,channel,order_id,sku,quantity,reason_code,opened_at,first_response_at,resolved_at,status,resolution';
const hoursAfter = (iso: string, h: number) =>
  new Date(Date.parse(iso) + h * 3_600_000).toISOString();
const monday = (week: typeof R) => isoWeekBounds(week, 'UTC').from.toISOString();

function claim(id: string, opened: string, answer: number, decided: number | null): string {
  return [
    id,
    'return',
    'email',
    `O-${id}`,
    'P1',
    1,
    'changed_mind',
    opened,
    hoursAfter(opened, answer),
    decided === null ? '' : hoursAfter(opened, decided),
    decided === null ? 'open' : 'resolved',
    decided === null ? '' : 'refund',
  ].join(',');
}

const BATCH_1 = [
  HEADER,
  ...Array.from({ length: 10 }, (_, i) =>
    claim(`r-${i}`, hoursAfter(monday(R), 9 + i), i < 6 ? 1 : 30, null),
  ),
  claim('o-1', hoursAfter(monday(R3), 9), 1, 100),
  claim('o-2', hoursAfter(monday(R3), 10), 1, 100),
  claim('o-3', hoursAfter(monday(R3), 11), 1, 400),
  claim('o-4', hoursAfter(monday(R3), 12), 1, 400),
].join('\n');

const BATCH_2 = [
  HEADER,
  ...Array.from({ length: 5 }, (_, i) => claim(`t-${i}`, hoursAfter(monday(R), 33 + i), 1, null)),
].join('\n');

const PASSWORD = 'a sturdy test phrase 42';
const ENV = {
  DEMO_DATA: 'off',
  PORT: '3957',
  SHOP_TIMEZONE: 'UTC',
  NOTIFY_INTERVAL_SECONDS: '1',
  NOTIFY_RETRY_BASE_SECONDS: '1',
};

describe('alerts', () => {
  const db = () => testDatabaseUrl();
  let api: ApiProcess;
  const hook = new HookReceiver();
  let ingestToken: string;
  const as: Record<'owner' | 'buyer' | 'manager', Session> = {} as never;
  let ids: Record<string, string>;
  let policies: Record<string, number>;
  /** The rules made below, by letter. */
  const rule: Record<string, AlertRule> = {};

  const eventsOf = async (ruleId: string): Promise<{ period: string; sentence: string }[]> =>
    (
      await withClient(db(), (c) =>
        c.query('SELECT period, sentence FROM alert_events WHERE rule_id = $1 ORDER BY period', [
          ruleId,
        ]),
      )
    ).rows;

  const create = async (who: keyof typeof as, body: Record<string, unknown>) => {
    const answer = await as[who].request('POST', '/api/alerts', {
      channel: 'webhook',
      filters: {},
      ...body,
    });
    expect(answer.status).toBe(201);
    return answer.body as AlertRule;
  };

  beforeAll(async () => {
    await hook.start();
    // Phase 1: the scheduler evaluates only at its first tick (no rules yet), so every event of
    // this phase comes from the evaluation after a committed batch.
    api = await startApiProcess({
      ...ENV,
      DATABASE_URL: db(),
      NOTIFY_ALERT_INTERVAL_SECONDS: '3600',
    });
    await truncateShopData(db());
    ids = {};
    for (const who of ['owner', 'buyer', 'manager'] as const) {
      const email = `${who}@test.returnlens`;
      ids[who] = await createUser(db(), { email, name: who, roles: [who], password: PASSWORD });
      as[who] = await Session.signIn(api.baseUrl, email, PASSWORD);
    }
    ingestToken = await createToken(db(), ['ingest']);
    const rows = (
      await withClient(db(), (c) => c.query('SELECT id, name FROM sla_policies WHERE shop_id = 1'))
    ).rows;
    policies = Object.fromEntries(rows.map((r) => [r.name, Number(r.id)]));
    expect(policies['First response within 24 h']).toBeDefined();
    expect(policies['Return decided within 14 days']).toBeDefined();
  });

  afterAll(async () => {
    await api?.stop();
    await hook.stop();
  });

  describe('who may watch what', () => {
    it('refuses a buyer an SLA rule (403 naming the metric) and lets them watch supplier defect rates', async () => {
      const refused = await as.buyer.request('POST', '/api/alerts', {
        name: 'SLA watch',
        metric: 'sla_attainment',
        kind: 'threshold',
        operator: '<',
        value: 0.9,
        policyId: policies['First response within 24 h'],
        channel: 'webhook',
        target: hook.url('/buyer'),
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ field: 'metric' });
      expect(refused.body.message).toContain('needs the permission sla');
      rule['B'] = await create('buyer', {
        name: 'Suppliers beyond their limits',
        metric: 'defect_rate',
        kind: 'control_limit',
        target: hook.url('/buyer'),
      });
      expect(rule['B']).toMatchObject({
        userId: ids['buyer'],
        kind: 'control_limit',
        paused: false,
        lastEvent: null,
      });
      expect(rule['B'].secret).toMatch(/^[\w-]{40,}$/);
    });

    it('names the field of a rule that cannot work', async () => {
      const bad = async (body: Record<string, unknown>, field: string, message: RegExp) => {
        const answer = await as.owner.request('POST', '/api/alerts', {
          name: 'x',
          channel: 'webhook',
          target: hook.url('/x'),
          ...body,
        });
        expect(answer.status).toBe(400);
        expect(answer.body.field).toBe(field);
        expect(answer.body.message).toMatch(message);
      };
      await bad(
        { metric: 'claims', kind: 'threshold', value: 10 },
        'operator',
        /operator is required/,
      );
      await bad({ metric: 'refunds_paid', kind: 'change' }, 'kind', /never tested/);
      await bad({ metric: 'claims', kind: 'control_limit' }, 'kind', /defect_rate/);
      await bad(
        { metric: 'sla_attainment', kind: 'threshold', operator: '<', value: 0.9 },
        'policyId',
        /required/,
      );
      await bad(
        { metric: 'sla_attainment', kind: 'threshold', operator: '<', value: 0.9, policyId: 999 },
        'policyId',
        /not an SLA policy/,
      );
      await bad(
        { metric: 'return_rate', kind: 'threshold', operator: '>', value: 5 },
        'value',
        /share from 0 to 1/,
      );
      await bad(
        { metric: 'claims', kind: 'threshold', operator: '>', value: 1, target: 'ftp://x' },
        'target',
        /http/,
      );
      await bad(
        {
          metric: 'claims',
          kind: 'threshold',
          operator: '>',
          value: 1,
          filters: { from: '2026-W01' },
        },
        'filters.from',
        /./,
      );
    });
  });

  describe('phase 1: after committed batches', () => {
    beforeAll(async () => {
      const first = policies['First response within 24 h'];
      rule['A'] = await create('manager', {
        name: 'First response <below> 90 %',
        metric: 'sla_attainment',
        kind: 'threshold',
        operator: '<',
        value: 0.9,
        policyId: first,
        target: hook.url('/a'),
        quietHours: 0,
      });
      rule['M'] = await create('manager', {
        name: 'Decisions below 99 %',
        metric: 'sla_attainment',
        kind: 'threshold',
        operator: '<',
        value: 0.99,
        policyId: policies['Return decided within 14 days'],
        target: hook.url('/m'),
        quietHours: 0,
      });
      rule['P'] = await create('manager', {
        name: 'Paused twin of A',
        metric: 'sla_attainment',
        kind: 'threshold',
        operator: '<',
        value: 0.9,
        policyId: first,
        target: hook.url('/p'),
        quietHours: 0,
      });
      const paused = await as.manager.request('PATCH', `/api/alerts/${rule['P'].id}`, {
        paused: true,
      });
      expect(paused.status).toBe(200);
      expect(paused.body.paused).toBe(true);
      // The owner reads Polish while Q fires: its message is written then, in their language.
      expect((await as.owner.request('PUT', '/api/auth/language', { language: 'pl' })).status).toBe(
        204,
      );
      rule['Q'] = await create('owner', {
        name: 'More than 5 claims',
        metric: 'claims',
        kind: 'threshold',
        operator: '>',
        value: 5,
        target: hook.url('/q'),
        quietHours: 24,
      });
      expect((await upload(api, 'claims', BATCH_1, { token: ingestToken })).status).toBe(201);
      await eventually(
        'the events of A and Q after batch 1',
        async () =>
          (await eventsOf(rule['A'].id)).length > 0 && (await eventsOf(rule['Q'].id)).length > 0,
      );
      expect((await as.owner.request('PUT', '/api/auth/language', { language: null })).status).toBe(
        204,
      );
    });

    it('writes the alert in its owner’s language; the event keeps the English sentence', async () => {
      const received = await eventually('the webhook of Q', async () => hook.at('/q')[0]);
      const payload = JSON.parse(received.raw) as NotifyWebhookPayload;
      expect(payload.subject).toBe(`Alert Returnlens: More than 5 claims (${R.week})`);
      expect(payload.items).toEqual([`Otrzymane zgłoszenia: 10 w ${R.week}, powyżej 5 — 10 sztuk`]);
      expect(payload.text).toContain(`Otrzymane zgłoszenia: 10 w ${R.week}`);
      expect(await eventsOf(rule['Q'].id)).toEqual([
        { period: R.week, sentence: `Claims received: 10 in ${R.week}, above 5 — 10 units` },
      ]);
    });

    it('fires a threshold rule for the latest mature week with the evidence, and says which week', async () => {
      expect(await eventsOf(rule['A'].id)).toEqual([
        {
          period: R.week,
          sentence: `SLA First response within 24 h: 60 % in ${R.week}, below 90 % — 4 of 10 claims late`,
        },
      ]);
      expect(await eventsOf(rule['Q'].id)).toEqual([
        { period: R.week, sentence: `Claims received: 10 in ${R.week}, above 5 — 10 units` },
      ]);
    });

    it('never fires on an immature week: the decisions rule speaks of R-3, not of R', async () => {
      await eventually('the event of M', async () => (await eventsOf(rule['M'].id)).length > 0);
      expect(await eventsOf(rule['M'].id)).toEqual([
        {
          period: R3.week,
          sentence: `SLA Return decided within 14 days: 50 % in ${R3.week}, below 99 % — 2 of 4 claims late`,
        },
      ]);
    });

    it('delivers the alert to the webhook, signed with the rule’s secret', async () => {
      const received = await eventually('the webhook of A', async () => hook.at('/a')[0]);
      const expected = `sha256=${createHmac('sha256', rule['A'].secret!).update(received.raw).digest('hex')}`;
      expect(received.headers['x-returnlens-signature']).toBe(expected);
      expect(received.headers['content-type']).toContain('application/json');
      expect(received.headers['x-returnlens-delivery']).toMatch(/^\d+$/);
      const payload = JSON.parse(received.raw) as NotifyWebhookPayload;
      expect(payload).toMatchObject({
        kind: 'alert',
        period: R.week,
        subject: `Returnlens alert: First response <below> 90 % (${R.week})`,
        items: [
          `SLA First response within 24 h: 60 % in ${R.week}, below 90 % — 4 of 10 claims late`,
        ],
      });
      expect(payload.text).toContain('4 of 10 claims late');
      expect(payload.link).toContain(`/sla?from=${R.week}&to=${R.week}`);
      // Another rule's message is signed with that rule's own secret.
      const m = await eventually('the webhook of M', async () => hook.at('/m')[0]);
      expect(m.headers['x-returnlens-signature']).toBe(
        `sha256=${createHmac('sha256', rule['M'].secret!).update(m.raw).digest('hex')}`,
      );
      const events = await eventually('the delivery of A marked sent', async () => {
        const answer = await as.manager.request('GET', '/api/alerts/events?limit=10');
        const a = (answer.body as AlertEvent[]).find((e) => e.ruleId === rule['A'].id);
        return a?.deliveryStatus === 'sent' ? (answer.body as AlertEvent[]) : undefined;
      });
      // The manager sees the events of their own rules only.
      expect(new Set(events.map((e) => e.ruleId))).toEqual(new Set([rule['A'].id, rule['M'].id]));
    });

    it('a paused rule does not fire', async () => {
      expect(await eventsOf(rule['P'].id)).toEqual([]);
      expect(hook.at('/p').length > 0).toBe(false);
    });

    it('a second batch fires new rules but never a period twice, and the quiet period holds', async () => {
      // Q fired recently for another week: R is new for it, but it is in its quiet period.
      await withClient(db(), (c) =>
        c.query(`UPDATE alert_events SET period = '2000-W01' WHERE rule_id = $1`, [rule['Q'].id]),
      );
      rule['N'] = await create('owner', {
        name: 'More than 12 claims',
        metric: 'claims',
        kind: 'threshold',
        operator: '>',
        value: 12,
        target: hook.url('/n'),
        quietHours: 0,
      });
      expect((await upload(api, 'claims', BATCH_2, { token: ingestToken })).status).toBe(201);
      // N fires only on the data of batch 2: the evaluation after it has run.
      await eventually(
        'the event of N after batch 2',
        async () => (await eventsOf(rule['N'].id)).length > 0,
      );
      expect(await eventsOf(rule['N'].id)).toEqual([
        { period: R.week, sentence: `Claims received: 15 in ${R.week}, above 12 — 15 units` },
      ]);
      expect(await eventsOf(rule['A'].id)).toHaveLength(1);
      expect(await eventsOf(rule['M'].id)).toHaveLength(1);
      expect((await eventsOf(rule['Q'].id)).map((e) => e.period)).toEqual(['2000-W01']);
      expect(await eventsOf(rule['P'].id)).toEqual([]);
      expect(hook.at('/a')).toHaveLength(1);
    });
  });

  describe('phase 2: on the scheduler’s tick, after a restart', () => {
    beforeAll(async () => {
      await api.stop();
      // Q's last event is older than its 24 quiet hours now.
      await withClient(db(), (c) =>
        c.query(
          `UPDATE alert_events SET created_at = now() - interval '25 hours' WHERE rule_id = $1`,
          [rule['Q'].id],
        ),
      );
      api = await startApiProcess({
        ...ENV,
        DATABASE_URL: db(),
        NOTIFY_ALERT_INTERVAL_SECONDS: '1',
      });
    });

    it('evaluates on the tick: no period twice, a rule past its quiet period fires again', async () => {
      rule['S'] = await create('owner', {
        name: 'Any claims',
        metric: 'claims',
        kind: 'threshold',
        operator: '>',
        value: 0,
        target: hook.url('/s'),
      });
      await eventually(
        'the event of S on a tick',
        async () => (await eventsOf(rule['S'].id)).length > 0,
        20_000,
      );
      await eventually(
        'Q again after its quiet period',
        async () => (await eventsOf(rule['Q'].id)).length === 2,
      );
      expect((await eventsOf(rule['Q'].id)).map((e) => e.period)).toEqual(['2000-W01', R.week]);
      // A few more ticks change nothing.
      await new Promise((done) => setTimeout(done, 3000));
      expect(await eventsOf(rule['A'].id)).toHaveLength(1);
      expect(await eventsOf(rule['M'].id)).toHaveLength(1);
      expect(await eventsOf(rule['N'].id)).toHaveLength(1);
      expect(await eventsOf(rule['S'].id)).toHaveLength(1);
      expect(await eventsOf(rule['Q'].id)).toHaveLength(2);
      expect(await eventsOf(rule['P'].id)).toEqual([]);
      expect(hook.at('/a')).toHaveLength(1);
    });

    it('a paused rule fires once resumed (it was the pause that held it)', async () => {
      const resumed = await as.manager.request('PATCH', `/api/alerts/${rule['P'].id}`, {
        paused: false,
      });
      expect(resumed.status).toBe(200);
      await eventually(
        'the event of P once resumed',
        async () => (await eventsOf(rule['P'].id)).length > 0,
      );
      expect((await eventsOf(rule['P'].id)).map((e) => e.period)).toEqual([R.week]);
    });

    it('lists own rules; owner and admin see everyone’s; others’ rules are not found', async () => {
      const refused = await as.manager.request('GET', '/api/alerts?all=1');
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain("cannot list everyone's alert rules");
      expect((await as.buyer.request('GET', '/api/alerts/events?all=1')).status).toBe(403);
      // An API token has no rules of its own: only an `admin` token lists everyone's.
      const asToken = async (scopes: string[]) =>
        (
          await fetch(`${api.baseUrl}/api/alerts`, {
            headers: { Authorization: `Bearer ${await createToken(db(), scopes)}` },
          })
        ).status;
      expect(await asToken(['read'])).toBe(403);
      expect(await asToken(['admin'])).toBe(200);
      const mine = await as.manager.request('GET', '/api/alerts');
      expect((mine.body as AlertRule[]).map((r) => r.name).sort()).toEqual(
        ['Decisions below 99 %', 'First response <below> 90 %', 'Paused twin of A'].sort(),
      );
      const a = (mine.body as AlertRule[]).find((r) => r.id === rule['A'].id)!;
      expect(a.lastEvent).toMatchObject({ period: R.week, deliveryStatus: 'sent' });
      expect(a.secret).toBe(rule['A'].secret);
      const all = await as.owner.request('GET', '/api/alerts?all=1');
      expect((all.body as AlertRule[]).map((r) => r.id).sort()).toEqual(
        Object.values(rule)
          .map((r) => r.id)
          .sort(),
      );
      // Someone else's secret is not shown, even to the owner.
      expect((all.body as AlertRule[]).find((r) => r.id === rule['A'].id)!.secret).toBeUndefined();
      expect(
        (await as.buyer.request('PATCH', `/api/alerts/${rule['A'].id}`, { paused: true })).status,
      ).toBe(404);
      expect((await as.buyer.request('DELETE', `/api/alerts/${rule['A'].id}`)).status).toBe(404);
      // The owner makes a rule for the manager, and deletes it again.
      const forManager = await as.owner.request('POST', '/api/alerts', {
        name: 'For the manager',
        metric: 'sla_attainment',
        kind: 'change',
        policyId: policies['First response within 24 h'],
        channel: 'email',
        target: 'manager@test.returnlens',
        userId: ids['manager'],
      });
      expect(forManager.status).toBe(201);
      expect(forManager.body.userId).toBe(ids['manager']);
      // …but not an SLA rule for the buyer.
      const forBuyer = await as.owner.request('POST', '/api/alerts', {
        name: 'For the buyer',
        metric: 'sla_attainment',
        kind: 'change',
        policyId: policies['First response within 24 h'],
        channel: 'email',
        target: 'buyer@test.returnlens',
        userId: ids['buyer'],
      });
      expect(forBuyer.status).toBe(403);
      expect(forBuyer.body.message).toContain('owner does not hold');
      expect((await as.owner.request('DELETE', `/api/alerts/${forManager.body.id}`)).status).toBe(
        204,
      );
      expect((await as.owner.request('DELETE', `/api/alerts/${forManager.body.id}`)).status).toBe(
        404,
      );
    });
  });
});
