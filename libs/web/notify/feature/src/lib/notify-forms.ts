import {
  ALERT_KINDS,
  ALERT_METRIC_PERMISSIONS,
  ALERT_METRICS,
  DEFAULT_DIGEST_SCHEDULE,
  DIGEST_ROLE_PERMISSIONS,
  DIGEST_ROLES,
  FILTER_KEYS,
  type AlertKind,
  type AlertMetric,
  type AlertRule,
  type AlertRuleInput,
  type AnalyticsFilters,
  type DeliveryStatus,
  type DigestRole,
  type DigestSchedule,
  type FilterKey,
  type NotifyChannel,
  type Permission,
  type SubscriptionInput,
} from '@returnlens/shared/contracts';
import { HttpErrorResponse } from '@angular/common/http';
import { problemsOf, type FieldProblem } from '@returnlens/web/shared/data-access';
import { english, type Translate } from './i18n/translate';

/**
 * Problems of a form by the API's field path (`target`, `schedule.hour`, `filters.supplier`);
 * `''` for the form as a whole. Empty: nothing stops a save.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;

/** The API's problems by field (the first per field), to show next to the inputs. */
export function errorsByField(problems: readonly FieldProblem[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= p.message;
  return out;
}

/** A field's problem, or one of its parts' (`schedule` also shows `schedule.hour`'s). */
export function errorAt(errors: FieldErrors, field: string): string | null {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : null;
}

/**
 * What a refused request says, by field: the API lists a bad body's problems
 * (`errors: [{ field, message }]`), or names one field beside its message (`{ field, message }`,
 * e.g. a digest beyond the subscriber's role, 403).
 */
export function notifyProblems(error: unknown, fallback: string): FieldProblem[] {
  if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) {
    const body = error.error as { field?: unknown; message?: unknown; errors?: unknown } | null;
    if (
      body &&
      !Array.isArray(body.errors) &&
      typeof body.field === 'string' &&
      typeof body.message === 'string'
    )
      return [{ field: body.field, message: body.message }];
  }
  return problemsOf(error, fallback);
}

export const problemsOfErrors = (errors: FieldErrors): FieldProblem[] =>
  Object.entries(errors).map(([field, message]) => ({ field, message }));

// ---- who may receive what

/**
 * The digests someone holding `permissions` may receive (each needs all of its role's
 * permissions, as the API checks), in the contract's order.
 */
export function digestRolesFor(permissions: readonly Permission[]): DigestRole[] {
  return DIGEST_ROLES.filter((role) =>
    DIGEST_ROLE_PERMISSIONS[role].every((p) => permissions.includes(p)),
  );
}

/** The figures someone holding `permissions` may watch (any one of a figure's permissions). */
export function alertMetricsFor(permissions: readonly Permission[]): AlertMetric[] {
  return ALERT_METRICS.filter((m) =>
    ALERT_METRIC_PERMISSIONS[m].some((p) => permissions.includes(p)),
  );
}

// ---- schedule in words

/** ISO weekdays, Monday first; their names are messages (`subscriptions.schedule.weekdays.<day>`). */
export const WEEKDAYS = [
  { day: 1 },
  { day: 2 },
  { day: 3 },
  { day: 4 },
  { day: 5 },
  { day: 6 },
  { day: 7 },
] as const;

export const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export const hourText = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/**
 * When a digest goes out, in words: "Mondays at 08:00 (Europe/Warsaw)", "Every day at
 * 07:00 (Europe/Warsaw)"; without a known zone, "(shop time)".
 */
export function scheduleSentence(
  schedule: DigestSchedule,
  timeZone?: string | null,
  t: Translate = english,
): string {
  const zone = timeZone ? timeZone : t('subscriptions.schedule.shopTime');
  const hour = hourText(schedule.hour);
  if (schedule.frequency === 'daily') return t('subscriptions.schedule.daily', { hour, zone });
  return t('subscriptions.schedule.weekly', { weekday: String(schedule.weekday), hour, zone });
}

// ---- filters

export type FilterValues = Readonly<Partial<Record<FilterKey, readonly string[]>>>;

