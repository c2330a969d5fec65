import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  DELIVERY_OUTCOMES,
  MATRIX_DIMENSIONS,
  REASON_CATEGORIES,
  SLA_CLOCKS,
  SLA_METRICS,
  type AnalyticsPeriod,
  type AspectsReport,
  type CohortReturnRates,
  type ReturnRateReport,
  type ClaimRecord,
  type FeedbackRecord,
  type FeedbackReport,
  type IsoWeekRef,
  type KpiComparison,
  type KpiSet,
  type MetricDefinition,
  UI_LANGUAGES,
  type UiLanguage,
  type ParetoResult,
  type ProductScorecard,
  type ReasonCategoryCode,
  type ReasonMatrix,
  type ReasonMismatchReport,
  TEXT_LABELLERS,
  TEXT_MODEL_TASKS,
  type TextModelsReport,
  type RecordsPage,
  type SupplierClaimRecord,
  type SlaReport,
  type SupplierScorecard,
  type WeeklyReport,
} from '@returnlens/shared/contracts';
import { describes } from '@returnlens/api/shared/util';

// The answers of the analytics routes, each checked against its interface in
// @returnlens/shared/contracts at compile time (`describes`): a field added to one and not
// the other fails the build.

const num = z.number();
const count = z.number().int();
const maybe = z.number().nullable();

const isoWeekRef = describes<IsoWeekRef>()(
  z.object({
    week: z.string().describe('ISO week, e.g. 2026-W07'),
    start: z.string().describe('Monday, YYYY-MM-DD'),
    end: z.string().describe('Sunday, YYYY-MM-DD'),
  }),
);

export const period = describes<AnalyticsPeriod>()(
  z
    .object({
      timeZone: z.string(),
      from: isoWeekRef,
      to: isoWeekRef,
      weeks: z.array(isoWeekRef),
      source: z.enum(['rollup', 'raw']),
    })
    .describe('The period the answer covers, in the shop’s time zone'),
);

const interval = z.object({ lower: num, upper: num });
const reasonMix = z.array(z.object({ reasonCode: z.string(), claims: count }));
const reasonCategory = z.enum(
  REASON_CATEGORIES.map((c) => c.code) as [ReasonCategoryCode, ...ReasonCategoryCode[]],
);

export const supplierScorecardSchema = describes<SupplierScorecard>()(
  z.object({
    period,
    overallDefectRate: maybe,
    suppliers: z.array(
      z.object({
        supplierId: z.string(),
        name: z.string(),
        unitsSold: num,
        claims: count,
        defectUnits: num,
        defectRate: maybe.describe('defect units ÷ units sold; null without sales'),
        ppm: maybe,
        ci95: interval.nullable(),
        limits95: interval.nullable(),
        limits998: interval.nullable(),
        signal: z.enum(['above', 'warning', 'within', 'below', 'no_sales']),
        trend: z.array(maybe),
        topReasons: reasonMix,
        netSentiment: maybe,
        feedbackItems: count,
      }),
    ),
  }),
);

export const productScorecardSchema = describes<ProductScorecard>()(
  z.object({
    period,
    products: z.array(
      z.object({
        sku: z.string(),
        name: z.string(),
        supplierId: z.string(),
        category: z.string(),
        unitsSold: num,
        claims: count,
        defectUnits: num,
        defectRate: maybe,
        ci95: interval.nullable(),
        topReasons: reasonMix,
      }),
    ),
  }),
);

export const paretoResultSchema = describes<ParetoResult>()(
  z.object({
    period,
    rows: z.array(
      z.object({
        reasonCode: z.string(),
        reasonLabel: z.string(),
        category: z.string(),
        claims: count,
        units: num,
        share: num,
        cumulativeShare: num,
        stated: count,
        inferred: count,
      }),
    ),
    analysing: z
      .object({
        batches: count.describe('Claims batches whose texts are still being analysed'),
        remaining: count.describe('Their texts not analysed yet'),
      })
      .optional()
      .describe(
        'Present while large claims batches are analysed in the background: their claims without a stated reason count as other until then',
      ),
  }),
);

