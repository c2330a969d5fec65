export * from './lib/catalog';
export * from './lib/check-translations';
