import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Delivery } from '@returnlens/shared/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, DEFAULT_SHOP_ID, type AppConfig } from '@returnlens/api/shared/util';
import { EmailChannel, PermanentDeliveryError } from '../channels/email.channel';
import { WebhookChannel } from '../channels/webhook.channel';
import { MessageRenderer } from './message-renderer';
import {
  MAX_ATTEMPTS,
  retryDelaySeconds,
  toDelivery,
  type DeliveryRow,
  type NewDelivery,
  type Queryable,
} from './delivery.types';

const COLUMNS = `id::text, subscription_id::text AS "subscriptionId", alert_rule_id::text AS "alertRuleId",
  alert_event_id::text AS "alertEventId", trigger, channel, target, secret, slot, status, attempts,
  claimed_at AS "claimedAt", subject, error, message, digest, created_at AS "createdAt", sent_at AS "sentAt"`;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Deliveries (notify_deliveries): queued in PostgreSQL, claimed with FOR UPDATE SKIP LOCKED
 * (several API processes never send one twice), sent, and retried with back-off — three
 * attempts, NOTIFY_RETRY_BASE_SECONDS then four times it — before they fail with the error
 * kept. A delivery left `sending` longer than NOTIFY_SENDING_TIMEOUT_SECONDS (the API died
 * while sending) is claimed again.
 */
