import { createHmac } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import {
  runApiCli,
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createUser, eventually, HookReceiver, Mailbox, Session } from '../support/mail-and-hooks';

/**
 * Digests end to end: subscriptions over HTTP, a real SMTP server (smtp-server, parsed with
 * mailparser) and a webhook receiver (node:http) in the test process, the scheduler, the
 * retries and the command line (docs/notifications.md).
 */

const PASSWORD = 'a long enough pass phrase 7';
const PORT = '3961';
const PUBLIC = `http://127.0.0.1:${PORT}`;

const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> =>
  withClient(testDatabaseUrl(), async (client) => (await client.query(query, params)).rows as T[]);

/** Makes a subscription due now: the scheduler (every second) queues its latest slot. */
const makeDue = (id: string) =>
  sql(`UPDATE notify_subscriptions SET next_run_at = now() - interval '1 minute' WHERE id = $1`, [
    id,
  ]);

describe('digests, deliveries and webhooks', () => {
  let api: ApiProcess;
  const mailbox = new Mailbox();
  const hooks = new HookReceiver();
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await truncateShopData(testDatabaseUrl()).catch(() => undefined);
    await mailbox.start();
    await hooks.start();
    api = await startApiProcess({
      DATABASE_URL: testDatabaseUrl(),
      DEMO_DATA: 'off',
      PORT,
      LOGIN_RATE_LIMIT: '100',
      SMTP_URL: mailbox.url,
      SMTP_FROM: 'Returnlens digests <digests@shop.test>',
      PUBLIC_URL: PUBLIC,
      NOTIFY_INTERVAL_SECONDS: '1',
      NOTIFY_RETRY_BASE_SECONDS: '1',
    });
    // After the start: its migrations made the tables.
    for (const [role, name] of [
      ['owner', 'Olga <Owner> & Co'],
      ['buyer', 'Bruno Buyer'],
      ['manager', 'Mia Manager'],
      ['admin', 'Adam Admin'],
    ]) {
      ids[role] = await createUser(testDatabaseUrl(), {
        email: `${role}@shop.test`,
        name,
        roles: [role],
        password: PASSWORD,
      });
    }
    for (const role of ['owner', 'buyer', 'manager', 'admin'])
      as[role] = await Session.signIn(api.baseUrl, `${role}@shop.test`, PASSWORD);
  });

  afterAll(async () => {
    await api?.stop();
    await mailbox.stop();
    await hooks.stop();
  });

  const subscribe = async (who: string, body: Record<string, unknown>) => {
    const answer = await as[who].request('POST', '/api/subscriptions', body);
    if (answer.status !== 201) throw new Error(`${answer.status} ${answer.text}`);
    return answer.body;
  };
  const deliveriesOf = async (subscriptionId: string) =>
    (await as.owner.request('GET', `/api/deliveries?subscription=${subscriptionId}&limit=50`))
      .body as any[];

  it('creates, lists, changes and deletes subscriptions with the permissions of each role', async () => {
    // A buyer cannot take the owner digest: 403 naming why.
    const refused = await as.buyer.request('POST', '/api/subscriptions', {
      role: 'owner',
      channel: 'email',
      target: 'buyer@shop.test',
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ field: 'role' });
    expect(refused.body.message).toContain('cannot take the owner digest');
    expect(refused.body.message).toContain('claims');

    // Errors name the field.
    const badTarget = await as.buyer.request('POST', '/api/subscriptions', {
      role: 'buyer',
      channel: 'email',
      target: 'not an address',
    });
    expect(badTarget).toMatchObject({ status: 400, body: { field: 'target' } });
    const badHook = await as.buyer.request('POST', '/api/subscriptions', {
      role: 'buyer',
      channel: 'webhook',
      target: 'ftp://hooks.example/x',
    });
    expect(badHook).toMatchObject({ status: 400, body: { field: 'target' } });
    const badHour = await as.buyer.request('POST', '/api/subscriptions', {
      role: 'buyer',
      channel: 'email',
      target: 'buyer@shop.test',
      schedule: { frequency: 'weekly', weekday: 8, hour: 8 },
    });
    expect(badHour).toMatchObject({ status: 400, body: { field: 'schedule.weekday' } });

    const mine = await subscribe('buyer', {
      role: 'buyer',
      channel: 'email',
      target: 'buyer@shop.test',
      schedule: { frequency: 'weekly', weekday: 3, hour: 9 },
    });
    expect(mine).toMatchObject({
      userId: ids.buyer,
      userName: 'Bruno Buyer',
      role: 'buyer',
      whenQuiet: 'note',
      attachCsv: false,
      paused: false,
      lastDelivery: null,
    });
    expect(mine.secret).toBeUndefined();
    // The next slot: a Wednesday at 09:00 (SHOP_TIMEZONE is UTC), in the future.
    const next = new Date(mine.nextRunAt);
    expect(next.getUTCDay()).toBe(3);
    expect(next.getUTCHours()).toBe(9);
    expect(next.getTime()).toBeGreaterThan(Date.now());

    // A webhook's secret is shown to its subscriber only.
    const hook = await subscribe('buyer', {
      role: 'buyer',
      channel: 'webhook',
      target: hooks.url('/buyer'),
    });
    expect(hook.secret).toMatch(/^[\w-]{40,}$/);

    const buyerList = await as.buyer.request('GET', '/api/subscriptions');
    expect(buyerList.body.map((s: any) => s.id).sort()).toEqual([mine.id, hook.id].sort());
    expect((await as.buyer.request('GET', '/api/subscriptions?all=1')).status).toBe(403);
    expect((await as.manager.request('GET', '/api/subscriptions')).body).toEqual([]);

    // Someone else's: a manager may not touch it; the owner may (and sees no secret).
    expect(
      (await as.manager.request('PATCH', `/api/subscriptions/${mine.id}`, { paused: true })).status,
    ).toBe(403);
    expect((await as.manager.request('DELETE', `/api/subscriptions/${mine.id}`)).status).toBe(403);
    const all = await as.owner.request('GET', '/api/subscriptions?all=1');
    expect(all.body.find((s: any) => s.id === hook.id).secret).toBeUndefined();
    const paused = await as.owner.request('PATCH', `/api/subscriptions/${mine.id}`, {
      paused: true,
    });
    expect(paused).toMatchObject({ status: 200, body: { paused: true, nextRunAt: null } });
    const resumed = await as.buyer.request('PATCH', `/api/subscriptions/${mine.id}`, {
      paused: false,
      schedule: { frequency: 'daily', weekday: 1, hour: 6 },
    });
    expect(resumed.body).toMatchObject({
      paused: false,
      schedule: { frequency: 'daily', hour: 6 },
    });
    expect(new Date(resumed.body.nextRunAt).getUTCHours()).toBe(6);
    // PATCH checks the target against the channel, and the role against the permissions.
    expect(
      (await as.buyer.request('PATCH', `/api/subscriptions/${mine.id}`, { channel: 'webhook' }))
        .body,
    ).toMatchObject({ field: 'target' });
    expect(
      (await as.buyer.request('PATCH', `/api/subscriptions/${mine.id}`, { role: 'manager' }))
        .status,
    ).toBe(403);

    // The owner subscribes someone else within that person's role; an admin (no data
    // access) gives no digest to anyone, but may delete.
    const forManager = await subscribe('owner', {
      role: 'manager',
      channel: 'email',
      target: 'manager@shop.test',
      userId: ids.manager,
    });
    expect(forManager.userId).toBe(ids.manager);
    expect(
      (
        await as.owner.request('POST', '/api/subscriptions', {
          role: 'owner',
          channel: 'email',
          target: 'manager@shop.test',
          userId: ids.manager,
        })
      ).body.message,
    ).toContain('The role of Mia Manager (manager) cannot take the owner digest');
    const byAdmin = await as.admin.request('POST', '/api/subscriptions', {
      role: 'buyer',
      channel: 'email',
      target: 'buyer@shop.test',
      userId: ids.buyer,
    });
    expect(byAdmin.status).toBe(403);
    expect((await as.admin.request('DELETE', `/api/subscriptions/${forManager.id}`)).status).toBe(
      204,
    );
    expect((await as.admin.request('DELETE', `/api/subscriptions/${forManager.id}`)).status).toBe(
      404,
    );
    expect((await as.owner.request('GET', '/api/subscriptions/abc/preview')).status).toBe(404);
    expect((await as.buyer.request('DELETE', `/api/subscriptions/${hook.id}`)).status).toBe(204);

    // Creating and deleting are in the audit log: who, what, where to.
    const audit = (await as.admin.request('GET', '/api/admin/audit')).body as any[];
    const created = audit.find(
      (e) => e.action === 'subscription_created' && e.target === `subscription ${mine.id}`,
    );
    expect(created).toMatchObject({
      actor: 'user:buyer@shop.test',
      detail: { role: 'buyer', channel: 'email', target: 'buyer@shop.test' },
    });
    expect(
      audit.find(
        (e) => e.action === 'subscription_created' && e.target === `subscription ${hook.id}`,
      ).detail.target,
    ).toBe(`http://127.0.0.1:${hooks.port}/…`);
    expect(
      audit.find(
        (e) => e.action === 'subscription_deleted' && e.target === `subscription ${forManager.id}`,
      ),
    ).toMatchObject({
      actor: 'user:admin@shop.test',
      detail: { user: 'manager@shop.test', role: 'manager' },
    });
    await as.buyer.request('DELETE', `/api/subscriptions/${mine.id}`);
  });

  it('sends a test e-mail: HTML and text, the PDF attachment, the unsubscribe link; POST on the link pauses it', async () => {
    const sub = await subscribe('owner', {
      role: 'owner',
      channel: 'email',
      target: 'owner@shop.test',
      attachPdf: true,
      attachCsv: true,
    });
    const test = await as.owner.request('POST', `/api/subscriptions/${sub.id}/test`);
    expect(test.status).toBe(201);
    expect(test.body).toMatchObject({
      subscriptionId: sub.id,
      trigger: 'test',
      status: 'sent',
      attempts: 1,
      error: null,
    });
    const [message] = await eventually(
      'the test e-mail',
      () => mailbox.to('owner@shop.test').length && mailbox.to('owner@shop.test'),
    );
    expect(message.to).toEqual(['owner@shop.test']);
    expect(message.from).toBe('digests@shop.test');
    const mail = message.mail;
    expect(mail.subject).toBe(test.body.subject);
    expect(mail.subject).toMatch(/Owner digest/);
    expect(mail.text).toBeTruthy();
    expect(mail.html).toContain('<html');
    expect(mail.html).not.toMatch(/<script/i);
    // One-click unsubscribe (RFC 8058) and the link in both parts.
    const header = (name: string) =>
      mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
    const unsubscribe = /^<(.+)>$/.exec(header('list-unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC}/api/unsubscribe/[\\w-]{16,}$`));
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(unsubscribe!);
    expect(mail.html).toContain(unsubscribe!);
    expect(mail.headers.get('x-returnlens-delivery')).toBe(test.body.id);
    // The weekly report as a PDF, printed by Chromium.
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf).toBeDefined();
    const pages = (await PDFDocument.load(pdf!.content)).getPageCount();
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(12);

    // The link: a page with a button (escaped), then the one-click POST pauses the subscription.
    const page = await fetch(unsubscribe!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('owner@shop.test');
    expect(html).toContain('<form method="post"');
    expect(html).not.toMatch(/<script/i);
    const oneClick = await fetch(unsubscribe!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.json()).toEqual({ unsubscribed: true, kind: 'subscription', id: sub.id });
    const after = (await as.owner.request('GET', '/api/subscriptions')).body.find(
      (s: any) => s.id === sub.id,
    );
    expect(after).toMatchObject({
      paused: true,
      nextRunAt: null,
      lastDelivery: { id: test.body.id, status: 'sent' },
    });
    // A browser's form POST gets a page; an unknown token is a 404.
    const viaBrowser = await fetch(unsubscribe!, {
      method: 'POST',
      headers: { Accept: 'text/html' },
    });
    expect(await viaBrowser.text()).toContain('Unsubscribed');
    expect((await fetch(`${PUBLIC}/api/unsubscribe/${'x'.repeat(32)}`)).status).toBe(404);
    expect(
      (await fetch(`${PUBLIC}/api/unsubscribe/${'x'.repeat(32)}`, { method: 'POST' })).status,
    ).toBe(404);

    // The preview is the HTML part, as it would be sent now.
    const preview = await as.owner.request('GET', `/api/subscriptions/${sub.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('text/html');
    expect(preview.text).toContain('Owner digest');
  });

  it('posts the webhook JSON with its HMAC signature', async () => {
    const sub = await subscribe('owner', {
      role: 'owner',
      channel: 'webhook',
      target: hooks.url('/owner'),
    });
    const test = await as.owner.request('POST', `/api/subscriptions/${sub.id}/test`);
    expect(test.body).toMatchObject({ status: 'sent', channel: 'webhook' });
    const [call] = hooks.at('/owner');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.headers['x-returnlens-delivery']).toBe(test.body.id);
    const expected = `sha256=${createHmac('sha256', sub.secret).update(call.raw).digest('hex')}`;
    expect(call.headers['x-returnlens-signature']).toBe(expected);
    expect(call.body).toMatchObject({ kind: 'digest', role: 'owner', subject: test.body.subject });
    expect(call.body.period).toMatch(/^\d{4}-W\d{2}$/);
    expect(Array.isArray(call.body.items)).toBe(true);
    expect(call.body.text).toContain(test.body.subject);
    expect(call.body.link).toMatch(/^http:\/\/127\.0\.0\.1:3961\//);
    expect(new Date(call.body.sentAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    await as.owner.request('DELETE', `/api/subscriptions/${sub.id}`);
  });

  it('schedules a due digest once per slot and moves it to its next slot', async () => {
    const sub = await subscribe('manager', {
      role: 'manager',
      channel: 'email',
      target: 'manager@shop.test',
      schedule: { frequency: 'daily', weekday: 1, hour: 7 },
    });
    await makeDue(sub.id);
    const [delivery] = await eventually('the scheduled delivery', async () => {
      const list = await deliveriesOf(sub.id);
      return list.length && list[0].status === 'sent' && list;
    });
    expect(delivery).toMatchObject({ trigger: 'schedule', status: 'sent', attempts: 1 });
    // The slot is the latest 07:00 (UTC) at or before now.
    const slot = new Date(delivery.slot);
    expect(slot.getUTCHours()).toBe(7);
    expect(Date.now() - slot.getTime()).toBeLessThan(24 * 3600_000);
    const [row] = await sql(`SELECT next_run_at FROM notify_subscriptions WHERE id = $1`, [sub.id]);
    expect(row.next_run_at.getTime()).toBe(slot.getTime() + 24 * 3600_000);
    await eventually('the scheduled e-mail', () => mailbox.to('manager@shop.test').length === 1);
    // Due again for the same slot (as after a crash between queueing and moving on): nothing more.
    await makeDue(sub.id);
    await eventually('the subscription to move on', async () => {
      const [r] = await sql(
        `SELECT next_run_at > now() AS moved FROM notify_subscriptions WHERE id = $1`,
        [sub.id],
      );
      return r.moved;
    });
    await new Promise((done) => setTimeout(done, 1500));
    expect(await deliveriesOf(sub.id)).toHaveLength(1);
    expect(mailbox.to('manager@shop.test')).toHaveLength(1);
    await as.manager.request('DELETE', `/api/subscriptions/${sub.id}`);
  });

  it('skips a quiet scheduled digest when the subscription says so', async () => {
    const sub = await subscribe('owner', {
      role: 'owner',
      channel: 'webhook',
      target: hooks.url('/quiet'),
      whenQuiet: 'skip',
    });
    await makeDue(sub.id);
    const [delivery] = await eventually('the skipped delivery', async () => {
      const list = await deliveriesOf(sub.id);
      return list.length && list[0].status === 'skipped' && list;
    });
    expect(delivery.error).toContain('nothing significant');
    expect(hooks.at('/quiet')).toHaveLength(0);
    await as.owner.request('DELETE', `/api/subscriptions/${sub.id}`);
  });

  it('retries a failing webhook with back-off, then shows it failed with the error', async () => {
    const sub = await subscribe('owner', {
      role: 'owner',
      channel: 'webhook',
      target: hooks.url('/fail'),
    });
    await makeDue(sub.id);
    const [delivery] = await eventually(
      'the delivery to fail three times',
      async () => {
        const list = await deliveriesOf(sub.id);
        return list.length && list[0].status === 'failed' && list;
      },
      30_000,
    );
    expect(delivery).toMatchObject({
      trigger: 'schedule',
      attempts: 3,
      error: 'HTTP 500: receiver down',
      sentAt: null,
    });
    const calls = hooks.at('/fail');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['x-returnlens-delivery']))).toEqual(
      new Set([delivery.id]),
    );
    // Back-off: the base (1 s), then four times it.
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(900);
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(3900);
    // The history shows it on the subscription too.
    const listed = (await as.owner.request('GET', '/api/subscriptions')).body.find(
      (s: any) => s.id === sub.id,
    );
    expect(listed.lastDelivery).toMatchObject({
      id: delivery.id,
      status: 'failed',
      error: 'HTTP 500: receiver down',
    });
    // A refused e-mail recipient fails the test at once, with the server's answer.
    const refused = await subscribe('owner', {
      role: 'owner',
      channel: 'email',
      target: 'nobody@refuse.test',
    });
    const test = await as.owner.request('POST', `/api/subscriptions/${refused.id}/test`);
    expect(test.body).toMatchObject({ status: 'failed', attempts: 1 });
    expect(test.body.error).toMatch(/550|mailbox unavailable|refused/);
    await as.owner.request('DELETE', `/api/subscriptions/${sub.id}`);
    await as.owner.request('DELETE', `/api/subscriptions/${refused.id}`);
  });

  it('sends the digests now from the command line and prints what was sent', async () => {
    const mine = await subscribe('buyer', {
      role: 'buyer',
      channel: 'email',
      target: 'buyer@shop.test',
    });
    const env = { DATABASE_URL: testDatabaseUrl(), SMTP_URL: mailbox.url, PUBLIC_URL: PUBLIC };
    const before = mailbox.to('buyer@shop.test').length;
    const sent = await runApiCli(env, ['digests', 'send', '--now', '--role', 'buyer']);
    expect(sent.output).toMatch(/sent\s+email\s+buyer@shop\.test\s+“[^”]*Buyer digest[^”]*”/);
    expect(sent.output).toContain('1 of 1 digest(s) delivered.');
    expect(`${sent.code}\n${sent.output}`).toMatch(/^0\n/);
    expect(mailbox.to('buyer@shop.test')).toHaveLength(before + 1);
    const [delivery] = await deliveriesOf(mine.id);
    expect(delivery).toMatchObject({ trigger: 'command', status: 'sent' });

    // --to: the role's digest to any address; a URL is a webhook.
    const toAddress = await runApiCli(env, [
      'digests',
      'send',
      '--now',
      '--role',
      'manager',
      '--to',
      'ops@shop.test',
    ]);
    expect(`${toAddress.code}\n${toAddress.output}`).toMatch(/^0\n/);
    expect(mailbox.to('ops@shop.test')).toHaveLength(1);
    expect(mailbox.to('ops@shop.test')[0].mail.subject).toMatch(/Service manager|Manager/i);
    const toHook = await runApiCli(env, ['digests', 'send', '--now', '--to', hooks.url('/cli')]);
    expect(`${toHook.code}\n${toHook.output}`).toMatch(/^0\n/);
    expect(
      hooks
        .at('/cli')
        .map((c) => c.body.role)
        .sort(),
    ).toEqual(['buyer', 'manager', 'owner']);
    expect(toHook.output).toContain('3 of 3 digest(s) delivered.');

    // Without SMTP_URL an e-mail fails, visibly, and the command says so with its exit code.
    const noSmtp = await runApiCli({ DATABASE_URL: testDatabaseUrl() }, [
      'digests',
      'send',
      '--now',
      '--role',
      'buyer',
    ]);
    expect(noSmtp.code).toBe(1);
    expect(noSmtp.output).toContain('SMTP_URL is not set');
    const bad = await runApiCli(env, ['digests', 'send', '--now', '--role', 'ceo']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--role takes owner, buyer, manager');
  });
});

describe('the owner digest on the demo data', () => {
  let api: ApiProcess;
  const mailbox = new Mailbox();

  beforeAll(async () => {
    await truncateShopData(testDatabaseUrl());
    await mailbox.start();
    // The demo start can be slow on a busy machine.
    api = await startApiProcess(
      { DATABASE_URL: testDatabaseUrl(), DEMO_DATA: 'on', PORT: '3962', NOTIFY: 'off' },
      300_000,
    );
  }, 320_000);

  afterAll(async () => {
    await api?.stop();
    await mailbox.stop();
  });

  it('`npm run digests -- send --now --role owner` names Kestrel Electronics among the movers', async () => {
    const result = await runApiCli(
      { DATABASE_URL: testDatabaseUrl(), SMTP_URL: mailbox.url, PORT: '3962' },
      ['digests', 'send', '--now', '--role', 'owner'],
    );
    expect(result.output).toContain('owner@demo.returnlens');
    expect(result.code).toBe(0);
    const [message] = mailbox.to('owner@demo.returnlens');
    expect(message.mail.subject).toMatch(/Owner digest/);
    expect(message.mail.text).toMatch(/Kestrel Electronics: .+ against .+\(q/);
    expect(message.mail.html).toContain('Kestrel Electronics');

    // The same digest to another address with the weekly report printed from the running API.
    const withPdf = await runApiCli(
      { DATABASE_URL: testDatabaseUrl(), SMTP_URL: mailbox.url, PORT: '3962' },
      ['digests', 'send', '--now', '--role', 'owner', '--to', 'board@shop.test', '--pdf'],
    );
    expect(`${withPdf.code}\n${withPdf.output}`).toMatch(/^0\n/);
    const [board] = mailbox.to('board@shop.test');
    expect(board.mail.text).toContain('Kestrel Electronics');
    const pdf = board.mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toMatch(/\.pdf$/);
    const pages = (await PDFDocument.load(pdf!.content)).getPageCount();
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(20);
  }, 120_000);

  it('writes each subscriber’s digest in their own language, and `--lang` for `--to`', async () => {
    // A Polish owner: the language chosen in the dashboard, kept with the account.
    await createUser(testDatabaseUrl(), {
      email: 'ola@shop.test',
      name: 'Ola Właścicielka',
      roles: ['owner'],
      password: PASSWORD,
    });
    const ola = await Session.signIn(api.baseUrl, 'ola@shop.test', PASSWORD);
    expect((await ola.request('PUT', '/api/auth/language', { language: 'pl' })).status).toBe(204);
    const created = await ola.request('POST', '/api/subscriptions', {
      role: 'owner',
      channel: 'email',
      target: 'ola@shop.test',
    });
    expect(created.status).toBe(201);
    const env = { DATABASE_URL: testDatabaseUrl(), SMTP_URL: mailbox.url, PORT: '3962' };

    const sent = await runApiCli(env, ['digests', 'send', '--now', '--role', 'owner']);
    expect(`${sent.code}\n${sent.output}`).toMatch(/^0\n/);
    // Received over SMTP: the subject, the movers sentence and the HTML in Polish.
    const [polish] = mailbox.to('ola@shop.test');
    expect(polish.mail.subject).toMatch(
      /^Returnlens \([^)]+\) · Podsumowanie właściciela · \d{4}-W\d{2} — /,
    );
    expect(polish.mail.subject).toMatch(/istotn(a|e|ych) zmian|nic nie zmieniło się istotnie/);
    expect(polish.mail.text).toMatch(
      /Kestrel Electronics: wskaźnik wad \d+,\d% wobec \d+,\d% \(q [=<] 0,\d{3}\), \d+ wadliw(a|e|ych) sztu(ka|ki|k) w tym tygodniu wobec średnio [\d,]+ tygodniowo w \d+ poprzednich tygodniach/,
    );
    expect(polish.mail.text).toContain('ISTOTNE ZMIANY');
    expect(polish.mail.text).toMatch(/Wypisz się: http/);
    expect(polish.mail.html).toContain('<html lang="pl" dir="ltr">');
    expect(polish.mail.text).not.toMatch(/Owner digest|Significant movers|Unsubscribe/);
    // Whoever chose no language still reads the shop's (English here).
    const english = mailbox.to('owner@demo.returnlens');
    expect(english[english.length - 1].mail.subject).toMatch(/Owner digest/);

    // `--to` with `--lang he`: Hebrew, right to left.
    const hebrew = await runApiCli(env, [
      'digests',
      'send',
      '--now',
      '--role',
      'owner',
      '--to',
      'dana@shop.test',
      '--lang',
      'he',
    ]);
    expect(`${hebrew.code}\n${hebrew.output}`).toMatch(/^0\n/);
    const [dana] = mailbox.to('dana@shop.test');
    expect(dana.mail.subject).toContain('תקציר בעלים');
    expect(dana.mail.html).toContain('<html lang="he" dir="rtl">');
    expect(dana.mail.text).toContain('\u2068Kestrel Electronics\u2069');

    const unknown = await runApiCli(env, [
      'digests',
      'send',
      '--now',
      '--to',
      'x@shop.test',
      '--lang',
      'fr',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('--lang takes en, ru, pl, he, uk, de, pt, es');
  }, 180_000);
});
