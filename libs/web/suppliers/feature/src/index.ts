export * from './lib/scorecard/suppliers-page';
export * from './lib/supplier-detail/supplier-detail-page';
export * from './lib/supplier-table';
