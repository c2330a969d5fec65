import {
  CLAIM_TYPES,
  RESOLUTIONS,
  SLA_CLOCKS,
  SLA_METRICS,
  type BusinessCalendarSettings,
  type ReportingSettings,
  type SlaClock,
  type SlaMetric,
  type SlaPolicy,
} from '@returnlens/shared/contracts';
import type { FieldProblem } from '@returnlens/web/shared/data-access';
import { english, type Translate } from './i18n/translate';

/**
 * Problems of a form by the API's field path (`returnWindowDays`, `targets.satisfaction`,
 * `hours.0`, `2.targetHours`); `''` for the form as a whole. Empty: nothing stops a save.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;

/** The API's problems by field (the first per field), to show next to the inputs. */
export function errorsByField(problems: readonly FieldProblem[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= p.message;
  return out;
}

/** A field's problem, or one of its parts' (`hours` also shows `hours.1`'s). */
export function errorAt(errors: FieldErrors, field: string): string | null {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : null;
}

/** A number as typed; null when it is not one. */
function numberOf(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return t === '' || !Number.isFinite(Number(t)) ? null : Number(t);
}

// ---- reporting

/** The reporting settings as typed; shares in percent. */
export interface ReportingForm {
  readonly returnWindowDays: string;
  readonly processingHours: string;
  readonly satisfaction: string;
  readonly repeatContact: string;
  readonly returnShare: string;
}

const percent = (share: number) => String(Math.round(share * 1000) / 10);

export function reportingFormOf(settings: ReportingSettings): ReportingForm {
  return {
    returnWindowDays: String(settings.returnWindowDays),
    processingHours: String(settings.targets.processingHours),
    satisfaction: percent(settings.targets.satisfaction),
    repeatContact: percent(settings.targets.repeatContact),
    returnShare: percent(settings.targets.returnShare),
  };
}

/** What stops the reporting settings from being saved, in words (`t`: the language). */
export function reportingErrors(form: ReportingForm, t: Translate = english): FieldErrors {
  const errors: Record<string, string> = {};
  const days = numberOf(form.returnWindowDays);
  if (days === null || !Number.isInteger(days) || days < 1 || days > 365)
    errors['returnWindowDays'] = t('settings.reporting.errors.returnWindow');
  const hours = numberOf(form.processingHours);
  if (hours === null || hours <= 0 || hours > 8760)
    errors['targets.processingHours'] = t('settings.reporting.errors.hours');
  for (const key of ['satisfaction', 'repeatContact', 'returnShare'] as const) {
    const value = numberOf(form[key]);
    if (value === null || value < 0 || value > 100)
      errors[`targets.${key}`] = t('settings.reporting.errors.share');
  }
  return errors;
}

export function reportingBody(form: ReportingForm): ReportingSettings {
  const share = (text: string) => Math.round((numberOf(text) ?? 0) * 10) / 1000;
  return {
    returnWindowDays: numberOf(form.returnWindowDays) ?? 0,
    targets: {
      processingHours: numberOf(form.processingHours) ?? 0,
      satisfaction: share(form.satisfaction),
      repeatContact: share(form.repeatContact),
      returnShare: share(form.returnShare),
    },
  };
}

// ---- business calendar

/** ISO weekdays, Monday first; their names are messages (`settings.calendar.weekdays.<day>`). */
export const WEEKDAYS = [
  { day: 1 },
  { day: 2 },
  { day: 3 },
  { day: 4 },
  { day: 5 },
  { day: 6 },
  { day: 7 },
] as const;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** True for an IANA time zone this browser knows (the API checks it again). */
export function isTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function calendarErrors(
  calendar: BusinessCalendarSettings,
  knownZone: (zone: string) => boolean = isTimeZone,
  t: Translate = english,
): FieldErrors {
  const errors: Record<string, string> = {};
  if (!knownZone(calendar.timeZone.trim()))
    errors['timeZone'] = t('settings.calendar.errors.timeZone');
  if (!calendar.workingDays.length)
    errors['workingDays'] = t('settings.calendar.errors.workingDays');
  if (!calendar.hours.length) errors['hours'] = t('settings.calendar.errors.noPeriod');
  if (calendar.hours.length > 3) errors['hours'] = t('settings.calendar.errors.tooManyPeriods');
  calendar.hours.forEach((p, i) => {
    if (!HHMM.test(p.start) || !HHMM.test(p.end))
      errors[`hours.${i}`] = t('settings.calendar.errors.timeFormat');
    else if (minutes(p.start) >= minutes(p.end))
      errors[`hours.${i}`] = t('settings.calendar.errors.startBeforeEnd');
  });
  const sorted = calendar.hours
    .filter((p) => HHMM.test(p.start) && HHMM.test(p.end))
    .map((p) => [minutes(p.start), minutes(p.end)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  if (sorted.some((p, i) => i > 0 && sorted[i - 1][1] > p[0]))
    errors['hours'] ??= t('settings.calendar.errors.overlap');
  calendar.holidays.forEach((d, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)))
      errors[`holidays.${i}`] = t('settings.calendar.errors.noDate', { date: d });
  });
  return errors;
}

