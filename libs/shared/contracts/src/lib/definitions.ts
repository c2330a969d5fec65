import type { MetricDefinition } from './analytics';

/**
 * Every figure the dashboard shows, in plain words (docs/metrics.md) — the "why this number"
 * panel. The computation lives in `@returnlens/shared/metrics` and the API's rollups; this
 * is what a user reads.
 */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'claims',
    name: 'Claims received',
    definition:
      'Number of after-sale cases (returns, exchanges, warranty repairs, complaints) opened in the period.',
    includes:
      'Every claim type and channel, whatever its status, counted in the ISO week (Monday start, shop time zone) of its opening.',
    excludes: 'Nothing; a claim updated by a later upload is counted once, in its opening week.',
    clock: 'Week of opened_at in the shop time zone.',
  },
  {
    id: 'units_returned',
    name: 'Returned units',
    definition: 'Sum of the quantities of the claims opened in the period.',
    includes: 'All claim types; a claim without a quantity counts 1.',
    excludes: 'Nothing.',
    clock: 'Week of opened_at.',
  },
  {
    id: 'return_rate',
    name: 'Return rate',
    definition:
      'Returned units ÷ units sold in the same week (units of claims opened that week ÷ units ordered that week).',
    includes: 'Sales of the products the filters select; claims of every type.',
    excludes: 'Supplier and product comparisons use defect rate over the order cohort instead.',
    clock: 'Claims by opened_at week, sales by ordered_at week.',
  },
  {
    id: 'defect_rate',
    name: 'Defect rate',
    definition:
      'Defect units ÷ units sold, in % and PPM, with a 95 % Wilson score interval. A claim is a defect when inspected as confirmed_defect, or — when not inspected — when its reason is in the product-quality category.',
    includes:
      'Claims of the supplier’s or product’s SKUs opened in the period; units sold in the period.',
    excludes:
      'Claims inspected as customer fault, no fault found or transit damage; claims without a known SKU.',
    clock:
      'Claims by opened_at week, sales by ordered_at week. Ranking uses the interval’s lower bound, never the bare rate.',
  },
  {
    id: 'funnel',
    name: 'Funnel plot limits',
    definition:
      'Control limits around the overall defect rate p₀ for a supplier’s volume n: p₀ ± z·√(p₀(1−p₀)/n), z = 1.96 (95 %) and 3.09 (99.8 %).',
    includes: 'Suppliers with sales in the period.',
    excludes: 'Suppliers without sales (no rate).',
    clock: 'The selected period.',
  },
  {
    id: 'first_response_time',
    name: 'First response time',
    definition: 'first_response_at − opened_at, reported as median and p90 per week.',
    includes: 'Claims opened in the week that have a first response.',
    excludes:
      'Claims still waiting for a first response (they appear in SLA attainment and the at-risk list).',
    clock:
      'Calendar hours, or business hours of the shop calendar (working days, opening periods, holidays). From rollups the figure is within 1 % (2 % histogram buckets); with filters the rollups do not cover, exact.',
  },
  {
    id: 'resolution_time',
    name: 'Resolution (processing) time',
    definition: 'resolved_at − opened_at, median and p90.',
    includes: 'Resolved claims opened in the period.',
    excludes: 'Open claims.',
    clock: 'Calendar or business hours, as above.',
  },
  {
    id: 'refund_time',
    name: 'Refund time',
    definition: 'refunded_at − opened_at, median and p90.',
    includes: 'Refunded claims opened in the period.',
    excludes: 'Claims without a refund.',
    clock: 'Calendar or business hours, as above.',
  },
  {
    id: 'sla_attainment',
    name: 'SLA attainment',
    definition:
      'Met ÷ (met + breached) for each policy (metric, target, claim types). A closed case is met when its event happened within the target; an open case counts as breached once its deadline passed, and is left out before that.',
    includes:
      'Claims of the policy’s types opened in the period; for the refund policy, closed claims resolved with a refund.',
    excludes:
      'Open claims before their deadline (shown as pending and, when close, at risk); closed claims whose event never happened (e.g. resolved without a refund under the refund policy).',
    clock:
      'The policy’s clock: calendar or business hours. Open claims are judged at the start of the current minute (or at `asOf`).',
  },
  {
    id: 'repeat_contact_rate',
    name: 'Repeat contact rate',
    definition: 'Claims with contact count > 1 ÷ claims.',
    includes: 'Claims opened in the period.',
    excludes: 'Nothing.',
    clock: 'Week of opened_at.',
  },
  {
    id: 'return_share',
    name: 'Return share',
    definition: 'Returns (types return and return_defective) ÷ all claims.',
    includes: 'Claims opened in the period.',
    excludes: 'Nothing.',
    clock: 'Week of opened_at.',
  },
  {
    id: 'net_sentiment',
    name: 'Net sentiment',
    definition:
      '% positive − % negative of labelled feedback. The label is the rating’s (1–2 negative, 3 neutral, 4–5 positive) when there is a rating, else the label of the text’s sentiment.',
    includes: 'Reviews, surveys and CSAT answers created in the period.',
    excludes: 'Items with neither a rating nor a scored text.',
    clock: 'Week of created_at.',
  },
  {
    id: 'negative_review_share',
    name: 'Negative-review share',
    definition: 'Negative ÷ labelled feedback items.',
    includes: 'As net sentiment.',
    excludes: 'Unlabelled items.',
    clock: 'Week of created_at.',
  },
  {
    id: 'significance',
    name: 'Significant change',
    definition:
      'A week’s count against the mean of the previous four weeks (conditional Poisson test) or a week’s rate against the pooled previous four weeks (two-proportion z-test). Movers are corrected together with Benjamini–Hochberg; only q < 0.05 is flagged.',
    includes: 'The reported week and the four weeks before it.',
    excludes: 'Medians and net sentiment are compared without a test (no mark).',
    clock: 'ISO weeks in the shop time zone.',
  },
  {
    id: 'refunds_paid',
    name: 'Refunds paid',
    definition:
      'Sum of refund amounts of refunded claims opened in the week, per currency — amounts in different currencies are never added.',
    includes: 'Claims with refunded_at and a refund amount.',
    excludes: 'Store credit and replacements.',
    clock: 'Week of opened_at.',
  },
];
