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
 * anything that was not tested.
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
  /** What the baseline averages over, in words (default: "the 4 weeks before"). */
  readonly baselineOf?: string;
}

/** Why a figure was not tested, in the dashboard's words. */
export const UNTESTED_WORDS: Readonly<Record<UntestedReason, string>> = {
  incomplete_week: 'not tested: the week is not over yet',
  immature: 'not tested: not mature yet (returns or deadlines still to come)',
  too_few: 'not tested: too few observations',
};

function formatValue(line: Pick<KpiLine, 'format' | 'currency'>, value: number): string {
  switch (line.format) {
    case 'share':
      return formatShare(value);
    case 'hours':
      return formatDuration(value);
    case 'netSentiment':
      return formatNetSentiment(value);
    case 'money':
      return formatMoney(value, line.currency ?? 'EUR');
    default:
      return formatCount(value);
  }
}

const plus = (n: number) => (n > 0 ? '+' : n < 0 ? MINUS : '');

/** The change against the baseline as the KPI tiles write it ("+1.2 pp", "+31.8 (+6.6%)"; in a sentence "+31.8, +6.6%"). */
export function kpiChange(line: KpiLine, inSentence = false): string {
  const { change, relativeChange } = line.kpi;
  switch (line.format) {
    case 'share':
      return `${plus(change)}${formatAverage(Math.abs(change) * 100)} pp`;
    case 'hours':
      return `${change > 0 ? '+' : ''}${formatDuration(change)}`;
    case 'netSentiment':
      return `${formatNetSentiment(change)} pts`;
  }
  const relative =
    relativeChange === null
      ? ''
      : inSentence
        ? `, ${formatSignedShare(relativeChange)}`
        : ` (${formatSignedShare(relativeChange)})`;
  const absolute =
    line.format === 'money'
      ? `${plus(change)}${formatMoney(Math.abs(change), line.currency ?? 'EUR')}`
      : `${plus(change)}${formatAverage(Math.abs(change))}`;
  return `${absolute}${relative}`;
}

/** Whether a KPI's change counts as significant: tested, and significant. */
export function kpiSignificant(line: Pick<KpiLine, 'kpi' | 'test'>): boolean {
  return line.kpi.significant && !line.kpi.untested && line.test !== 'none';
}

/** The verdict on a KPI's change: untested (and why), compared without a test, significant or normal. */
export function kpiVerdict(line: KpiLine): string {
  const { kpi } = line;
  if (kpi.untested) return UNTESTED_WORDS[kpi.untested];
  if (line.test === 'none') return 'compared without a test';
  if (kpiSignificant(line))
    return `a significant ${kpi.change > 0 ? 'rise' : 'fall'} (${formatPValue(kpi.pValue)})`;
  return `within normal variation (${formatPValue(kpi.pValue)})`;
}

/**
 * "Claims received: 512 against 480.3 a week on average in the 4 weeks before (+31.8, +6.6%),
 * within normal variation (p = 0.210)".
 */
export function kpiSentence(line: KpiLine): string {
  const perWeek = line.format === 'count' || line.format === 'money' ? ' a week' : '';
  const baseline =
    line.format === 'count'
      ? formatAverage(line.kpi.baseline)
      : formatValue(line, line.kpi.baseline);
  const of = line.baselineOf ?? 'the 4 weeks before';
  return `${line.label}: ${formatValue(line, line.kpi.value)} against ${baseline}${perWeek} on average in ${of} (${kpiChange(line, true)}), ${kpiVerdict(line)}`;
}

/** What each mover's rate is, and what its counts are counts of (as the weekly report says). */
export const MOVER_METRIC: Readonly<Record<Mover['metric'], { rate: string; events: string }>> = {
  defect_rate: { rate: 'defect rate', events: 'defect units' },
  claim_rate: { rate: 'claim rate', events: 'claims' },
  reason_share: { rate: 'share of claims', events: 'claims' },
};

/**
 * A significant mover with its evidence, as the weekly report writes it:
 * "Kestrel Electronics: defect rate 3.1% against 1.2% (q = 0.003), 45 defect units this week
 * against 14.5 a week in the 8 weeks before, mostly product defect"; a fall reads "… defect rate
 * down to 0.4% against 1.2% …". `baselineWeeks` 0 leaves the comparison of counts out.
 */
export function moverSentence(m: Mover, baselineWeeks = 8): string {
  const metric = MOVER_METRIC[m.metric];
  const down = m.direction === 'down' ? 'down to ' : '';
  const reason = m.topReason ? `, mostly ${reasonLabel(m.topReason).toLowerCase()}` : '';
  const normal =
    baselineWeeks > 0
      ? ` this week against ${formatAverage(m.baselineCount / baselineWeeks)} a week in the ${baselineWeeks} weeks before`
      : '';
  return (
    `${m.label}: ${metric.rate} ${down}${formatShare(m.value)} against ${formatShare(m.baseline)} ` +
    `(${formatQValue(m.qValue)}), ${formatCount(m.count)} ${metric.events}${normal}${reason}`
  );
}

/** What the movers test covered, or why it did not run. */
export function moversTestSentence(test: MoversTest, week: string): string {
  if (test.untested)
    return `Movers of ${week} are ${UNTESTED_WORDS[test.untested]}; movers are tested on complete weeks only.`;
  return `${formatCount(test.candidates)} rates compared with their own ${test.baselineWeeks} weeks before (Benjamini–Hochberg, q < 0.05).`;
}

