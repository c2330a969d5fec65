// Subscriptions, deliveries, channels and the scheduler.
export * from './lib/schedule/slots';
export * from './lib/subscriptions/subscriptions.store';
export * from './lib/delivery/delivery.types';
export * from './lib/delivery/delivery.service';
export * from './lib/delivery/message-renderer';
export * from './lib/channels/email.channel';
export * from './lib/channels/webhook.channel';
export * from './lib/scheduler/notify.scheduler';
// The role digests (DigestBuilder).
export * from './lib/digest';
// Alert rules, their evaluation and events.
export * from './lib/alerts/alert-decision';
export * from './lib/alerts/alert-rules';
export * from './lib/alerts/alert-message';
export * from './lib/alerts/alert-figures';
export * from './lib/alerts/alert-store';
export * from './lib/alerts/alert-evaluator';
export * from './lib/alerts/alerts.service';
