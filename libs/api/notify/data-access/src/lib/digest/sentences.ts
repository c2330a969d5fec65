import {
  reasonLabel,
  type KpiComparison,
  type Mover,
  type MoversTest,
  type SlaMetric,
  type SlaOpenClaim,
  type SlaPolicyKpi,
  type SupplierScore,
  type UntestedReason,
} from '@returnlens/shared/contracts';
import { ENGLISH, type NotifyText } from '../i18n/notify-text';
import {
  formatAverage,
  formatCount,
  formatDuration,
  formatInstant,
  formatMoney,
  formatNetSentiment,
  formatPValue,
  formatQValue,
  formatShare,
  formatSignedShare,
  formatTarget,
  humanize,
  MINUS,
} from './format';

/**
 * The sentences of the digests, from the figures the dashboard shows (hand-made figures in the
 * unit tests): plain words, the evidence beside every claim, and no significance claimed for
 * anything that was not tested. Each takes the reader's words (`NotifyText`, English when none
 * is given): the messages of ../i18n and the figures in the language's locale.
 */

/** How a KPI's value reads. */
export type KpiFormat = 'count' | 'share' | 'hours' | 'netSentiment' | 'money';
/** The test behind a KPI's significance (`none`: compared without a test, as the dashboard does). */
export type KpiTest = 'poisson' | 'proportion' | 'none';

export interface KpiLine {
  readonly label: string;
  readonly kpi: KpiComparison;
  readonly format: KpiFormat;
  readonly test: KpiTest;
  readonly currency?: string;
  /** What the baseline averages over, in the reader's words (default: "the 4 weeks before"). */
  readonly baselineOf?: string;
}

/** Why a figure was not tested, in the dashboard's words. */
export function untestedWords(reason: UntestedReason, text: NotifyText = ENGLISH): string {
  return text.t(`untested.${reason}`);
}

function formatValue(
  line: Pick<KpiLine, 'format' | 'currency'>,
  value: number,
  locale: string,
): string {
  switch (line.format) {
    case 'share':
      return formatShare(value, locale);
    case 'hours':
      return formatDuration(value, locale);
    case 'netSentiment':
      return formatNetSentiment(value, locale);
    case 'money':
      return formatMoney(value, line.currency ?? 'EUR', locale);
    default:
      return formatCount(value, locale);
  }
}

const plus = (n: number) => (n > 0 ? '+' : n < 0 ? MINUS : '');

/** The change against the baseline as the KPI tiles write it ("+1.2 pp", "+31.8 (+6.6%)"; in a sentence "+31.8, +6.6%"). */
export function kpiChange(line: KpiLine, inSentence = false, text: NotifyText = ENGLISH): string {
  const { change, relativeChange } = line.kpi;
  const { locale, t } = text;
  switch (line.format) {
    case 'share':
      return t('unit.percentagePoints', {
        value: `${plus(change)}${formatAverage(Math.abs(change) * 100, locale)}`,
      });
    case 'hours':
      return `${change > 0 ? '+' : ''}${formatDuration(change, locale)}`;
    case 'netSentiment':
      return t('unit.points', { value: formatNetSentiment(change, locale) });
  }
  const relative =
    relativeChange === null
      ? ''
      : inSentence
        ? `, ${formatSignedShare(relativeChange, locale)}`
        : ` (${formatSignedShare(relativeChange, locale)})`;
  const absolute =
    line.format === 'money'
      ? `${plus(change)}${formatMoney(Math.abs(change), line.currency ?? 'EUR', locale)}`
      : `${plus(change)}${formatAverage(Math.abs(change), locale)}`;
  return `${absolute}${relative}`;
}

/** Whether a KPI's change counts as significant: tested, and significant. */
export function kpiSignificant(line: Pick<KpiLine, 'kpi' | 'test'>): boolean {
  return line.kpi.significant && !line.kpi.untested && line.test !== 'none';
}

/** The verdict on a KPI's change: untested (and why), compared without a test, significant or normal. */
export function kpiVerdict(line: KpiLine, text: NotifyText = ENGLISH): string {
  const { kpi } = line;
  if (kpi.untested) return untestedWords(kpi.untested, text);
  if (line.test === 'none') return text.t('verdict.noTest');
  const test = formatPValue(kpi.pValue, text.locale);
  if (kpiSignificant(line))
    return text.t(kpi.change > 0 ? 'verdict.rise' : 'verdict.fall', { test });
  return text.t('verdict.normal', { test });
}

/**
 * "Claims received: 512 against 480.3 a week on average in the 4 weeks before (+31.8, +6.6%),
 * within normal variation (p = 0.210)".
 */
