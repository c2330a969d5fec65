/** Vocabulary of the after-sale domain (docs/domain.md). */

export const CLAIM_TYPES = [
  'return',
  'return_defective',
  'exchange',
  'warranty_repair',
  'complaint',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

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
