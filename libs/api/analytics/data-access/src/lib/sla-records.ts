import { CLAIM_OPEN, slaCutoffsSql, slaOutcomesSql } from '@returnlens/api/shared/sql';

/** What an SLA figure counts (docs/metrics.md, "SLA"). */
export const SLA_OUTCOMES = ['met', 'breached', 'pending', 'at_risk', 'open_breach'] as const;
export type SlaOutcome = (typeof SLA_OUTCOMES)[number];

/** The claims behind an SLA figure: a policy's (or any policy's) outcome, as of an instant. */
export interface SlaDrill {
  readonly outcome: SlaOutcome;
  /** A policy id; none: under any policy. */
  readonly policy?: number;
  /** `''`: unassigned. */
  readonly assignee?: string;
  readonly asOf: Date;
}

/**
 * The constraint on claims `c` (and its parameters) that keeps exactly the claims an SLA
 * figure counts: their outcome under the policy at `asOf`, from the same `slaOutcomesSql` the
 * figure comes from. `met`, `breached`, `pending` count claims opened in the period; the open
 * lists (`at_risk`, `open_breach`) any open claim, whatever its opening week (`mode` 'open').
 */
export function slaDrillWhere(drill: SlaDrill): {
  where: string;
  params: Record<string, unknown>;
  mode: 'period' | 'open';
} {
  const openList = drill.outcome === 'at_risk' || drill.outcome === 'open_breach';
  const condition =
    drill.outcome === 'at_risk'
      ? 'o.at_risk'
      : drill.outcome === 'open_breach'
        ? `o.outcome = 'breached' AND NOT o.closed`
        : 'o.outcome = {slaOutcome}';
  const inner = openList
    ? `WHERE c.shop_id = {shop} AND ${CLAIM_OPEN}`
    : 'WHERE c.shop_id = {shop} AND c.opened_at >= {fromTs} AND c.opened_at < {toTs}';
  const params: Record<string, unknown> = { now: drill.asOf, slaOutcome: drill.outcome };
  const extra: string[] = [];
  if (drill.policy !== undefined) {
    params['slaPolicy'] = drill.policy;
    extra.push('o.policy_id = {slaPolicy}::int');
  }
  if (drill.assignee !== undefined) {
    params['slaAssignee'] = drill.assignee;
    extra.push('o.assignee = {slaAssignee}::text');
  }
  return {
    where: ` AND c.external_id IN (WITH sp AS MATERIALIZED (${slaCutoffsSql()})
      SELECT o.external_id FROM (${slaOutcomesSql('claims c', inner)}) o
       WHERE ${[condition, ...extra].join(' AND ')})`,
    params,
    mode: openList ? 'open' : 'period',
  };
}
