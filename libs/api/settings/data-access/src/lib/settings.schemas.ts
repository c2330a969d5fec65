import { z } from 'zod';
import { CLAIM_TYPES, RESOLUTIONS, SLA_CLOCKS, SLA_METRICS } from '@returnlens/shared/contracts';
import { assertTimeZone } from '@returnlens/shared/metrics';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const slaPolicySchema = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1).max(120),
  metric: z.enum(SLA_METRICS),
  targetHours: z.number().positive().max(100_000),
  clock: z.enum(SLA_CLOCKS).default('calendar'),
  claimTypes: z.array(z.enum(CLAIM_TYPES)).min(1),
  resolutions: z.array(z.enum(RESOLUTIONS)).min(1).nullable().default(null),
  atRiskHours: z.number().min(0).max(100_000).default(4),
});

export const slaPoliciesSchema = z.array(slaPolicySchema).min(1).max(50);

export const calendarSchema = z
  .object({
    timeZone: z.string().refine(
      (tz) => {
        try {
          assertTimeZone(tz);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'an IANA time zone such as Europe/Warsaw' },
    ),
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    hours: z
      .array(
        z
          .object({ start: z.string().regex(HHMM, 'HH:MM'), end: z.string().regex(HHMM, 'HH:MM') })
          .refine((p) => minutes(p.start) < minutes(p.end), {
            message: 'start must be before end',
          }),
      )
      .min(1)
      .max(3, 'at most three opening periods a day'),
    holidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'))
      .max(2000)
      .default([]),
  })
  .refine(
    (c) =>
      c.hours
        .map((p) => [minutes(p.start), minutes(p.end)])
        .sort((a, b) => a[0] - b[0])
        .every((p, i, all) => i === 0 || all[i - 1][1] <= p[0]),
    { message: 'opening periods must not overlap', path: ['hours'] },
  );

/** zod issues → `{ field, message }` a user can act on. */
export function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}
