import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DigestSchedule } from '@returnlens/shared/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, DEFAULT_SHOP_ID, type AppConfig } from '@returnlens/api/shared/util';
import { DeliveryService } from '../delivery/delivery.service';
import { latestSlot, nextSlot } from '../schedule/slots';

/** What the scheduler asks of the alerts on its tick (AlertsService provides it). */
export interface AlertsEvaluator {
  evaluateAll(trigger: 'schedule' | 'batch'): Promise<unknown>;
}
/** Provide the AlertsService under this token (NotifyModule does) for the scheduler to call it. */
export const ALERTS_EVALUATOR = Symbol('ALERTS_EVALUATOR');

/**
 * Every NOTIFY_INTERVAL_SECONDS: in one transaction, the subscriptions that are due (FOR
 * UPDATE SKIP LOCKED, so two API processes never take the same one) each get one delivery
 * for their latest due slot — slots missed while the API was down are sent once, the unique
 * (subscription, slot) index makes sure of "never twice" — and move on to their next slot;
 * then the alerts are evaluated (every NOTIFY_ALERT_INTERVAL_SECONDS) and the pending
 * deliveries sent. `NOTIFY=off` turns the scheduler off.
 */
@Injectable()
export class NotifyScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notify');
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private lastAlerts = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliveryService,
    @Optional() @Inject(ALERTS_EVALUATOR) private readonly alerts?: AlertsEvaluator,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.notify.enabled) return;
    const ms = Math.round(this.config.notify.intervalSeconds * 1000);
    // The first round one interval after the start: the API listens by then (the PDF of a
    // digest is printed from its own dashboard).
    this.timer = setInterval(() => void this.tick(), ms);
    this.timer.unref();
  }

  /** One round; a round still running when the next is due is not overlapped. */
  tick(): Promise<void> {
    this.ticking ??= this.round().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async round(): Promise<void> {
    try {
      const queued = await this.scheduleDue();
      if (queued) this.logger.log(`${queued} digest(s) scheduled`);
    } catch (error) {
      this.logger.error(`Scheduling digests failed: ${(error as Error).message}`);
    }
    const alertEvery = this.config.notify.alertIntervalSeconds * 1000;
    if (this.alerts && Date.now() - this.lastAlerts >= alertEvery) {
      this.lastAlerts = Date.now();
      await this.alerts
        .evaluateAll('schedule')
        .catch((error) =>
          this.logger.error(`Evaluating alerts failed: ${(error as Error).message}`),
        );
    }
    await this.deliveries
      .sendPending()
      .catch((error) =>
        this.logger.error(`Sending deliveries failed: ${(error as Error).message}`),
      );
  }

  /** Queues the latest due slot of every due subscription and advances it; returns how many were queued. */
  async scheduleDue(now = new Date()): Promise<number> {
    const tz = this.config.shopTimeZone;
    return this.db.transaction(async (manager) => {
      const due: { id: string; schedule: DigestSchedule; nextRunAt: Date }[] = await manager.query(
        `SELECT id::text, schedule, next_run_at AS "nextRunAt" FROM notify_subscriptions
          WHERE shop_id = $1 AND NOT paused AND next_run_at <= $2
          ORDER BY next_run_at LIMIT 200 FOR UPDATE SKIP LOCKED`,
        [DEFAULT_SHOP_ID, now],
      );
      let queued = 0;
      for (const subscription of due) {
        const slot = latestSlot(subscription.schedule, tz, now);
        if (await this.deliveries.enqueueSlot(manager, subscription.id, slot)) queued++;
        await manager.query(
          `UPDATE notify_subscriptions SET next_run_at = $2, last_run_at = $3 WHERE id = $1`,
          [subscription.id, nextSlot(subscription.schedule, tz, now), slot],
        );
      }
      return queued;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking?.catch(() => undefined);
  }
}