/** The value filters of an AnalyticsFilters (no period: a digest covers its own weeks). */
export function filterValuesOf(filters: AnalyticsFilters | null | undefined): FilterValues {
  const out: Partial<Record<FilterKey, readonly string[]>> = {};
  for (const key of FILTER_KEYS) {
    const values = filters?.[key];
    if (values?.length) out[key] = [...values];
  }
  return out;
}

/** "SUP-1, SUP-2 ,, " → ['SUP-1', 'SUP-2'] (each once, in order). */
export function splitIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export function withFilterValue(
  filters: FilterValues,
  key: FilterKey,
  value: string,
): FilterValues {
  const list = filters[key] ?? [];
  return list.includes(value) ? filters : { ...filters, [key]: [...list, value] };
}

export function withoutFilterValue(
  filters: FilterValues,
  key: FilterKey,
  value: string,
): FilterValues {
  const list = (filters[key] ?? []).filter((v) => v !== value);
  const out: Partial<Record<FilterKey, readonly string[]>> = { ...filters };
  if (list.length) out[key] = list;
  else delete out[key];
  return out;
}

// ---- addresses

/** A plain e-mail address (the API checks it again). */
export function isEmail(text: string): boolean {
  return /^[^\s@<>()[\],;:"]{1,64}@[^\s@<>()[\],;:"]{1,189}$/.test(text) && !text.endsWith('.');
}

/** An absolute http(s) URL with a host. */
export function isWebhookUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function targetError(channel: NotifyChannel, target: string, t: Translate): string | null {
  if (channel === 'email') {
    if (!target) return t('subscriptions.errors.emailMissing');
    if (!isEmail(target)) return t('subscriptions.errors.emailInvalid');
  } else {
    if (!target) return t('subscriptions.errors.urlMissing');
    if (!isWebhookUrl(target)) return t('subscriptions.errors.urlInvalid');
  }
  if (target.length > 2000) return t('subscriptions.errors.targetTooLong');
  return null;
}

// ---- subscription form

export interface SubscriptionForm {
  /** '' for oneself; owner/admin may choose another user. */
  readonly userId: string;
  readonly role: DigestRole | '';
  readonly channel: NotifyChannel;
  readonly target: string;
  readonly frequency: 'weekly' | 'daily';
  readonly weekday: number;
  readonly hour: number;
  readonly filters: FilterValues;
  readonly whenQuiet: 'note' | 'skip';
  readonly attachPdf: boolean;
  readonly attachCsv: boolean;
}

export function newSubscription(
  roles: readonly DigestRole[],
  email: string | null = null,
): SubscriptionForm {
  return {
    userId: '',
    role: roles[0] ?? '',
    channel: 'email',
    target: email ?? '',
    frequency: DEFAULT_DIGEST_SCHEDULE.frequency,
    weekday: DEFAULT_DIGEST_SCHEDULE.weekday,
    hour: DEFAULT_DIGEST_SCHEDULE.hour,
    filters: {},
    whenQuiet: 'note',
    attachPdf: false,
    attachCsv: false,
  };
}

/** What stops the subscription from being created, by the API's field names. */
export function subscriptionErrors(
  form: SubscriptionForm,
  allowedRoles: readonly DigestRole[],
  t: Translate = english,
): FieldErrors {
  const errors: Record<string, string> = {};
  if (!form.role) errors['role'] = t('subscriptions.errors.role');
  else if (!allowedRoles.includes(form.role))
    errors['role'] = t('subscriptions.errors.roleNotAllowed', { role: form.role });
  const target = targetError(form.channel, form.target.trim(), t);
  if (target) errors['target'] = target;
  if (
    form.frequency === 'weekly' &&
    !(Number.isInteger(form.weekday) && form.weekday >= 1 && form.weekday <= 7)
  )
    errors['schedule.weekday'] = t('subscriptions.errors.weekday');
  if (!(Number.isInteger(form.hour) && form.hour >= 0 && form.hour <= 23))
    errors['schedule.hour'] = t('subscriptions.errors.hour');
  return errors;
}

