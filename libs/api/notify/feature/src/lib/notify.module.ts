import { Module } from '@nestjs/common';
import {
  AnalyticsReader,
  MoversQuery,
  RecordsQuery,
  ReturnsQuery,
  ScorecardsQuery,
  SlaQuery,
  WeeklyQuery,
} from '@returnlens/api/analytics/data-access';
import {
  ALERTS_EVALUATOR,
  AlertEvaluator,
  AlertFigures,
  AlertsService,
  AlertStore,
  DeliveryService,
  DigestBuilder,
  EmailChannel,
  MessageRenderer,
  NotifyScheduler,
  SubscriptionsStore,
  WebhookChannel,
} from '@returnlens/api/notify/data-access';
import { AlertsController } from './alerts.controller';
import { DeliveriesController } from './deliveries.controller';
import { SubscriptionsController } from './subscriptions.controller';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * Digests, alerts and their deliveries: the subscriptions, deliveries and unsubscribe
 * routes, the scheduler, the channels, and the digest builder with the analytics queries
 * it reads.
 */
@Module({
  controllers: [
    SubscriptionsController,
    DeliveriesController,
    UnsubscribeController,
    AlertsController,
  ],
  providers: [
    // The analytics the digests are written from.
    AnalyticsReader,
    MoversQuery,
    RecordsQuery,
    ReturnsQuery,
    ScorecardsQuery,
    SlaQuery,
    WeeklyQuery,
    DigestBuilder,
    SubscriptionsStore,
    MessageRenderer,
    EmailChannel,
    WebhookChannel,
    DeliveryService,
    NotifyScheduler,
    // Alerts: rules, their evaluation (after batches and on the scheduler's tick), events.
    AlertStore,
    AlertFigures,
    AlertEvaluator,
    AlertsService,
    { provide: ALERTS_EVALUATOR, useExisting: AlertsService },
  ],
  exports: [DeliveryService, SubscriptionsStore, NotifyScheduler, DigestBuilder, AlertsService],
})
export class NotifyModule {}
