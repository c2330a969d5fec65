import { z } from 'zod';
import { FILTER_KEYS, NOTIFY_CHANNELS, type NotifyChannel } from '@returnlens/shared/contracts';

/** What digest subscriptions and alert rules share: where they go, what they watch, lists. */

const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** What is wrong with a target for its channel (null: nothing). */
export function targetProblem(channel: NotifyChannel, target: string): string | null {
  if (channel === 'email')
    return EMAIL.test(target) && target.length <= 254
      ? null
      : 'target must be an e-mail address such as buyer@shop.example';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'target must be an http(s) URL for a webhook, such as https://hooks.slack.com/services/…';
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? null
    : 'target must be an http(s) URL for a webhook';
}

/** The `channel` and `target` fields of a body. */
export const channelTargetFields = {
  channel: z.enum(NOTIFY_CHANNELS, { error: `channel is one of ${NOTIFY_CHANNELS.join(', ')}` }),
  target: z
    .string({ error: 'target is an e-mail address or a webhook URL' })
    .trim()
    .min(1, 'target is an e-mail address or a webhook URL')
    .max(2000, 'target is at most 2000 characters'),
};

/** A whole body's refinement: its target must suit its channel (the problem is on `target`). */
export function checkTarget(
  body: { readonly channel: NotifyChannel; readonly target: string },
  ctx: z.RefinementCtx,
): void {
  const problem = targetProblem(body.channel, body.target);
  if (problem) ctx.addIssue({ code: 'custom', path: ['target'], message: problem });
}

const filterList = z.array(z.string().trim().min(1).max(200)).max(100);
/** The dashboard filters of a body (no period). */
export const digestFiltersSchema = z.strictObject(
  Object.fromEntries(FILTER_KEYS.map((key) => [key, filterList.optional()])) as Record<
    (typeof FILTER_KEYS)[number],
    z.ZodOptional<typeof filterList>
  >,
);

/** The stored filters in an answer. */
export const storedFiltersSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  supplier: z.array(z.string()).optional(),
  product: z.array(z.string()).optional(),
  category: z.array(z.string()).optional(),
  channel: z.array(z.string()).optional(),
  type: z.array(z.string()).optional(),
  reasonCategory: z.array(z.string()).optional(),
  reason: z.array(z.string()).optional(),
  language: z.array(z.string()).optional(),
});

export const listQuery = z.object({
  all: z
    .enum(['1', 'true', '0', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .describe("Owner/admin: everyone's subscriptions (1)"),
});

export const deliveryStatus = z.enum(['pending', 'sending', 'sent', 'skipped', 'failed']);
