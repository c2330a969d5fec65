import { ROLE_PERMISSIONS } from '@returnlens/shared/contracts';
import {
  alertBody,
  alertErrors,
  alertMetricsFor,
  apiValue,
  digestRolesFor,
  displayValue,
  errorAt,
  errorsByField,
  isEmail,
  isWebhookUrl,
  kindsFor,
  newAlert,
  newSubscription,
  ruleSentence,
  scheduleSentence,
  splitIds,
  subscriptionBody,
  subscriptionErrors,
  withFilterValue,
  withoutFilterValue,
  type AlertForm,
  type SubscriptionForm,
} from './notify-forms';

describe('schedule in words', () => {
  it('says the weekday, the hour and the shop’s zone', () => {
    expect(scheduleSentence({ frequency: 'weekly', weekday: 1, hour: 8 }, 'Europe/Warsaw')).toBe(
      'Mondays at 08:00 (Europe/Warsaw)',
    );
    expect(scheduleSentence({ frequency: 'weekly', weekday: 7, hour: 18 }, 'UTC')).toBe(
      'Sundays at 18:00 (UTC)',
    );
    expect(scheduleSentence({ frequency: 'weekly', weekday: 3, hour: 0 }, 'Asia/Jerusalem')).toBe(
      'Wednesdays at 00:00 (Asia/Jerusalem)',
    );
  });

  it('says every day for a daily digest, whatever its weekday', () => {
    expect(scheduleSentence({ frequency: 'daily', weekday: 5, hour: 7 }, 'Europe/Warsaw')).toBe(
      'Every day at 07:00 (Europe/Warsaw)',
    );
  });

  it('says shop time when the zone is unknown to this role', () => {
    expect(scheduleSentence({ frequency: 'weekly', weekday: 5, hour: 23 }, null)).toBe(
      'Fridays at 23:00 (shop time)',
    );
  });
});

describe('who receives which digest', () => {
  it('offers each role the digests within its permissions', () => {
    expect(digestRolesFor(ROLE_PERMISSIONS.owner)).toEqual(['owner', 'buyer', 'manager']);
    expect(digestRolesFor(ROLE_PERMISSIONS.buyer)).toEqual(['buyer']);
    expect(digestRolesFor(ROLE_PERMISSIONS.manager)).toEqual(['manager']);
    expect(digestRolesFor(['claims', 'sla'])).toEqual(['manager']);
    expect(digestRolesFor(['claims'])).toEqual([]);
    expect(digestRolesFor(ROLE_PERMISSIONS.admin)).toEqual([]);
  });

  it('offers alerts only on figures the role reads', () => {
    expect(alertMetricsFor(ROLE_PERMISSIONS.buyer)).toEqual([
      'return_rate',
      'net_sentiment',
      'defect_rate',
    ]);
    expect(alertMetricsFor(ROLE_PERMISSIONS.manager)).toEqual([
      'sla_attainment',
      'return_rate',
      'claims',
      'refunds_paid',
      'net_sentiment',
    ]);
    expect(kindsFor('defect_rate')).toEqual(['threshold', 'change', 'control_limit']);
    expect(kindsFor('claims')).toEqual(['threshold', 'change']);
    expect(kindsFor('refunds_paid')).toEqual(['threshold']);
    expect(kindsFor('net_sentiment')).toEqual(['threshold']);
  });
});

describe('addresses', () => {
  it('accepts e-mail addresses and http(s) webhook URLs only', () => {
    expect(isEmail('anna@shop.example')).toBe(true);
    expect(isEmail('ops@localhost')).toBe(true);
    expect(isEmail('anna')).toBe(false);
    expect(isEmail('anna@')).toBe(false);
    expect(isEmail('a b@shop.example')).toBe(false);
    expect(isEmail('anna@shop.example.')).toBe(false);
    expect(isWebhookUrl('https://hooks.slack.com/services/T0/B0/x')).toBe(true);
    expect(isWebhookUrl('http://127.0.0.1:8080/hook')).toBe(true);
    expect(isWebhookUrl('ftp://example.com/x')).toBe(false);
    expect(isWebhookUrl('javascript:alert(1)')).toBe(false);
    expect(isWebhookUrl('hooks.slack.com')).toBe(false);
  });
});