export function subscriptionBody(form: SubscriptionForm): SubscriptionInput {
  const email = form.channel === 'email';
  return {
    role: form.role as DigestRole,
    channel: form.channel,
    target: form.target.trim(),
    schedule: {
      frequency: form.frequency,
      weekday: form.frequency === 'weekly' ? form.weekday : DEFAULT_DIGEST_SCHEDULE.weekday,
      hour: form.hour,
    },
    filters: { ...form.filters } as AnalyticsFilters,
    whenQuiet: form.whenQuiet,
    attachPdf: email && form.attachPdf,
    attachCsv: email && form.attachCsv,
    ...(form.userId ? { userId: form.userId } : {}),
  };
}

// ---- alert rules

/** Figures the weekly report tests against their normal (money and sentiment are only compared). */
const TESTED_METRICS: readonly AlertMetric[] = [
  'sla_attainment',
  'return_rate',
  'claims',
  'defect_rate',
];

/**
 * The kinds that make sense for a figure: a significant change only where the weekly report
 * tests one; control limits are drawn for the supplier defect rate only.
 */
export function kindsFor(metric: AlertMetric): AlertKind[] {
  return ALERT_KINDS.filter(
    (k) =>
      k === 'threshold' ||
      (k === 'change' && TESTED_METRICS.includes(metric)) ||
      (k === 'control_limit' && metric === 'defect_rate'),
  );
}

/** How a threshold is typed: shares in %, net sentiment in points, the rest as they are. */
export type ThresholdUnit = 'percent' | 'points' | 'count' | 'money';

export const METRIC_UNIT: Readonly<Record<AlertMetric, ThresholdUnit>> = {
  sla_attainment: 'percent',
  return_rate: 'percent',
  defect_rate: 'percent',
  net_sentiment: 'points',
  claims: 'count',
  refunds_paid: 'money',
};

function numberOf(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/^\+/, '');
  return t === '' || !Number.isFinite(Number(t)) ? null : Number(t);
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** The API's value (a share as 0–1, net sentiment −1…1) as the form shows it. */
export function displayValue(metric: AlertMetric, value: number): string {
  const unit = METRIC_UNIT[metric];
  if (unit === 'percent') return String(round(value * 100, 2));
  if (unit === 'points') return String(round(value * 100, 1));
  return String(value);
}

/** The form's value in the API's unit; null when it is not a number. */
export function apiValue(metric: AlertMetric, text: string): number | null {
  const n = numberOf(text);
  if (n === null) return null;
  const unit = METRIC_UNIT[metric];
  return unit === 'percent' || unit === 'points' ? round(n / 100, 6) : n;
}

/** A threshold in words: "below 90 %", "above 25 claims". */
export function thresholdText(
  metric: AlertMetric,
  operator: '<' | '>',
  value: number,
  t: Translate = english,
): string {
  const unit = METRIC_UNIT[metric];
  const shown = displayValue(metric, value);
  const op = operator === '<' ? 'below' : 'above';
  const key = `subscriptions.alerts.thresholds.${unit}`;
  if (unit === 'points')
    return t(key, { op, value: `${value > 0 ? '+' : ''}${shown.replace(/^-/, '−')}` });
  if (unit === 'count') return t(key, { op, count: value });
  return t(key, { op, value: shown });
}

/** A figure's name in words ("SLA attainment (a policy)"). */
export const metricName = (metric: AlertMetric, t: Translate = english): string =>
  t(`subscriptions.alerts.metrics.${metric}`);

/** What a rule watches, in a sentence: "SLA attainment (a policy) below 90 %". */
export function ruleSentence(
  rule: Pick<AlertRule, 'metric' | 'kind' | 'operator' | 'value'>,
  t: Translate = english,
): string {
  const metric = metricName(rule.metric, t);
  if (rule.kind === 'threshold' && rule.operator && rule.value !== undefined && rule.value !== null)
    return t('subscriptions.alerts.rule.threshold', {
      metric,
      threshold: thresholdText(rule.metric, rule.operator, rule.value, t),
    });
  if (rule.kind === 'change') return t('subscriptions.alerts.rule.change', { metric });
  if (rule.kind === 'control_limit') return t('subscriptions.alerts.rule.controlLimit');
  return metric;
}

