export * from './lib/data-source';
export * from './lib/database-health';
export * from './lib/database-mode';
export * from './lib/database.module';
export * from './lib/embedded-postgres';
export * from './lib/open-database';
