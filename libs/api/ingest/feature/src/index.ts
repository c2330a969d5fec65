export * from './lib/dto/ingest-query.dto';
export * from './lib/ingest.controller';
export * from './lib/ingest.module';
