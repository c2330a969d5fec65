import type { AnalyticsPeriod } from './analytics';
import type { ResolutionOutcome } from './domain';

/**
 * Money and resolutions (docs/metrics.md): how claims end, and what they cost the shop.
 * Amounts are per currency and never added across currencies.
 */

/** The claims of one group (a week, reason or supplier) that ended in one resolution. */
export interface ResolutionMixRow {
  readonly resolution: ResolutionOutcome;
  readonly claims: number;
  readonly units: number;
  /** claims ÷ all claims of the group. */
  readonly share: number;
}

export interface ResolutionWeekRow extends ResolutionMixRow {
  /** Monday of the opening week, `YYYY-MM-DD`. */
  readonly week: string;
  /** The week is over (a week that is not counts its claims so far). */
  readonly complete: boolean;
}

export interface ResolutionReasonRow extends ResolutionMixRow {
  readonly reasonCode: string;
  readonly reasonLabel: string;
}

export interface ResolutionSupplierRow extends ResolutionMixRow {
  /** `''`: claims whose product has no supplier (or no known product). */
  readonly supplierId: string;
  readonly supplierName: string;
}

/** The money paid so far on the claims of one resolution, in one currency. */
export interface ResolutionAmountRow {
  readonly resolution: ResolutionOutcome;
  readonly currency: string;
  /** Claims of this resolution with an amount in this currency. */
  readonly claims: number;
  readonly refunds: number;
  readonly refundAmount: number;
  readonly costClaims: number;
  readonly costAmount: number;
}

/** `GET /api/analytics/resolutions` (the `claims` permission). */
export interface ResolutionsReport {
  readonly period: AnalyticsPeriod;
  /** Every resolution of every week of the period, oldest first. */
  readonly weekly: readonly ResolutionWeekRow[];
  readonly byReason: readonly ResolutionReasonRow[];
  readonly bySupplier: readonly ResolutionSupplierRow[];
  readonly amounts: readonly ResolutionAmountRow[];
}

/** `GET /api/analytics/resolutions/suppliers` (also the `suppliers` permission): counts only. */
export interface SupplierResolutionsReport {
  readonly period: AnalyticsPeriod;
  readonly bySupplier: readonly ResolutionSupplierRow[];
}

/** Money that went out in one week, in one currency. */
export interface MoneyWeekRow {
  /** Monday, `YYYY-MM-DD`. */
  readonly week: string;
  /** The week is over; a week that is not holds its money so far. */
  readonly complete: boolean;
  readonly currency: string;
  /** Refunds paid in the week (by `refunded_at`) and their sum. */
  readonly refunds: number;
  readonly refundAmount: number;
  /** Claims whose handling cost was booked in the week, and its sum. */
  readonly costClaims: number;
  readonly costAmount: number;
}

/** Cost of poor quality of one supplier, product or reason, in one currency. */
export interface CostOfQualityRow {
  /** Supplier id, SKU or reason code (`''`: none known). */
  readonly key: string;
  readonly label: string;
  readonly currency: string;
  /** Claims with money in the period (a refund paid, a handling cost, or both). */
  readonly claims: number;
  readonly refunds: number;
  readonly refundAmount: number;
  readonly costClaims: number;
  readonly costAmount: number;
  /** refundAmount + costAmount. */
  readonly total: number;
}

/** `GET /api/analytics/money` (the `claims` permission). */
export interface MoneyReport {
  readonly period: AnalyticsPeriod;
  /** Currencies with money in the period, most money first. */
  readonly currencies: readonly string[];
  /** Every week of the period × currency, oldest first. */
  readonly weekly: readonly MoneyWeekRow[];
  /** Largest total first. */
  readonly bySupplier: readonly CostOfQualityRow[];
  readonly byProduct: readonly CostOfQualityRow[];
  readonly byReason: readonly CostOfQualityRow[];
}
