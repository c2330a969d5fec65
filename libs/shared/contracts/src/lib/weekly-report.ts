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
  /** Reasons, products and suppliers whose week rose significantly (q < 0.05). */
  readonly movers: readonly import('./analytics').Mover[];
}