export const reasonMatrixSchema = describes<ReasonMatrix>()(
  z.object({
    period,
    by: z.enum(MATRIX_DIMENSIONS),
    reasons: z.array(z.string()),
    columns: z.array(z.object({ key: z.string(), label: z.string() })),
    cells: z.array(
      z.object({
        reasonCategory: z.string(),
        reasonCode: z.string(),
        reasonLabel: z.string(),
        key: z.string(),
        label: z.string(),
        claims: count,
        units: num,
      }),
    ),
  }),
);

const attainment = { met: count, breached: count, attainment: maybe };
const slaWeek = z.object({
  ...attainment,
  pending: count.describe('Claims of the week whose deadline has not passed'),
  immature: z.boolean().describe('Some claim of the week is still pending: never tested'),
});
const openClaim = z.object({
  externalId: z.string(),
  policyId: count,
  policy: z.string(),
  type: z.string(),
  channel: z.string(),
  assignee: z.string().nullable(),
  openedAt: z.string(),
  deadline: z.string().nullable(),
  hoursLeft: num.describe('Negative once breached'),
});

export const slaReportSchema = describes<SlaReport>()(
  z.object({
    period,
    clock: z.enum(SLA_CLOCKS),
    now: z.string(),
    policies: z.array(
      z.object({
        id: count,
        name: z.string(),
        metric: z.enum(SLA_METRICS),
        targetHours: num,
        clock: z.enum(SLA_CLOCKS),
        claimTypes: z.array(z.string()),
        resolutions: z.array(z.string()).nullable(),
        atRiskHours: num,
        ...attainment,
        pending: count,
        weekly: z.array(slaWeek),
      }),
    ),
    durations: z.array(
      z.object({
        metric: z.enum(SLA_METRICS),
        median: z.array(maybe).describe('Kaplan–Meier median per week (open claims censored)'),
        p90: z.array(maybe),
        count: z.array(count).describe('Claims whose event happened'),
        open: z.array(count).describe('Claims still waiting for the event (censored)'),
      }),
    ),
    byChannel: z.array(z.object({ policyId: count, channel: z.string(), ...attainment })),
    byAssignee: z.array(z.object({ policyId: count, assignee: z.string(), ...attainment })),
    repeatContactRate: maybe,
    atRiskClaims: count.describe('Distinct open claims close to a deadline'),
    breachedOpenClaims: count.describe('Distinct open claims past a deadline'),
    atRisk: z
      .array(openClaim)
      .describe('Per claim and policy, nearest deadline first; the first 100 unless lists=all'),
    breachesOpen: z
      .array(openClaim)
      .describe('Per claim and policy, most overdue first; the first 100 unless lists=all'),
    backlogAging: z.array(z.object({ bucket: z.string(), claims: count })),
  }),
);

export const feedbackReportSchema = describes<FeedbackReport>()(
  z.object({
    period,
    items: count,
    ratings: z.array(count).describe('Items per rating 1–5 (index 0 = 1★)'),
    unrated: count,
    byRating: z
      .array(z.object({ rating: count, items: count, share: maybe }))
      .describe('The rating chart’s table: items per rating 1–5, share of the rated items'),
    netSentiment: maybe,
    trend: z.array(
      z.object({
        week: z.string(),
        positive: count,
        neutral: count,
        negative: count,
        netSentiment: maybe,
      }),
    ),
    byLanguage: z.array(
      z.object({ language: z.string(), items: count, netSentiment: maybe, meanScore: maybe }),
    ),
    bySupplier: z.array(
      z.object({ supplierId: z.string(), name: z.string(), items: count, netSentiment: maybe }),
    ),
    byDelivery: z
      .array(
        z.object({
          delivery: z.enum(DELIVERY_OUTCOMES),
          items: count,
          ratings: z.array(count).describe('Items per rating 1–5 (index 0 = 1★)'),
          netSentiment: maybe,
        }),
      )
      .describe('Feedback whose order was delivered against a promised date, late or on time'),
    analysing: z
      .object({
        batches: count.describe('Feedback batches whose texts are still being analysed'),
        remaining: count.describe('Their texts not analysed yet'),
      })
      .optional()
      .describe(
        'Present while large feedback batches are analysed in the background: their reviews count as unscored until then, so the sentiment figures are provisional',
      ),
  }),
);

