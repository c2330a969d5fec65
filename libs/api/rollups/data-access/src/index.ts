export * from './lib/rollups.module';
export * from './lib/rollups.service';
export * from './lib/rollups.sql';
