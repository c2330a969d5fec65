import type { IsoWeekRef, KpiComparison } from './weekly-report';

/**
 * The filters every analytics endpoint takes (as query parameters; lists comma-separated).
 * `from`/`to` are ISO weeks (`2026-W07`) or dates (`2026-02-11`, meaning its week); the
 * default period is the 12 weeks ending with the latest complete week that has data.
 */
export interface AnalyticsFilters {
  readonly from?: string;
  readonly to?: string;
  readonly supplier?: readonly string[];
  readonly product?: readonly string[];
  readonly category?: readonly string[];
  readonly channel?: readonly string[];
  readonly type?: readonly string[];
  readonly reasonCategory?: readonly string[];
  readonly reason?: readonly string[];
  readonly language?: readonly string[];
}

export const FILTER_KEYS = [
  'supplier',
  'product',
  'category',
  'channel',
  'type',
  'reasonCategory',
  'reason',
  'language',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The period an answer covers, echoed in every response. */
export interface AnalyticsPeriod {
  readonly timeZone: string;
  readonly from: IsoWeekRef;
  readonly to: IsoWeekRef;
  readonly weeks: readonly IsoWeekRef[];
  /** Where the figures came from: `rollup` tables or a `raw` scan (filters no rollup covers). */
  readonly source: 'rollup' | 'raw';
}

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

export interface ReasonMixItem {
  readonly reasonCode: string;
  readonly claims: number;
}

export interface SupplierScore {
  readonly supplierId: string;
  readonly name: string;
  readonly unitsSold: number;
  readonly claims: number;
  readonly defectUnits: number;
  /** defect units ÷ units sold; null without sales. */
  readonly defectRate: number | null;
  readonly ppm: number | null;
  readonly ci95: Interval | null;
  /** Funnel-plot limits around the overall rate for this supplier's volume. */
  readonly limits95: Interval | null;
  readonly limits998: Interval | null;
  /** `above` the 99.8 % limit, `warning` above 95 %, `below` under the lower 95 % limit. */
  readonly signal: 'above' | 'warning' | 'within' | 'below' | 'no_sales';
  /** Defect rate per week of the period, aligned with `period.weeks`; null without sales. */
  readonly trend: readonly (number | null)[];
  readonly topReasons: readonly ReasonMixItem[];
  readonly netSentiment: number | null;
  readonly feedbackItems: number;
}

export interface SupplierScorecard {
  readonly period: AnalyticsPeriod;
  readonly overallDefectRate: number | null;
  readonly suppliers: readonly SupplierScore[];
}

export interface ProductScore {
  readonly sku: string;
  readonly name: string;
  readonly supplierId: string;
  readonly category: string;
  readonly unitsSold: number;
  readonly claims: number;
  readonly defectUnits: number;
  readonly defectRate: number | null;
  readonly ci95: Interval | null;
  readonly topReasons: readonly ReasonMixItem[];
}

export interface ProductScorecard {
  readonly period: AnalyticsPeriod;
  readonly products: readonly ProductScore[];
}

export interface ParetoResult {
  readonly period: AnalyticsPeriod;
  readonly rows: readonly {
    readonly reasonCode: string;
    readonly reasonLabel: string;
    readonly category: string;
    readonly claims: number;
    readonly units: number;
    readonly share: number;
    readonly cumulativeShare: number;
    readonly stated: number;
    readonly inferred: number;
  }[];
}

export const MATRIX_DIMENSIONS = ['supplier', 'product', 'category'] as const;
export type MatrixDimension = (typeof MATRIX_DIMENSIONS)[number];

export interface ReasonMatrix {
  readonly period: AnalyticsPeriod;
  readonly by: MatrixDimension;
  readonly reasons: readonly string[];
  readonly columns: readonly { readonly key: string; readonly label: string }[];
  /** One cell per non-empty (reason, column) pair. */
  readonly cells: readonly {
    readonly reasonCode: string;
    readonly key: string;
    readonly claims: number;
    readonly units: number;
  }[];
}

export const SLA_METRICS = ['first_response', 'resolution', 'refund'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const SLA_CLOCKS = ['calendar', 'business'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

export interface SlaPolicy {
  readonly id: number;
  readonly name: string;
  readonly metric: SlaMetric;
  readonly targetHours: number;
  readonly clock: SlaClock;
  readonly claimTypes: readonly string[];
  /** Closed claims count only with one of these resolutions (null: any). */
  readonly resolutions: readonly string[] | null;
  /** An open claim this close to its deadline is at risk. */
  readonly atRiskHours: number;
}

export interface BusinessCalendarSettings {
  readonly timeZone: string;
  readonly workingDays: readonly number[];
  readonly hours: readonly { readonly start: string; readonly end: string }[];
  readonly holidays: readonly string[];
}

export interface SlaAttainmentRow {
  readonly met: number;
  readonly breached: number;
  readonly attainment: number | null;
}

export interface SlaReport {
  readonly period: AnalyticsPeriod;
  readonly clock: SlaClock;
  readonly now: string;
  readonly policies: readonly (SlaPolicy &
    SlaAttainmentRow & {
      readonly pending: number;
      readonly weekly: readonly SlaAttainmentRow[];
    })[];
  /** Median and p90 in hours per week, aligned with `period.weeks`. */
  readonly durations: readonly {
    readonly metric: SlaMetric;
    readonly median: readonly (number | null)[];
    readonly p90: readonly (number | null)[];
    readonly count: readonly number[];
  }[];
  readonly byChannel: readonly ({ readonly channel: string } & SlaAttainmentRow)[];
  readonly byAssignee: readonly ({ readonly assignee: string } & SlaAttainmentRow)[];
  readonly repeatContactRate: number | null;
  readonly atRisk: readonly SlaOpenClaim[];
  readonly breachesOpen: readonly SlaOpenClaim[];
  /** Open claims by age: `< 1 d`, `1–3 d`, `3–7 d`, `7–14 d`, `≥ 14 d`. */
  readonly backlogAging: readonly { readonly bucket: string; readonly claims: number }[];
}

export interface SlaOpenClaim {
  readonly externalId: string;
  readonly policyId: number;
  readonly policy: string;
  readonly type: string;
  readonly channel: string;
  readonly assignee: string | null;
  readonly openedAt: string;
  /** Null for a business-hours policy (the deadline moves with opening hours). */
  readonly deadline: string | null;
  /** Hours left (negative once breached). */
  readonly hoursLeft: number;
}

export interface FeedbackReport {
  readonly period: AnalyticsPeriod;
  readonly items: number;
  /** Items per rating 1–5 (index 0 = 1★). */
  readonly ratings: readonly number[];
  readonly unrated: number;
  readonly netSentiment: number | null;
  readonly trend: readonly {
    readonly week: string;
    readonly positive: number;
    readonly neutral: number;
    readonly negative: number;
    readonly netSentiment: number | null;
  }[];
  readonly byLanguage: readonly {
    readonly language: string;
    readonly items: number;
    readonly netSentiment: number | null;
    readonly meanScore: number | null;
  }[];
  readonly bySupplier: readonly {
    readonly supplierId: string;
    readonly name: string;
    readonly items: number;
    readonly netSentiment: number | null;
  }[];
}

export interface KpiSet {
  readonly period: AnalyticsPeriod;
  /** Median hours from opening to resolution (calendar clock). */
  readonly processingTimeHours: number | null;
  readonly repeatContactRate: number | null;
  /** Returns (return, return_defective) ÷ all claims. */
  readonly returnShare: number | null;
  /** Negative ÷ labelled feedback items. */
  readonly negativeReviewShare: number | null;
  readonly claims: number;
}

export interface Mover {
  readonly kind: 'reason' | 'product' | 'supplier';
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly baseline: number;
  readonly pValue: number;
  readonly qValue: number;
}

/** The weekly report's KPIs beyond claims and units. */
export interface WeeklyKpis {
  readonly returnRate: KpiComparison | null;
  /** Refunds paid per currency (never summed across currencies). */
  readonly refundsPaid: readonly { readonly currency: string; readonly kpi: KpiComparison }[];
  readonly medianFirstResponseHours: KpiComparison | null;
  readonly slaAttainment: KpiComparison | null;
  readonly netSentiment: KpiComparison | null;
}

export interface RecordsPage<T> {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly sort: string;
  readonly order: 'asc' | 'desc';
  readonly rows: readonly T[];
}

export interface ClaimRecord {
  readonly externalId: string;
  readonly type: string;
  readonly channel: string;
  readonly sku: string | null;
  readonly productName: string | null;
  readonly supplierId: string | null;
  readonly reasonCode: string;
  readonly reasonSource: string;
  /** The reason read in the claim's text, also when a reason was stated (null: none). */
  readonly inferredReasonCode: string | null;
  readonly reasonText: string | null;
  readonly quantity: number;
  readonly openedAt: string;
  readonly firstResponseAt: string | null;
  readonly resolvedAt: string | null;
  readonly refundedAt: string | null;
  readonly status: string;
  readonly resolution: string | null;
  readonly refundAmount: string | null;
  readonly currency: string | null;
  readonly inspectionOutcome: string | null;
  readonly contactCount: number;
  readonly assignee: string | null;
}

/**
 * A claim as the supplier pages show it (`GET /api/analytics/records/supplier-claims`, the
 * `suppliers` permission): what the product and the customer said, never how the claim was
 * handled — no SLA instants, status, resolution, refund, contacts or assignee.
 */
export type SupplierClaimRecord = Pick<
  ClaimRecord,
  | 'externalId'
  | 'type'
  | 'channel'
  | 'sku'
  | 'productName'
  | 'supplierId'
  | 'reasonCode'
  | 'reasonSource'
  | 'inferredReasonCode'
  | 'reasonText'
  | 'quantity'
  | 'openedAt'
  | 'inspectionOutcome'
>;

export interface FeedbackRecord {
  readonly externalId: string;
  readonly source: string;
  readonly sku: string | null;
  readonly productName: string | null;
  readonly rating: number | null;
  readonly text: string | null;
  readonly language: string | null;
  readonly sentimentScore: number | null;
  readonly label: string | null;
  readonly createdAt: string;
}

export interface MetricDefinition {
  readonly id: string;
  readonly name: string;
  readonly definition: string;
  readonly includes: string;
  readonly excludes: string;
  readonly clock: string;
}

export interface AspectSentimentCounts {
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
  readonly netSentiment: number | null;
}

/** What reviews talk about, with the sentiment of each mention, and the returns behind it. */
export interface AspectsReport {
  readonly period: AnalyticsPeriod;
  readonly aspects: readonly ({
    readonly aspect: string;
    readonly label: string;
  } & AspectSentimentCounts)[];
  readonly byLanguage: readonly ({
    readonly language: string;
    readonly aspect: string;
  } & AspectSentimentCounts)[];
  /**
   * Products with the most negative aspect mentions, beside their claims in the same period:
   * the link between what reviews complain about and what comes back.
   */
  readonly products: readonly {
    readonly sku: string;
    readonly name: string;
    readonly negativeMentions: number;
    readonly topNegativeAspect: string;
    readonly claims: number;
    readonly topReason: string | null;
  }[];
}

/** Claims whose text suggests another reason than the one given (stated vs inferred). */
export interface ReasonMismatchReport {
  readonly period: AnalyticsPeriod;
  /** Claims with a text and a stated reason. */
  readonly withText: number;
  readonly inferred: number;
  readonly mismatched: number;
  readonly pairs: readonly {
    readonly stated: string;
    readonly inferred: string;
    readonly claims: number;
  }[];
}
