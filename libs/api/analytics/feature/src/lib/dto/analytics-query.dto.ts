import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MATRIX_DIMENSIONS, SLA_CLOCKS } from '@returnlens/shared/contracts';
import {
  analyticsQuery,
  CLAIM_SORTS,
  FEEDBACK_SORTS,
  listParam,
  pageParams,
  SUPPLIER_CLAIM_SORTS,
  weekParam,
} from '@returnlens/api/analytics/util';

/** The filters and formats every analytics endpoint takes, and nothing else. */
export class AnalyticsQueryDto extends createZodDto(analyticsQuery()) {}

/** The weekly report: the filters plus `week`, the reported ISO week. */
export class WeeklyQueryDto extends createZodDto(analyticsQuery({ week: weekParam })) {}

export class MatrixQueryDto extends createZodDto(
  analyticsQuery({
    by: z
      .enum(MATRIX_DIMENSIONS, { error: `by is one of ${MATRIX_DIMENSIONS.join(', ')}` })
      .default('supplier')
      .meta({ description: 'The matrix columns' }),
  }),
) {}

const LIMIT_MESSAGE = 'limit is a whole number from 1 to 1000';

export class ProductsQueryDto extends createZodDto(
  analyticsQuery({
    limit: z.coerce
      .number({ error: LIMIT_MESSAGE })
      .int(LIMIT_MESSAGE)
      .min(1, LIMIT_MESSAGE)
      .max(1000, LIMIT_MESSAGE)
      .default(50)
      .meta({ description: 'How many products, the most claimed first' }),
  }),
) {}

const AS_OF_MESSAGE = 'asOf is an ISO 8601 instant such as 2026-03-02T09:00:00Z';

export class SlaQueryDto extends createZodDto(
  analyticsQuery({
    clock: z
      .enum(SLA_CLOCKS, { error: `clock is one of ${SLA_CLOCKS.join(', ')}` })
      .default('calendar')
      .meta({ description: 'Judge the business-hours policies on the calendar or business clock' }),
    asOf: z
      .string({ error: AS_OF_MESSAGE })
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const instant = new Date(value);
        if (Number.isNaN(instant.getTime())) {
          ctx.addIssue({ code: 'custom', message: AS_OF_MESSAGE, input: value });
          return z.NEVER;
        }
        return instant;
      })
      .meta({
        description: 'Judge open claims at this instant (default: now)',
        examples: ['2026-03-02T09:00:00Z'],
      }),
  }),
) {}

export class ClaimRecordsQueryDto extends createZodDto(
  analyticsQuery({
    ...pageParams(CLAIM_SORTS, 'openedAt'),
    mismatch: z
      .enum(['true', 'false'], { error: 'mismatch is true or false' })
      .optional()
      .meta({ description: 'true: only claims whose text contradicts their stated reason' }),
  }),
) {}

/** The supplier pages' claim records: the filters and a page, sorted by a shown column. */
export class SupplierClaimRecordsQueryDto extends createZodDto(
  analyticsQuery(pageParams(SUPPLIER_CLAIM_SORTS, 'openedAt')),
) {}

export class FeedbackRecordsQueryDto extends createZodDto(
  analyticsQuery({
    ...pageParams(FEEDBACK_SORTS, 'createdAt'),
    rating: listParam('Star ratings 1–5, comma-separated'),
    label: listParam('Sentiment labels (negative, neutral, positive), comma-separated'),
  }),
) {}
