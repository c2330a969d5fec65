export * from './lib/answer-access';
export * from './lib/answer-cache';
export * from './lib/cache.module';
export * from './lib/data-version';
