export * from './lib/sla-page';
