export * from './lib/data-page';
