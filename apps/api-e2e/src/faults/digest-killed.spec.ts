import { randomBytes } from 'node:crypto';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createUser, eventually, Mailbox } from '../support/mail-and-hooks';

/**
 * Digest delivery survives a kill -9 (docs/notifications.md, "Delivery survives restarts"):
 * the API is killed after the scheduled delivery is committed and before it is sent (the
 * test hook NOTIFY_HOLD_BEFORE_SEND_MS holds the sender there); after the restart the
 * message arrives exactly once. A slot that passed while the API was down is sent once.
 */
describe('a digest when the API is killed between schedule and send', () => {
  const db = testDatabaseUrl();
  const mailbox = new Mailbox();
  let api: ApiProcess | undefined;

  const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> =>
    withClient(db, async (client) => (await client.query(query, params)).rows as T[]);

  const subscription = async (userId: string, target: string, schedule: object, due: string) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO notify_subscriptions (user_id, role, channel, target, schedule, unsubscribe_token, next_run_at)
       VALUES ($1, 'owner', 'email', $2, $3, $4, now() - $5::interval) RETURNING id::text`,
      [userId, target, JSON.stringify(schedule), randomBytes(18).toString('base64url'), due],
    );
    return row.id;
  };

  const start = (env: Record<string, string>) =>
    startApiProcess({
      DATABASE_URL: db,
      DEMO_DATA: 'off',
      PORT: '3963',
      SMTP_URL: mailbox.url,
      NOTIFY_INTERVAL_SECONDS: '1',
      NOTIFY_SENDING_TIMEOUT_SECONDS: '3',
      ...env,
    });

  beforeAll(async () => {
    await truncateShopData(db).catch(() => undefined);
    await mailbox.start();
  });

  afterAll(async () => {
    if (api && api.child.exitCode === null && api.child.signalCode === null) await api.stop();
    await mailbox.stop();
  });

  it('delivers exactly once after a kill -9, and a slot missed while down once', async () => {
    api = await start({ NOTIFY_HOLD_BEFORE_SEND_MS: '600000' });
    const userId = await createUser(db, {
      email: 'owner@shop.test',
      name: 'Owner',
      roles: ['owner'],
      password: 'a long enough pass phrase 7',
    });
    const daily = await subscription(
      userId,
      'daily@shop.test',
      { frequency: 'daily', weekday: 1, hour: 5 },
      '1 minute',
    );

    await eventually('the sender to hold the claimed delivery', () =>
      /Holding delivery \d+ for 600000 ms before sending/.test(api!.output()),
    );
    const [held] = await sql(
      `SELECT d.status, d.attempts, s.next_run_at > now() AS moved
         FROM notify_deliveries d JOIN notify_subscriptions s ON s.id = d.subscription_id WHERE s.id = $1`,
      [daily],
    );
    expect(held).toEqual({ status: 'sending', attempts: 1, moved: true });
    const exited = new Promise((done) => api!.child.once('exit', done));
    api.child.kill('SIGKILL');
    await exited;
    expect(mailbox.received).toHaveLength(0);

    // While the API is down, a weekly digest's slots pass (two of them).
    const weekly = await subscription(
      userId,
      'weekly@shop.test',
      { frequency: 'weekly', weekday: 2, hour: 10 },
      '15 days',
    );

    api = await start({});
    await eventually('both digests', () => mailbox.received.length >= 2, 30_000);
    // Long enough for a second sending or scheduling round to show.
    await new Promise((done) => setTimeout(done, 5_000));
    expect(mailbox.to('daily@shop.test')).toHaveLength(1);
    expect(mailbox.to('weekly@shop.test')).toHaveLength(1);
    expect(mailbox.received).toHaveLength(2);

    const rows = await sql(
      `SELECT subscription_id::text AS id, trigger, status, attempts, slot FROM notify_deliveries ORDER BY id`,
    );
    expect(rows).toHaveLength(2);
    // The held delivery was claimed again after NOTIFY_SENDING_TIMEOUT_SECONDS: its second attempt.
    expect(rows[0]).toMatchObject({ id: daily, trigger: 'schedule', status: 'sent', attempts: 2 });
    // The missed weekly slots: one delivery, for the latest (a Tuesday 10:00 UTC within the week).
    expect(rows[1]).toMatchObject({ id: weekly, trigger: 'schedule', status: 'sent', attempts: 1 });
    const slot: Date = rows[1].slot;
    expect(slot.getUTCDay()).toBe(2);
    expect(slot.getUTCHours()).toBe(10);
    expect(Date.now() - slot.getTime()).toBeLessThan(7 * 24 * 3600_000);
    const [next] = await sql(`SELECT next_run_at FROM notify_subscriptions WHERE id = $1`, [
      weekly,
    ]);
    expect(next.next_run_at.getTime()).toBe(slot.getTime() + 7 * 24 * 3600_000);
    await api.stop();
  }, 110_000);
});
