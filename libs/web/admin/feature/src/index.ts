export * from './lib/admin-page';
