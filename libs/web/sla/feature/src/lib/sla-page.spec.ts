import { Component, input, output } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DrilldownStore, LanguageStore, provideI18n } from '@returnlens/web/shared/data-access';
import { ChartComponent } from '@returnlens/web/shared/ui-charts';
import { SlaPage } from './sla-page';

@Component({ selector: 'rl-chart', template: '<div class="chart-stub">{{ label() }}</div>' })
class ChartStub {
  readonly options = input<unknown>();
  readonly label = input<string>();
  readonly height = input<number>();
  readonly chartClick = output<unknown>();
}

const attainment = (met: number, breached: number) => ({
  met,
  breached,
  attainment: met / (met + breached),
});
const REPORT = {
  period: {
    timeZone: 'UTC',
    from: { week: '2026-W01' },
    to: { week: '2026-W02' },
    weeks: [{ week: '2026-W01' }, { week: '2026-W02' }],
    source: 'rollup',
  },
  clock: 'business',
  now: '2026-01-15T00:00:00Z',
  policies: [
    {
      id: 1,
      name: 'First response',
      metric: 'first_response',
      targetHours: 24,
      clock: 'calendar',
      claimTypes: [],
      resolutions: null,
      atRiskHours: 4,
      pending: 7,
      weekly: [
        { ...attainment(50, 10), pending: 0, immature: false },
        { ...attainment(30, 10), pending: 7, immature: true },
      ],
      ...attainment(80, 20),
    },
    {
      id: 2,
      name: 'Refund',
      metric: 'refund',
      targetHours: 240,
      clock: 'calendar',
      claimTypes: [],
      resolutions: null,
      atRiskHours: 24,
      pending: 0,
      weekly: [
        { ...attainment(50, 1), pending: 0, immature: false },
        { ...attainment(47, 2), pending: 0, immature: false },
      ],
      ...attainment(97, 3),
    },
  ],
  durations: [
    { metric: 'first_response', median: [5, 6], p90: [20, 30], count: [10, 10], open: [0, 3] },
  ],
  byChannel: [
    { policyId: 1, channel: 'phone', ...attainment(9, 1) },
    { policyId: 1, channel: 'web_form', ...attainment(5, 5) },
    // Another policy's split is not mixed in.
    { policyId: 2, channel: 'store', ...attainment(0, 5) },
  ],
  byAssignee: [{ policyId: 1, assignee: 'Ana', ...attainment(9, 1) }],
  repeatContactRate: 0.125,
  atRiskClaims: 1,
  breachedOpenClaims: 0,
  atRisk: [
    {
      externalId: 'C-9',
      policyId: 1,
      policy: 'First response',
      type: 'complaint',
      channel: 'chat',
      assignee: null,
      openedAt: '2026-01-14T20:00:00Z',
      deadline: '2026-01-15T20:00:00Z',
      hoursLeft: 2.5,
    },
  ],
  breachesOpen: [],
  backlogAging: [
    { bucket: '< 1 d', claims: 3 },
    { bucket: '7–14 d', claims: 2 },
    { bucket: '≥ 14 d', claims: 1 },
  ],
};

/** Lets responses arrive and effects run (no whenStable: a dependent request may be pending). */
async function settle(fixture: { detectChanges(): void }, responses: Record<string, unknown> = {}) {
  const http = TestBed.inject(HttpTestingController);
  for (let round = 0; round < 6; round++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    for (const request of http.match((r) => r.url in responses))
      request.flush(responses[request.request.url]);
  }
  fixture.detectChanges();
}

describe('SlaPage', () => {
  it('asks for the clock in the URL and states the worst policy, channel and open work', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([{ path: '**', component: SlaPage }], withComponentInputBinding()),
      ],
    });
    TestBed.overrideComponent(SlaPage, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
    const fixture = TestBed.createComponent(SlaPage);
    fixture.componentRef.setInput('clock', 'business');
    fixture.detectChanges();
    TestBed.tick();
    const req = TestBed.inject(HttpTestingController).expectOne(
      (r) => r.url === '/api/analytics/sla',
    );
    expect(req.request.params.get('clock')).toBe('business');
    req.flush(REPORT);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=attainment-title]')?.textContent).toContain(
      'First response ≤ 24 h is met in only 80.0% of claims — below the 95 % goal',
    );
    expect(el.querySelector('[data-testid=by-channel-title]')?.textContent).toContain(
      'Web form has the lowest attainment: 50.0%',
    );
    expect(el.querySelector('[data-testid=at-risk-count]')?.textContent?.trim()).toBe('1');
    expect(el.querySelector('[data-testid=at-risk] tbody td:last-child')?.textContent).toBe(
      '2 h 30 min left',
    );
    expect(el.querySelector('[data-testid=backlog-title]')?.textContent).toContain(
      '6 claims are open; 1 of them for 14 days or more',
    );
    expect(el.textContent).toContain('Refund ≤ 10 d');
    // An immature week is marked as such, not drawn as a plain value.
    const cells = [
      ...el.querySelectorAll('[data-testid=attainment-weeks] tbody tr:first-child td'),
    ];
    expect(cells.map((c) => c.classList.contains('immature'))).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(cells[4].textContent).toContain('75.0%');
    expect(cells[4].getAttribute('title')).toContain('immature — 7 not yet due');
    expect(el.textContent).toContain('median 6 h in the last week, p90 1 d 6 h (3 still open)');

    // A policy's breached claims, judged at the report's instant.
    const drill = TestBed.inject(DrilldownStore);
    (cells[1].querySelector('button') as HTMLButtonElement).click();
    expect(drill.records()?.params).toMatchObject({
      outcome: 'breached',
      policy: '1',
      asOf: '2026-01-15T00:00:00Z',
    });
    (el.querySelector('[data-testid=at-risk-count]') as HTMLButtonElement).click();
    expect(drill.records()?.params).toMatchObject({ outcome: 'at_risk' });

    (fixture.componentInstance as unknown as { onChannelClick(e: unknown): void }).onChannelClick({
      dataIndex: 0,
    });
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/?channel=web_form');
  });

  it('speaks Polish when the language changes: template texts and headlines built in code', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([{ path: '**', component: SlaPage }], withComponentInputBinding()),
      ],
    });
    TestBed.overrideComponent(SlaPage, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
    const fixture = TestBed.createComponent(SlaPage);
    fixture.detectChanges();
    TestBed.tick();
    TestBed.inject(HttpTestingController)
      .expectOne((r) => r.url === '/api/analytics/sla')
      .flush(REPORT);
    await settle(fixture);
    const polish = JSON.parse(
      readFileSync(join(__dirname, '../../../../../../apps/web/public/i18n/sla/pl.json'), 'utf8'),
    );
    const root = JSON.parse(
      readFileSync(join(__dirname, '../../../../../../apps/web/public/i18n/pl.json'), 'utf8'),
    );
    const switched = TestBed.inject(LanguageStore).use('pl');
    await settle(fixture, { '/i18n/pl.json': root });
    await switched;
    await settle(fixture, { '/i18n/sla/pl.json': polish });
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.lede')?.textContent).toContain('Czy odpowiadamy');
    expect(el.querySelector('[data-testid=attainment-title]')?.textContent).toContain(
      'jest dotrzymana tylko w',
    );
    expect(el.querySelector('[data-testid=backlog-title]')?.textContent).toContain(
      '6 zgłoszeń jest otwartych',
    );
    // The product's vocabulary in the open-claims list: claim type and channel.
    expect(el.textContent).toContain('Reklamacja · Czat');
  });
});
