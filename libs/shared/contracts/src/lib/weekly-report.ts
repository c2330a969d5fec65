import type { ReasonCategoryCode } from './reasons';

/** An ISO week, e.g. `2026-W47`, with its bounds as calendar dates in the shop's time zone. */
export interface IsoWeekRef {
  readonly week: string;
  /** Monday, `YYYY-MM-DD`. */
  readonly start: string;
  /** Sunday, `YYYY-MM-DD`. */
  readonly end: string;
}

export interface KpiComparison {
  readonly value: number;
  /** Mean of the previous four weeks. */
  readonly baseline: number;
  readonly change: number;
  /** `null` when the baseline is zero. */
  readonly relativeChange: number | null;
  /** Two-sided Poisson test of the week's count against the baseline rate. */
  readonly pValue: number;
  readonly significant: boolean;
  /** The value in each of the 12 weeks ending with the reported week, oldest first. */
  readonly sparkline: readonly number[];
  /** Set when the value is shown but not tested (then `significant` is false, `pValue` 1). */
  readonly untested?: UntestedReason;
  /** The week the value belongs to when it is not the reported week (a mature cohort). */
  readonly week?: IsoWeekRef;
}

export interface ParetoRow {
  readonly reasonCode: string;
  readonly reasonLabel: string;
  readonly category: ReasonCategoryCode;
  readonly claims: number;
  readonly share: number;
  readonly cumulativeShare: number;
}

export interface CategoryTrend {
  readonly category: ReasonCategoryCode;
  readonly label: string;
  /** Claims per week, aligned with `WeeklyReport.trendWeeks`. */
  readonly claims: readonly number[];
}

export interface WeeklyReport {
  readonly timeZone: string;
  readonly week: IsoWeekRef;
  /** False while the reported week is not over: nothing of it is tested. */
  readonly weekComplete: boolean;
  /** Return rate by order cohort over the report's 12 weeks. */
  readonly returnCohorts: CohortReturnRates;
  /** The four weeks the baseline is averaged over, oldest first. */
  readonly baselineWeeks: readonly IsoWeekRef[];
  readonly claimsReceived: KpiComparison;
  readonly unitsReturned: KpiComparison;
  readonly pareto: readonly ParetoRow[];
  readonly trendWeeks: readonly IsoWeekRef[];
  readonly trend: readonly CategoryTrend[];
  /** Newest `opened_at` in the database, ISO 8601, or null when there are no claims. */
  readonly dataThrough: string | null;
  /** Return rate, refunds, first response, SLA and sentiment against their baselines. */
  readonly kpis: import('./analytics').WeeklyKpis;
  /** Suppliers, products and reasons whose rate moved significantly (q < 0.05), largest effect first. */
  readonly movers: readonly import('./analytics').Mover[];
  readonly moversTest: import('./analytics').MoversTest;
}

/** Why a figure carries no significance test. */
export type UntestedReason =
  /** The reported week is not over yet. */
  | 'incomplete_week'
  /** The value's period has not matured (a sales cohort inside its return window, SLA deadlines not passed). */
  | 'immature'
  /** Fewer observations than a test needs. */
  | 'too_few';

/** One order week's cohort: units ordered in it and how many of them came back so far. */
export interface CohortWeek {
  readonly week: IsoWeekRef;
  readonly unitsSold: number;
  readonly returnedUnits: number;
  /** returnedUnits ÷ unitsSold; null without sales. */
  readonly rate: number | null;
  /** False while the week's return window has not passed: more returns are still to come. */
  readonly mature: boolean;
}

/** Return rate by order cohort (docs/metrics.md, "Return rate"). */
export interface CohortReturnRates {
  readonly returnWindowDays: number;
  /** Cohort weeks end this many days + the window before `asOf` to be mature. */
  readonly asOf: string;
  /** The order weeks of the period, oldest first. */
  readonly weeks: readonly CohortWeek[];
  /** Returns opened in the period whose order line is unknown: in no cohort. */
  readonly unmatchedReturns: number;
  /** All returns opened in the period (matched or not). */
  readonly returnsOpened: number;
}

/** The reporting settings of a shop (PUT /api/settings/reporting). */
export interface ReportingSettings {
  /** Days after the end of an order week until its cohort's return rate is final. */
  readonly returnWindowDays: number;
  readonly targets: CaseStudyTargets;
}

/** Targets of the case-study strip (defaults from the practice this product encodes). */
export interface CaseStudyTargets {
  /** Median processing time (opening to resolution), hours: at most. */
  readonly processingHours: number;
  /** Share of satisfied customers (top box of CSAT / surveys): at least. */
  readonly satisfaction: number;
  /** Share of claims with a repeat contact: at most. */
  readonly repeatContact: number;
  /** Share of goods returned (cohort return rate): at most. */
  readonly returnShare: number;
}

export const DEFAULT_REPORTING_SETTINGS: ReportingSettings = {
  returnWindowDays: 30,
  targets: { processingHours: 24, satisfaction: 0.95, repeatContact: 0.1, returnShare: 0.03 },
};

/** What a return rate is broken down by. */
export type ReturnRateBy = 'supplier' | 'product' | 'category';

/** One item's return rate over the mature cohorts of the period. */
export interface ReturnRateRow {
  readonly key: string;
  readonly label: string;
  /** Units ordered in the mature cohort weeks, and how many came back. */
  readonly unitsSold: number;
  readonly returnedUnits: number;
  readonly rate: number | null;
  readonly ci95: import('./analytics').Interval | null;
  /** The immature cohort weeks of the period: returns so far, not final. */
  readonly immatureUnitsSold: number;
  readonly immatureReturnedUnits: number;
}

export interface ReturnRateReport {
  readonly period: import('./analytics').AnalyticsPeriod;
  readonly by: ReturnRateBy;
  readonly cohorts: CohortReturnRates;
  readonly rows: readonly ReturnRateRow[];
}
