export * from './lib/analytics.period';
export * from './lib/analytics.query';
export * from './lib/cube';
export * from './lib/records';
export * from './lib/tabular';
export * from './lib/table-export';
export * from './lib/i18n/metric-definitions';
