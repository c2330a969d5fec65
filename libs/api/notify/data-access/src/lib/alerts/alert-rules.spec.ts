import { metricRefusal, ruleProblem } from './alert-rules';
import { alertLink, renderAlertMessage } from './alert-message';

describe('rule combinations', () => {
  it('a threshold needs an operator and a value, an SLA rule its policy', () => {
    expect(ruleProblem({ metric: 'claims', kind: 'threshold', value: 10 })?.field).toBe('operator');
    expect(ruleProblem({ metric: 'claims', kind: 'threshold', operator: '>' })?.field).toBe(
      'value',
    );
    expect(
      ruleProblem({ metric: 'sla_attainment', kind: 'threshold', operator: '<', value: 0.9 })
        ?.field,
    ).toBe('policyId');
    expect(
      ruleProblem({
        metric: 'sla_attainment',
        kind: 'threshold',
        operator: '<',
        value: 0.9,
        policyId: 1,
      }),
    ).toBeNull();
  });

  it('a share is from 0 to 1', () => {
    expect(
      ruleProblem({ metric: 'return_rate', kind: 'threshold', operator: '>', value: 5 })?.message,
    ).toMatch(/share from 0 to 1/);
  });

  it('change only on figures the weekly report tests; control limits only on defect rates', () => {
    expect(ruleProblem({ metric: 'refunds_paid', kind: 'change' })?.field).toBe('kind');
    expect(ruleProblem({ metric: 'net_sentiment', kind: 'change' })?.field).toBe('kind');
    expect(ruleProblem({ metric: 'claims', kind: 'change' })).toBeNull();
    expect(ruleProblem({ metric: 'claims', kind: 'control_limit' })?.field).toBe('kind');
    expect(ruleProblem({ metric: 'defect_rate', kind: 'control_limit' })).toBeNull();
  });

  it('a buyer cannot watch SLA attainment; a manager can', () => {
    expect(metricRefusal('sla_attainment', ['suppliers', 'feedback'])).toMatch(
      /needs the permission sla/,
    );
    expect(metricRefusal('sla_attainment', ['claims', 'sla', 'feedback'])).toBeNull();
    expect(metricRefusal('defect_rate', ['suppliers', 'feedback'])).toBeNull();
  });
});

describe('alert messages', () => {
  const message = renderAlertMessage({
    ruleName: 'SLA <b>watch</b> & "co"',
    metric: 'sla_attainment',
    kind: 'threshold',
    filters: { channel: ['email'] },
    quietHours: 24,
    period: '2026-W47',
    week: '2026-W47',
    sentence: 'SLA First <response>: 84.2 % in 2026-W47, below 90 % — 31 of 196 claims late',
    link: 'https://rl.example/sla?from=2026-W47&to=2026-W47&channel=email',
    unsubscribeUrl: 'https://rl.example/api/unsubscribe/tok',
    at: new Date('2026-11-25T10:00:00Z'),
  });

  it('escapes every user text in the HTML and has no script', () => {
    expect(message.html).toContain('SLA &lt;b&gt;watch&lt;/b&gt; &amp; &quot;co&quot;');
    expect(message.html).toContain('First &lt;response&gt;');
    expect(message.html).not.toContain('<b>watch');
    expect(message.html).not.toMatch(/<script/i);
    expect(message.html).toContain(
      'href="https://rl.example/sla?from=2026-W47&amp;to=2026-W47&amp;channel=email"',
    );
  });

  it('the text and the webhook payload carry the sentence, the link and the period', () => {
    expect(message.subject).toBe('Returnlens alert: SLA <b>watch</b> & "co" (2026-W47)');
    expect(message.text).toContain('31 of 196 claims late');
    expect(message.text).toContain('Stop these alerts: https://rl.example/api/unsubscribe/tok');
    expect(message.payload).toMatchObject({
      kind: 'alert',
      period: '2026-W47',
      items: [expect.stringContaining('84.2 %')],
      link: 'https://rl.example/sla?from=2026-W47&to=2026-W47&channel=email',
      sentAt: '2026-11-25T10:00:00.000Z',
    });
    expect(message.payload.text).toContain('below 90 %');
  });

  it('links a supplier alert to the supplier page', () => {
    expect(alertLink('http://x', 'defect_rate', {}, '2026-W47', 'SUP 7')).toBe(
      'http://x/suppliers/SUP%207?from=2026-W47&to=2026-W47',
    );
    expect(alertLink('http://x', 'claims', { supplier: ['A', 'B'] }, '2026-W47')).toBe(
      'http://x/weekly?week=2026-W47&supplier=A%2CB',
    );
  });
});
