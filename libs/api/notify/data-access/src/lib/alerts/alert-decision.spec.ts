import { notifyText } from '../i18n/notify-text';
import {
  alertSentence,
  alertSentenceIn,
  decideObservation,
  decideRule,
  formatFigure,
  formatProbability,
  inQuietPeriod,
  meetsCondition,
  type Observation,
  type RuleCondition,
} from './alert-decision';

const slaRule: RuleCondition = {
  metric: 'sla_attainment',
  kind: 'threshold',
  operator: '<',
  value: 0.9,
  quietHours: 24,
};

/** 165 of 196 claims answered in time: 84.2 %. */
const slaWeek: Observation = {
  period: '2026-W47',
  week: '2026-W47',
  label: 'SLA First response within 24 h',
  unit: 'share',
  value: 165 / 196,
  baseline: 0.93,
  complete: true,
  mature: true,
  evidence: ' — 31 of 196 claims late',
};

const now = new Date('2026-11-25T10:00:00Z');
const never = { lastEventAt: null, firedPeriods: new Set<string>() };

describe('threshold rules', () => {
  it('fire below the value with "<" and say the week and the evidence', () => {
    expect(decideObservation(slaRule, slaWeek)).toEqual({
      fire: true,
      sentence:
        'SLA First response within 24 h: 84.2 % in 2026-W47, below 90 % — 31 of 196 claims late',
    });
  });

  it('compare strictly: a value equal to the threshold does not fire', () => {
    expect(meetsCondition(slaRule, { ...slaWeek, value: 0.9 })).toBe(false);
    expect(meetsCondition({ ...slaRule, operator: '>' }, { ...slaWeek, value: 0.9 })).toBe(false);
  });

  it('with ">" fire above the value only', () => {
    const claims: RuleCondition = {
      metric: 'claims',
      kind: 'threshold',
      operator: '>',
      value: 100,
      quietHours: 0,
    };
    const week: Observation = {
      ...slaWeek,
      label: 'Claims received',
      unit: 'count',
      value: 140,
      evidence: ' (normal 96 a week)',
    };
    expect(meetsCondition(claims, week)).toBe(true);
    expect(meetsCondition(claims, { ...week, value: 99 })).toBe(false);
    expect(alertSentence(claims, week)).toBe(
      'Claims received: 140 in 2026-W47, above 100 (normal 96 a week)',
    );
  });

  it('without an operator or value never fire', () => {
    expect(meetsCondition({ ...slaRule, operator: null }, { ...slaWeek, value: 0 })).toBe(false);
    expect(meetsCondition({ ...slaRule, value: null }, { ...slaWeek, value: 0 })).toBe(false);
  });
});

describe('weeks that are not final', () => {
  it('an incomplete week never fires, whatever its value', () => {
    expect(decideObservation(slaRule, { ...slaWeek, value: 0, complete: false })).toEqual({
      fire: false,
      reason: 'incomplete_week',
    });
  });

  it('an immature week (SLA deadlines to come, return window open, texts in analysis) never fires', () => {
    expect(decideObservation(slaRule, { ...slaWeek, value: 0, mature: false })).toEqual({
      fire: false,
      reason: 'immature',
    });
  });

  it('a mature week whose value is fine does not fire', () => {
    expect(decideObservation(slaRule, { ...slaWeek, value: 0.95 })).toEqual({
      fire: false,
      reason: 'condition_not_met',
    });
  });
});

describe('change rules', () => {
  const change: RuleCondition = {
    metric: 'claims',
    kind: 'change',
    operator: null,
    value: null,
    quietHours: 24,
  };
  const week: Observation = {
    ...slaWeek,
    label: 'Claims received',
    unit: 'count',
    value: 140,
    baseline: 96,
    significant: true,
    test: { name: 'p', value: 0.0004 },
    evidence: undefined,
  };

  it('fire on a significant change only', () => {
    expect(meetsCondition(change, week)).toBe(true);
    expect(meetsCondition(change, { ...week, significant: false })).toBe(false);
    expect(meetsCondition(change, { ...week, significant: undefined })).toBe(false);
  });

  it('with an operator, only in that direction', () => {
    expect(meetsCondition({ ...change, operator: '>' }, week)).toBe(true);
    expect(meetsCondition({ ...change, operator: '<' }, week)).toBe(false);
    expect(meetsCondition({ ...change, operator: '<' }, { ...week, value: 50 })).toBe(true);
  });

  it('say the normal and the test', () => {
    expect(alertSentence(change, week)).toBe(
      'Claims received: 140 in 2026-W47 against a normal of 96 (significant rise, p < 0.001)',
    );
    expect(
      alertSentence(change, {
        ...week,
        label: 'Defect rate of Kestrel Electronics',
        unit: 'share',
        value: 0.031,
        baseline: 0.012,
        test: { name: 'q', value: 0.003 },
        evidence: ' — 45 defect units, mostly Product defect',
      }),
    ).toBe(
      'Defect rate of Kestrel Electronics: 3.1 % in 2026-W47 against a normal of 1.2 % (significant rise, q = 0.003) — 45 defect units, mostly Product defect',
    );
  });
});