@Injectable()
export class DeliveryService implements OnApplicationShutdown {
  private readonly logger = new Logger('Deliveries');
  private sending?: Promise<void>;
  private again = false;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly renderer: MessageRenderer,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
  ) {}

  /** Inserts a pending delivery (inside the caller's transaction when `q` is given); returns its id. */
  async enqueue(q: Queryable | null, d: NewDelivery): Promise<string> {
    const [row] = await (q ?? this.db).query(
      `INSERT INTO notify_deliveries (shop_id, subscription_id, alert_rule_id, alert_event_id, trigger,
          channel, target, secret, slot, message, digest)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text`,
      [
        DEFAULT_SHOP_ID,
        d.subscriptionId ?? null,
        d.alertRuleId ?? null,
        d.alertEventId ?? null,
        d.trigger,
        d.channel,
        d.target,
        d.secret ?? null,
        d.slot,
        d.message ? JSON.stringify(d.message) : null,
        d.digest ? JSON.stringify(d.digest) : null,
      ],
    );
    return row.id;
  }

  /**
   * The delivery of a subscription's scheduled slot, once ever: null when that slot already
   * has one (UNIQUE (subscription_id, slot) WHERE trigger = 'schedule').
   */
  async enqueueSlot(q: Queryable, subscriptionId: string, slot: Date): Promise<string | null> {
    const rows = await q.query(
      `INSERT INTO notify_deliveries (shop_id, subscription_id, trigger, channel, target, secret, slot)
        SELECT shop_id, id, 'schedule', channel, target, secret, $2 FROM notify_subscriptions WHERE id = $1
        ON CONFLICT (subscription_id, slot) WHERE trigger = 'schedule' DO NOTHING
        RETURNING id::text`,
      [subscriptionId, slot],
    );
    return rows[0]?.id ?? null;
  }

  /** Sends the pending deliveries now (in the background). */
  wake(): void {
    void this.sendPending().catch((error) =>
      this.logger.error(`Sending deliveries failed: ${(error as Error).message}`),
    );
  }

  /** Sends every delivery that is due, one at a time, until none is left. */
  sendPending(): Promise<void> {
    if (this.sending) {
      this.again = true;
      return this.sending;
    }
    this.sending = (async () => {
      try {
        do {
          this.again = false;
          for (let row = await this.claim(); row && !this.stopped; row = await this.claim())
            await this.attempt(row);
        } while (this.again && !this.stopped);
      } finally {
        this.sending = undefined;
      }
    })();
    return this.sending;
  }

  /** Claims one due delivery (pending and due, or `sending` for too long) and marks it `sending`. */
  private async claim(): Promise<DeliveryRow | undefined> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows] = await this.db.query(
      `UPDATE notify_deliveries SET status = 'sending', claimed_at = date_trunc('milliseconds', clock_timestamp()), attempts = attempts + 1
        WHERE id = (
          SELECT id FROM notify_deliveries
           WHERE (status = 'pending' AND next_attempt_at <= now())
              OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $1))
           ORDER BY next_attempt_at, id
           LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [this.config.notify.sendingTimeoutSeconds],
    );
    return (rows as DeliveryRow[])[0];
  }

  /**
   * Sends a new delivery now (a test or the command line) and answers it as it ended: one
   * attempt, whose failure is final (the caller sees it at once). The row is inserted already
   * claimed, so no sender loop takes it meanwhile; if the process dies while sending, the
   * `sending` timeout hands it to the next sender.
   */
  async sendNow(d: NewDelivery): Promise<Delivery> {
    const [row] = await this.db.query(
      `INSERT INTO notify_deliveries (shop_id, subscription_id, alert_rule_id, alert_event_id, trigger,
          channel, target, secret, slot, message, digest, status, attempts, claimed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'sending', 1,
          date_trunc('milliseconds', clock_timestamp()))
        RETURNING ${COLUMNS}`,
      [
        DEFAULT_SHOP_ID,
        d.subscriptionId ?? null,
        d.alertRuleId ?? null,
        d.alertEventId ?? null,
        d.trigger,
        d.channel,
        d.target,
        d.secret ?? null,
        d.slot,
        d.message ? JSON.stringify(d.message) : null,
        d.digest ? JSON.stringify(d.digest) : null,
      ],
    );
    await this.attempt(row as DeliveryRow, true);
    return (await this.get(row.id))!;
  }

  /** One attempt: render, send, and record the outcome (or the retry). */
  private async attempt(row: DeliveryRow, final = false): Promise<void> {
    const hold = this.config.notify.holdBeforeSendMs;
    if (hold > 0) {
      this.logger.log(
        `Holding delivery ${row.id} for ${hold} ms before sending (NOTIFY_HOLD_BEFORE_SEND_MS)`,
      );
      await sleep(hold);
    }
    let subject: string | null = row.subject;
    try {
      const rendered = await this.renderer.render(row);
      subject = rendered.subject;
      if (rendered.skip) {
        await this.finish(row, 'skipped', subject, rendered.reason);
        return;
      }
      if (row.channel === 'email')
        await this.email.send({ ...rendered.mail, to: row.target, deliveryId: row.id });
      else await this.webhook.post(row.target, rendered.payload, row.secret, row.id);
      await this.finish(row, 'sent', subject, null);
      this.logger.log(`Delivery ${row.id} sent (${row.channel}, ${row.trigger})`);
    } catch (error) {
      const message = ((error as Error).message ?? String(error)).slice(0, 1000);
      const last = final || error instanceof PermanentDeliveryError || row.attempts >= MAX_ATTEMPTS;
      if (last) await this.finish(row, 'failed', subject, message);
      else await this.retryLater(row, subject, message);
      this.logger.warn(
        `Delivery ${row.id} attempt ${row.attempts} failed${last ? '' : ' (will retry)'}: ${message}`,
      );
    }
  }

  /** Records the end of an attempt, unless another process has claimed the delivery since. */
  private async finish(
    row: DeliveryRow,
    status: 'sent' | 'skipped' | 'failed',
    subject: string | null,
    error: string | null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE notify_deliveries SET status = $3, subject = $4, error = $5,
          sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END
        WHERE id = $1 AND status = 'sending' AND claimed_at = $2`,
      [row.id, row.claimedAt, status, subject, error],
    );
  }

  private async retryLater(row: DeliveryRow, subject: string | null, error: string): Promise<void> {
    const seconds = retryDelaySeconds(this.config.notify.retryBaseSeconds, row.attempts);
    await this.db.query(
      `UPDATE notify_deliveries SET status = 'pending', subject = $3, error = $4, claimed_at = NULL,
          next_attempt_at = now() + make_interval(secs => $5)
        WHERE id = $1 AND status = 'sending' AND claimed_at = $2`,
      [row.id, row.claimedAt, subject, error, seconds],
    );
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.wake();
      },
      seconds * 1000 + 50,
    );
    timer.unref();
    this.timers.add(timer);
  }

  async get(id: string): Promise<Delivery | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM notify_deliveries WHERE id = $1`, [
      id,
    ]);
    return row && toDelivery(row);
  }

  /**
   * The delivery history, newest first: of one subscription, or of everything a user
   * subscribed to (digests and alert rules), or the whole shop's (`userId` null).
   */
  async list(filter: {
    subscriptionId?: string;
    userId: string | null;
    limit: number;
  }): Promise<Delivery[]> {
    const rows: DeliveryRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notify_deliveries d
        WHERE d.shop_id = $1
          AND ($2::bigint IS NULL OR d.subscription_id = $2)
          AND ($3::bigint IS NULL
            OR d.subscription_id IN (SELECT id FROM notify_subscriptions WHERE user_id = $3)
            OR d.alert_rule_id IN (SELECT id FROM alert_rules WHERE user_id = $3))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [DEFAULT_SHOP_ID, filter.subscriptionId ?? null, filter.userId, filter.limit],
    );
    return rows.map(toDelivery);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await this.sending?.catch(() => undefined);
  }
}