/** The one line of a digest with nothing significant. */
export function quietLine(
  role: 'owner' | 'buyer' | 'manager',
  period: string,
  detail: { untested?: UntestedReason; since?: string } = {},
): string {
  const head = `Nothing moved significantly in ${period}`;
  if (detail.untested)
    return `${head}: ${UNTESTED_WORDS[detail.untested]}, so nothing is called significant.`;
  switch (role) {
    case 'owner':
      return `${head}: no mover and no key figure beyond its normal variation.`;
    case 'buyer':
      return `${head}: no supplier is beyond its 99.8% control limit or rose significantly.`;
    case 'manager':
      return `${head}: no new SLA breach${detail.since ? ` since ${detail.since}` : ''}, no claim at risk and no policy's attainment fell significantly.`;
  }
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
): string {
  const top = s.topReasons[0]?.reasonCode;
  return (
    `${s.name}: defect rate ${formatShare(s.defectRate)} over ${range}, above its 99.8% control limit of ` +
    `${formatShare(s.limits998?.upper ?? null)} (all suppliers ${formatShare(overall)}); ` +
    `${formatCount(s.defectUnits)} defect units of ${formatCount(s.unitsSold)} units sold` +
    (top ? `, mostly ${reasonLabel(top).toLowerCase()}` : '')
  );
}

/** A supplier's significant rise in the reported week (a supplier mover), named by its week. */
export function supplierRiseSentence(m: Mover, week: string, baselineWeeks = 8): string {
  const reason = m.topReason ? `, mostly ${reasonLabel(m.topReason).toLowerCase()}` : '';
  return (
    `${m.label}: defect rate rose to ${formatShare(m.value)} in ${week} against ${formatShare(m.baseline)} ` +
    `in the ${baselineWeeks} weeks before (${formatQValue(m.qValue)}), ${formatCount(m.count)} defect units ` +
    `against ${formatAverage(m.baselineCount / Math.max(1, baselineWeeks))} a week before${reason}`
  );
}

export const SLA_METRIC_WORDS: Readonly<Record<SlaMetric, string>> = {
  first_response: 'first response',
  resolution: 'resolution',
  refund: 'refund',
};

/**
 * A policy's attainment in the reported week, or — while that week is immature — in its latest
 * mature week, saying so: "First response 24 h (first response within 24 h): 2026-W48 is not
 * mature yet (12 claims not yet due); 2026-W47, the latest mature week: 93.1% met against …".
 */
export function slaPolicySentence(p: SlaPolicyKpi, week: string): string {
  // A name that says its target ("First response within 24 h") is not explained twice.
  const name = /\bwithin\b/i.test(p.name)
    ? p.name
    : `${p.name} (${SLA_METRIC_WORDS[p.metric]} within ${formatTarget(p.targetHours)})`;
  const immature = p.immature
    ? `${week} is not mature yet (${formatCount(p.pending)} ${p.pending === 1 ? 'claim' : 'claims'} not yet due)`
    : '';
  if (!p.kpi)
    return `${name}: ${immature || `no claim of ${week} is due yet`}; no week has a due claim to measure.`;
  const ofWeek = p.kpi.week?.week ?? week;
  const head = immature
    ? `${name}: ${immature}; ${ofWeek}, the latest mature week:`
    : `${name}: ${ofWeek}:`;
  const line: KpiLine = {
    label: '',
    kpi: p.kpi,
    format: 'share',
    test: 'proportion',
    baselineOf: 'the mature weeks of the 4 before',
  };
  return `${head} ${formatShare(p.kpi.value)} met against ${formatShare(p.kpi.baseline)} in the mature weeks of the 4 before (${kpiChange(line)}), ${kpiVerdict(line)}`;
}

/** Whether a policy's attainment fell significantly (a tested, mature week). */
export function slaPolicyFell(p: SlaPolicyKpi): boolean {
  return !!p.kpi && kpiSignificant({ kpi: p.kpi, test: 'proportion' }) && p.kpi.change < 0;
}

function claimWho(c: SlaOpenClaim): string {
  return `${humanize(c.type)}, ${humanize(c.channel)}, ${c.assignee ? c.assignee : 'unassigned'}`;
}

/**
 * "Claim C-1042 (Return, Email, Anna): First response 24 h breached, 5 h overdue (deadline Fri
 * 4 Dec, 09:00)"; business-hours policies count business hours and have no fixed deadline.
 */
export function breachSentence(c: SlaOpenClaim, timeZone: string): string {
  const overdue = formatDuration(-c.hoursLeft);
  return (
    `Claim ${c.externalId} (${claimWho(c)}): ${c.policy} breached, ${overdue} overdue` +
    (c.deadline ? ` (deadline ${formatInstant(c.deadline, timeZone)})` : ' (business hours)')
  );
}

/** "Claim C-1050 (…): First response 24 h due in 3 h (Sat 5 Dec, 17:00)". */
export function atRiskSentence(c: SlaOpenClaim, timeZone: string): string {
  return (
    `Claim ${c.externalId} (${claimWho(c)}): ${c.policy} due in ${formatDuration(c.hoursLeft)}` +
    (c.deadline ? ` (${formatInstant(c.deadline, timeZone)})` : ' (business hours)')
  );
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
