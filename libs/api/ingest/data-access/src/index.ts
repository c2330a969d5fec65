export * from './lib/batch-store';
export * from './lib/ingest.service';
export * from './lib/ingest.tables';
export * from './lib/mapping-presets';
export * from './lib/upload-limits';
