import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AnalyticsFilters,
  DeliverySummary,
  DigestRole,
  DigestSchedule,
  NotifyChannel,
  Subscription,
  SubscriptionInput,
} from '@returnlens/shared/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, DEFAULT_SHOP_ID, type AppConfig } from '@returnlens/api/shared/util';
import { nextSlot } from '../schedule/slots';

/** A subscription as stored, with its user's name and e-mail. */
export interface SubscriptionRow {
  readonly id: string;
  readonly userId: string;
  readonly userName: string;
  readonly userEmail: string;
  readonly role: DigestRole;
  readonly channel: NotifyChannel;
  readonly target: string;
  readonly schedule: DigestSchedule;
  readonly filters: AnalyticsFilters;
  readonly whenQuiet: 'note' | 'skip';
  readonly attachPdf: boolean;
  readonly attachCsv: boolean;
  readonly paused: boolean;
  readonly secret: string | null;
  readonly unsubscribeToken: string;
  readonly unsubscribedAt: Date | null;
  readonly nextRunAt: Date | null;
  readonly lastRunAt: Date | null;
  readonly createdAt: Date;
  readonly lastDelivery: {
    id: string;
    status: DeliverySummary['status'];
    at: Date;
    error: string | null;
  } | null;
}

const COLUMNS = `s.id::text, s.user_id::text AS "userId", u.name AS "userName", u.email AS "userEmail",
  s.role, s.channel, s.target, s.schedule, s.filters, s.when_quiet AS "whenQuiet",
  s.attach_pdf AS "attachPdf", s.attach_csv AS "attachCsv", s.paused, s.secret,
  s.unsubscribe_token AS "unsubscribeToken", s.unsubscribed_at AS "unsubscribedAt",
  s.next_run_at AS "nextRunAt", s.last_run_at AS "lastRunAt", s.created_at AS "createdAt",
  (SELECT json_build_object('id', d.id::text, 'status', d.status, 'at', coalesce(d.sent_at, d.created_at), 'error', d.error)
     FROM notify_deliveries d WHERE d.subscription_id = s.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) AS "lastDelivery"`;

const FROM = 'notify_subscriptions s JOIN users u ON u.id = s.user_id';

/** A random URL-safe token (unsubscribe links) or webhook secret. */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** What PATCH may change. */
export type SubscriptionChange = Partial<Omit<SubscriptionInput, 'userId'>> & {
  readonly paused?: boolean;
};

/**
 * Digest subscriptions (notify_subscriptions): create, read, change, delete, and the
 * one-click unsubscribe. `next_run_at` is the next slot of the schedule in the shop's time
 * zone (SHOP_TIMEZONE), null while paused.
 */
