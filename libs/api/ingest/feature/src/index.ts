export * from './lib/dto/ingest-request.dto';
export * from './lib/dto/ingest-response.dto';
export * from './lib/ingest.controller';
export * from './lib/ingest.module';
