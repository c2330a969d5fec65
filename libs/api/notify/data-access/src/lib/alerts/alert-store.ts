import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AlertEvent,
  AlertKind,
  AlertMetric,
  AlertRule,
  AlertRuleInput,
  AnalyticsFilters,
  DeliveryStatus,
  NotifyChannel,
  Role,
} from '@returnlens/shared/contracts';
import { DataSource } from 'typeorm';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';
import type { Queryable } from '../delivery/delivery.types';
import { newToken } from '../subscriptions/subscriptions.store';

/** A rule as stored, with its owner. */
export interface AlertRuleRow {
  readonly id: string;
  readonly userId: string;
  readonly userName: string;
  readonly userRoles: readonly Role[];
  readonly userDisabled: boolean;
  /** The owner's language for the rule's messages: their own choice, else the shop's default (null: neither). */
  readonly language?: string | null;
  readonly name: string;
  readonly metric: AlertMetric;
  readonly kind: AlertKind;
  readonly operator: '<' | '>' | null;
  readonly value: number | null;
  readonly policyId: number | null;
  readonly filters: AnalyticsFilters;
  readonly channel: NotifyChannel;
  readonly target: string;
  readonly secret: string | null;
  readonly quietHours: number;
  readonly paused: boolean;
  readonly unsubscribeToken: string;
  readonly createdAt: Date;
  readonly lastEvent: AlertEventRow | null;
}

export interface AlertEventRow {
  readonly id: string;
  readonly ruleId: string;
  readonly ruleName: string;
  readonly period: string;
  readonly sentence: string;
  readonly value: number | null;
  readonly createdAt: Date | string;
  readonly deliveryStatus: DeliveryStatus | null;
}

const EVENT_COLUMNS = `e.id::text, e.rule_id::text AS "ruleId", r.name AS "ruleName", e.period, e.sentence, e.value,
  e.created_at AS "createdAt",
  (SELECT d.status FROM notify_deliveries d WHERE d.alert_event_id = e.id ORDER BY d.id DESC LIMIT 1) AS "deliveryStatus"`;

const RULE_COLUMNS = `r.id::text, r.user_id::text AS "userId", u.name AS "userName", u.roles AS "userRoles",
  u.disabled_at IS NOT NULL AS "userDisabled",
  coalesce(u.language, (SELECT s.default_language FROM shop_settings s WHERE s.shop_id = r.shop_id)) AS "language",
  r.name, r.metric, r.kind, r.operator, r.value,
  r.policy_id AS "policyId", r.filters, r.channel, r.target, r.secret, r.quiet_hours AS "quietHours",
  r.paused, r.unsubscribe_token AS "unsubscribeToken", r.created_at AS "createdAt",
  (SELECT json_build_object('id', e.id::text, 'ruleId', e.rule_id::text, 'ruleName', r.name, 'period', e.period,
          'sentence', e.sentence, 'value', e.value, 'createdAt', e.created_at,
          'deliveryStatus', (SELECT d.status FROM notify_deliveries d WHERE d.alert_event_id = e.id ORDER BY d.id DESC LIMIT 1))
     FROM alert_events e WHERE e.rule_id = r.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1) AS "lastEvent"`;

const RULES = 'alert_rules r JOIN users u ON u.id = r.user_id';

/** What PATCH may change. */
export type AlertRuleChange = Partial<Omit<AlertRuleInput, 'operator' | 'value' | 'policyId'>> & {
  readonly operator?: '<' | '>' | null;
  readonly value?: number | null;
  readonly policyId?: number | null;
  readonly paused?: boolean;
};