export function kpiSentence(line: KpiLine, text: NotifyText = ENGLISH): string {
  const weekly = line.format === 'count' || line.format === 'money';
  const baseline =
    line.format === 'count'
      ? formatAverage(line.kpi.baseline, text.locale)
      : formatValue(line, line.kpi.baseline, text.locale);
  return text.t(weekly ? 'kpi.sentenceWeekly' : 'kpi.sentence', {
    label: line.label,
    value: formatValue(line, line.kpi.value, text.locale),
    baseline,
    of: line.baselineOf ?? text.t('kpi.of.weeks'),
    change: kpiChange(line, true, text),
    verdict: kpiVerdict(line, text),
  });
}

/** A reason's name in the reader's language (a shop's own reason as the shop wrote it). */
export function reasonName(code: string, text: NotifyText = ENGLISH): string {
  return text.word('reason', code, reasonLabel(code));
}

/**
 * ", mostly product defect": the top reason, in lower case where the language writes its
 * nouns so inside a sentence (German keeps its capitals).
 */
function mostly(code: string | null | undefined, text: NotifyText): string {
  if (!code) return '';
  const name = reasonName(code, text);
  const reason = text.language === 'de' ? name : name.toLocaleLowerCase(text.locale);
  return `, ${text.t('mostly', { reason })}`;
}

/**
 * A significant mover with its evidence, as the weekly report writes it:
 * "Kestrel Electronics: defect rate 3.1% against 1.2% (q = 0.003), 45 defect units this week
 * against 14.5 a week in the 8 weeks before, mostly product defect"; a fall reads "… defect rate
 * down to 0.4% against 1.2% …". `baselineWeeks` 0 leaves the comparison of counts out.
 */
export function moverSentence(m: Mover, baselineWeeks = 8, text: NotifyText = ENGLISH): string {
  const { locale, t } = text;
  const normal =
    baselineWeeks > 0
      ? ` ${t('mover.normal', {
          average: formatAverage(m.baselineCount / baselineWeeks, locale),
          weeks: baselineWeeks,
        })}`
      : '';
  const main = t(m.direction === 'down' ? 'mover.down' : 'mover.up', {
    label: m.label,
    rate: t(`mover.rate.${m.metric}`),
    value: formatShare(m.value, locale),
    baseline: formatShare(m.baseline, locale),
    test: formatQValue(m.qValue, locale),
    events: t(`mover.events.${m.metric}`, { count: m.count }),
  });
  return `${main}${normal}${mostly(m.topReason, text)}`;
}

/** What the movers test covered, or why it did not run. */
export function moversTestSentence(
  test: MoversTest,
  week: string,
  text: NotifyText = ENGLISH,
): string {
  if (test.untested)
    return text.t('mover.untested', { week, untested: untestedWords(test.untested, text) });
  return text.t('mover.tested', { count: test.candidates, weeks: test.baselineWeeks });
}

/** The one line of a digest with nothing significant. */
export function quietLine(
  role: 'owner' | 'buyer' | 'manager',
  period: string,
  detail: { untested?: UntestedReason; since?: string } = {},
  text: NotifyText = ENGLISH,
): string {
  const { t } = text;
  if (detail.untested)
    return t('quiet.untested', { period, untested: untestedWords(detail.untested, text) });
  if (role === 'manager' && detail.since)
    return t('quiet.managerSince', { period, since: detail.since });
  return t(`quiet.${role}`, { period });
}

/**
 * A supplier beyond its funnel limit over the period:
 * "Kestrel Electronics: defect rate 3.1% over 2026-W37 – 2026-W48, above its 99.8% control limit
 * of 2.0% (all suppliers 1.2%); 450 defect units of 14,500 units sold, mostly product defect".
 */
export function supplierLimitSentence(
  s: SupplierScore,
  range: string,
  overall: number | null,
  text: NotifyText = ENGLISH,
): string {
  const { locale } = text;
  return (
    text.t('supplier.limit', {
      name: s.name,
      rate: formatShare(s.defectRate, locale),
      range,
      limit: formatShare(s.limits998?.upper ?? null, locale),
      overall: formatShare(overall, locale),
      defects: s.defectUnits,
      sold: s.unitsSold,
    }) + mostly(s.topReasons[0]?.reasonCode, text)
  );
}

