export * from './lib/domain';
export * from './lib/reasons';
export * from './lib/weekly-report';
export * from './lib/health';
export * from './lib/ingest';
export * from './lib/analytics';
export * from './lib/text';
export * from './lib/definitions';
