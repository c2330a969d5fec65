export * from './lib/subscriptions-page';
