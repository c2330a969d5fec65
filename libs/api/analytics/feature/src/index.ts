export * from './lib/analytics.controller';
export * from './lib/analytics.module';
export * from './lib/filter-error.filter';
export * from './lib/reports.controller';
export * from './lib/tabular.interceptor';
