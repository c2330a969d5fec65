export * from './lib/ingest.errors';
export * from './lib/mapping-columns';
export * from './lib/readers';
export * from './lib/rejected-rows.csv';
export * from './lib/batch-notes';
export * from './lib/i18n/ingest-messages';