/** A supplier's significant rise in the reported week (a supplier mover), named by its week. */
export function supplierRiseSentence(
  m: Mover,
  week: string,
  baselineWeeks = 8,
  text: NotifyText = ENGLISH,
): string {
  const { locale } = text;
  return (
    text.t('supplier.rise', {
      name: m.label,
      rate: formatShare(m.value, locale),
      week,
      baseline: formatShare(m.baseline, locale),
      weeks: baselineWeeks,
      test: formatQValue(m.qValue, locale),
      defects: m.count,
      average: formatAverage(m.baselineCount / Math.max(1, baselineWeeks), locale),
    }) + mostly(m.topReason, text)
  );
}

/** What an SLA policy measures, in words ("first response"). */
export function slaMetricWords(metric: SlaMetric, text: NotifyText = ENGLISH): string {
  return text.t(`sla.metric.${metric}`);
}

/**
 * A policy's attainment in the reported week, or — while that week is immature — in its latest
 * mature week, saying so: "First response 24 h (first response within 24 h): 2026-W48 is not
 * mature yet (12 claims not yet due); 2026-W47, the latest mature week: 93.1% met against …".
 */
export function slaPolicySentence(
  p: SlaPolicyKpi,
  week: string,
  text: NotifyText = ENGLISH,
): string {
  const { locale, t } = text;
  // A name that says its target ("First response within 24 h") is not explained twice.
  const name = /\bwithin\b/i.test(p.name)
    ? p.name
    : t('sla.named', {
        name: p.name,
        metric: slaMetricWords(p.metric, text),
        target: formatTarget(p.targetHours, locale),
      });
  const immature = p.immature ? t('sla.immature', { week, count: p.pending }) : '';
  if (!p.kpi)
    return t('sla.nothingToMeasure', { name, why: immature || t('sla.noneDue', { week }) });
  const ofWeek = p.kpi.week?.week ?? week;
  const head = immature
    ? t('sla.headImmature', { name, immature, week: ofWeek })
    : t('sla.head', { name, week: ofWeek });
  const line: KpiLine = {
    label: '',
    kpi: p.kpi,
    format: 'share',
    test: 'proportion',
    baselineOf: t('kpi.of.matureWeeks'),
  };
  return t('sla.attainment', {
    head,
    value: formatShare(p.kpi.value, locale),
    baseline: formatShare(p.kpi.baseline, locale),
    change: kpiChange(line, false, text),
    verdict: kpiVerdict(line, text),
  });
}

/** Whether a policy's attainment fell significantly (a tested, mature week). */
export function slaPolicyFell(p: SlaPolicyKpi): boolean {
  return !!p.kpi && kpiSignificant({ kpi: p.kpi, test: 'proportion' }) && p.kpi.change < 0;
}

function claimWho(c: SlaOpenClaim, text: NotifyText): string {
  const type = text.word('type', c.type, humanize(c.type));
  const channel = text.word('channel', c.channel, humanize(c.channel));
  return `${type}, ${channel}, ${c.assignee ? c.assignee : text.t('sla.unassigned')}`;
}

/**
 * "Claim C-1042 (Return, Email, Anna): First response 24 h breached, 5 h overdue (deadline Fri
 * 4 Dec, 09:00)"; business-hours policies count business hours and have no fixed deadline.
 */
export function breachSentence(
  c: SlaOpenClaim,
  timeZone: string,
  text: NotifyText = ENGLISH,
): string {
  const values = {
    id: c.externalId,
    who: claimWho(c, text),
    policy: c.policy,
    overdue: formatDuration(-c.hoursLeft, text.locale),
  };
  return c.deadline
    ? text.t('sla.breach', {
        ...values,
        deadline: formatInstant(c.deadline, timeZone, text.locale),
      })
    : text.t('sla.breachBusinessHours', values);
}

/** "Claim C-1050 (…): First response 24 h due in 3 h (Sat 5 Dec, 17:00)". */
export function atRiskSentence(
  c: SlaOpenClaim,
  timeZone: string,
  text: NotifyText = ENGLISH,
): string {
  const values = {
    id: c.externalId,
    who: claimWho(c, text),
    policy: c.policy,
    left: formatDuration(c.hoursLeft, text.locale),
  };
  return c.deadline
    ? text.t('sla.atRisk', {
        ...values,
        deadline: formatInstant(c.deadline, timeZone, text.locale),
      })
    : text.t('sla.atRiskBusinessHours', values);
}

/**
 * The instant an open claim's deadline passed: `now` less its overdue hours (for a
 * business-hours policy the business hours overdue, so the instant is never earlier than the
 * real one: a breach is never dated before its deadline).
 */
export function breachedAt(c: SlaOpenClaim, now: Date): Date {
  if (c.deadline) return new Date(c.deadline);
  return new Date(now.getTime() + c.hoursLeft * 3_600_000);
}
