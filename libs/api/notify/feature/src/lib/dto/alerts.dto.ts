import { NotFoundException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  ALERT_KINDS,
  ALERT_METRICS,
  NOTIFY_CHANNELS,
  type AlertEvent,
  type AlertRule,
} from '@returnlens/shared/contracts';
import { answerInvalid, describes, lenientCount } from '@returnlens/api/shared/util';
import {
  channelTargetFields,
  checkTarget,
  deliveryStatus,
  digestFiltersSchema,
  listQuery,
  storedFiltersSchema,
} from './notify-common';

const fields = {
  name: z
    .string({ error: 'name is the rule’s name' })
    .trim()
    .min(1, 'name is the rule’s name')
    .max(200, 'name is at most 200 characters'),
  metric: z
    .enum(ALERT_METRICS, { error: `metric is one of ${ALERT_METRICS.join(', ')}` })
    .describe('The dashboard figure watched'),
  kind: z
    .enum(ALERT_KINDS, { error: `kind is one of ${ALERT_KINDS.join(', ')}` })
    .describe(
      'threshold, change (significant against normal) or control_limit (a supplier above its 99.8 % limit)',
    ),
  operator: z
    .enum(['<', '>'], { error: 'operator is "<" (below) or ">" (above)' })
    .nullable()
    .describe(
      'Threshold: fire below (<) or above (>) value; change: only falls (<) or only rises (>)',
    ),
  value: z
    .number({ error: 'value is a number (a share as 0–1, money, a count)' })
    .refine(Number.isFinite, 'value is a finite number')
    .nullable()
    .describe(
      'Threshold rules: in the figure’s unit (a share as 0–1, money in the currency, a count)',
    ),
  policyId: z
    .number({ error: 'policyId is an SLA policy id' })
    .int('policyId is an SLA policy id')
    .positive('policyId is an SLA policy id')
    .nullable()
    .describe('sla_attainment: the SLA policy watched'),
  filters: digestFiltersSchema.describe(
    'Dashboard filters the figure is computed with (no period: alerts watch the latest complete week)',
  ),
  ...channelTargetFields,
  quietHours: z
    .number({ error: 'quietHours is a whole number of hours, 0 to 8760' })
    .int('quietHours is a whole number of hours, 0 to 8760')
    .min(0, 'quietHours is a whole number of hours, 0 to 8760')
    .max(8760, 'quietHours is a whole number of hours, 0 to 8760')
    .describe('After firing, the rule stays silent this many hours'),
};

/** `POST /api/alerts`. */
export const alertRuleBody = z
  .strictObject({
    ...fields,
    operator: fields.operator.optional(),
    value: fields.value.optional(),
    policyId: fields.policyId.optional(),
    filters: fields.filters.default({}),
    quietHours: fields.quietHours.default(24),
    userId: z
      .string()
      .regex(/^\d{1,18}$/, 'userId is a user id')
      .optional()
      .describe('Owner/admin only: whose rule (default: your own)'),
  })
  .superRefine(checkTarget);

/** `PATCH /api/alerts/:id`: any field (null clears operator, value, policyId), and `paused`. */
export const alertRuleChangeBody = z.strictObject({
  name: fields.name.optional(),
  metric: fields.metric.optional(),
  kind: fields.kind.optional(),
  operator: fields.operator.optional(),
  value: fields.value.optional(),
  policyId: fields.policyId.optional(),
  filters: fields.filters.optional(),
  channel: fields.channel.optional(),
  target: fields.target.optional(),
  quietHours: fields.quietHours.optional(),
  paused: z.boolean({ error: 'paused is true or false' }).optional(),
});

export const alertIdParams = answerInvalid(
  z.object({
    id: z
      .string()
      .regex(/^\d{1,18}$/)
      .meta({ description: 'Alert rule id' }),
  }),
  () => new NotFoundException('No such alert rule.'),
);

export const alertEventsQuery = z.object({
  all: listQuery.shape.all,
  limit: lenientCount(
    (raw) => Number.parseInt(raw, 10),
    50,
    1,
    500,
    'How many events, newest first',
  ),
});

export const alertEventSchema = describes<AlertEvent>()(
  z.object({
    id: z.string(),
    ruleId: z.string(),
    ruleName: z.string(),
    period: z
      .string()
      .describe('The ISO week (with the supplier or currency, e.g. 2026-W47:SUP-7)'),
    sentence: z.string().describe('The alert with its evidence'),
    value: z.number(),
    createdAt: z.string(),
    deliveryStatus: deliveryStatus.nullable(),
  }),
);

export const alertRuleSchema = describes<AlertRule>()(
  z.object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    metric: z.enum(ALERT_METRICS),
    kind: z.enum(ALERT_KINDS),
    operator: z.enum(['<', '>']).optional(),
    value: z.number().optional(),
    policyId: z.number().optional(),
    filters: storedFiltersSchema,
    channel: z.enum(NOTIFY_CHANNELS),
    target: z.string(),
    quietHours: z.number(),
    paused: z.boolean(),
    createdAt: z.string(),
    lastEvent: alertEventSchema.nullable(),
    secret: z
      .string()
      .optional()
      .describe('Webhooks: the HMAC key of X-Returnlens-Signature; shown to the rule’s owner only'),
  }),
);

export class AlertRuleBodyDto extends createZodDto(alertRuleBody) {}
export class AlertRuleChangeDto extends createZodDto(alertRuleChangeBody) {}
export class AlertIdParamsDto extends createZodDto(alertIdParams) {}
export class AlertListQueryDto extends createZodDto(listQuery) {}
export class AlertEventsQueryDto extends createZodDto(alertEventsQuery) {}
export class AlertRuleDto extends createZodDto(alertRuleSchema) {}
export class AlertRuleListDto extends createZodDto(z.array(alertRuleSchema)) {}
export class AlertEventListDto extends createZodDto(z.array(alertEventSchema)) {}
