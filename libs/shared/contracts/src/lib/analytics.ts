import type { IsoWeekRef, KpiComparison } from './weekly-report';
import type { TextLabeller } from './text';

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
  /**
   * Present while claims batches are still analysed in the background: their claims without
   * a stated reason count as `other` until their text is read, so the reasons are provisional.
   */
  readonly analysing?: TextAnalysisInProgress;
}

export const MATRIX_DIMENSIONS = ['supplier', 'product', 'category'] as const;
export type MatrixDimension = (typeof MATRIX_DIMENSIONS)[number];

export interface ReasonMatrix {
  readonly period: AnalyticsPeriod;
  readonly by: MatrixDimension;
  readonly reasons: readonly string[];
  readonly columns: readonly { readonly key: string; readonly label: string }[];
  /**
   * One cell per non-empty (reason, column) pair, with the names beside the codes: the tidy
   * long table (row, column, value) its CSV and Arrow exports hold (`?table=cells`).
   */
  readonly cells: readonly {
    readonly reasonCategory: string;
    readonly reasonCode: string;
    readonly reasonLabel: string;
    readonly key: string;
    readonly label: string;
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

/** One week of a policy: only claims whose deadline has passed count in met and breached. */
export interface SlaWeekRow extends SlaAttainmentRow {
  /** Claims of the week whose deadline has not passed yet (or, open, whose policy is undecided). */
  readonly pending: number;
  /** Some claim of the week is still pending: the value can still change; never tested. */
  readonly immature: boolean;
}

export interface SlaReport {
  readonly period: AnalyticsPeriod;
  readonly clock: SlaClock;
  readonly now: string;
  readonly policies: readonly (SlaPolicy &
    SlaAttainmentRow & {
      readonly pending: number;
      /** Aligned with `period.weeks`. */
      readonly weekly: readonly SlaWeekRow[];
    })[];
  /**
   * Kaplan–Meier median and p90 in hours per week of opening, aligned with `period.weeks`:
   * `count` claims whose event happened, `open` still waiting (censored at their age).
   */
  readonly durations: readonly {
    readonly metric: SlaMetric;
    readonly median: readonly (number | null)[];
    readonly p90: readonly (number | null)[];
    readonly count: readonly number[];
    readonly open: readonly number[];
  }[];
  /** Per policy and channel (each claim once per policy). */
  readonly byChannel: readonly ({
    readonly policyId: number;
    readonly channel: string;
  } & SlaAttainmentRow)[];
  /** Per policy and assignee (`''`: unassigned). */
  readonly byAssignee: readonly ({
    readonly policyId: number;
    readonly assignee: string;
  } & SlaAttainmentRow)[];
  readonly repeatContactRate: number | null;
  /** Distinct open claims close to a deadline, and past one (any opening week). */
  readonly atRiskClaims: number;
  readonly breachedOpenClaims: number;
  /** One row per (claim, policy), nearest deadline first: the first 100, every one with `lists=all`. */
  readonly atRisk: readonly SlaOpenClaim[];
  /** One row per (claim, policy), most overdue first: the first 100, every one with `lists=all`. */
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

export const DELIVERY_OUTCOMES = ['on_time', 'late'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export interface FeedbackByDelivery {
  readonly delivery: DeliveryOutcome;
  readonly items: number;
  /** Items per rating 1–5 (index 0 = 1★); unrated items are in `items` only. */
  readonly ratings: readonly number[];
  readonly netSentiment: number | null;
}

export interface FeedbackReport {
  readonly period: AnalyticsPeriod;
  readonly items: number;
  /** Items per rating 1–5 (index 0 = 1★). */
  readonly ratings: readonly number[];
  readonly unrated: number;
  /**
   * The rating chart's own table (its CSV and Arrow export): items per rating 1–5 and their
   * share of the rated items; unrated items (text only) are not in it.
   */
  readonly byRating: readonly {
    readonly rating: number;
    readonly items: number;
    readonly share: number | null;
  }[];
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
  /**
   * Feedback whose order (or order line) was delivered with a promised date, by whether it
   * came late (`delivered_at` after `promised_at` on any of its lines) — docs/metrics.md,
   * "Feedback by delivery".
   */
  readonly byDelivery: readonly FeedbackByDelivery[];
  /**
   * Present while feedback batches are still analysed in the background: their texts count
   * as unscored until then, so the sentiment figures are provisional.
   */
  readonly analysing?: TextAnalysisInProgress;
}

/** Batches whose texts are still being analysed, and how many texts are left. */
export interface TextAnalysisInProgress {
  readonly batches: number;
  readonly remaining: number;
}

/** One figure of the case-study strip against the shop's target and its own previous period. */
export interface CaseStudyKpi {
  /** Null when the period has no data for it (or, for a duration, too many still open). */
  readonly value: number | null;
  /** The same figure over the period of equal length just before. */
  readonly previous: number | null;
  readonly target: number;
  /** Whether lower or higher is better. */
  readonly better: 'lower' | 'higher';
  /** Null without a value. */
  readonly meetsTarget: boolean | null;
  /** Observations behind the value (claims, answers, units sold). */
  readonly n: number;
}

/**
 * The case-study strip (docs/metrics.md, "Case-study KPIs"): the four figures the practice this
 * product encodes tracks, each against a target the shop sets and its previous period.
 */
export interface KpiSet {
  readonly period: AnalyticsPeriod;
  /** Median hours from opening to resolution (calendar clock), Kaplan–Meier: open claims censored. */
  readonly processingTimeHours: CaseStudyKpi & {
    /** Claims of the period still open (counted as censored at their age). */
    readonly stillOpen: number;
  };
  /** Share of satisfied answers (4–5 of 5) among rated CSAT and survey answers. */
  readonly satisfaction: CaseStudyKpi;
  /** Claims that took more than one contact ÷ all claims. */
  readonly repeatContactRate: CaseStudyKpi;
  /** Share of goods returned: the cohort return rate of the mature order weeks. */
  readonly returnShare: CaseStudyKpi & {
    /** The order weeks the value is of (mature cohorts of the period, or the latest before it). */
    readonly cohortWeeks: readonly string[];
  };
  /** Negative ÷ labelled feedback items. */
  readonly negativeReviewShare: number | null;
  readonly claims: number;
}

/**
 * A rate that moved against its own baseline (docs/metrics.md, "Movers"): a supplier's defect
 * rate, a product's claim rate (per unit sold) or a reason's share of all claims.
 */
export interface Mover {
  readonly kind: 'reason' | 'product' | 'supplier';
  readonly key: string;
  readonly label: string;
  readonly metric: 'defect_rate' | 'claim_rate' | 'reason_share';
  /** The rate in the reported week. */
  readonly value: number;
  /** The rate over the baseline weeks (pooled). */
  readonly baseline: number;
  /** Events (defect units, claims) in the reported week and in the baseline weeks. */
  readonly count: number;
  readonly baselineCount: number;
  /** Exposure: units sold (rates per unit) or all claims (reason shares). */
  readonly exposure: number;
  readonly baselineExposure: number;
  /** value ÷ baseline (Infinity when the baseline is 0). */
  readonly rateRatio: number | null;
  readonly direction: 'up' | 'down';
  /** The item's most frequent reason this week (products and suppliers). */
  readonly topReason: string | null;
  readonly pValue: number;
  readonly qValue: number;
}

/** What the movers compared: how many candidates, over which weeks. */
export interface MoversTest {
  /** Rates tested together (Benjamini–Hochberg across all of them). */
  readonly candidates: number;
  readonly baselineWeeks: number;
  /** Set when the reported week was not tested (then `movers` is empty). */
  readonly untested?: import('./weekly-report').UntestedReason;
}

/** The weekly report's KPIs beyond claims and units. */
export interface WeeklyKpis {
  readonly returnRate: KpiComparison | null;
  /** Refunds paid per currency (never summed across currencies). */
  readonly refundsPaid: readonly { readonly currency: string; readonly kpi: KpiComparison }[];
  /** Kaplan–Meier median per week (open claims censored); compared, never tested. */
  readonly medianFirstResponseHours: KpiComparison | null;
  /** Claims of the reported week still waiting for a first response. */
  readonly firstResponseStillOpen: number;
  /** SLA attainment per policy, each its own test on mature weeks only. */
  readonly slaPolicies: readonly SlaPolicyKpi[];
  readonly netSentiment: KpiComparison | null;
}

/** One SLA policy's attainment in the reported week against its own previous four weeks. */
export interface SlaPolicyKpi {
  readonly policyId: number;
  readonly name: string;
  readonly metric: SlaMetric;
  readonly targetHours: number;
  /** Claims of the reported week that are not yet due. */
  readonly pending: number;
  /** The reported week still has pending claims: never tested nor part of a baseline. */
  readonly immature: boolean;
  /**
   * The reported week, or while it is immature the latest mature week (`kpi.week`), against
   * the mature weeks among the four before it; null while no week has a due claim.
   */
  readonly kpi: KpiComparison | null;
}

export interface RecordsPage<T> {
  readonly total: number;
  /** Claims pages: the units (quantities) of all `total` claims, for figures that count units. */
  readonly units?: number;
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
  /** How sure the reading of the text is, 0–1 (null: no reason read). */
  readonly inferredConfidence: number | null;
  /** Who read it: the shipped cues, or the model learnt from the shop's stated reasons. */
  readonly inferredBy: TextLabeller | null;
  readonly reasonText: string | null;
  readonly quantity: number;
  readonly openedAt: string;
  readonly firstResponseAt: string | null;
  readonly resolvedAt: string | null;
  readonly refundedAt: string | null;
  readonly status: string;
  readonly resolution: string | null;
  readonly refundAmount: string | null;
  /** What handling the claim cost besides a refund (replacement, repair, shipping). */
  readonly costAmount: string | null;
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
  | 'inferredConfidence'
  | 'inferredBy'
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
  /** Who read the text's sentiment: the shipped analysis, or the model learnt from the shop's stars. */
  readonly sentimentBy: TextLabeller | null;
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
