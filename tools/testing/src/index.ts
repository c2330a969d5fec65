export * from './lib/test-database';
export * from './lib/api-process';
export * from './lib/browser';
export * from './lib/restartable-postgres';
export * from './lib/embedded-data-dir';
export * from './lib/oracles/durations';
export * from './lib/oracles/sla';
