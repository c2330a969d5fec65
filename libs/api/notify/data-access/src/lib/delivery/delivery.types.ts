import type {
  AnalyticsFilters,
  Delivery,
  DeliveryStatus,
  DigestRole,
  NotifyChannel,
  NotifyWebhookPayload,
  UiLanguage,
} from '@returnlens/shared/contracts';

/** Anything that runs SQL: the DataSource, a transaction's EntityManager or a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type DeliveryTrigger = Delivery['trigger'];

/** A message rendered before it is queued (alerts). */
export interface PreparedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly payload: NotifyWebhookPayload;
}

/** What a delivery without a subscription renders (the command line's `--to`). */
export interface DigestSpec {
  readonly role: DigestRole;
  readonly filters: AnalyticsFilters;
  readonly attachPdf: boolean;
  readonly attachCsv: boolean;
  readonly userId: string | null;
  /** The language to write in (the command line's `--lang`); absent: the reader's, else the shop's. */
  readonly language?: UiLanguage | null;
}

export interface NewDelivery {
  readonly trigger: DeliveryTrigger;
  readonly channel: NotifyChannel;
  readonly target: string;
  /** Signs the webhook body (X-Returnlens-Signature). */
  readonly secret?: string | null;
  /** The scheduled slot, or the instant the alert or test is about. */
  readonly slot: Date;
  readonly subscriptionId?: string;
  readonly alertRuleId?: string;
  readonly alertEventId?: string;
  /** Alerts: the message as it is to be sent. Digests are rendered at send time. */
  readonly message?: PreparedMessage;
  /** A digest without a subscription. */
  readonly digest?: DigestSpec;
}

/** A row of notify_deliveries, as the sender reads it. */
export interface DeliveryRow {
  readonly id: string;
  readonly subscriptionId: string | null;
  readonly alertRuleId: string | null;
  readonly alertEventId: string | null;
  readonly trigger: DeliveryTrigger;
  readonly channel: NotifyChannel;
  readonly target: string;
  readonly secret: string | null;
  readonly slot: Date;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly claimedAt: Date | null;
  readonly subject: string | null;
  readonly error: string | null;
  readonly message: PreparedMessage | null;
  readonly digest: DigestSpec | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

/** Attempts per delivery: the first, then after the back-off base and four times it. */
export const MAX_ATTEMPTS = 3;

/** Seconds to wait before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelaySeconds(base: number, attempts: number): number {
  return base * 4 ** Math.max(0, attempts - 1);
}

export function toDelivery(row: DeliveryRow): Delivery {
  const at = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    alertRuleId: row.alertRuleId,
    trigger: row.trigger,
    channel: row.channel,
    target: row.target,
    slot: at(row.slot)!,
    status: row.status,
    attempts: row.attempts,
    subject: row.subject,
    error: row.error,
    createdAt: at(row.createdAt)!,
    sentAt: at(row.sentAt),
  };
}
