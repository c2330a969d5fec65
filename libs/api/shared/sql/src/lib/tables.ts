/** Every weekly rollup table (docs/decisions/0008-weekly-rollups-with-a-raw-fallback.md). */
export const ROLLUP_TABLES = [
  'rollup_claims_reason_week',
  'rollup_claims_week',
  'rollup_refunds_week',
  'rollup_money_week',
  'rollup_claims_resolution_week',
  'rollup_claims_sku_week',
  'rollup_claims_sku_reason_week',
  'rollup_claims_supplier_week',
  'rollup_claims_category_week',
  'rollup_claims_cube_week',
  'rollup_sales_sku_week',
  'rollup_sales_supplier_week',
  'rollup_sales_category_week',
  'rollup_feedback_week',
  'rollup_feedback_sku_week',
  'rollup_feedback_supplier_week',
  'rollup_feedback_category_week',
  'rollup_reason_pairs_week',
  'rollup_aspects_week',
  'rollup_aspects_sku_week',
  'rollup_sla_week',
  'rollup_sla_assignee_week',
  'rollup_sla_hour',
  'rollup_sla_assignee_hour',
  'rollup_open_hour',
  'rollup_duration_stats_week',
  'rollup_durations_week',
  'rollup_returns_cohort_week',
] as const;

export type RollupTable = (typeof ROLLUP_TABLES)[number];

/** The raw tables the rollups are computed from. */
export const RAW_TABLES = ['claims', 'sales', 'feedback', 'products'] as const;

/**
 * The channel `data_version`'s trigger announces each new version on (migration
 * 1764500000000-DataVersionNotify writes the same name into the trigger).
 */
export const DATA_VERSION_CHANNEL = 'returnlens_data_version';
