import type { MatrixDimension } from './analytics';

/** Query parameters of a records request (lists comma-separated), as the dashboard sends them. */
export type DrillParams = Readonly<Record<string, string>>;

/**
 * The records behind one figure: which records route (`/api/analytics/records/<kind>`), with
 * which parameters, and what the figure counts of them — the records themselves (`total` of
 * the page) or their units (`units` of the page). The dashboard opens these in its records
 * drawer; the drill-down property test asks the API the same and compares with the figure.
 */
export interface Drill {
  readonly kind: 'claims' | 'supplier-claims' | 'feedback';
  readonly params: DrillParams;
  readonly counts: 'records' | 'units';
}

/** The filters a figure narrows to, besides those of its page. */
export type DrillNarrow = Readonly<Record<string, string | undefined>>;

/** The page's parameters, narrowed to the figure's (its own values win; undefined is dropped). */
function narrow(base: DrillParams, extra: DrillNarrow): DrillParams {
  const out: Record<string, string> = { ...base };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out;
}

const claims = (base: DrillParams, extra: DrillNarrow, counts: Drill['counts'] = 'records') =>
  ({ kind: 'claims', params: narrow(base, extra), counts }) as const satisfies Drill;

/** One ISO week of a page: from = to = the week. */
const weekOf = (week: string) => ({ from: week, to: week });

/** A bar of a reason Pareto: the claims of that reason. */
export const drillReason = (base: DrillParams, reasonCode: string): Drill =>
  claims(base, { reason: reasonCode });

/** A cell of a reason matrix: the claims of that reason and supplier, product or category. */
export const drillMatrixCell = (
  base: DrillParams,
  by: MatrixDimension,
  key: string,
  reasonCode?: string,
): Drill => claims(base, { [by]: key, reason: reasonCode });

/** A node of the root-cause tree: a reason category, a reason, or a reason and a product. */
export const drillRootCause = (
  base: DrillParams,
  node: { reasonCategory?: string; reason?: string; product?: string },
): Drill =>
  claims(base, {
    reasonCategory: node.reasonCategory,
    reason: node.reason,
    product: node.product,
  });

/** A week of the weekly report (its claims received, or units in claims). */
export const drillWeek = (
  base: DrillParams,
  week: string,
  counts: Drill['counts'] = 'records',
): Drill => claims(base, weekOf(week), counts);

/** A point of the weekly trend: the claims of one reason category opened in one week. */
export const drillWeekCategory = (base: DrillParams, week: string, category: string): Drill =>
  claims(base, { ...weekOf(week), reasonCategory: category });

/**
 * A supplier's or product's figure on the supplier pages (what a buyer may read): its claims,
 * or — for a defect rate, defect units or PPM — the claims that count as defects, by units.
 */
export const drillScorecard = (
  base: DrillParams,
  target: { supplier?: string; product?: string; week?: string; reason?: string },
  figure: 'claims' | 'defects' = 'claims',
): Drill => ({
  kind: 'supplier-claims',
  params: narrow(base, {
    supplier: target.supplier,
    product: target.product,
    reason: target.reason,
    ...(target.week ? weekOf(target.week) : {}),
    defect: figure === 'defects' ? 'true' : undefined,
  }),
  counts: figure === 'defects' ? 'units' : 'records',
});

/** A feedback figure: a rating (0 = unrated), a label, a week, a language or a supplier. */
export const drillFeedback = (
  base: DrillParams,
  target: {
    rating?: number;
    label?: string;
    week?: string;
    language?: string;
    supplier?: string;
    /** `byDelivery`: feedback whose order came on time, or late. */
    delivery?: 'on_time' | 'late';
  },
): Drill => ({
  kind: 'feedback',
  params: narrow(base, {
    rating: target.rating === undefined ? undefined : String(target.rating),
    label: target.label,
    language: target.language,
    supplier: target.supplier,
    delivery: target.delivery,
    ...(target.week ? weekOf(target.week) : {}),
  }),
  counts: 'records',
});

/**
 * An order week of the return rate by order cohort: the returns of the orders placed that
 * week, whenever they were opened; the figure counts their units.
 */
export const drillCohort = (base: DrillParams, week: string): Drill =>
  claims(base, { ...weekOf(week), cohort: 'true' }, 'units');

/**
 * A supplier's or product's return rate on the supplier pages: the returns of the orders placed
 * in the mature order weeks (`from`…`to` of `base`), counted in units.
 */
export const drillScorecardCohort = (
  base: DrillParams,
  target: { supplier?: string; product?: string; category?: string },
): Drill => ({
  kind: 'supplier-claims',
  params: narrow(base, { ...target, cohort: 'true' }),
  counts: 'units',
});
