import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import {
  ROLE_PERMISSIONS,
  type AlertRule,
  type CurrentUser,
  type Delivery,
  type Role,
  type Subscription,
} from '@returnlens/shared/contracts';
import { AuthStore, provideI18n, providePageMessages } from '@returnlens/web/shared/data-access';
import { AlertsPanelComponent } from './alerts-panel';
import { DeliveriesPanelComponent } from './deliveries-panel';
import { DigestsPanelComponent } from './digests-panel';
import { SUBSCRIPTIONS_MESSAGES } from './i18n/en';
import { NotifyStore } from './notify.store';

const userWith = (role: Role): CurrentUser => ({
  id: '7',
  email: `${role}@shop.example`,
  name: `A ${role}`,
  roles: [role],
  permissions: ROLE_PERMISSIONS[role],
  mustChangePassword: false,
  demo: false,
  language: null,
});

const CALENDAR = {
  timeZone: 'Europe/Warsaw',
  workingDays: [1, 2, 3, 4, 5],
  hours: [],
  holidays: [],
};

const SUBSCRIPTION: Subscription = {
  id: '11',
  userId: '7',
  userName: 'A manager',
  role: 'manager',
  channel: 'email',
  target: 'manager@shop.example',
  schedule: { frequency: 'weekly', weekday: 1, hour: 8 },
  filters: { channel: ['web_form'], reasonCategory: ['product_quality'] },
  whenQuiet: 'note',
  attachPdf: true,
  attachCsv: false,
  paused: false,
  createdAt: '2026-12-01T10:00:00Z',
  nextRunAt: '2026-12-07T07:00:00Z',
  lastDelivery: {
    id: '90',
    status: 'failed',
    at: '2026-11-30T07:00:05Z',
    error: 'SMTP_URL is not set',
  },
};

const delivery = (over: Partial<Delivery>): Delivery => ({
  id: '1',
  subscriptionId: '11',
  alertRuleId: null,
  trigger: 'schedule',
  channel: 'email',
  target: 'manager@shop.example',
  slot: '2026-11-30T07:00:00Z',
  status: 'sent',
  attempts: 1,
  subject: 'Service digest — week 48',
  error: null,
  createdAt: '2026-11-30T07:00:00Z',
  sentAt: '2026-11-30T07:00:03Z',
  ...over,
});

function setUp<T>(component: new (...args: never[]) => T, role: Role) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18n(),
      // A section shown alone: the page's messages, as the Subscriptions page provides them.
      providePageMessages('subscriptions', SUBSCRIPTIONS_MESSAGES),
      NotifyStore,
    ],
  });
  TestBed.inject(AuthStore).use(userWith(role));
  const fixture = TestBed.createComponent(component);
  fixture.detectChanges();
  TestBed.tick();
  return {
    fixture,
    http: TestBed.inject(HttpTestingController),
    el: fixture.nativeElement as HTMLElement,
  };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  TestBed.tick();
  await fixture.whenStable();
  fixture.detectChanges();
}

