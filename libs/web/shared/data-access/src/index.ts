export * from './lib/weekly-report.resource';
