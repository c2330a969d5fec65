export * from './lib/generate';
export { STORY_PRODUCT_SKU, STORY_SUPPLIER_ID, DEMO_CATEGORIES } from './lib/catalog';
export type { DemoProduct, DemoSupplier } from './lib/catalog';
export { DEMO_LANGUAGES, REVIEW_PHRASES, CLAIM_TEXTS } from './lib/phrases';