function type(el: HTMLElement, selector: string, value: string): void {
  const input = el.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function pick(el: HTMLElement, selector: string, value: string): void {
  const select = el.querySelector(selector) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('Your digests', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('lists a digest with its schedule in words, filters, attachments and the last failure', async () => {
    const { fixture, http, el } = setUp(DigestsPanelComponent, 'manager');
    http.expectOne('/api/settings/calendar').flush(CALENDAR);
    http.expectOne('/api/subscriptions').flush([SUBSCRIPTION]);
    http.expectNone('/api/admin/users');
    await settle(fixture);

    const card = el.querySelector('[data-testid=subscription]');
    expect(text(card?.querySelector('h3'))).toBe('Service manager digest');
    expect(text(card?.querySelector('[data-testid=schedule]'))).toBe(
      'Mondays at 08:00 (Europe/Warsaw)',
    );
    expect([...(card?.querySelectorAll('.chip') ?? [])].map(text)).toEqual([
      'Channel: Web form',
      'Reason category: Product quality',
    ]);
    expect(text(card)).toContain('attached: PDF');
    const last = card?.querySelector('[data-testid=last-delivery]');
    expect(text(last?.querySelector('.status'))).toBe('Failed');
    expect(text(last)).toContain('SMTP_URL is not set');
    expect(card?.querySelector('[data-testid=preview]')?.getAttribute('href')).toBe(
      '/api/subscriptions/11/preview',
    );
    // A manager receives the service manager digest only (the owner's needs suppliers too).
    expect(
      [...el.querySelectorAll('[data-testid^=sub-role-]')].map((i) =>
        i.getAttribute('data-testid'),
      ),
    ).toEqual(['sub-role-manager']);
    expect(text(el.querySelector('[data-testid=sub-sentence]'))).toBe(
      'Mondays at 08:00 (Europe/Warsaw)',
    );
    pick(el, '[data-testid=sub-frequency]', 'daily');
    fixture.detectChanges();
    pick(el, '[data-testid=sub-hour]', '6');
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=sub-weekday]')).toBeNull();
    expect(text(el.querySelector('[data-testid=sub-sentence]'))).toBe(
      'Every day at 06:00 (Europe/Warsaw)',
    );
  });

  it('says what to do when there is no digest yet', async () => {
    const { fixture, http, el } = setUp(DigestsPanelComponent, 'buyer');
    http.expectNone('/api/settings/calendar'); // a buyer does not read the calendar
    http.expectOne('/api/subscriptions').flush([]);
    await settle(fixture);
    const empty = el.querySelectorAll('[data-testid=digests-empty] p');
    expect(text(empty[0])).toBe('You receive no digest yet.');
    expect(text(empty[1])).toMatch(/^Create one below/);
    expect(text(el.querySelector('[data-testid=sub-sentence]'))).toBe(
      'Mondays at 08:00 (shop time)',
    );
  });

  it('checks the address before sending, then shows the API’s problems next to their fields', async () => {
    const { fixture, http, el } = setUp(DigestsPanelComponent, 'manager');
    http.expectOne('/api/settings/calendar').flush(CALENDAR);
    http.expectOne('/api/subscriptions').flush([]);
    await settle(fixture);
    expect((el.querySelector('[data-testid=sub-target]') as HTMLInputElement).value).toBe(
      'manager@shop.example',
    );

    type(el, '[data-testid=sub-target]', 'not an address');
    el.querySelector<HTMLButtonElement>('[data-testid=sub-create]')?.click();
    await settle(fixture);
    http.expectNone('/api/subscriptions');
    expect(text(el.querySelector('[data-testid=target-error]'))).toBe(
      'An e-mail address looks like name@example.com.',
    );
    expect(el.querySelector('[data-testid=sub-target]')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(el.querySelector('[data-testid=problems]'))).toContain(
      'Not created — one problem: Address: An e-mail address looks like name@example.com.',
    );

    type(el, '[data-testid=sub-target]', 'ops@shop.example');
    el.querySelector<HTMLInputElement>('[data-testid=sub-quiet-skip]')?.click();
    el.querySelector<HTMLInputElement>('[data-testid=sub-csv]')?.click();
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid=sub-create]')?.click();
    await settle(fixture);
    const post = http.expectOne({ method: 'POST', url: '/api/subscriptions' });
    expect(post.request.body).toEqual({
      role: 'manager',
      channel: 'email',
      target: 'ops@shop.example',
      schedule: { frequency: 'weekly', weekday: 1, hour: 8 },
      filters: {},
      whenQuiet: 'skip',
      attachPdf: false,
      attachCsv: true,
    });
    post.flush(
      {
        message: 'The subscription is not valid.',
        errors: [
          { field: 'target', message: 'The mail domain shop.example does not exist' },
          { field: 'schedule.hour', message: 'hour is 0 to 23' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text(el.querySelector('[data-testid=target-error]'))).toBe(
      'The mail domain shop.example does not exist',
    );
    const problems = text(el.querySelector('[data-testid=problems]'));
    expect(problems).toContain('Not created — 2 problems:');
    expect(problems).toContain('Hour: hour is 0 to 23');
    expect([...el.querySelectorAll('form .field-error')].map(text).filter(Boolean)).toEqual([
      'The mail domain shop.example does not exist',
      'hour is 0 to 23',
    ]);
  });

  it('shows a new webhook’s signing secret once, with how to verify it', async () => {
    const { fixture, http, el } = setUp(DigestsPanelComponent, 'buyer');
    http.expectOne('/api/subscriptions').flush([]);
    await settle(fixture);
    el.querySelector<HTMLInputElement>('[data-testid=sub-channel-webhook]')?.click();
    fixture.detectChanges();
    expect((el.querySelector('[data-testid=sub-target]') as HTMLInputElement).value).toBe('');
    expect((el.querySelector('[data-testid=sub-pdf]') as HTMLInputElement).disabled).toBe(true);
    type(el, '[data-testid=sub-target]', 'https://hooks.example.com/T0/<b>x</b>');
    el.querySelector<HTMLButtonElement>('[data-testid=sub-create]')?.click();
    await settle(fixture);
    const post = http.expectOne({ method: 'POST', url: '/api/subscriptions' });
    expect(post.request.body).toMatchObject({ role: 'buyer', channel: 'webhook' });
    post.flush({
      ...SUBSCRIPTION,
      id: '12',
      role: 'buyer',
      channel: 'webhook',
      target: 'https://hooks.example.com/T0/<b>x</b>',
      attachPdf: false,
      lastDelivery: null,
      secret: 's3cr3t-hex',
    });
    await settle(fixture);
    http.expectOne('/api/subscriptions').flush([]);
    await settle(fixture);
    const box = el.querySelector('[data-testid=webhook-secret]');
    expect((box?.querySelector('[data-testid=secret-value]') as HTMLInputElement).value).toBe(
      's3cr3t-hex',
    );
    expect(text(box)).toContain('X-Returnlens-Signature: sha256=<hex>');
    expect(text(box)).toContain("createHmac('sha256', secret)");
    // The address is text, never markup.
    expect(box?.querySelector('b')).toBeNull();
    expect(text(box)).toContain('https://hooks.example.com/T0/<b>x</b>');
    expect(text(el.querySelector('[data-testid=stored]'))).toBe(
      '✓ Created: buyer digest to https://hooks.example.com/T0/<b>x</b>, mondays at 08:00 (shop time).',
    );
    box?.querySelector<HTMLButtonElement>('button.done')?.click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=webhook-secret]')).toBeNull();
  });

  it('sends a test and shows the resulting delivery status; pauses; deletes after a confirmation', async () => {
    const { fixture, http, el } = setUp(DigestsPanelComponent, 'manager');
    http.expectOne('/api/settings/calendar').flush(CALENDAR);
    http.expectOne('/api/subscriptions').flush([SUBSCRIPTION]);
    await settle(fixture);

    el.querySelector<HTMLButtonElement>('[data-testid=send-test]')?.click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: '/api/subscriptions/11/test' })
      .flush(
        delivery({ id: '91', trigger: 'test', status: 'failed', error: 'SMTP_URL is not set' }),
      );
    await settle(fixture);
    http.expectOne('/api/subscriptions').flush([SUBSCRIPTION]);
    await settle(fixture);
    const result = el.querySelector('[data-testid=test-result]');
    expect(text(result?.querySelector('.status'))).toBe('Failed');
    expect(text(result)).toContain('SMTP_URL is not set');

    el.querySelector<HTMLButtonElement>('[data-testid=pause]')?.click();
    await settle(fixture);
    const patch = http.expectOne({ method: 'PATCH', url: '/api/subscriptions/11' });
    expect(patch.request.body).toEqual({ paused: true });
    patch.flush({ ...SUBSCRIPTION, paused: true });
    await settle(fixture);
    http.expectOne('/api/subscriptions').flush([{ ...SUBSCRIPTION, paused: true }]);
    await settle(fixture);
    expect(text(el.querySelector('[data-testid=paused]'))).toBe('Paused');
    expect(text(el.querySelector('[data-testid=pause]'))).toBe('Resume');

    el.querySelector<HTMLButtonElement>('[data-testid=delete]')?.click();
    fixture.detectChanges();
    http.expectNone({ method: 'DELETE', url: '/api/subscriptions/11' });
    el.querySelector<HTMLButtonElement>('[data-testid=confirm-delete]')?.click();
    await settle(fixture);
    http
      .expectOne({ method: 'DELETE', url: '/api/subscriptions/11' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    http.expectOne('/api/subscriptions').flush([]);
    await settle(fixture);
    expect(el.querySelector('[data-testid=subscription]')).toBeNull();
    expect(el.querySelector('[data-testid=digests-empty]')).not.toBeNull();
  });

  it('lets an owner create a digest for another user, with that user’s digests only', async () => {
    const { fixture, http, el } = setUp(DigestsPanelComponent, 'owner');
    http.expectOne('/api/settings/calendar').flush(CALENDAR);
    http.expectOne('/api/subscriptions').flush([]);
    http.expectOne('/api/admin/users').flush([
      { id: '7', email: 'owner@shop.example', name: 'Me', roles: ['owner'], disabledAt: null },
      { id: '8', email: 'bea@shop.example', name: 'Bea', roles: ['buyer'], disabledAt: null },
      {
        id: '9',
        email: 'old@shop.example',
        name: 'Old',
        roles: ['buyer'],
        disabledAt: '2026-01-01',
      },
    ]);
    await settle(fixture);
    const options = [...el.querySelectorAll('[data-testid=sub-user] option')].map(text);
    expect(options).toEqual(['Me', 'Bea (bea@shop.example)']);
    pick(el, '[data-testid=sub-user]', '8');
    await settle(fixture);
    expect(
      [...el.querySelectorAll('[data-testid^=sub-role-]')].map((i) =>
        i.getAttribute('data-testid'),
      ),
    ).toEqual(['sub-role-buyer']);
    expect((el.querySelector('[data-testid=sub-target]') as HTMLInputElement).value).toBe(
      'bea@shop.example',
    );
    el.querySelector<HTMLButtonElement>('[data-testid=sub-create]')?.click();
    await settle(fixture);
    const post = http.expectOne({ method: 'POST', url: '/api/subscriptions' });
    expect(post.request.body).toMatchObject({
      userId: '8',
      role: 'buyer',
      target: 'bea@shop.example',
    });
    post.flush(
      {
        statusCode: 403,
        error: 'Forbidden',
        code: 'digest_beyond_role',
        field: 'role',
        message:
          'The role of Bea (buyer) cannot take the buyer digest: it needs the permission suppliers.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle(fixture);
    expect(text(el.querySelector('fieldset.choice .field-error'))).toBe(
      'The role of Bea (buyer) cannot take the buyer digest: it needs the permission suppliers.',
    );
    expect(text(el.querySelector('[data-testid=problems]'))).toContain('Digest: The role of Bea');
  });
});

describe('Alerts', () => {
  afterEach(() => TestBed.resetTestingModule());

  const RULE: AlertRule = {
    id: '5',
    userId: '7',
    name: 'First response <90 %',
    metric: 'sla_attainment',
    kind: 'threshold',
    operator: '<',
    value: 0.9,
    policyId: 1,
    filters: {},
    channel: 'email',
    target: 'manager@shop.example',
    quietHours: 24,
    paused: false,
    createdAt: '2026-12-01T10:00:00Z',
    lastEvent: null,
  };

  it('lists rules and recent alerts, and creates a threshold rule in the API’s unit', async () => {
    const { fixture, http, el } = setUp(AlertsPanelComponent, 'manager');
    http.expectOne('/api/settings/calendar').flush(CALENDAR);
    http.expectOne('/api/alerts').flush([RULE]);
    http.expectOne('/api/alerts/events?limit=20').flush([
      {
        id: '3',
        ruleId: '5',
        ruleName: 'First response <90 %',
        period: '2026-W48',
        sentence: 'SLA first response was 84.0 % in 2026-W48, below 90 %.',
        value: 0.84,
        createdAt: '2026-11-30T08:00:00Z',
        deliveryStatus: 'sent',
      },
    ]);
    http.expectOne('/api/settings/sla-policies').flush([
      { id: 1, name: 'First response', metric: 'first_response', targetHours: 24 },
      { id: 2, name: 'Refund', metric: 'refund', targetHours: 72 },
    ]);
    await settle(fixture);

    const rule = el.querySelector('[data-testid=alert-rule]');
    expect(text(rule?.querySelector('h3'))).toBe('First response <90 %');
    expect(text(rule?.querySelector('[data-testid=rule-sentence]'))).toBe(
      'SLA attainment (a policy) below 90 % · policy First response',
    );
    const events = el.querySelector('[data-testid=events]');
    expect(text(events)).toContain('SLA first response was 84.0 % in 2026-W48, below 90 %.');
    expect(text(events?.querySelector('.status'))).toBe('Sent');

    // A threshold above 100 % is refused beside its field, nothing sent.
    type(el, '[data-testid=alert-name]', 'Refunds late');
    type(el, '[data-testid=alert-value]', '120');
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid=alert-create]')?.click();
    await settle(fixture);
    http.expectNone({ method: 'POST', url: '/api/alerts' });
    expect(text(el.querySelector('[data-testid=value-error]'))).toBe('A share from 0 to 100 %.');

    type(el, '[data-testid=alert-value]', '85.5');
    pick(el, '[data-testid=alert-policy]', '2');
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid=alert-create]')?.click();
    await settle(fixture);
    const post = http.expectOne({ method: 'POST', url: '/api/alerts' });
    expect(post.request.body).toEqual({
      name: 'Refunds late',
      metric: 'sla_attainment',
      kind: 'threshold',
      operator: '<',
      value: 0.855,
      policyId: 2,
      filters: {},
      channel: 'email',
      target: 'manager@shop.example',
      quietHours: 24,
    });
    post.flush({ ...RULE, id: '6', name: 'Refunds late', value: 0.855, policyId: 2 });
    await settle(fixture);
    http.expectOne('/api/alerts').flush([RULE]);
    await settle(fixture);
    expect(text(el.querySelector('[data-testid=stored]'))).toBe(
      '✓ Created: “Refunds late” — SLA attainment (a policy) below 85.5 %.',
    );
  });

  it('says what to do when there are no rules and no alerts', async () => {
    const { fixture, http, el } = setUp(AlertsPanelComponent, 'buyer');
    http.expectOne('/api/alerts').flush([]);
    http.expectOne('/api/alerts/events?limit=20').flush([]);
    http.expectNone('/api/settings/sla-policies');
    await settle(fixture);
    expect(text(el.querySelector('[data-testid=alerts-empty]'))).toContain('No alert rules yet.');
    expect(text(el.querySelector('[data-testid=events-empty]'))).toContain(
      'No alert has fired yet.',
    );
    expect([...el.querySelectorAll('[data-testid=alert-metric] option')].map(text)).toEqual([
      'Return rate (mature order weeks)',
      'Net sentiment',
      'Supplier defect rate',
    ]);
  });
});

describe('Delivery history', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('shows every delivery with its status, attempts and error; chips filter by status', async () => {
    const { fixture, http, el } = setUp(DeliveriesPanelComponent, 'buyer');
    http.expectOne('/api/deliveries?limit=50').flush([
      delivery({
        id: '3',
        status: 'failed',
        attempts: 3,
        channel: 'webhook',
        target: 'https://h.example/x',
        error: 'HTTP 500: <html>oops</html>',
      }),
      delivery({ id: '2', status: 'sent', trigger: 'test' }),
      delivery({ id: '1', status: 'skipped', subject: null }),
    ]);
    await settle(fixture);
    const rows = el.querySelectorAll('[data-testid=delivery]');
    expect(rows.length).toBe(3);
    expect(text(rows[0])).toContain('Failed');
    expect(text(rows[0].querySelector('[data-testid=delivery-error]'))).toBe(
      'HTTP 500: <html>oops</html>',
    );
    expect(rows[0].querySelector('html')).toBeNull();
    expect(text(rows[0].querySelector('td.num'))).toBe('3');
    expect(text(rows[1])).toContain('Test');
    expect(text(el.querySelector('[data-testid=history-filter-failed]'))).toBe('Failed 1');

    el.querySelector<HTMLButtonElement>('[data-testid=history-filter-failed]')?.click();
    fixture.detectChanges();
    expect(
      [...el.querySelectorAll('[data-testid=delivery]')].map((r) => r.getAttribute('data-status')),
    ).toEqual(['failed']);
  });

  it('says what to do when nothing was sent', async () => {
    const { fixture, http, el } = setUp(DeliveriesPanelComponent, 'admin');
    http.expectOne('/api/settings/calendar').flush(CALENDAR);
    http.expectOne('/api/deliveries?limit=50').flush([]);
    await settle(fixture);
    expect(text(el.querySelector('[data-testid=history-empty]'))).toContain('Nothing sent yet.');
  });
});
