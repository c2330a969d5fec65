import { NotFoundException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  DEFAULT_DIGEST_SCHEDULE,
  DIGEST_ROLES,
  NOTIFY_CHANNELS,
  type Delivery,
  type Subscription,
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

export { targetProblem } from './notify-common';

export const scheduleSchema = z.strictObject({
  frequency: z.enum(['weekly', 'daily'], { error: 'frequency is weekly or daily' }),
  weekday: z
    .number({ error: 'weekday is 1 (Monday) to 7 (Sunday)' })
    .int('weekday is 1 (Monday) to 7 (Sunday)')
    .min(1, 'weekday is 1 (Monday) to 7 (Sunday)')
    .max(7, 'weekday is 1 (Monday) to 7 (Sunday)')
    .default(1)
    .describe('1 = Monday … 7 = Sunday; ignored for daily digests'),
  hour: z
    .number({ error: 'hour is 0 to 23' })
    .int('hour is a whole hour, 0 to 23')
    .min(0, 'hour is 0 to 23')
    .max(23, 'hour is 0 to 23')
    .describe("The shop's local time (SHOP_TIMEZONE)"),
});

const fields = {
  role: z.enum(DIGEST_ROLES, { error: `role is one of ${DIGEST_ROLES.join(', ')}` }),
  ...channelTargetFields,
  schedule: scheduleSchema,
  filters: digestFiltersSchema,
  whenQuiet: z.enum(['note', 'skip'], { error: 'whenQuiet is note or skip' }),
  attachPdf: z.boolean({ error: 'attachPdf is true or false' }),
  attachCsv: z.boolean({ error: 'attachCsv is true or false' }),
};

/** `POST /api/subscriptions`. */
export const subscriptionBody = z
  .strictObject({
    ...fields,
    schedule: fields.schedule.default({ ...DEFAULT_DIGEST_SCHEDULE }),
    filters: fields.filters.default({}),
    whenQuiet: fields.whenQuiet.default('note'),
    attachPdf: fields.attachPdf.default(false),
    attachCsv: fields.attachCsv.default(false),
    userId: z
      .string()
      .regex(/^\d{1,18}$/, 'userId is a user id')
      .optional()
      .describe('Owner/admin only: whose subscription (default: your own)'),
  })
  .superRefine(checkTarget);

/** `PATCH /api/subscriptions/:id`: any field, and `paused`. The target is checked against the channel after merging. */
export const subscriptionChangeBody = z.strictObject({
  role: fields.role.optional(),
  channel: fields.channel.optional(),
  target: fields.target.optional(),
  schedule: fields.schedule.optional(),
  filters: fields.filters.optional(),
  whenQuiet: fields.whenQuiet.optional(),
  attachPdf: fields.attachPdf.optional(),
  attachCsv: fields.attachCsv.optional(),
  paused: z.boolean({ error: 'paused is true or false' }).optional(),
});

/** A subscription or delivery id in the path; anything but a whole number is no such id (404). */
export const idParams = answerInvalid(
  z.object({
    id: z
      .string()
      .regex(/^\d{1,18}$/)
      .meta({ description: 'Subscription id' }),
  }),
  () => new NotFoundException('No such subscription.'),
);

export const tokenParams = answerInvalid(
  z.object({
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,100}$/)
      .meta({ description: 'The unsubscribe token of the link in the message' }),
  }),
  () => new NotFoundException('This unsubscribe link is not known (it may have been deleted).'),
);

export const deliveriesQuery = z.object({
  subscription: z
    .string()
    .regex(/^\d{1,18}$/, 'subscription is a subscription id')
    .optional()
    .describe('Only this subscription’s deliveries'),
  all: listQuery.shape.all,
  limit: lenientCount((raw) => Number.parseInt(raw, 10), 50, 1, 500, 'How many deliveries'),
});

export const subscriptionSchema = describes<Subscription>()(
  z.object({
    id: z.string(),
    userId: z.string(),
    userName: z.string(),
    role: z.enum(DIGEST_ROLES),
    channel: z.enum(NOTIFY_CHANNELS),
    target: z.string(),
    schedule: z.object({
      frequency: z.enum(['weekly', 'daily']),
      weekday: z.number(),
      hour: z.number(),
    }),
    filters: storedFiltersSchema,
    whenQuiet: z.enum(['note', 'skip']),
    attachPdf: z.boolean(),
    attachCsv: z.boolean(),
    paused: z.boolean(),
    createdAt: z.string(),
    nextRunAt: z.string().nullable().describe('The next scheduled slot; null while paused'),
    lastDelivery: z
      .object({
        id: z.string(),
        status: deliveryStatus,
        at: z.string(),
        error: z.string().nullable(),
      })
      .nullable(),
    timeZone: z.string().optional().describe('The time zone of the schedule (SHOP_TIMEZONE)'),
    secret: z
      .string()
      .optional()
      .describe('Webhooks: the HMAC key of X-Returnlens-Signature; shown to the subscriber only'),
  }),
);

export const deliverySchema = describes<Delivery>()(
  z.object({
    id: z.string(),
    subscriptionId: z.string().nullable(),
    alertRuleId: z.string().nullable(),
    trigger: z.enum(['schedule', 'test', 'command', 'alert']),
    channel: z.enum(NOTIFY_CHANNELS),
    target: z.string(),
    slot: z.string(),
    status: deliveryStatus,
    attempts: z.number().int(),
    subject: z.string().nullable(),
    error: z
      .string()
      .nullable()
      .describe('Why the last attempt failed (HTTP status and answer, or the SMTP error)'),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  }),
);

export const unsubscribedSchema = z.object({
  unsubscribed: z.literal(true),
  kind: z.enum(['subscription', 'alert']),
  id: z.string(),
});

export class SubscriptionBodyDto extends createZodDto(subscriptionBody) {}
export class SubscriptionChangeDto extends createZodDto(subscriptionChangeBody) {}
export class SubscriptionIdParamsDto extends createZodDto(idParams) {}
export class UnsubscribeTokenParamsDto extends createZodDto(tokenParams) {}
export class SubscriptionListQueryDto extends createZodDto(listQuery) {}
export class DeliveriesQueryDto extends createZodDto(deliveriesQuery) {}
export class SubscriptionDto extends createZodDto(subscriptionSchema) {}
export class SubscriptionListDto extends createZodDto(z.array(subscriptionSchema)) {}
export class DeliveryDto extends createZodDto(deliverySchema) {}
export class DeliveryListDto extends createZodDto(z.array(deliverySchema)) {}
export class UnsubscribedDto extends createZodDto(unsubscribedSchema) {}
