export * from './lib/background-analysis';
export * from './lib/enrich.module';
export * from './lib/enrich.rows';
export * from './lib/enrich.service';
export * from './lib/enrich.sql';
export * from './lib/text-analyzer';
export * from './lib/shop-models';
