/** Vocabulary of the after-sale domain (docs/domain.md). */

export const CLAIM_TYPES = [
  'return',
  'return_defective',
  'exchange',
  'warranty_repair',
  'complaint',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/**
 * Claim types whose goods come back to the shop for good: the numerator of the return rate.
 * Warranty repairs go back to the customer and complaints move no goods.
 */
export const RETURN_TYPES = [
  'return',
  'return_defective',
  'exchange',
] as const satisfies readonly ClaimType[];

export const CHANNELS = ['phone', 'email', 'web_form', 'chat', 'marketplace', 'store'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RESOLUTIONS = [
  'refund',
  'partial_refund',
  'replacement',
  'repair',
  'store_credit',
  'rejected',
] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/**
 * Where a claim stands in the resolution mix: its recorded resolution, or `open` (status open
 * or in progress), `cancelled`, or `unrecorded` (closed without a resolution). Every claim
 * has exactly one, so the mix adds up to all claims.
 */
export const RESOLUTION_OUTCOMES = [...RESOLUTIONS, 'cancelled', 'unrecorded', 'open'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const RESOLUTION_OUTCOME_LABELS: Readonly<Record<ResolutionOutcome, string>> = {
  refund: 'Refund',
  partial_refund: 'Partial refund',
  replacement: 'Replacement',
  repair: 'Repair',
  store_credit: 'Store credit',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  unrecorded: 'Closed, no resolution recorded',
  open: 'Still open',
};

export const INSPECTION_OUTCOMES = [
  'confirmed_defect',
  'customer_fault',
  'no_fault_found',
  'transit_damage',
  'not_inspected',
] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

export const CLAIM_STATUSES = ['open', 'in_progress', 'resolved', 'cancelled'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Whether a claim's reason code was given by the shop or inferred from its free text. */
export const REASON_SOURCES = ['stated', 'inferred'] as const;
export type ReasonSource = (typeof REASON_SOURCES)[number];

export const FEEDBACK_SOURCES = ['review', 'survey', 'csat', 'marketplace_review'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const INGEST_KINDS = ['suppliers', 'products', 'sales', 'claims', 'feedback'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];

export const INGEST_FORMATS = ['json', 'ndjson', 'csv', 'arrow', 'generated'] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

export const BATCH_STATUSES = ['running', 'committed', 'failed', 'dry_run'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/**
 * Where the text analysis of a claims or feedback batch stands (docs/reliability.md, "Text
 * analysis in the background"): `pending` until a worker takes it, `running` while its chunks
 * are analysed and committed, `done` once every text is analysed and the rollups refreshed,
 * `failed` when the analysis itself failed (the batch's rows stay stored).
 */
export const ANALYSIS_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];
