import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  DELIVERY_OUTCOMES,
  MATRIX_DIMENSIONS,
  RESOLUTION_OUTCOMES,
  SLA_CLOCKS,
} from '@returnlens/shared/contracts';
import { SLA_OUTCOMES } from '@returnlens/api/analytics/data-access';
import {
  analyticsQuery,
  CLAIM_SORTS,
  controlCharacterProblem,
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

/** Return rate by order cohort, per supplier, product or category. */
export class ReturnRatesQueryDto extends createZodDto(
  analyticsQuery({
    by: z
      .enum(['supplier', 'product', 'category'], {
        error: 'by is one of supplier, product, category',
      })
      .default('supplier')
      .meta({ description: 'What the return rate is broken down by' }),
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

/** `asOf`: the instant SLA deadlines are judged at; default now. */
const asOfParam = z
  .string({ error: AS_OF_MESSAGE })
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
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
  });

const POLICY_MESSAGE = 'policy is an SLA policy id (a whole number)';

export class SlaQueryDto extends createZodDto(
  analyticsQuery({
    clock: z
      .enum(SLA_CLOCKS, { error: `clock is one of ${SLA_CLOCKS.join(', ')}` })
      .default('calendar')
      .meta({ description: 'Judge the business-hours policies on the calendar or business clock' }),
    asOf: asOfParam,
    lists: z.enum(['top', 'all'], { error: 'lists is top or all' }).default('top').meta({
      description:
        'top: the 100 most urgent rows of atRisk and breachesOpen; all: every one (for CSV and Arrow exports)',
    }),
  }),
) {}

/** The drill-down of the money and resolution figures (docs/metrics.md, "Money and resolutions"). */
const MONEY_RECORD_PARAMS = {
  resolution: listParam(
    `Resolution outcomes, comma-separated: ${RESOLUTION_OUTCOMES.join(', ')}`,
  ).refine((values) => !values || values.every((v) => isResolutionOutcome(v)), {
    message: `resolution is a list of ${RESOLUTION_OUTCOMES.join(', ')}`,
  }),
  currency: listParam('Currencies (ISO 4217), comma-separated').refine(
    (values) => !values || values.every((v) => /^[A-Z]{3}$/.test(v)),
    { message: 'currency is a list of ISO 4217 codes such as EUR' },
  ),
  money: z
    .enum(['refund', 'cost', 'any'], { error: 'money is one of refund, cost, any' })
    .optional()
    .meta({
      description:
        'The claims whose money went out in the period (the period then applies to the refund’s date, else the resolution’s): refund paid, handling cost, or any',
    }),
};
const isResolutionOutcome = (v: string) => (RESOLUTION_OUTCOMES as readonly string[]).includes(v);

/** `defect=true`: only the claims the defect rate counts (its defect units), as a drill-down. */
const cohortParam = z
  .enum(['true', 'false'], { error: 'cohort is true or false' })
  .optional()
  .meta({
    description:
      'true: the returns of the orders placed in the period (order cohort, any opening date) instead of the claims opened in it',
  });

const defectParam = z
  .enum(['true', 'false'], { error: 'defect is true or false' })
  .optional()
  .meta({ description: 'true: only claims that count as defects (the defect rate’s numerator)' });

export class ClaimRecordsQueryDto extends createZodDto(
  analyticsQuery({
    ...pageParams(CLAIM_SORTS, 'openedAt'),
    defect: defectParam,
    mismatch: z
      .enum(['true', 'false'], { error: 'mismatch is true or false' })
      .optional()
      .meta({ description: 'true: only claims whose text contradicts their stated reason' }),
    cohort: cohortParam,
    outcome: z
      .enum(SLA_OUTCOMES, { error: `outcome is one of ${SLA_OUTCOMES.join(', ')}` })
      .optional()
      .meta({
        description:
          'The claims behind an SLA figure: met, breached or pending (deadline not passed) under `policy` (or any), opened in the period; at_risk or open_breach: open claims of any week',
      }),
    policy: z.coerce
      .number({ error: POLICY_MESSAGE })
      .int(POLICY_MESSAGE)
      .min(1, POLICY_MESSAGE)
      .max(2_147_483_647, POLICY_MESSAGE)
      .optional()
      .meta({ description: 'With outcome: the SLA policy id' }),
    assignee: z
      .string({ error: 'assignee is a name' })
      .max(200, 'assignee is at most 200 characters')
      .refine((v) => controlCharacterProblem(v) === null, 'assignee contains a control character')
      .optional()
      .meta({ description: 'With outcome: the assignee (empty: unassigned)' }),
    asOf: asOfParam,
    ...MONEY_RECORD_PARAMS,
  }),
) {}

/** The supplier pages' claim records: the filters and a page, sorted by a shown column. */
export class SupplierClaimRecordsQueryDto extends createZodDto(
  analyticsQuery({
    ...pageParams(SUPPLIER_CLAIM_SORTS, 'openedAt'),
    defect: defectParam,
    cohort: cohortParam,
  }),
) {}

export class FeedbackRecordsQueryDto extends createZodDto(
  analyticsQuery({
    ...pageParams(FEEDBACK_SORTS, 'createdAt'),
    rating: listParam('Star ratings 1–5, comma-separated'),
    label: listParam('Sentiment labels (negative, neutral, positive), comma-separated'),
    delivery: z
      .enum(DELIVERY_OUTCOMES, { error: 'delivery is on_time or late' })
      .optional()
      .describe('Only feedback whose order was delivered on time, or late'),
  }),
) {}
