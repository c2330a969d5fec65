import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  ANALYSIS_STATUSES,
  BATCH_STATUSES,
  DATE_FORMATS,
  INGEST_FORMATS,
  INGEST_KINDS,
  type BatchReport,
  type IngestKind,
  type IngestMapping,
  type MappingSuggestion,
  type RowError,
} from '@returnlens/shared/contracts';
import { describes } from '@returnlens/api/shared/util';

// The answers of the ingest routes, each checked against its interface at compile time.

const count = z.number().int();

export const ingestMappingSchema = describes<IngestMapping>()(
  z.object({
    columns: z.record(z.string(), z.string()).describe('field → source column'),
    values: z
      .record(z.string(), z.record(z.string(), z.string()))
      .optional()
      .describe('field → (source value → our value)'),
    defaults: z.record(z.string(), z.string()).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    timeZone: z.string().optional(),
    decimalSeparator: z.enum(['.', ',', 'auto']).optional(),
    ratingScale: z
      .object({ min: z.number(), max: z.number() })
      .optional()
      .describe('the rating column’s scale when it is not 1–5 stars'),
  }),
);

/** A message's values by name (`{value}`, `{max}`). */
const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

const rowError = describes<RowError>()(
  z.object({
    field: z.string(),
    value: z.string().nullable(),
    message: z
      .string()
      .describe(
        'What is wrong, in the request’s language when the error has a code (else as stored, in English)',
      ),
    code: z
      .string()
      .optional()
      .describe(
        'Stable name of the problem (row.notANumber, row.future, …); absent on rows stored before codes',
      ),
    params: messageParams.optional().describe('The values the message puts in'),
  }),
);

const batchSummary = {
  id: z.string(),
  kind: z.enum(INGEST_KINDS),
  format: z.enum(INGEST_FORMATS),
  status: z.enum(BATCH_STATUSES),
  sourceName: z.string().nullable(),
  received: count,
  inserted: count,
  updated: count,
  unchanged: count,
  rejected: count,
  unlinked: count.describe('Claims or feedback whose SKU or order is not (yet) known'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  analysis: z
    .object({
      status: z.enum(ANALYSIS_STATUSES),
      analysed: count.describe('Texts analysed (committed)'),
      total: count.describe('Texts to analyse'),
    })
    .nullable()
    .optional()
    .describe(
      'Text analysis of a claims or feedback batch (language, sentiment, aspects, inferred reasons): done at commit up to INGEST_INLINE_ANALYSIS_MAX texts, else pending/running in the background until done. Null for other kinds, dry runs and failed batches',
    ),
};

export const batchReportSchema = describes<BatchReport>()(
  z.object({
    ...batchSummary,
    checksum: z.string().nullable().describe('SHA-256 of the request body as received'),
    warnings: z
      .array(z.string())
      .optional()
      .describe(
        'What was done to the file that its owner should know, though no row was rejected for it: rows of a code-page CSV read as UTF-8, line keys derived, negative quantities read as returned units, texts over 20,000 characters kept cut (row, field, original length)',
      ),
    warningCodes: z
      .array(z.object({ code: z.string(), params: messageParams.optional() }).nullable())
      .optional()
      .describe(
        'Each warning’s code and values, in the order of warnings (null: a warning without one, in English)',
      ),
    rejectedSample: z
      .array(z.object({ rowNumber: count, errors: z.array(rowError) }))
      .describe('The first rejected rows (all of them: GET /api/batches/{id}/rejected)'),
    rejectedKept: count
      .optional()
      .describe(
        'Rejected rows kept in full (GET /api/batches/{id}/rejected): at most INGEST_REJECTED_ROWS_KEPT; the others are in rejectedSummary',
      ),
    rejectedSummary: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          code: z.string().optional(),
          params: messageParams.optional(),
          rows: count.describe('Rejected rows not kept in full that have this error'),
          firstRows: z.array(count).describe('The first of them (at most 5)'),
        }),
      )
      .optional()
      .describe('The rejected rows beyond the kept ones, by field and message (empty when none)'),
    preview: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .describe('With dryRun: the first valid rows as they would be stored'),
  }),
);

export const batchListSchema = describes<
  Omit<
    BatchReport,
    | 'checksum'
    | 'warnings'
    | 'warningCodes'
    | 'rejectedSample'
    | 'rejectedKept'
    | 'rejectedSummary'
    | 'preview'
  >[]
>()(z.array(z.object(batchSummary)));

export const rejectedRowsSchema = describes<{
  batchId: string;
  rows: { rowNumber: number; raw: string; errors: RowError[] }[];
}>()(
  z.object({
    batchId: z.string(),
    rows: z.array(
      z.object({
        rowNumber: count,
        raw: z.string().describe('The row as it arrived'),
        errors: z.array(rowError),
      }),
    ),
  }),
);

export const mappingSuggestionSchema = describes<
  MappingSuggestion & { readonly details: Readonly<Record<string, string>> }
>()(
  z.object({
    kind: z.enum(INGEST_KINDS),
    mapping: ingestMappingSchema,
    matches: z.array(
      z.object({
        field: z.string(),
        column: z.string(),
        confidence: z
          .number()
          .describe('0–1, from the header and the sampled values; ≥ 0.8 is trusted'),
        samples: z.array(z.string()).optional().describe('The column’s first distinct values'),
        unknownValues: z
          .array(z.string())
          .optional()
          .describe('For an enum field: sampled values it does not know (map them in values)'),
      }),
    ),
    missingRequired: z.array(z.string()),
    unusedColumns: z.array(z.string()),
    confident: z.boolean(),
    notes: z
      .array(z.string())
      .optional()
      .describe('What the load derives (a line key from order and line number or SKU, a name)'),
    samples: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('Column → its first distinct values'),
    details: z
      .record(z.string(), z.string())
      .describe('Detected or declared details (encoding, delimiter)'),
  }),
);

const savedPreset = { name: z.string(), kind: z.enum(INGEST_KINDS), mapping: ingestMappingSchema };

export const mappingPresetListSchema = describes<
  { name: string; kind: IngestKind; mapping: IngestMapping; updatedAt: string }[]
>()(z.array(z.object({ ...savedPreset, updatedAt: z.string() })));

export const mappingPresetSchema = describes<{
  name: string;
  kind: IngestKind;
  mapping: IngestMapping;
}>()(z.object(savedPreset));

export class BatchReportDto extends createZodDto(batchReportSchema) {}
export class BatchListDto extends createZodDto(batchListSchema) {}
export class RejectedRowsDto extends createZodDto(rejectedRowsSchema) {}
export class MappingSuggestionDto extends createZodDto(mappingSuggestionSchema) {}
export class MappingPresetListDto extends createZodDto(mappingPresetListSchema) {}
export class MappingPresetAnswerDto extends createZodDto(mappingPresetSchema) {}
