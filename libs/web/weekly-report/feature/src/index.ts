export * from './lib/weekly-report-page';
