export * from './lib/filter-state';
export * from './lib/filter.store';
