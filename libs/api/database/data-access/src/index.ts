export * from './lib/data-source';
export * from './lib/database.module';
export * from './lib/embedded-postgres';
export * from './lib/open-database';
