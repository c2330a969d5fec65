import type { AlertKind, AlertMetric } from '@returnlens/shared/contracts';
import type { NotifyText } from '../i18n/notify-text';

/**
 * Whether a rule fires (docs/notifications.md, "Alerts"): pure decisions over the figures the
 * dashboard computes. Nothing here reads the database or the clock.
 */

/** How a figure is written: a share as a percentage, a count, money, a score from −1 to 1. */
export type FigureUnit = 'share' | 'count' | 'money' | 'score';

/**
 * One figure a rule watches, for one week (and one supplier or currency where the figure has
 * several): what the dashboard shows for it, with the counts behind it.
 */
export interface Observation {
  /** What the rule fires once for: the ISO week, or the week and the supplier / currency (`2026-W47:SUP-7`). */
  readonly period: string;
  /** The ISO week the value belongs to (the last of `span`). */
  readonly week: string;
  /** A value over several weeks (a supplier's scorecard): `2026-W36 – 2026-W47`, said instead of the week. */
  readonly span?: string;
  /** Names the figure in the sentence, e.g. `SLA First response within 24 h`, `Kestrel Electronics: defect rate`. */
  readonly label: string;
  readonly unit: FigureUnit;
  /** Money: the currency of the value. */
  readonly currency?: string;
  readonly value: number;
  /** The normal the value is compared with (the weekly report's baseline), when there is one. */
  readonly baseline?: number | null;
  /** Change: the figure moved significantly against its normal (as the weekly report tests it). */
  readonly significant?: boolean;
  /** The test behind `significant`: `p` for a KPI, `q` (after Benjamini–Hochberg) for a mover. */
  readonly test?: { readonly name: 'p' | 'q'; readonly value: number };
  /** Control limit: the 99.8 % funnel limit above which the value is a signal. */
  readonly limit?: number | null;
  /** The week is over. */
  readonly complete: boolean;
  /**
   * The value is final: no SLA deadline of the week is still to come, the order week's return
   * window has passed, the texts it counts are analysed.
   */
  readonly mature: boolean;
  /** The counts behind the value, appended to the sentence (` — 31 of 196 claims late`). */
  readonly evidence?: string;
  /** Kept with the event (jsonb). */
  readonly detail?: Readonly<Record<string, unknown>>;
  /** `label` and `evidence` as messages of the notify catalog, for the owner's language. */
  readonly words?: ObservationWords;
}

/** A figure a message puts in, formatted in the reader's locale when the sentence is written. */
export interface FigureValue {
  readonly figure: number;
  readonly unit: FigureUnit;
  readonly currency?: string;
}

/** A word of the product's vocabulary (a reason's code), written in the reader's language. */
export interface WordValue {
  readonly word: 'reason';
  readonly code: string;
  readonly fallback: string;
}

/** A message of the notify catalog with its values (counts as numbers, for plural forms). */
export interface MessageRef {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number | FigureValue | WordValue>>;
}

export interface ObservationWords {
  readonly label: MessageRef;
  readonly evidence?: MessageRef;
}

/** What of a rule the decision reads. */
export interface RuleCondition {
  readonly metric: AlertMetric;
  readonly kind: AlertKind;
  readonly operator: '<' | '>' | null;
  readonly value: number | null;
  readonly quietHours: number;
}

export type SkipReason =
  'incomplete_week' | 'immature' | 'condition_not_met' | 'already_fired' | 'quiet_period';

export type ObservationDecision =
  | { readonly fire: true; readonly sentence: string }
  | { readonly fire: false; readonly reason: SkipReason };

/** Whether the value meets the rule's condition (nothing about weeks or timing). */
export function meetsCondition(rule: RuleCondition, obs: Observation): boolean {
  switch (rule.kind) {
    case 'threshold':
      if (rule.operator === null || rule.value === null) return false;
      return rule.operator === '<' ? obs.value < rule.value : obs.value > rule.value;
    case 'change': {
      if (!obs.significant) return false;
      if (rule.operator === null) return true;
      const direction = directionOf(obs);
      return rule.operator === '<' ? direction === 'down' : direction === 'up';
    }
    case 'control_limit':
      return obs.limit !== undefined && obs.limit !== null && obs.value > obs.limit;
  }
}

function directionOf(obs: Observation): 'up' | 'down' | null {
  if (obs.baseline === undefined || obs.baseline === null || obs.value === obs.baseline)
    return null;
  return obs.value > obs.baseline ? 'up' : 'down';
}

