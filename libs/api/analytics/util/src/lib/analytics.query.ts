import { z } from 'zod';
import {
  FILTER_KEYS,
  UI_LANGUAGES,
  type AnalyticsFilters,
  type FilterKey,
} from '@returnlens/shared/contracts';
import { parseIsoWeek } from '@returnlens/shared/metrics';
import { controlCharacterIn } from '@returnlens/api/shared/util';
import type { PageRequest } from './records';

/** An empty parameter (`?page=`), read as absent. (An enum: OpenAPI 3.0 has no `const`.) */
const BLANK = z.enum(['']);

/** At most this many values in one list filter, each at most this long. */
export const LIST_LIMIT = 200;
export const VALUE_LIMIT = 200;

/**
 * What is said of a parameter value with a control character (which one it is), or null:
 * no id, code or date has one, and PostgreSQL refuses NUL in text outright (a 500).
 */
export function controlCharacterProblem(value: string): string | null {
  const found = controlCharacterIn(value);
  return found && `contains the control character ${found}; send printable text`;
}

const FILTER_HELP: Record<FilterKey, string> = {
  supplier: 'Supplier external ids, comma-separated',
  product: 'SKUs, comma-separated',
  category: 'Product categories, comma-separated',
  channel: 'phone, email, web_form, chat, marketplace, store',
  type: 'return, return_defective, exchange, warranty_repair, complaint',
  reasonCategory: 'Reason categories (product_quality, listing_accuracy, …)',
  reason: 'Reason codes (product_defect, wrong_size, …)',
  language: 'Feedback languages (ISO 639-1: en, ru, pl, he, pt, de, …)',
};

/**
 * A list parameter: comma-separated (or the parameter repeated); values trimmed, blanks
 * dropped, at most 200 values of at most 200 characters. No value at all: undefined.
 */
export function listParam(description: string) {
  return z
    .union([z.string(), z.array(z.string())], { error: 'a comma-separated list of values' })
    .optional()
    .transform((raw, ctx): string[] | undefined => {
      if (raw === undefined) return undefined;
      const values = (Array.isArray(raw) ? raw : [raw])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      if (values.length > LIST_LIMIT) {
        ctx.addIssue({
          code: 'custom',
          message: `at most ${LIST_LIMIT} values, got ${values.length}`,
          input: raw,
        });
        return z.NEVER;
      }
      const control = values.map(controlCharacterProblem).find((problem) => problem !== null);
      if (control) {
        ctx.addIssue({ code: 'custom', message: control, input: raw });
        return z.NEVER;
      }
      if (values.some((v) => v.length > VALUE_LIMIT)) {
        ctx.addIssue({
          code: 'custom',
          message: `a value is longer than ${VALUE_LIMIT} characters`,
          input: raw,
        });
        return z.NEVER;
      }
      return values.length ? values : undefined;
    })
    .meta({ description });
}

/** A text parameter, refused when it has a control character. */
function printable(value: string | undefined, ctx: z.RefinementCtx): string | undefined {
  const problem = value === undefined ? null : controlCharacterProblem(value);
  if (!problem) return value;
  ctx.addIssue({ code: 'custom', message: problem, input: value });
  return z.NEVER;
}

/**
 * `from` / `to`: an ISO week or a date in it, trimmed; blank means the default. Whether the
 * week exists is checked with the shop's time zone when the period is resolved (FilterError).
 */
function periodEnd(name: 'from' | 'to', description: string) {
  return z
    .string({ error: `${name} is an ISO week such as 2026-W07 or a date such as 2026-02-11` })
    .optional()
    .transform((v) => v?.trim() || undefined)
    .transform(printable)
    .meta({ description, examples: ['2026-W07', '2026-02-11'] });
}

/**
 * `lang`: the language of a CSV's column labels (and of the error messages); without it a
 * CSV's header is the field names, which machine clients read. Never a filter (that is
 * `language`, the feedback's own language).
 */
export const langParam = z
  .union([z.enum(UI_LANGUAGES), BLANK], { error: `lang is one of ${UI_LANGUAGES.join(', ')}` })
  .optional()
  .meta({
    description:
      'For csv: column labels in this interface language instead of field names; also the language of error messages',
  });