/** A new event of a rule (inserted once per rule and period). */
export interface NewAlertEvent {
  readonly ruleId: string;
  readonly period: string;
  readonly value: number;
  readonly sentence: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/**
 * Alert rules and their events (alert_rules, alert_events; docs/notifications.md, "Alerts").
 * UNIQUE (rule_id, period) is the de-duplication: an event is inserted with ON CONFLICT DO
 * NOTHING, so a period fires once whatever runs at the same time.
 */
@Injectable()
export class AlertStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One user's rules, or everyone's; newest first. */
  list(userId?: string): Promise<AlertRuleRow[]> {
    return this.db.query(
      `SELECT ${RULE_COLUMNS} FROM ${RULES} WHERE r.shop_id = $1 AND ($2::bigint IS NULL OR r.user_id = $2)
        ORDER BY r.created_at DESC, r.id DESC`,
      [DEFAULT_SHOP_ID, userId ?? null],
    );
  }

  async get(id: string, q: Queryable = this.db): Promise<AlertRuleRow | undefined> {
    const [row] = await q.query(
      `SELECT ${RULE_COLUMNS} FROM ${RULES} WHERE r.shop_id = $1 AND r.id = $2`,
      [DEFAULT_SHOP_ID, id],
    );
    return row;
  }

  /** Rules to evaluate: not paused, of a user who is not disabled. */
  active(): Promise<AlertRuleRow[]> {
    return this.db.query(
      `SELECT ${RULE_COLUMNS} FROM ${RULES} WHERE r.shop_id = $1 AND NOT r.paused AND u.disabled_at IS NULL
        ORDER BY r.id`,
      [DEFAULT_SHOP_ID],
    );
  }

  async create(userId: string, input: AlertRuleInput): Promise<AlertRuleRow> {
    const [{ id }] = await this.db.query(
      `INSERT INTO alert_rules (shop_id, user_id, name, metric, kind, operator, value, policy_id, filters,
          channel, target, secret, quiet_hours, unsubscribe_token)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id::text`,
      [
        DEFAULT_SHOP_ID,
        userId,
        input.name,
        input.metric,
        input.kind,
        input.operator ?? null,
        input.value ?? null,
        input.policyId ?? null,
        JSON.stringify(input.filters ?? {}),
        input.channel,
        input.target,
        input.channel === 'webhook' ? newToken(32) : null,
        input.quietHours,
        newToken(),
      ],
    );
    return (await this.get(id))!;
  }