/**
 * One observation against a rule: never on a week that is not over or not yet final, else
 * when the condition holds, with the sentence that says why.
 */
export function decideObservation(rule: RuleCondition, obs: Observation): ObservationDecision {
  if (!obs.complete) return { fire: false, reason: 'incomplete_week' };
  if (!obs.mature) return { fire: false, reason: 'immature' };
  if (!meetsCondition(rule, obs)) return { fire: false, reason: 'condition_not_met' };
  return { fire: true, sentence: alertSentence(rule, obs) };
}

/** The rule fired less than `quietHours` before `now`: it stays silent. */
export function inQuietPeriod(lastEventAt: Date | null, quietHours: number, now: Date): boolean {
  if (!lastEventAt || quietHours <= 0) return false;
  return now.getTime() - lastEventAt.getTime() < quietHours * 3_600_000;
}

export interface RuleHistory {
  /** When the rule last fired (null: never). */
  readonly lastEventAt: Date | null;
  /** Periods the rule already fired for. */
  readonly firedPeriods: ReadonlySet<string>;
}

export interface Firing {
  readonly observation: Observation;
  readonly sentence: string;
}

export interface RuleDecision {
  readonly fire: readonly Firing[];
  readonly skipped: readonly { readonly period: string; readonly reason: SkipReason }[];
}

/**
 * A rule's observations of one evaluation: each fires at most once per period, and none
 * while the rule's last event is younger than its quiet period (the observations of one
 * evaluation — several suppliers above their limits in the same week — fire together).
 */
export function decideRule(
  rule: RuleCondition,
  observations: readonly Observation[],
  history: RuleHistory,
  now: Date,
): RuleDecision {
  const fire: Firing[] = [];
  const skipped: { period: string; reason: SkipReason }[] = [];
  const quiet = inQuietPeriod(history.lastEventAt, rule.quietHours, now);
  const seen = new Set<string>();
  for (const obs of observations) {
    if (seen.has(obs.period)) continue;
    seen.add(obs.period);
    const decision = decideObservation(rule, obs);
    if (!decision.fire) skipped.push({ period: obs.period, reason: decision.reason });
    else if (history.firedPeriods.has(obs.period))
      skipped.push({ period: obs.period, reason: 'already_fired' });
    else if (quiet) skipped.push({ period: obs.period, reason: 'quiet_period' });
    else fire.push({ observation: obs, sentence: decision.sentence });
  }
  return { fire, skipped };
}

/**
 * The alert in one sentence with its evidence, naming the week:
 * `SLA First response within 24 h: 84.2 % in 2026-W47, below 90 % — 31 of 196 claims late`.
 */
export function alertSentence(rule: RuleCondition, obs: Observation): string {
  const value = formatFigure(obs.value, obs.unit, obs.currency);
  const evidence = obs.evidence ?? '';
  const when = obs.span ? `over ${obs.span}` : `in ${obs.week}`;
  switch (rule.kind) {
    case 'threshold': {
      const side = rule.operator === '<' ? 'below' : 'above';
      const threshold = formatFigure(rule.value ?? 0, obs.unit, obs.currency);
      return `${obs.label}: ${value} ${when}, ${side} ${threshold}${evidence}`;
    }
    case 'change': {
      const normal =
        obs.baseline === undefined || obs.baseline === null
          ? ''
          : ` against a normal of ${formatFigure(obs.baseline, obs.unit, obs.currency)}`;
      const direction = directionOf(obs);
      const moved =
        direction === 'up'
          ? 'significant rise'
          : direction === 'down'
            ? 'significant fall'
            : 'significant change';
      const shown = obs.test && formatProbability(obs.test.value);
      const test = obs.test
        ? `, ${obs.test.name} ${shown!.startsWith('<') ? '' : '= '}${shown}`
        : '';
      return `${obs.label}: ${value} ${when}${normal} (${moved}${test})${evidence}`;
    }
    case 'control_limit': {
      const limit = formatFigure(obs.limit ?? 0, obs.unit, obs.currency);
      return `${obs.label}: ${value} ${when}, above its 99.8 % control limit of ${limit}${evidence}`;
    }
  }
}

/**
 * The alert's sentence in the owner's language, from the observation's `words` (the English
 * sentence, `alertSentence`, when it has none or the language is English): the same parts —
 * the figure, the week, the condition, the evidence — in that language's words and formats.
 */
