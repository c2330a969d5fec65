export * from './lib/filter-bar/filter-bar';
export * from './lib/records-drawer/records-drawer';
export * from './lib/why-panel/why-panel';