describe('control limit rules', () => {
  const rule: RuleCondition = {
    metric: 'defect_rate',
    kind: 'control_limit',
    operator: null,
    value: null,
    quietHours: 0,
  };
  const supplier: Observation = {
    period: '2026-W47:SUP-7',
    week: '2026-W47',
    label: 'Defect rate of Kestrel Electronics',
    span: '2026-W36 – 2026-W47',
    unit: 'share',
    value: 0.031,
    limit: 0.02,
    complete: true,
    mature: true,
  };

  it('fire above the 99.8 % limit only', () => {
    expect(meetsCondition(rule, supplier)).toBe(true);
    expect(meetsCondition(rule, { ...supplier, value: 0.02 })).toBe(false);
    expect(meetsCondition(rule, { ...supplier, limit: null })).toBe(false);
    expect(alertSentence(rule, supplier)).toBe(
      'Defect rate of Kestrel Electronics: 3.1 % over 2026-W36 – 2026-W47, above its 99.8 % control limit of 2 %',
    );
  });

  it('fire once per supplier and week: other suppliers of the same week fire together', () => {
    const other = { ...supplier, period: '2026-W47:SUP-9', label: 'Other: defect rate' };
    const decision = decideRule(
      { ...rule, quietHours: 24 },
      [supplier, other, supplier],
      { lastEventAt: null, firedPeriods: new Set(['2026-W46:SUP-7']) },
      now,
    );
    expect(decision.fire.map((f) => f.observation.period)).toEqual([
      '2026-W47:SUP-7',
      '2026-W47:SUP-9',
    ]);
  });
});

describe('de-duplication and the quiet period', () => {
  it('a period already fired is not fired again', () => {
    const decision = decideRule(
      slaRule,
      [slaWeek],
      { lastEventAt: null, firedPeriods: new Set(['2026-W47']) },
      now,
    );
    expect(decision.fire).toEqual([]);
    expect(decision.skipped).toEqual([{ period: '2026-W47', reason: 'already_fired' }]);
  });

  it('a new period is silent while the last event is younger than quietHours', () => {
    const last = new Date(now.getTime() - 23.5 * 3_600_000);
    const decision = decideRule(
      slaRule,
      [slaWeek],
      { lastEventAt: last, firedPeriods: new Set(['2026-W46']) },
      now,
    );
    expect(decision.fire).toEqual([]);
    expect(decision.skipped).toEqual([{ period: '2026-W47', reason: 'quiet_period' }]);
  });

  it('fires once the quiet period has passed', () => {
    const last = new Date(now.getTime() - 24 * 3_600_000);
    const decision = decideRule(
      slaRule,
      [slaWeek],
      { lastEventAt: last, firedPeriods: new Set(['2026-W46']) },
      now,
    );
    expect(decision.fire.map((f) => f.observation.period)).toEqual(['2026-W47']);
  });

  it('fires on first sight', () => {
    expect(decideRule(slaRule, [slaWeek], never, now).fire).toHaveLength(1);
  });

  it('quietHours 0 means no quiet period', () => {
    expect(inQuietPeriod(new Date(now.getTime() - 1000), 0, now)).toBe(false);
    expect(inQuietPeriod(new Date(now.getTime() - 1000), 1, now)).toBe(true);
    expect(inQuietPeriod(null, 24, now)).toBe(false);
  });

  it('an immature week is reported as skipped, not fired, even outside the quiet period', () => {
    const decision = decideRule(slaRule, [{ ...slaWeek, mature: false, value: 0.1 }], never, now);
    expect(decision.fire).toEqual([]);
    expect(decision.skipped).toEqual([{ period: '2026-W47', reason: 'immature' }]);
  });
});

describe('figures in words', () => {
  it('writes shares, counts, money and scores', () => {
    expect(formatFigure(0.842, 'share')).toBe('84.2 %');
    expect(formatFigure(0.9, 'share')).toBe('90 %');
    expect(formatFigure(0.0035, 'share')).toBe('0.35 %');
    expect(formatFigure(1450, 'count')).toBe('1,450');
    expect(formatFigure(96.25, 'count')).toBe('96.3');
    expect(formatFigure(12340.5, 'money', 'EUR')).toBe('12,340.50 EUR');
    expect(formatFigure(-0.05, 'score')).toBe('\u22120.05');
    expect(formatFigure(0.12, 'score')).toBe('+0.12');
    expect(formatProbability(0.003)).toBe('0.003');
    expect(formatProbability(0.0412)).toBe('0.041');
  });
});

describe('the alert sentence in the owner’s language', () => {
  const words = {
    label: { key: 'alertFigure.sla', values: { policy: 'First response within 24 h' } },
    evidence: {
      key: 'alertEvidence.slaLate',
      values: { late: { figure: 31, unit: 'count' as const }, due: 196 },
    },
  };

  it('writes Polish words, Polish numbers and the plural form of the evidence', () => {
    expect(alertSentenceIn(slaRule, { ...slaWeek, words }, notifyText('pl'))).toBe(
      'SLA First response within 24 h: 84,2 % w 2026-W47, poniżej 90 % — 31 z 196 zgłoszeń po terminie',
    );
    const change: RuleCondition = { ...slaRule, kind: 'change', operator: null, value: null };
    expect(
      alertSentenceIn(
        change,
        { ...slaWeek, words, significant: true, test: { name: 'p', value: 0.0123 } },
        notifyText('ru'),
      ),
    ).toBe(
      'SLA First response within 24 h: 84,2 % за 2026-W47 при норме 93 % (значимое снижение, p = 0,012) — 31 из 196 обращений с просрочкой',
    );
  });

  it('reads the same in English as the stored sentence, and without words stays English', () => {
    expect(alertSentenceIn(slaRule, { ...slaWeek, words }, notifyText('en'))).toBe(
      alertSentence(slaRule, slaWeek),
    );
    expect(alertSentenceIn(slaRule, slaWeek, notifyText('pl'))).toBe(
      alertSentence(slaRule, slaWeek),
    );
  });
});
