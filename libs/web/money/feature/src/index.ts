export * from './lib/money-page';
