export * from './lib/bind';
export * from './lib/business-time.sql';
export * from './lib/copy-rows';
export * from './lib/metrics.sql';
export * from './lib/sla.sql';
export * from './lib/tables';
