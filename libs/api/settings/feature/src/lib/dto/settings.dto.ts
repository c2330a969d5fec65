import { BadRequestException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  CLAIM_TYPES,
  RESOLUTIONS,
  SLA_CLOCKS,
  SLA_METRICS,
  type BusinessCalendarSettings,
  type ReportingSettings,
  type SlaPolicy,
} from '@returnlens/shared/contracts';
import { assertTimeZone } from '@returnlens/shared/metrics';
import { answerInvalid, describes } from '@returnlens/api/shared/util';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** A settings body is refused with every problem listed: `errors: [{ field, message }]`. */
const listProblems = <S extends z.ZodType>(schema: S, message: string, code: string) =>
  answerInvalid(
    schema,
    (problems) => new BadRequestException({ statusCode: 400, code, message, errors: problems }),
  );

export const slaPolicySchema = z.object({
  id: z.number().int().positive().optional().describe('Kept when given; a policy without is new'),
  name: z.string().trim().min(1).max(120),
  metric: z.enum(SLA_METRICS),
  targetHours: z.number().positive().max(100_000),
  clock: z.enum(SLA_CLOCKS).default('calendar'),
  claimTypes: z.array(z.enum(CLAIM_TYPES)).min(1),
  resolutions: z
    .array(z.enum(RESOLUTIONS))
    .min(1)
    .nullable()
    .default(null)
    .describe('Closed claims count only with one of these resolutions (null: any)'),
  atRiskHours: z.number().min(0).max(100_000).default(4),
});

/** `PUT /api/settings/sla-policies`: the whole list, replaced. */
export const slaPoliciesBody = listProblems(
  z.array(slaPolicySchema).min(1).max(50),
  'The SLA policies are not valid.',
  'sla_policies_invalid',
);

export const calendarBody = listProblems(
  z
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
      workingDays: z
        .array(z.number().int().min(1).max(7))
        .min(1)
        .max(7)
        .describe('ISO weekdays: 1 = Monday … 7 = Sunday'),
      hours: z
        .array(
          z
            .object({
              start: z.string().regex(HHMM, 'HH:MM'),
              end: z.string().regex(HHMM, 'HH:MM'),
            })
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
    ),
  'The calendar is not valid.',
  'calendar_invalid',
);

const share = (what: string) =>
  z.number().min(0, `${what} is a share from 0 to 1`).max(1, `${what} is a share from 0 to 1`);

const reportingSettings = describes<ReportingSettings>()(
  z.object({
    returnWindowDays: z
      .number()
      .int('returnWindowDays is a whole number of days')
      .min(1, 'returnWindowDays is 1 to 365')
      .max(365, 'returnWindowDays is 1 to 365')
      .describe('Days after an order week until its cohort return rate is final'),
    targets: z.object({
      processingHours: z
        .number()
        .positive('processingHours is more than 0')
        .max(8760, 'processingHours is at most a year')
        .describe('Median processing time, hours: at most'),
      satisfaction: share('satisfaction').describe('Share of satisfied answers: at least'),
      repeatContact: share('repeatContact').describe(
        'Share of claims with a repeat contact: at most',
      ),
      returnShare: share('returnShare').describe('Share of goods returned: at most'),
    }),
  }),
);

const reportingBody = listProblems(
  reportingSettings.strict(),
  'The reporting settings are not valid.',
  'reporting_invalid',
);

export class SlaPoliciesDto extends createZodDto(slaPoliciesBody) {}
export class ReportingSettingsBodyDto extends createZodDto(reportingBody) {}
export class ReportingSettingsDto extends createZodDto(reportingSettings) {}
export class CalendarDto extends createZodDto(calendarBody) {}

export const slaPolicyListSchema = describes<SlaPolicy[]>()(
  z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      metric: z.enum(SLA_METRICS),
      targetHours: z.number(),
      clock: z.enum(SLA_CLOCKS),
      claimTypes: z.array(z.string()),
      resolutions: z.array(z.string()).nullable(),
      atRiskHours: z.number().describe('An open claim this close to its deadline is at risk'),
    }),
  ),
);

export const calendarSchema = describes<BusinessCalendarSettings>()(
  z.object({
    timeZone: z.string(),
    workingDays: z.array(z.number().int()),
    hours: z.array(z.object({ start: z.string(), end: z.string() })),
    holidays: z.array(z.string()),
  }),
);

export class SlaPolicyListDto extends createZodDto(slaPolicyListSchema) {}
export class BusinessCalendarDto extends createZodDto(calendarSchema) {}
