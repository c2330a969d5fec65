export * from './lib/test-database';
export * from './lib/api-process';
export * from './lib/browser';
export * from './lib/restartable-postgres';
