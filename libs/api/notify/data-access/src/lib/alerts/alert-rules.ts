import {
  ALERT_METRIC_LABELS,
  ALERT_METRIC_PERMISSIONS,
  type AlertKind,
  type AlertMetric,
  type Permission,
} from '@returnlens/shared/contracts';

/**
 * What a rule may watch and how (docs/notifications.md, "Alerts"). Pure: the controller
 * answers 400 / 403 with these words.
 */

/** Figures the weekly report tests against their normal (money and sentiment are compared, never tested). */
export const TESTED_METRICS: readonly AlertMetric[] = [
  'sla_attainment',
  'return_rate',
  'claims',
  'defect_rate',
];

/** Figures that are shares (0–1). */
export const SHARE_METRICS: readonly AlertMetric[] = [
  'sla_attainment',
  'return_rate',
  'defect_rate',
];

export interface RuleShape {
  readonly metric: AlertMetric;
  readonly kind: AlertKind;
  readonly operator?: '<' | '>' | null;
  readonly value?: number | null;
  readonly policyId?: number | null;
}

export interface RuleProblem {
  readonly field: string;
  readonly message: string;
}

/** The first thing wrong with a rule's combination of metric, kind, operator and value; null when none. */
export function ruleProblem(rule: RuleShape): RuleProblem | null {
  const label = ALERT_METRIC_LABELS[rule.metric];
  if (rule.metric === 'sla_attainment' && (rule.policyId === undefined || rule.policyId === null))
    return {
      field: 'policyId',
      message: 'policyId is required for sla_attainment: the SLA policy watched',
    };
  if (rule.metric !== 'sla_attainment' && rule.policyId !== undefined && rule.policyId !== null)
    return { field: 'policyId', message: 'policyId is only for the metric sla_attainment' };
  switch (rule.kind) {
    case 'threshold': {
      if (!rule.operator)
        return {
          field: 'operator',
          message: 'operator is required for a threshold rule: "<" (below) or ">" (above)',
        };
      if (rule.value === undefined || rule.value === null)
        return { field: 'value', message: 'value is required for a threshold rule' };
      if (SHARE_METRICS.includes(rule.metric) && (rule.value < 0 || rule.value > 1))
        return {
          field: 'value',
          message: `value of ${label} is a share from 0 to 1 (0.9 for 90 %)`,
        };
      if (rule.metric === 'net_sentiment' && (rule.value < -1 || rule.value > 1))
        return { field: 'value', message: 'value of net sentiment is from -1 to 1' };
      if ((rule.metric === 'claims' || rule.metric === 'refunds_paid') && rule.value < 0)
        return { field: 'value', message: `value of ${label} is 0 or more` };
      return null;
    }
    case 'change':
      if (!TESTED_METRICS.includes(rule.metric))
        return {
          field: 'kind',
          message: `${label} is compared with its normal but never tested for significance: use a threshold rule`,
        };
      if (rule.value !== undefined && rule.value !== null)
        return { field: 'value', message: 'value is only for threshold rules' };
      return null;
    case 'control_limit':
      if (rule.metric !== 'defect_rate')
        return {
          field: 'kind',
          message: "control_limit watches a supplier's defect rate: use the metric defect_rate",
        };
      if (rule.operator)
        return { field: 'operator', message: 'operator is not used by control_limit rules' };
      if (rule.value !== undefined && rule.value !== null)
        return { field: 'value', message: 'value is only for threshold rules' };
      return null;
  }
}

/** Why someone holding `held` may not watch `metric` (null: they may). */
export function metricRefusal(metric: AlertMetric, held: readonly Permission[]): string | null {
  const needed = ALERT_METRIC_PERMISSIONS[metric];
  if (needed.some((p) => held.includes(p))) return null;
  return `${ALERT_METRIC_LABELS[metric]} needs the permission ${needed.join(' or ')}, which you do not hold`;
}