export interface AlertForm {
  readonly name: string;
  readonly metric: AlertMetric;
  readonly kind: AlertKind;
  readonly operator: '<' | '>';
  /** As typed, in the unit the form shows (METRIC_UNIT). */
  readonly value: string;
  readonly policyId: number | null;
  readonly filters: FilterValues;
  readonly channel: NotifyChannel;
  readonly target: string;
  readonly quietHours: string;
}

export function newAlert(metrics: readonly AlertMetric[], email: string | null = null): AlertForm {
  const metric = metrics[0] ?? 'claims';
  return {
    name: '',
    metric,
    kind: 'threshold',
    operator: metric === 'sla_attainment' ? '<' : '>',
    value: '',
    policyId: null,
    filters: {},
    channel: 'email',
    target: email ?? '',
    quietHours: '24',
  };
}

export function alertErrors(
  form: AlertForm,
  allowedMetrics: readonly AlertMetric[],
  t: Translate = english,
): FieldErrors {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (!name) errors['name'] = t('subscriptions.errors.nameMissing');
  else if (name.length > 120) errors['name'] = t('subscriptions.errors.nameTooLong');
  if (!allowedMetrics.includes(form.metric)) errors['metric'] = t('subscriptions.errors.metric');
  if (!kindsFor(form.metric).includes(form.kind))
    errors['kind'] =
      form.kind === 'control_limit'
        ? t('subscriptions.errors.controlLimitOnly')
        : t('subscriptions.errors.neverTested', { metric: metricName(form.metric, t) });
  if (form.kind === 'threshold') {
    const value = numberOf(form.value);
    const unit = METRIC_UNIT[form.metric];
    if (value === null) errors['value'] = t('subscriptions.errors.valueMissing');
    else if (unit === 'percent' && (value < 0 || value > 100))
      errors['value'] = t('subscriptions.errors.share');
    else if (unit === 'points' && (value < -100 || value > 100))
      errors['value'] = t('subscriptions.errors.sentiment');
    else if ((unit === 'count' || unit === 'money') && value < 0)
      errors['value'] = t('subscriptions.errors.zeroOrMore');
  }
  if (form.metric === 'sla_attainment' && form.policyId === null)
    errors['policyId'] = t('subscriptions.errors.policy');
  const target = targetError(form.channel, form.target.trim(), t);
  if (target) errors['target'] = target;
  const quiet = numberOf(form.quietHours);
  if (quiet === null || !Number.isInteger(quiet) || quiet < 0 || quiet > 24 * 31)
    errors['quietHours'] = t('subscriptions.errors.quietHours');
  return errors;
}

export function alertBody(form: AlertForm): AlertRuleInput {
  const threshold = form.kind === 'threshold';
  const value = threshold ? apiValue(form.metric, form.value) : null;
  return {
    name: form.name.trim(),
    metric: form.metric,
    kind: form.kind,
    ...(threshold ? { operator: form.operator } : {}),
    ...(threshold && value !== null ? { value } : {}),
    ...(form.metric === 'sla_attainment' && form.policyId !== null
      ? { policyId: form.policyId }
      : {}),
    filters: { ...form.filters } as AnalyticsFilters,
    channel: form.channel,
    target: form.target.trim(),
    quietHours: numberOf(form.quietHours) ?? 24,
  };
}

// ---- deliveries

/** A delivery still on its way (the page asks again until it is settled). */
export const isUnsettled = (status: DeliveryStatus): boolean =>
  status === 'pending' || status === 'sending';

/** The triggers of a delivery the page names in words (`subscriptions.triggers.<trigger>`). */
export const TRIGGERS: readonly string[] = ['schedule', 'test', 'command', 'alert'];

/** A date and time in the user's locale; `never` for none. */
export function when(
  iso: string | null | undefined,
  never = '—',
  locale: string | undefined = undefined,
): string {
  if (!iso) return never;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
