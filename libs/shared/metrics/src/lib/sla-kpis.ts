import type {
  IsoWeekRef,
  KpiComparison,
  SlaPolicyKpi,
  SlaWeekRow,
} from '@returnlens/shared/contracts';
import { compareProportionWithBaseline } from './rates';

/** What `slaPolicyKpis` reads of an SLA report: its weeks and each policy's weekly rows. */
export interface SlaPolicyWeeks {
  readonly period: { readonly weeks: readonly IsoWeekRef[] };
  readonly policies: readonly {
    readonly id: number;
    readonly name: string;
    readonly metric: SlaPolicyKpi['metric'];
    readonly targetHours: number;
    readonly weekly: readonly SlaWeekRow[];
  }[];
}

/**
 * The weekly report's SLA tiles, one per policy (a claim counts once, in its own policy's
 * test). The value is the attainment of the last week of the period when that week is mature
 * (no claim pending), else of the latest mature week before it (`kpi.week` says which);
 * either is compared — two-proportion z-test — with the mature weeks among the four before it,
 * immature ones left out. No test (`untested: 'too_few'`) without a mature week to compare
 * with; no value at all while no week has a due claim. `pending` and `immature` describe the
 * reported (last) week.
 */
export function slaPolicyKpis(report: SlaPolicyWeeks, baselineWeeks = 4): SlaPolicyKpi[] {
  const weeks = report.period.weeks;
  return report.policies.map((p) => {
    const rows = p.weekly;
    const last = rows[rows.length - 1];
    const base = {
      policyId: p.id,
      name: p.name,
      metric: p.metric,
      targetHours: p.targetHours,
      pending: last?.pending ?? 0,
      immature: last?.immature ?? false,
    };
    const at = findLastIndex(rows, (w) => !w.immature && w.met + w.breached > 0);
    if (at < 0) return { ...base, kpi: null };
    const previous = rows.slice(Math.max(0, at - baselineWeeks), at).filter((w) => !w.immature);
    const trial = (w: SlaWeekRow) => ({ hits: w.met, trials: w.met + w.breached });
    const compared = compareProportionWithBaseline(
      [...previous, rows[at]].map(trial),
      previous.length,
    );
    if (!compared) return { ...base, kpi: null };
    const kpi: KpiComparison = {
      ...compared,
      sparkline: rows
        .slice(Math.max(0, at - 11), at + 1)
        .map((w) => (w.met + w.breached === 0 ? 0 : w.met / (w.met + w.breached))),
      ...(previous.some((w) => w.met + w.breached > 0)
        ? {}
        : { pValue: 1, significant: false, untested: 'too_few' as const }),
      ...(at === rows.length - 1 || !weeks[at] ? {} : { week: weeks[at] }),
    };
    return { ...base, kpi };
  });
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