const caseStudyKpi = z.object({
  value: maybe,
  previous: maybe.describe('The same figure over the period of equal length just before'),
  target: num.describe('The shop’s target (PUT /api/settings/reporting)'),
  better: z.enum(['lower', 'higher']),
  meetsTarget: z.boolean().nullable(),
  n: count.describe('Observations behind the value'),
});

export const kpiSetSchema = describes<KpiSet>()(
  z.object({
    period,
    processingTimeHours: caseStudyKpi
      .extend({ stillOpen: count.describe('Claims still open, censored at their age') })
      .describe('Median hours opening → resolution, Kaplan–Meier with open claims censored'),
    satisfaction: caseStudyKpi.describe('Satisfied (4–5 of 5) ÷ rated CSAT and survey answers'),
    repeatContactRate: caseStudyKpi.describe('Claims with more than one contact ÷ claims'),
    returnShare: caseStudyKpi
      .extend({
        cohortWeeks: z.array(z.string()).describe('Order weeks (Mondays) the value is of'),
      })
      .describe('Cohort return rate of the mature order weeks'),
    negativeReviewShare: maybe,
    claims: count,
  }),
);

const kpi = describes<KpiComparison>()(
  z.object({
    value: num,
    baseline: num,
    change: num,
    relativeChange: maybe,
    pValue: num,
    significant: z.boolean(),
    sparkline: z.array(num),
    untested: z
      .enum(['incomplete_week', 'immature', 'too_few'])
      .optional()
      .describe('Why the value carries no test: its week is not over, not mature, or too small'),
    week: isoWeekRef.optional().describe('The week the value is of, when not the reported week'),
  }),
);

const cohortReturnRates = describes<CohortReturnRates>()(
  z
    .object({
      returnWindowDays: count,
      asOf: z.string().describe('Local date the data is known through (YYYY-MM-DD)'),
      weeks: z.array(
        z.object({
          week: isoWeekRef,
          unitsSold: count,
          returnedUnits: count,
          rate: maybe,
          mature: z.boolean().describe('False while the return window of the week is open'),
        }),
      ),
      unmatchedReturns: count.describe('Returns opened in the period whose order line is unknown'),
      returnsOpened: count,
    })
    .describe(
      'Return rate by order cohort: units of a week’s orders that came back ÷ units ordered',
    ),
);

export const weeklyReportSchema = describes<WeeklyReport>()(
  z.object({
    timeZone: z.string(),
    week: isoWeekRef,
    weekComplete: z.boolean().describe('False while the reported week is not over: nothing tested'),
    returnCohorts: cohortReturnRates,
    baselineWeeks: z.array(isoWeekRef),
    claimsReceived: kpi,
    unitsReturned: kpi,
    pareto: z.array(
      z.object({
        reasonCode: z.string(),
        reasonLabel: z.string(),
        category: reasonCategory,
        claims: count,
        share: num,
        cumulativeShare: num,
      }),
    ),
    trendWeeks: z.array(isoWeekRef),
    trend: z.array(
      z.object({ category: reasonCategory, label: z.string(), claims: z.array(count) }),
    ),
    dataThrough: z.string().nullable(),
    kpis: z.object({
      returnRate: kpi.nullable(),
      refundsPaid: z.array(z.object({ currency: z.string(), kpi })),
      medianFirstResponseHours: kpi
        .nullable()
        .describe('Kaplan–Meier median per week, open claims censored; compared, never tested'),
      firstResponseStillOpen: count.describe(
        'Claims of the reported week still waiting for a first response',
      ),
      slaPolicies: z
        .array(
          z.object({
            policyId: count,
            name: z.string(),
            metric: z.enum(SLA_METRICS),
            targetHours: num,
            pending: count.describe('Claims of the reported week not yet due'),
            immature: z.boolean().describe('Some claim of the week is not yet due: never tested'),
            kpi: kpi.nullable(),
          }),
        )
        .describe('SLA attainment per policy: each claim once per policy, mature weeks only'),
      netSentiment: kpi.nullable(),
    }),
    movers: z.array(
      z.object({
        kind: z.enum(['reason', 'product', 'supplier']),
        key: z.string(),
        label: z.string(),
        metric: z.enum(['defect_rate', 'claim_rate', 'reason_share']),
        value: num.describe('The rate in the reported week'),
        baseline: num.describe('The pooled rate of the baseline weeks'),
        count: count,
        baselineCount: count,
        exposure: num,
        baselineExposure: num,
        rateRatio: maybe,
        direction: z.enum(['up', 'down']),
        topReason: z.string().nullable(),
        pValue: num,
        qValue: num,
      }),
    ),
    moversTest: z.object({
      candidates: count,
      baselineWeeks: count,
      untested: z.enum(['incomplete_week', 'immature', 'too_few']).optional(),
    }),
  }),
);

