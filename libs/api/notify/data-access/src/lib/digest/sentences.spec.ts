import {
  breachSentence,
  kpiSentence,
  kpiSignificant,
  moverSentence,
  moversTestSentence,
  quietLine,
  slaPolicySentence,
  supplierLimitSentence,
} from './sentences';
import { KESTREL, kpi, openClaim, policy, supplier } from './digest.fixtures';

describe('moverSentence', () => {
  it('names the mover, its rate against normal, the q-value and the evidence', () => {
    expect(moverSentence(KESTREL)).toBe(
      'Kestrel Electronics: defect rate 3.1% against 1.2% (q = 0.003), 45 defect units this week against 14.5 a week in the 8 weeks before, mostly product defect',
    );
  });

  it('says "down to" for a fall, and counts claims for reasons', () => {
    expect(
      moverSentence({
        ...KESTREL,
        kind: 'reason',
        key: 'wrong_size',
        label: 'Wrong size',
        metric: 'reason_share',
        value: 0.08,
        baseline: 0.12,
        count: 40,
        direction: 'down',
        topReason: null,
        qValue: 0.0204,
      }),
    ).toBe(
      'Wrong size: share of claims down to 8.0% against 12.0% (q = 0.020), 40 claims this week against 14.5 a week in the 8 weeks before',
    );
  });
});

describe('kpiSentence', () => {
  it('says a tested figure is within normal variation, with its p-value', () => {
    expect(
      kpiSentence({
        label: 'Claims received',
        kpi: kpi(512, 480.25, { pValue: 0.21 }),
        format: 'count',
        test: 'poisson',
      }),
    ).toBe(
      'Claims received: 512 against 480.3 a week on average in the 4 weeks before (+31.8, +6.6%), within normal variation (p = 0.210)',
    );
  });

  it('calls a significant change a rise or a fall', () => {
    const line = {
      label: 'Claims received',
      kpi: kpi(700, 480, { pValue: 0.0004, significant: true }),
      format: 'count' as const,
      test: 'poisson' as const,
    };
    expect(kpiSignificant(line)).toBe(true);
    expect(kpiSentence(line)).toMatch(/, a significant rise \(p < 0\.001\)$/);
  });

  it('never calls an untested figure significant, and says why it was not tested', () => {
    const line = {
      label: 'Claims received',
      kpi: kpi(700, 480, { significant: true, pValue: 1, untested: 'incomplete_week' as const }),
      format: 'count' as const,
      test: 'poisson' as const,
    };
    expect(kpiSignificant(line)).toBe(false);
    expect(kpiSentence(line)).toMatch(/not tested: the week is not over yet$/);
    expect(kpiSentence(line)).not.toMatch(/significant/);
  });

  it('writes money per currency and figures without a test as compared without one', () => {
    expect(
      kpiSentence({
        label: 'Refunds paid (EUR)',
        kpi: kpi(1200, 1000),
        format: 'money',
        test: 'none',
        currency: 'EUR',
      }),
    ).toBe(
      'Refunds paid (EUR): €1,200.00 against €1,000.00 a week on average in the 4 weeks before (+€200.00, +20.0%), compared without a test',
    );
  });

  it('writes shares with their change in points', () => {
    expect(
      kpiSentence({
        label: 'Return rate',
        kpi: kpi(0.081, 0.079, { pValue: 0.5 }),
        format: 'share',
        test: 'proportion',
        baselineOf: 'the 4 order weeks before',
      }),
    ).toBe(
      'Return rate: 8.1% against 7.9% on average in the 4 order weeks before (+0.2 pp), within normal variation (p = 0.500)',
    );
  });
});

describe('movers test and quiet lines', () => {
  it('says the movers of an incomplete week were not tested', () => {
    expect(
      moversTestSentence(
        { candidates: 0, baselineWeeks: 0, untested: 'incomplete_week' },
        '2026-W49',
      ),
    ).toBe(
      'Movers of 2026-W49 are not tested: the week is not over yet; movers are tested on complete weeks only.',
    );
  });

  it('writes one line for a quiet digest, naming the period', () => {
    expect(quietLine('owner', '2026-W48')).toBe(
      'Nothing moved significantly in 2026-W48: no mover and no key figure beyond its normal variation.',
    );
    expect(quietLine('owner', '2026-W49', { untested: 'incomplete_week' })).toBe(
      'Nothing moved significantly in 2026-W49: not tested: the week is not over yet, so nothing is called significant.',
    );
  });
});

describe('supplier and SLA sentences', () => {
  it('states a supplier beyond its 99.8% limit with the limit and its volume', () => {
    expect(supplierLimitSentence(supplier(), '2026-W37 – 2026-W48', 0.012)).toBe(
      'Kestrel Electronics: defect rate 3.1% over 2026-W37 – 2026-W48, above its 99.8% control limit of 2.0% (all suppliers 1.2%); 450 defect units of 14,500 units sold, mostly product defect',
    );
  });

  it('says when a policy week is immature and which mature week is shown instead', () => {
    const p = policy({
      immature: true,
      pending: 12,
      kpi: kpi(0.931, 0.94, {
        week: { week: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
        pValue: 0.4,
      }),
    });
    expect(slaPolicySentence(p, '2026-W48')).toBe(
      'First response 24 h (first response within 24 h): 2026-W48 is not mature yet (12 claims not yet due); 2026-W47, the latest mature week: 93.1% met against 94.0% in the mature weeks of the 4 before (\u22120.9 pp), within normal variation (p = 0.400)',
    );
  });

  it('does not explain a policy name that states its target', () => {
    expect(
      slaPolicySentence(
        policy({ name: 'Refund within 10 days', metric: 'refund', targetHours: 240 }),
        '2026-W48',
      ),
    ).toMatch(/^Refund within 10 days: 2026-W48: 91\.2% met against 94\.0%/);
  });

  it('says when no week of a policy has a due claim', () => {
    expect(slaPolicySentence(policy({ kpi: null, immature: true, pending: 1 }), '2026-W48')).toBe(
      'First response 24 h (first response within 24 h): 2026-W48 is not mature yet (1 claim not yet due); no week has a due claim to measure.',
    );
  });

  it('writes a breach with how long it is overdue and its deadline in the shop time zone', () => {
    expect(breachSentence(openClaim(), 'Europe/Warsaw')).toBe(
      'Claim C-1042 (Return, Email, Anna): First response 24 h breached, 5 h overdue (deadline Fri 4 Dec, 10:00)',
    );
  });
});