@Injectable()
export class SubscriptionsStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The next slot after `now` in the shop's time zone. */
  nextRun(schedule: DigestSchedule, now = new Date()): Date {
    return nextSlot(schedule, this.config.shopTimeZone, now);
  }

  /** Every subscription of the shop, or one user's; newest first. */
  async list(userId?: string): Promise<SubscriptionRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.shop_id = $1 AND ($2::bigint IS NULL OR s.user_id = $2)
        ORDER BY s.created_at DESC, s.id DESC`,
      [DEFAULT_SHOP_ID, userId ?? null],
    );
  }

  async get(id: string): Promise<SubscriptionRow | undefined> {
    const [row] = await this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.shop_id = $1 AND s.id = $2`,
      [DEFAULT_SHOP_ID, id],
    );
    return row;
  }

  /** Active subscriptions (not paused), optionally of one digest role: what `digests send --now` sends. */
  async active(role?: DigestRole): Promise<SubscriptionRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.shop_id = $1 AND NOT s.paused AND u.disabled_at IS NULL
          AND ($2::text IS NULL OR s.role = $2) ORDER BY s.id`,
      [DEFAULT_SHOP_ID, role ?? null],
    );
  }

  async create(userId: string, input: Omit<SubscriptionInput, 'userId'>): Promise<SubscriptionRow> {
    const [{ id }] = await this.db.query(
      `INSERT INTO notify_subscriptions (shop_id, user_id, role, channel, target, schedule, filters,
          when_quiet, attach_pdf, attach_csv, secret, unsubscribe_token, next_run_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id::text`,
      [
        DEFAULT_SHOP_ID,
        userId,
        input.role,
        input.channel,
        input.target,
        JSON.stringify(input.schedule),
        JSON.stringify(input.filters ?? {}),
        input.whenQuiet,
        input.attachPdf,
        input.attachCsv,
        input.channel === 'webhook' ? newToken(32) : null,
        newToken(),
        this.nextRun(input.schedule),
      ],
    );
    return (await this.get(id))!;
  }

  /**
   * Changes a subscription; a new schedule or resuming computes the next slot from now,
   * pausing clears it. A webhook gets a secret when it has none.
   */
  async update(id: string, change: SubscriptionChange): Promise<SubscriptionRow | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    const schedule = change.schedule ?? current.schedule;
    const paused = change.paused ?? current.paused;
    const channel = change.channel ?? current.channel;
    const rescheduled =
      change.schedule !== undefined ||
      (change.paused !== undefined && change.paused !== current.paused);
    const nextRunAt = paused
      ? null
      : rescheduled || !current.nextRunAt
        ? this.nextRun(schedule)
        : current.nextRunAt;
    await this.db.query(
      `UPDATE notify_subscriptions SET role = $2, channel = $3, target = $4, schedule = $5, filters = $6,
          when_quiet = $7, attach_pdf = $8, attach_csv = $9, paused = $10, next_run_at = $11,
          secret = CASE WHEN $3 = 'webhook' THEN coalesce(secret, $12) ELSE secret END,
          unsubscribed_at = CASE WHEN $10 THEN unsubscribed_at ELSE NULL END, updated_at = now()
        WHERE shop_id = $1 AND id = $13`,
      [
        DEFAULT_SHOP_ID,
        change.role ?? current.role,
        channel,
        change.target ?? current.target,
        JSON.stringify(schedule),
        JSON.stringify(change.filters ?? current.filters),
        change.whenQuiet ?? current.whenQuiet,
        change.attachPdf ?? current.attachPdf,
        change.attachCsv ?? current.attachCsv,
        paused,
        nextRunAt,
        newToken(32),
        id,
      ],
    );
    return this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    // TypeORM answers a DELETE or UPDATE with [rows, count].
    const [rows] = await this.db.query(
      'DELETE FROM notify_subscriptions WHERE shop_id = $1 AND id = $2 RETURNING id',
      [DEFAULT_SHOP_ID, id],
    );
    return rows.length > 0;
  }

  /** What an unsubscribe token belongs to: a digest subscription or an alert rule. */
  async describeToken(token: string): Promise<{
    kind: 'subscription' | 'alert';
    id: string;
    label: string;
    target: string;
    paused: boolean;
  } | null> {
    const [row] = await this.db.query(
      `SELECT 'subscription' AS kind, id::text, role AS label, target, paused FROM notify_subscriptions
        WHERE unsubscribe_token = $1
       UNION ALL
       SELECT 'alert', id::text, name, target, paused FROM alert_rules WHERE unsubscribe_token = $1
       LIMIT 1`,
      [token],
    );
    return row ?? null;
  }

  /** One-click unsubscribe: pauses the subscription or alert rule and marks it unsubscribed. */
  async unsubscribe(token: string): Promise<{ kind: 'subscription' | 'alert'; id: string } | null> {
    const [subscriptions] = await this.db.query(
      `UPDATE notify_subscriptions SET paused = true, next_run_at = NULL,
          unsubscribed_at = coalesce(unsubscribed_at, now()), updated_at = now()
        WHERE unsubscribe_token = $1 RETURNING id::text`,
      [token],
    );
    if (subscriptions[0]) return { kind: 'subscription', id: subscriptions[0].id };
    const [rules] = await this.db.query(
      `UPDATE alert_rules SET paused = true, unsubscribed_at = coalesce(unsubscribed_at, now()), updated_at = now()
        WHERE unsubscribe_token = $1 RETURNING id::text`,
      [token],
    );
    return rules[0] ? { kind: 'alert', id: rules[0].id } : null;
  }

  /**
   * The demo logins' digests: each demo user with an owner, buyer or manager role gets that
   * role's weekly e-mail digest to their address (Mondays 08:00), unless they have one.
   */
  async seedDemo(): Promise<number> {
    const users: { id: string; email: string; roles: string[] }[] = await this.db.query(
      `SELECT id::text, email, roles FROM users u WHERE shop_id = $1 AND is_demo
          AND NOT EXISTS (SELECT 1 FROM notify_subscriptions s WHERE s.user_id = u.id)`,
      [DEFAULT_SHOP_ID],
    );
    let n = 0;
    for (const user of users) {
      const role = (['owner', 'buyer', 'manager'] as const).find((r) => user.roles.includes(r));
      if (!role) continue;
      await this.create(user.id, {
        role,
        channel: 'email',
        target: user.email,
        schedule: { frequency: 'weekly', weekday: 1, hour: 8 },
        filters: {},
        whenQuiet: 'note',
        attachPdf: false,
        attachCsv: role === 'buyer',
      });
      n++;
    }
    return n;
  }
}

/** The answer of the API: the secret only for the subscription's own user. */
export function toSubscription(
  row: SubscriptionRow,
  viewerId: string | null,
  timeZone?: string,
): Subscription {
  const at = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: row.id,
    userId: row.userId,
    userName: row.userName,
    role: row.role,
    channel: row.channel,
    target: row.target,
    schedule: row.schedule,
    filters: row.filters,
    whenQuiet: row.whenQuiet,
    attachPdf: row.attachPdf,
    attachCsv: row.attachCsv,
    paused: row.paused,
    createdAt: at(row.createdAt)!,
    nextRunAt: at(row.nextRunAt),
    lastDelivery: row.lastDelivery
      ? {
          id: row.lastDelivery.id,
          status: row.lastDelivery.status,
          at: at(row.lastDelivery.at)!,
          error: row.lastDelivery.error,
        }
      : null,
    ...(timeZone ? { timeZone } : {}),
    ...(row.secret && viewerId === row.userId ? { secret: row.secret } : {}),
  };
}