function recordsPage<T extends z.ZodType>(row: T) {
  return z.object({
    period,
    total: count,
    units: count.optional(),
    page: count,
    pageSize: count,
    sort: z.string(),
    order: z.enum(['asc', 'desc']),
    rows: z.array(row),
  });
}

const claimRecord = describes<ClaimRecord>()(
  z.object({
    externalId: z.string(),
    type: z.string(),
    channel: z.string(),
    sku: z.string().nullable(),
    productName: z.string().nullable(),
    supplierId: z.string().nullable(),
    reasonCode: z.string(),
    reasonSource: z.string(),
    inferredReasonCode: z.string().nullable(),
    inferredConfidence: z.number().min(0).max(1).nullable(),
    inferredBy: z.enum(TEXT_LABELLERS).nullable(),
    reasonText: z.string().nullable(),
    quantity: num,
    openedAt: z.string(),
    firstResponseAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    refundedAt: z.string().nullable(),
    status: z.string(),
    resolution: z.string().nullable(),
    refundAmount: z.string().nullable(),
    costAmount: z.string().nullable(),
    currency: z.string().nullable(),
    inspectionOutcome: z.string().nullable(),
    contactCount: count,
    assignee: z.string().nullable(),
  }),
);

/** What a buyer may read of a claim (contracts: SupplierClaimRecord). */
const supplierClaimRecord = describes<SupplierClaimRecord>()(
  claimRecord.pick({
    externalId: true,
    type: true,
    channel: true,
    sku: true,
    productName: true,
    supplierId: true,
    reasonCode: true,
    reasonSource: true,
    inferredReasonCode: true,
    inferredConfidence: true,
    inferredBy: true,
    reasonText: true,
    quantity: true,
    openedAt: true,
    inspectionOutcome: true,
  }),
);

const feedbackRecord = describes<FeedbackRecord>()(
  z.object({
    externalId: z.string(),
    source: z.string(),
    sku: z.string().nullable(),
    productName: z.string().nullable(),
    rating: maybe,
    text: z.string().nullable(),
    language: z.string().nullable(),
    sentimentScore: maybe,
    sentimentBy: z.enum(TEXT_LABELLERS).nullable(),
    label: z.string().nullable(),
    createdAt: z.string(),
  }),
);

export const claimRecordsSchema = describes<
  RecordsPage<ClaimRecord> & { readonly period: AnalyticsPeriod }
>()(recordsPage(claimRecord));

export const supplierClaimRecordsSchema = describes<
  RecordsPage<SupplierClaimRecord> & { readonly period: AnalyticsPeriod }
>()(recordsPage(supplierClaimRecord));

export const feedbackRecordsSchema = describes<
  RecordsPage<FeedbackRecord> & { readonly period: AnalyticsPeriod }
>()(recordsPage(feedbackRecord));

const sentimentCounts = { positive: count, neutral: count, negative: count, netSentiment: maybe };

