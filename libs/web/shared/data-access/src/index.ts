export * from './lib/weekly-report.resource';
export * from './lib/ingest.api';