  /** Changes a rule; `null` clears operator, value or policy. A webhook gets a secret when it has none. */
  async update(id: string, change: AlertRuleChange): Promise<AlertRuleRow | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    const pick = <K extends keyof AlertRuleChange>(key: K, fallback: unknown) =>
      change[key] === undefined ? fallback : change[key];
    const paused = change.paused ?? current.paused;
    await this.db.query(
      `UPDATE alert_rules SET name = $3, metric = $4, kind = $5, operator = $6, value = $7, policy_id = $8,
          filters = $9, channel = $10, target = $11, quiet_hours = $12, paused = $13,
          secret = CASE WHEN $10 = 'webhook' THEN coalesce(secret, $14) ELSE secret END,
          unsubscribed_at = CASE WHEN $13 THEN unsubscribed_at ELSE NULL END, updated_at = now()
        WHERE shop_id = $1 AND id = $2`,
      [
        DEFAULT_SHOP_ID,
        id,
        pick('name', current.name),
        pick('metric', current.metric),
        pick('kind', current.kind),
        pick('operator', current.operator),
        pick('value', current.value),
        pick('policyId', current.policyId),
        JSON.stringify(pick('filters', current.filters) ?? {}),
        pick('channel', current.channel),
        pick('target', current.target),
        pick('quietHours', current.quietHours),
        paused,
        newToken(32),
      ],
    );
    return this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    // TypeORM answers DELETE … RETURNING with [rows, count].
    const [rows] = (await this.db.query(
      'DELETE FROM alert_rules WHERE shop_id = $1 AND id = $2 RETURNING id',
      [DEFAULT_SHOP_ID, id],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** A user of the shop who may own rules (not disabled), with their roles. */
  async user(id: string): Promise<{ id: string; roles: Role[] } | undefined> {
    const [row] = await this.db.query(
      'SELECT id::text, roles FROM users WHERE shop_id = $1 AND id = $2 AND disabled_at IS NULL',
      [DEFAULT_SHOP_ID, id],
    );
    return row;
  }

  async policyExists(id: number): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM sla_policies WHERE shop_id = $1 AND id = $2', [
      DEFAULT_SHOP_ID,
      id,
    ]);
    return rows.length > 0;
  }

  /** The latest events of one user's rules, or of everyone's. */
  events(userId: string | undefined, limit: number): Promise<AlertEventRow[]> {
    return this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM alert_events e JOIN alert_rules r ON r.id = e.rule_id
        WHERE e.shop_id = $1 AND ($2::bigint IS NULL OR r.user_id = $2)
        ORDER BY e.created_at DESC, e.id DESC LIMIT $3`,
      [DEFAULT_SHOP_ID, userId ?? null, limit],
    );
  }

  /** When the rule last fired, and which of `periods` it already fired for. */
  async history(
    ruleId: string,
    periods: readonly string[],
    q: Queryable = this.db,
  ): Promise<{ lastEventAt: Date | null; firedPeriods: Set<string> }> {
    const [row] = await q.query(
      `SELECT (SELECT max(created_at) FROM alert_events WHERE rule_id = $1) AS last,
              ARRAY(SELECT period FROM alert_events WHERE rule_id = $1 AND period = ANY($2::text[])) AS fired`,
      [ruleId, periods],
    );
    return {
      lastEventAt: row?.last ? new Date(row.last) : null,
      firedPeriods: new Set(row?.fired ?? []),
    };
  }

  /**
   * Locks the rule for this transaction (two evaluations never fire it at once); false when it
   * is gone or paused meanwhile.
   */
  async lockActive(ruleId: string, q: Queryable): Promise<boolean> {
    const rows = await q.query(
      'SELECT id FROM alert_rules WHERE id = $1 AND NOT paused FOR UPDATE',
      [ruleId],
    );
    return rows.length > 0;
  }

  /** Inserts the event unless the rule already has one for the period; its id, or null. */
  async insertEvent(
    q: Queryable,
    event: NewAlertEvent,
  ): Promise<{ id: string; createdAt: Date } | null> {
    const rows = await q.query(
      `INSERT INTO alert_events (shop_id, rule_id, period, value, sentence, detail)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (rule_id, period) DO NOTHING RETURNING id::text, created_at AS "createdAt"`,
      [
        DEFAULT_SHOP_ID,
        event.ruleId,
        event.period,
        event.value,
        event.sentence,
        JSON.stringify(event.detail),
      ],
    );
    return rows[0] ? { id: rows[0].id, createdAt: new Date(rows[0].createdAt) } : null;
  }
}

/** A stored rule as the API answers it (the secret only for its owner). */
export function toAlertRule(row: AlertRuleRow, withSecret: boolean): AlertRule {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    metric: row.metric,
    kind: row.kind,
    ...(row.operator ? { operator: row.operator } : {}),
    ...(row.value !== null ? { value: row.value } : {}),
    ...(row.policyId !== null ? { policyId: row.policyId } : {}),
    filters: row.filters ?? {},
    channel: row.channel,
    target: row.target,
    quietHours: row.quietHours,
    paused: row.paused,
    createdAt: new Date(row.createdAt).toISOString(),
    lastEvent: row.lastEvent ? toAlertEvent(row.lastEvent) : null,
    ...(withSecret && row.secret ? { secret: row.secret } : {}),
  };
}

export function toAlertEvent(row: AlertEventRow): AlertEvent {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    period: row.period,
    sentence: row.sentence,
    value: row.value ?? 0,
    createdAt: new Date(row.createdAt).toISOString(),
    deliveryStatus: row.deliveryStatus ?? null,
  };
}
