export * from './lib/fields';
export * from './lib/suggest';
export * from './lib/values';
export * from './lib/enum-synonyms';
export * from './lib/validate';
