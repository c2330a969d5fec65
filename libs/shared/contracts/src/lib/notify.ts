import type { Permission } from './access';
import type { AnalyticsFilters } from './analytics';

/**
 * Digests, alerts and their deliveries (docs/notifications.md): what the dashboard's
 * Subscriptions page and the `/api/subscriptions`, `/api/alerts` and `/api/deliveries`
 * routes exchange.
 */

/** Whose digest: each is written for its reader. */
export const DIGEST_ROLES = ['owner', 'buyer', 'manager'] as const;
export type DigestRole = (typeof DIGEST_ROLES)[number];

export const DIGEST_ROLE_LABELS: Readonly<Record<DigestRole, string>> = {
  owner: 'Owner — KPIs against normal, significant movers, top reasons, money',
  buyer: 'Buyer — suppliers beyond their limits or rising, with evidence',
  manager: 'Service manager — SLA attainment, breaches and at-risk claims',
};

/**
 * The permissions a digest's subscriber must hold, all of them (its content is what these
 * open on the dashboard): a buyer cannot take the owner digest.
 */
export const DIGEST_ROLE_PERMISSIONS: Readonly<Record<DigestRole, readonly Permission[]>> = {
  owner: ['claims', 'suppliers'],
  buyer: ['suppliers'],
  manager: ['sla', 'claims'],
};

/** Where a message goes: an e-mail address or a webhook URL (JSON, Slack-compatible `text`). */
export const NOTIFY_CHANNELS = ['email', 'webhook'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/**
 * When a digest is sent, in the shop's time zone: weekly on `weekday` (1 = Monday … 7 =
 * Sunday) at `hour`, or daily at `hour`.
 */
export interface DigestSchedule {
  readonly frequency: 'weekly' | 'daily';
  /** 1 = Monday … 7 = Sunday; ignored for daily digests. */
  readonly weekday: number;
  /** 0–23, the shop's local time. */
  readonly hour: number;
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { frequency: 'weekly', weekday: 1, hour: 8 };

/** What a subscriber fills in (create and edit). */
export interface SubscriptionInput {
  readonly role: DigestRole;
  readonly channel: NotifyChannel;
  /** E-mail address, or http(s) URL for a webhook. */
  readonly target: string;
  readonly schedule: DigestSchedule;
  /** Dashboard filters the digest is limited to (supplier, category, channel, …). */
  readonly filters: AnalyticsFilters;
  /** With nothing significant: `note` sends a one-line digest, `skip` sends nothing. */
  readonly whenQuiet: 'note' | 'skip';
  /** The weekly report as a PDF (e-mail only). */
  readonly attachPdf: boolean;
  /** The digest's tables as CSV files (e-mail only). */
  readonly attachCsv: boolean;
  /** Owner/admin only: the user the subscription belongs to (default: oneself). */
  readonly userId?: string;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface Subscription extends Omit<SubscriptionInput, 'userId'> {
  readonly id: string;
  readonly userId: string;
  readonly userName: string;
  readonly paused: boolean;
  readonly createdAt: string;
  /** The next scheduled slot (ISO instant); null while paused. */
  readonly nextRunAt: string | null;
  readonly lastDelivery: DeliverySummary | null;
  /** The time zone the schedule's hour is read in (SHOP_TIMEZONE). */
  readonly timeZone?: string;
  /** Webhooks: `sha256=` HMAC of the body with this secret is sent as `X-Returnlens-Signature`; shown to its owner only. */
  readonly secret?: string;
}

export interface DeliverySummary {
  readonly id: string;
  readonly status: DeliveryStatus;
  readonly at: string;
  readonly error: string | null;
}

/** One message (or its attempt) of a subscription, an alert or a test. */
export interface Delivery {
  readonly id: string;
  readonly subscriptionId: string | null;
  readonly alertRuleId: string | null;
  /** `schedule`, `test`, `command` (npm run digests) or `alert`. */
  readonly trigger: 'schedule' | 'test' | 'command' | 'alert';
  readonly channel: NotifyChannel;
  readonly target: string;
  /** The scheduled slot or the alert's period this delivery is for. */
  readonly slot: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly subject: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

/** Figures an alert rule can watch (each as the dashboard computes it, with the rule's filters). */
export const ALERT_METRICS = [
  'sla_attainment',
  'return_rate',
  'claims',
  'refunds_paid',
  'net_sentiment',
  'defect_rate',
] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export const ALERT_METRIC_LABELS: Readonly<Record<AlertMetric, string>> = {
  sla_attainment: 'SLA attainment (a policy)',
  return_rate: 'Return rate (mature order weeks)',
  claims: 'Claims received',
  refunds_paid: 'Refunds paid',
  net_sentiment: 'Net sentiment',
  defect_rate: 'Supplier defect rate',
};

/**
 * The permissions that open a figure on the dashboard (any one suffices): a rule watches only
 * what its owner may see (a buyer cannot watch SLA attainment).
 */
export const ALERT_METRIC_PERMISSIONS: Readonly<Record<AlertMetric, readonly Permission[]>> = {
  sla_attainment: ['sla'],
  return_rate: ['claims', 'suppliers'],
  claims: ['claims'],
  refunds_paid: ['claims'],
  net_sentiment: ['feedback'],
  defect_rate: ['suppliers'],
};

/**
 * `threshold`: the figure of the latest complete (mature) week compared with `value`;
 * `change`: the figure moved significantly against its normal (as the weekly report tests it);
 * `control_limit`: a supplier's defect rate beyond its 99.8 % funnel limit.
 */
export const ALERT_KINDS = ['threshold', 'change', 'control_limit'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertRuleInput {
  readonly name: string;
  readonly metric: AlertMetric;
  readonly kind: AlertKind;
  /** Threshold rules: fire when the figure is below (`<`) or above (`>`) `value`. */
  readonly operator?: '<' | '>';
  /** Threshold value in the figure's unit (a share as 0–1, money in the currency, a count). */
  readonly value?: number;
  /** `sla_attainment`: the policy watched. */
  readonly policyId?: number;
  readonly filters: AnalyticsFilters;
  readonly channel: NotifyChannel;
  readonly target: string;
  /** After firing, the rule stays silent this many hours (one alert per rule and week anyway). */
  readonly quietHours: number;
}

export interface AlertRule extends AlertRuleInput {
  readonly id: string;
  readonly userId: string;
  readonly paused: boolean;
  readonly createdAt: string;
  readonly lastEvent: AlertEvent | null;
  readonly secret?: string;
}

/** One firing of a rule: the period it is about and the evidence, in a sentence. */
export interface AlertEvent {
  readonly id: string;
  readonly ruleId: string;
  readonly ruleName: string;
  /** ISO week the figure belongs to, e.g. `2026-W47`. */
  readonly period: string;
  readonly sentence: string;
  readonly value: number;
  readonly createdAt: string;
  readonly deliveryStatus: DeliveryStatus | null;
}

/** The webhook body (also what a Slack incoming webhook reads: `text`). */
export interface NotifyWebhookPayload {
  readonly text: string;
  readonly kind: 'digest' | 'alert';
  readonly role?: DigestRole;
  readonly subject: string;
  readonly period: string;
  /** The sentences (movers, breaches, alert) the text is made of. */
  readonly items: readonly string[];
  readonly link: string;
  readonly sentAt: string;
}