/** The parameters every analytics endpoint takes, in the order the error messages list them. */
const COMMON = {
  from: periodEnd('from', 'First ISO week (2026-W07) or a date in it'),
  to: periodEnd('to', 'Last ISO week or a date in it; default: latest complete week with data'),
  format: z
    .union([z.enum(['json', 'csv', 'arrow']), BLANK], {
      error: 'format is one of json, csv, arrow',
    })
    .optional()
    .meta({
      description:
        'Answer format (or send Accept: text/csv / application/vnd.apache.arrow.stream); default json',
    }),
  table: z
    .string({ error: 'table names one list of the answer' })
    .optional()
    .transform(printable)
    .meta({
      description: 'For csv/arrow: which list of the answer to export (default: the first)',
    }),
  lang: langParam,
  supplier: listParam(FILTER_HELP.supplier),
  product: listParam(FILTER_HELP.product),
  category: listParam(FILTER_HELP.category),
  channel: listParam(FILTER_HELP.channel),
  type: listParam(FILTER_HELP.type),
  reasonCategory: listParam(FILTER_HELP.reasonCategory),
  reason: listParam(FILTER_HELP.reason),
  language: listParam(FILTER_HELP.language),
};

/** The names of the parameters every analytics endpoint takes. */
export const ANALYTICS_PARAMS = Object.keys(COMMON);

/**
 * The query schema of an analytics endpoint: the common filters and formats plus the
 * endpoint's own parameters. A parameter it does not know (a typo such as `suplier`) is
 * refused, not ignored: `unknown parameter "suplier"; this endpoint takes from, to, …`.
 */
export function analyticsQuery<const E extends z.ZodRawShape = Record<never, never>>(
  extra: E = {} as E,
) {
  const shape = { ...COMMON, ...extra };
  const names = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter "${issue.keys[0]}"; this endpoint takes ${names}`
        : undefined,
  });
}

/** The parsed common parameters. */
export type AnalyticsQuery = z.output<ReturnType<typeof analyticsQuery>>;

/** The filters of a parsed analytics query, without its encoding and endpoint parameters. */
export function filtersOf(query: AnalyticsQuery): AnalyticsFilters {
  const out: { -readonly [K in keyof AnalyticsFilters]: AnalyticsFilters[K] } = {};
  if (query.from) out.from = query.from;
  if (query.to) out.to = query.to;
  for (const key of FILTER_KEYS) {
    const values = query[key];
    if (values?.length) out[key] = values;
  }
  return out;
}

const WEEK_MESSAGE = 'week must be an ISO week such as 2026-W07';

/** The weekly report's `week` (an ISO week), checked to exist; blank means the default. */
export const weekParam = z
  .string({ error: WEEK_MESSAGE })
  .regex(/^(\d{4}-W\d{2})?$/, WEEK_MESSAGE)
  .optional()
  .transform((week, ctx) => {
    if (!week) return undefined;
    try {
      parseIsoWeek(week);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message, input: week });
      return z.NEVER;
    }
    return week;
  })
  .meta({
    description:
      'The reported ISO week (the period ends with it); default: the latest complete week',
    examples: ['2026-W07'],
  });

/** The weekly report's filters: `week` is the reported week, i.e. `to`. */
export function weeklyFiltersOf(query: AnalyticsQuery & { week?: string }): AnalyticsFilters {
  const filters = filtersOf(query);
  return query.week ? { ...filters, to: query.week } : filters;
}

/** A whole number from 1 to `max`; missing or blank: `fallback`. */
function wholeNumber(name: string, fallback: number, max: number, description: string) {
  const message = `${name} must be a whole number from 1 to ${max}`;
  return z
    .union(
      [BLANK, z.coerce.number({ error: message }).int(message).min(1, message).max(max, message)],
      { error: message },
    )
    .optional()
    .transform((n) => (n === undefined || n === '' ? fallback : n))
    .meta({ description, default: fallback });
}

/**
 * `page`, `pageSize`, `sort`, `order` of a records table; `sorts` lists its sortable
 * columns (a whitelist: nothing else is sorted by).
 */
export function pageParams(sorts: Record<string, string>, defaultSort: string) {
  const columns = Object.keys(sorts) as [string, ...string[]];
  return {
    page: wholeNumber('page', 1, 100_000, 'Page number, from 1'),
    pageSize: wholeNumber('pageSize', 50, 1000, 'Rows per page'),
    sort: z
      .union([BLANK, z.enum(columns)], { error: `sort by one of ${columns.join(', ')}` })
      .optional()
      .transform((sort) => sort || defaultSort)
      .meta({ description: 'Column to sort by', default: defaultSort }),
    order: z
      .enum(['asc', 'desc'], { error: 'order is asc or desc' })
      .default('desc')
      .meta({ description: 'Sort direction' }),
  };
}

/** The page request of a parsed records query. */
export function pageOf(query: {
  page: number;
  pageSize: number;
  sort: string;
  order: 'asc' | 'desc';
}): PageRequest {
  return { page: query.page, pageSize: query.pageSize, sort: query.sort, order: query.order };
}
