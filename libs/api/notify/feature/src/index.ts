export * from './lib/notify.module';
export * from './lib/subscriptions.controller';
export * from './lib/deliveries.controller';
export * from './lib/unsubscribe.controller';
export * from './lib/alerts.controller';