describe('the new digest form', () => {
  const ok: SubscriptionForm = {
    ...newSubscription(['owner'], 'owner@shop.example'),
    filters: { supplier: ['SUP-1'] },
  };

  it('starts weekly on Monday at 08:00 to one’s own address', () => {
    expect(newSubscription(['buyer'], 'b@shop.example')).toMatchObject({
      role: 'buyer',
      channel: 'email',
      target: 'b@shop.example',
      frequency: 'weekly',
      weekday: 1,
      hour: 8,
      whenQuiet: 'note',
    });
    expect(newSubscription([]).role).toBe('');
  });

  it('names every problem by the API’s field', () => {
    expect(subscriptionErrors(ok, ['owner'])).toEqual({});
    expect(
      subscriptionErrors({ ...ok, role: 'owner', target: 'nobody', hour: 24 }, ['buyer']),
    ).toEqual({
      role: 'The owner digest is not within this person’s role.',
      target: 'An e-mail address looks like name@example.com.',
      'schedule.hour': 'Choose an hour from 00:00 to 23:00.',
    });
    expect(subscriptionErrors({ ...ok, role: '' }, ['owner'])['role']).toBe(
      'Choose the digest to receive.',
    );
    expect(subscriptionErrors({ ...ok, channel: 'webhook', target: '' }, ['owner'])).toEqual({
      target: 'Enter the URL the webhook posts to.',
    });
    expect(
      subscriptionErrors({ ...ok, channel: 'webhook', target: 'hooks.example.com/x' }, ['owner'])[
        'target'
      ],
    ).toMatch(/^A webhook URL starts with https:\/\//);
    expect(subscriptionErrors({ ...ok, weekday: 0 }, ['owner'])).toEqual({
      'schedule.weekday': 'Choose a weekday.',
    });
    // A daily digest has no weekday to check.
    expect(subscriptionErrors({ ...ok, frequency: 'daily', weekday: 0 }, ['owner'])).toEqual({});
  });

  it('sends the contract’s body: attachments by e-mail only, the user only when another', () => {
    expect(
      subscriptionBody({ ...ok, target: ' owner@shop.example ', attachPdf: true, attachCsv: true }),
    ).toEqual({
      role: 'owner',
      channel: 'email',
      target: 'owner@shop.example',
      schedule: { frequency: 'weekly', weekday: 1, hour: 8 },
      filters: { supplier: ['SUP-1'] },
      whenQuiet: 'note',
      attachPdf: true,
      attachCsv: true,
    });
    const webhook = subscriptionBody({
      ...ok,
      channel: 'webhook',
      target: 'https://hooks.example.com/x',
      attachPdf: true,
      frequency: 'daily',
      weekday: 4,
      hour: 6,
      whenQuiet: 'skip',
      userId: '42',
    });
    expect(webhook).toMatchObject({
      attachPdf: false,
      attachCsv: false,
      schedule: { frequency: 'daily', weekday: 1, hour: 6 },
      whenQuiet: 'skip',
      userId: '42',
    });
  });
});

describe('filters', () => {
  it('splits typed ids and adds or removes chips', () => {
    expect(splitIds(' SUP-1, SUP-2 ,, SUP-1;\nSUP-3 ')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    const one = withFilterValue({}, 'supplier', 'SUP-1');
    expect(one).toEqual({ supplier: ['SUP-1'] });
    expect(withFilterValue(one, 'supplier', 'SUP-1')).toBe(one);
    const two = withFilterValue(one, 'channel', 'web');
    expect(two).toEqual({ supplier: ['SUP-1'], channel: ['web'] });
    expect(withoutFilterValue(two, 'supplier', 'SUP-1')).toEqual({ channel: ['web'] });
  });
});

describe('the new alert form', () => {
  const sla: AlertForm = {
    ...newAlert(['sla_attainment'], 'm@shop.example'),
    name: 'First response below 90 %',
    value: '90',
    policyId: 1,
  };

  it('types shares in %, net sentiment in points, and sends them in the API’s unit', () => {
    expect(apiValue('sla_attainment', '90')).toBe(0.9);
    expect(apiValue('defect_rate', '2,5')).toBe(0.025);
    expect(apiValue('net_sentiment', '-20')).toBe(-0.2);
    expect(apiValue('claims', '25')).toBe(25);
    expect(apiValue('claims', 'many')).toBeNull();
    expect(displayValue('return_rate', 0.123)).toBe('12.3');
    expect(displayValue('refunds_paid', 1500)).toBe('1500');
  });

  it('says what a rule watches', () => {
    expect(
      ruleSentence({ metric: 'sla_attainment', kind: 'threshold', operator: '<', value: 0.9 }),
    ).toBe('SLA attainment (a policy) below 90 %');
    expect(ruleSentence({ metric: 'claims', kind: 'threshold', operator: '>', value: 40 })).toBe(
      'Claims received above 40 claims',
    );
    expect(
      ruleSentence({ metric: 'net_sentiment', kind: 'threshold', operator: '<', value: -0.1 }),
    ).toBe('Net sentiment below −10 points');
    expect(ruleSentence({ metric: 'return_rate', kind: 'change' })).toBe(
      'Return rate (mature order weeks) changes significantly against its normal',
    );
    expect(ruleSentence({ metric: 'defect_rate', kind: 'control_limit' })).toBe(
      'A supplier’s defect rate beyond its 99.8 % control limit',
    );
  });

  it('names every problem by the API’s field', () => {
    expect(alertErrors(sla, ['sla_attainment'])).toEqual({});
    expect(
      alertErrors(
        { ...sla, name: ' ', value: '120', policyId: null, target: 'x', quietHours: '1.5' },
        ['sla_attainment'],
      ),
    ).toEqual({
      name: 'Name the alert, e.g. “SLA first response below 90 %”.',
      value: 'A share from 0 to 100 %.',
      policyId: 'Choose the SLA policy to watch.',
      target: 'An e-mail address looks like name@example.com.',
      quietHours: 'Whole hours from 0 to 744 (a month).',
    });
    expect(alertErrors({ ...sla, value: '' }, ['sla_attainment'])['value']).toBe(
      'Enter the threshold as a number.',
    );
    expect(alertErrors(sla, ['claims'])['metric']).toBe('This figure is not within your role.');
    expect(
      alertErrors({ ...sla, metric: 'claims', kind: 'control_limit', policyId: null }, ['claims'])[
        'kind'
      ],
    ).toBe('Control limits are drawn for the supplier defect rate only.');
    // A change rule needs no threshold.
    expect(alertErrors({ ...sla, kind: 'change', value: '' }, ['sla_attainment'])).toEqual({});
    expect(
      alertErrors({ ...sla, metric: 'net_sentiment', value: '-150', policyId: null }, [
        'net_sentiment',
      ])['value'],
    ).toBe('Net sentiment is from −100 to +100 points.');
  });

  it('sends the contract’s body: a threshold only for threshold rules, a policy only for SLA', () => {
    expect(alertBody(sla)).toEqual({
      name: 'First response below 90 %',
      metric: 'sla_attainment',
      kind: 'threshold',
      operator: '<',
      value: 0.9,
      policyId: 1,
      filters: {},
      channel: 'email',
      target: 'm@shop.example',
      quietHours: 24,
    });
    expect(
      alertBody({
        ...sla,
        metric: 'defect_rate',
        kind: 'control_limit',
        filters: { category: ['x'] },
      }),
    ).toEqual({
      name: 'First response below 90 %',
      metric: 'defect_rate',
      kind: 'control_limit',
      filters: { category: ['x'] },
      channel: 'email',
      target: 'm@shop.example',
      quietHours: 24,
    });
  });
});

describe('the API’s problems', () => {
  it('keeps the first problem per field and finds a part’s problem', () => {
    const errors = errorsByField([
      { field: 'schedule.hour', message: 'hour is 0 to 23' },
      { field: 'schedule.hour', message: 'second' },
      { field: 'target', message: 'not an address' },
    ]);
    expect(errors).toEqual({ 'schedule.hour': 'hour is 0 to 23', target: 'not an address' });
    expect(errorAt(errors, 'schedule')).toBe('hour is 0 to 23');
    expect(errorAt(errors, 'role')).toBeNull();
  });
});