export const aspectsReportSchema = describes<AspectsReport>()(
  z.object({
    period,
    aspects: z.array(z.object({ aspect: z.string(), label: z.string(), ...sentimentCounts })),
    byLanguage: z.array(z.object({ language: z.string(), aspect: z.string(), ...sentimentCounts })),
    products: z.array(
      z.object({
        sku: z.string(),
        name: z.string(),
        negativeMentions: count,
        topNegativeAspect: z.string(),
        claims: count,
        topReason: z.string().nullable(),
      }),
    ),
  }),
);

export const textModelsReportSchema = describes<TextModelsReport>()(
  z.object({
    minExamples: count.describe('Fewest labelled texts a model is adapted from'),
    models: z.array(
      z.object({
        task: z.enum(TEXT_MODEL_TASKS),
        language: z.string().describe('ISO 639-1 code, or * for every language'),
        labelledTexts: count,
        classes: z.array(z.string()),
        inUse: z.boolean(),
        why: z.string(),
        adaptedScore: z.number(),
        baseScore: z.number(),
        agreement: z.number().nullable(),
        agreementOf: count,
        labels: count,
        trainedAt: z.string(),
      }),
    ),
    waiting: z.array(
      z.object({ task: z.enum(TEXT_MODEL_TASKS), language: z.string(), labelledTexts: count }),
    ),
  }),
);

export const reasonMismatchReportSchema = describes<ReasonMismatchReport>()(
  z.object({
    period,
    withText: count.describe('Claims with a text and a stated reason'),
    inferred: count,
    mismatched: count,
    pairs: z.array(z.object({ stated: z.string(), inferred: z.string(), claims: count })),
  }),
);

export const definitionsSchema = describes<{
  readonly language: UiLanguage;
  readonly metrics: readonly MetricDefinition[];
}>()(
  z.object({
    language: z.enum(UI_LANGUAGES).describe('The language the definitions are written in'),
    metrics: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        definition: z.string(),
        includes: z.string(),
        excludes: z.string(),
        clock: z.string(),
      }),
    ),
  }),
);

export class WeeklyReportDto extends createZodDto(weeklyReportSchema) {}
export class ParetoResultDto extends createZodDto(paretoResultSchema) {}
export class ReasonMatrixDto extends createZodDto(reasonMatrixSchema) {}
export const returnRateReportSchema = describes<ReturnRateReport>()(
  z.object({
    period,
    by: z.enum(['supplier', 'product', 'category']),
    cohorts: cohortReturnRates,
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        unitsSold: count.describe('Units ordered in the mature cohort weeks of the period'),
        returnedUnits: count.describe('Of them, units that came back'),
        rate: maybe,
        ci95: interval.nullable(),
        immatureUnitsSold: count.describe(
          'Units ordered in cohort weeks still in their return window',
        ),
        immatureReturnedUnits: count.describe('Of them, units back so far (not final)'),
      }),
    ),
  }),
);

export class ReturnRateReportDto extends createZodDto(returnRateReportSchema) {}
export class SupplierScorecardDto extends createZodDto(supplierScorecardSchema) {}
export class ProductScorecardDto extends createZodDto(productScorecardSchema) {}
export class SlaReportDto extends createZodDto(slaReportSchema) {}
export class FeedbackReportDto extends createZodDto(feedbackReportSchema) {}
export class KpiSetDto extends createZodDto(kpiSetSchema) {}
export class ClaimRecordsPageDto extends createZodDto(claimRecordsSchema) {}
export class SupplierClaimRecordsPageDto extends createZodDto(supplierClaimRecordsSchema) {}
export class FeedbackRecordsPageDto extends createZodDto(feedbackRecordsSchema) {}
export class AspectsReportDto extends createZodDto(aspectsReportSchema) {}
export class ReasonMismatchReportDto extends createZodDto(reasonMismatchReportSchema) {}
export class TextModelsReportDto extends createZodDto(textModelsReportSchema) {}
export class MetricDefinitionsDto extends createZodDto(definitionsSchema) {}
