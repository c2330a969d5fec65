export * from './lib/weekly-report.resource';
export * from './lib/ingest.api';
export * from './lib/analytics.resources';
export * from './lib/drilldown.store';