/** The holidays with `date` added, in order, each once. */
export function withHoliday(holidays: readonly string[], date: string): string[] {
  return [...new Set([...holidays, date])].sort();
}

export function calendarBody(calendar: BusinessCalendarSettings): BusinessCalendarSettings {
  return {
    timeZone: calendar.timeZone.trim(),
    workingDays: [...calendar.workingDays].sort((a, b) => a - b),
    hours: [...calendar.hours].sort((a, b) => a.start.localeCompare(b.start)),
    holidays: [...new Set(calendar.holidays)].sort(),
  };
}

/** "Mon–Fri 09:00–17:00, 2 holidays" — what the calendar says, in a line. */
export function calendarSummary(
  calendar: BusinessCalendarSettings,
  t: Translate = english,
): string {
  const days = WEEKDAYS.filter((d) => calendar.workingDays.includes(d.day)).map((d) =>
    t(`settings.calendar.weekdaysShort.${d.day}`),
  );
  const hours = calendar.hours.map((p) => `${p.start}–${p.end}`).join(', ');
  return t('settings.calendar.summary', {
    days: days.join(', '),
    hours,
    zone: calendar.timeZone,
    count: calendar.holidays.length,
  });
}

// ---- SLA policies

export interface PolicyForm {
  readonly id?: number;
  readonly name: string;
  readonly metric: SlaMetric;
  readonly targetHours: string;
  readonly clock: SlaClock;
  readonly claimTypes: readonly string[];
  /** null: closed claims count whatever their resolution. */
  readonly resolutions: readonly string[] | null;
  readonly atRiskHours: string;
}

export { CLAIM_TYPES, RESOLUTIONS, SLA_CLOCKS, SLA_METRICS };

export function policyFormOf(policy: SlaPolicy): PolicyForm {
  return {
    id: policy.id,
    name: policy.name,
    metric: policy.metric,
    targetHours: String(policy.targetHours),
    clock: policy.clock,
    claimTypes: policy.claimTypes,
    resolutions: policy.resolutions,
    atRiskHours: String(policy.atRiskHours),
  };
}

export function newPolicy(): PolicyForm {
  return {
    name: '',
    metric: 'first_response',
    targetHours: '24',
    clock: 'business',
    claimTypes: [...CLAIM_TYPES],
    resolutions: null,
    atRiskHours: '4',
  };
}

/** Problems by `<index>.<field>`, as the API names them for the list it is sent. */
export function policyErrors(policies: readonly PolicyForm[], t: Translate = english): FieldErrors {
  const errors: Record<string, string> = {};
  if (!policies.length) errors[''] = t('settings.policies.errors.none');
  if (policies.length > 50) errors[''] = t('settings.policies.errors.tooMany');
  const names = new Set<string>();
  policies.forEach((p, i) => {
    const name = p.name.trim();
    if (!name) errors[`${i}.name`] = t('settings.policies.errors.nameMissing');
    else if (name.length > 120) errors[`${i}.name`] = t('settings.policies.errors.nameTooLong');
    else if (names.has(name.toLowerCase()))
      errors[`${i}.name`] = t('settings.policies.errors.nameTaken');
    names.add(name.toLowerCase());
    const target = numberOf(p.targetHours);
    if (target === null || target <= 0 || target > 100_000)
      errors[`${i}.targetHours`] = t('settings.policies.errors.target');
    const risk = numberOf(p.atRiskHours);
    if (risk === null || risk < 0 || risk > 100_000)
      errors[`${i}.atRiskHours`] = t('settings.policies.errors.atRisk');
    if (!p.claimTypes.length) errors[`${i}.claimTypes`] = t('settings.policies.errors.claimTypes');
    if (p.resolutions && !p.resolutions.length)
      errors[`${i}.resolutions`] = t('settings.policies.errors.resolutions');
  });
  return errors;
}

export function policiesBody(
  policies: readonly PolicyForm[],
): (Omit<SlaPolicy, 'id'> & { id?: number })[] {
  return policies.map((p) => ({
    ...(p.id !== undefined ? { id: p.id } : {}),
    name: p.name.trim(),
    metric: p.metric,
    targetHours: numberOf(p.targetHours) ?? 0,
    clock: p.clock,
    claimTypes: [...p.claimTypes],
    resolutions: p.resolutions ? [...p.resolutions] : null,
    atRiskHours: numberOf(p.atRiskHours) ?? 0,
  }));
}

/** `list` with `item` added or removed, in the order of `all`. */
export function toggled<T>(all: readonly T[], list: readonly T[], item: T, on: boolean): T[] {
  const chosen = new Set(list);
  if (on) chosen.add(item);
  else chosen.delete(item);
  return all.filter((x) => chosen.has(x));
}

/** Words for a code: `web_form` → "web form". */
export const words = (code: string): string => code.replace(/_/g, ' ');