export function alertSentenceIn(rule: RuleCondition, obs: Observation, text: NotifyText): string {
  if (text.language === 'en' || !obs.words) return alertSentence(rule, obs);
  const { t, locale } = text;
  const figure = (value: number) => formatFigure(value, obs.unit, obs.currency, locale);
  const message = (ref: MessageRef) =>
    t(
      ref.key,
      Object.fromEntries(
        Object.entries(ref.values ?? {}).map(([name, value]) => [
          name,
          typeof value !== 'object'
            ? value
            : 'word' in value
              ? text.word(value.word, value.code, value.fallback)
              : formatFigure(value.figure, value.unit, value.currency, locale),
        ]),
      ),
    );
  const values = {
    label: message(obs.words.label),
    value: figure(obs.value),
    when: obs.span
      ? t('alertSentence.over', { span: obs.span })
      : t('alertSentence.in', { week: obs.week }),
    evidence: obs.words.evidence ? message(obs.words.evidence) : '',
  };
  const sentence = (() => {
    switch (rule.kind) {
      case 'threshold':
        return t(rule.operator === '<' ? 'alertSentence.below' : 'alertSentence.above', {
          ...values,
          threshold: figure(rule.value ?? 0),
        });
      case 'change': {
        const direction = directionOf(obs);
        const test = obs.test
          ? `${obs.test.name} ${formatProbability(obs.test.value, locale).startsWith('<') ? '' : '= '}${formatProbability(obs.test.value, locale)}`
          : '';
        const moved = t(`alertSentence.moved.${direction ?? 'none'}`);
        return obs.baseline === undefined || obs.baseline === null
          ? t(test ? 'alertSentence.changeTested' : 'alertSentence.change', {
              ...values,
              moved,
              test,
            })
          : t(test ? 'alertSentence.changeNormalTested' : 'alertSentence.changeNormal', {
              ...values,
              moved,
              test,
              normal: figure(obs.baseline),
            });
      }
      case 'control_limit':
        return t('alertSentence.controlLimit', { ...values, limit: figure(obs.limit ?? 0) });
    }
  })();
  return sentence.trimEnd();
}

/**
 * `84.2 %`, `90 %`, `0.35 %`; `1,234`; `12,340.50 EUR`; `+0.12` / `−0.05` — in another locale
 * its own separators (`84,2 %`, `12 340,50 EUR`).
 */
export function formatFigure(
  value: number,
  unit: FigureUnit,
  currency?: string,
  locale?: string,
): string {
  if (locale && locale.split('-')[0] !== 'en') return formatFigureIn(value, unit, locale, currency);
  switch (unit) {
    case 'share': {
      const pct = value * 100;
      const digits = Math.abs(pct) > 0 && Math.abs(pct) < 1 ? 2 : 1;
      return `${trimZeros(pct.toFixed(digits))} %`;
    }
    case 'count':
      return formatAlertCount(value);
    case 'money':
      return `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ''}`;
    case 'score': {
      const text = Math.abs(value).toFixed(2);
      return value > 0 ? `+${text}` : value < 0 ? `\u2212${text}` : text;
    }
  }
}

/** A whole count with thousands separators (`1,450`); a fraction keeps one decimal (`96.5`). */
export function formatAlertCount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 });
}

/** `0.003`, `< 0.001` (`0,003` with a decimal comma). */
export function formatProbability(p: number, locale?: string): string {
  if (locale && locale.split('-')[0] !== 'en') {
    const number = (n: number, digits: number) =>
      new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(n);
    return p < 0.001 ? `< ${number(0.001, 1)}` : number(p, 2);
  }
  if (p < 0.001) return '< 0.001';
  return trimZeros(p.toPrecision(2).replace(/e.*$/, ''));
}

/** A figure in a locale other than English: the same precision, the locale's separators. */
function formatFigureIn(value: number, unit: FigureUnit, locale: string, currency?: string) {
  const number = (n: number, options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locale, options).format(n).replace(/^-/, '\u2212');
  switch (unit) {
    case 'share': {
      const pct = value * 100;
      const digits = Math.abs(pct) > 0 && Math.abs(pct) < 1 ? 2 : 1;
      return `${number(pct, { maximumFractionDigits: digits })} %`;
    }
    case 'count':
      return number(value, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 });
    case 'money':
      return `${number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ''}`;
    case 'score':
      return number(value, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        signDisplay: 'exceptZero',
      });
  }
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
