import type { AnalysisStatus, BatchStatus, IngestFormat, IngestKind } from './domain';

/**
 * How a shop's file maps onto a kind's fields. Column names are the file's own headers
 * (or keys, for JSON and Arrow). Everything is optional in a request: a mapping without
 * `columns` (only `defaults`, `values`, …) is merged with the suggestion for the file.
 *
 * ```json
 * {
 *   "columns": { "external_id": "Ticket", "opened_at": "Date received", "type": "Kind" },
 *   "values": { "type": { "Rücksendung": "return", "Reklamation": "complaint" } },
 *   "defaults": { "channel": "email" },
 *   "dateFormat": "dd.mm.yyyy",
 *   "timeZone": "Europe/Berlin",
 *   "decimalSeparator": ","
 * }
 * ```
 */
export interface IngestMapping {
  /** field → source column. */
  readonly columns: Readonly<Record<string, string>>;
  /** field → (source value → our value), for enums such as type, channel, status. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** field → value used when the column is absent or the cell empty. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** `auto` (default), `iso`, `dd.mm.yyyy`, `dd/mm/yyyy`, `m/d/yyyy`, `unix`. */
  readonly dateFormat?: DateFormat;
  /** IANA zone for timestamps without an offset; default: the shop's zone. */
  readonly timeZone?: string;
  /** `auto` (default): "1.234,56" and "1,234.56" are both understood. */
  readonly decimalSeparator?: '.' | ',' | 'auto';
  /**
   * The scale of the rating column when it is not 1–5 stars (NPS 0–10, CSAT 1–10, half
   * stars 0.5–5, percent 0–100): ratings are converted to 1–5 stars and the original kept.
   */
  readonly ratingScale?: RatingScale;
}

export interface RatingScale {
  readonly min: number;
  readonly max: number;
}

export const DATE_FORMATS = [
  'auto',
  'iso',
  'dd.mm.yyyy',
  'dd/mm/yyyy',
  'm/d/yyyy',
  'unix',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A message's stable name and the values it puts in, from which it is written in any language. */
export interface MessageCode {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface RowError {
  readonly field: string;
  readonly value: string | null;
  /** What is wrong, in English as stored; answered in the request's language when `code` is known. */
  readonly message: string;
  /** Stable name of the problem (`row.notANumber`): the key of its message in every language. */
  readonly code?: string;
  /** The values the message puts in (`{value}`, `{max}`). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface FieldMatch {
  readonly field: string;
  readonly column: string;
  /**
   * 0–1, from the header (1 for an exact known name, lower for a partial match) and the
   * column's sampled values (all fitting raise it, some not fitting lower it).
   */
  readonly confidence: number;
  /** A few of the column's first values (when rows were read). */
  readonly samples?: readonly string[];
  /** For an enum field: sampled values it does not know (map them in `values`). */
  readonly unknownValues?: readonly string[];
}

export interface MappingSuggestion {
  readonly kind: IngestKind;
  readonly mapping: IngestMapping;
  readonly matches: readonly FieldMatch[];
  /** Required fields no column was confidently matched to. */
  readonly missingRequired: readonly string[];
  /** Columns of the file that map to no field. */
  readonly unusedColumns: readonly string[];
  /** True when every required field is confidently matched, so the batch may run. */
  readonly confident: boolean;
  /** What the load will derive (a line key from order and line number or SKU, a name). */
  readonly notes?: readonly string[];
  /** Column → its first distinct values (when rows were read). */
  readonly samples?: Readonly<Record<string, readonly string[]>>;
}

export interface BatchReport {
  readonly id: string;
  readonly kind: IngestKind;
  readonly format: IngestFormat;
  readonly status: BatchStatus;
  readonly sourceName: string | null;
  /** SHA-256 of the request body as received. */
  readonly checksum: string | null;
  readonly received: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** Claims or feedback whose SKU or order is not (yet) in the database. */
  readonly unlinked: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
  /**
   * What was done to the file that its owner should know, though no row was rejected for it
   * (rows of a code-page CSV that were UTF-8 and read as UTF-8). Empty or absent: nothing.
   */
  readonly warnings?: readonly string[];
  /**
   * Each warning's code and values, in the order of `warnings` (null: a warning without one,
   * kept in English); the warnings are answered in the request's language from them.
   */
  readonly warningCodes?: readonly (MessageCode | null)[];
  /** The first rejected rows with their errors (all of them: GET /api/batches/:id/rejected). */
  readonly rejectedSample: readonly { rowNumber: number; errors: readonly RowError[] }[];
  /**
   * Rejected rows kept in full (GET /api/batches/:id/rejected): the first
   * INGEST_REJECTED_ROWS_KEPT of them; equals `rejected` unless the cap was reached.
   */
  readonly rejectedKept?: number;
  /** The rejected rows beyond the cap, counted by field and message (empty when none). */
  readonly rejectedSummary?: readonly RejectedSummaryEntry[];
  /** With `dryRun`: the first valid rows as they would be stored. */
  readonly preview?: readonly Record<string, unknown>[];
  /**
   * The text analysis of a claims or feedback batch (language, sentiment, aspects, inferred
   * reasons): done at commit for a small batch, in the background for a large one. Null for
   * the other kinds, dry runs, failed batches and batches older than this record.
   */
  readonly analysis?: BatchAnalysis | null;
}

/** Progress of a batch's text analysis: texts analysed of the texts to analyse. */
export interface BatchAnalysis {
  readonly status: AnalysisStatus;
  readonly analysed: number;
  readonly total: number;
}

/** Rejected rows not kept in full that share one error: how many, and the first of them. */
export interface RejectedSummaryEntry {
  readonly field: string;
  readonly message: string;
  /** The error's code and values (RowError), when it has them. */
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Rows (not kept in full) with this error. */
  readonly rows: number;
  /** Their first row numbers, at most 5. */
  readonly firstRows: readonly number[];
}
