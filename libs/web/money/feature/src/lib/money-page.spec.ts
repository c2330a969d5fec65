import { Component, input, output } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageStore, provideI18n } from '@returnlens/web/shared/data-access';
import { ChartComponent } from '@returnlens/web/shared/ui-charts';
import { MoneyPage } from './money-page';

@Component({ selector: 'rl-chart', template: '<div class="chart-stub">{{ label() }}</div>' })
class ChartStub {
  readonly options = input<unknown>();
  readonly label = input<string>();
  readonly height = input<number>();
  readonly chartClick = output<unknown>();
}

const WEEKS = [
  { week: '2026-W46', start: '2026-11-09', end: '2026-11-15' },
  { week: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
];
const PERIOD = { timeZone: 'UTC', from: WEEKS[0], to: WEEKS[1], weeks: WEEKS, source: 'rollup' };
const money = (week: string, refundAmount: number, costAmount: number) => ({
  week,
  complete: true,
  currency: 'EUR',
  refunds: 2,
  refundAmount,
  costClaims: 1,
  costAmount,
});
const cost = (key: string, label: string, total: number) => ({
  key,
  label,
  currency: 'EUR',
  claims: 5,
  refunds: 3,
  refundAmount: total - 10,
  costClaims: 2,
  costAmount: 10,
  total,
});
const mix = (week: string, resolution: string, claims: number, share: number) => ({
  week,
  complete: true,
  resolution,
  claims,
  share,
});
const MONEY = {
  period: PERIOD,
  currencies: ['EUR'],
  weekly: [money('2026-11-09', 100, 20), money('2026-11-16', 200, 40)],
  bySupplier: [cost('S-1', 'Acme', 240)],
  byProduct: [cost('SKU-1', 'Kettle', 240)],
  byReason: [cost('defect', 'Defect', 240)],
};
const RESOLUTIONS = {
  period: PERIOD,
  weekly: [
    mix('2026-11-09', 'refund', 6, 0.6),
    mix('2026-11-09', 'open', 4, 0.4),
    mix('2026-11-16', 'refund', 5, 0.5),
    mix('2026-11-16', 'open', 5, 0.5),
  ],
  byReason: [],
  bySupplier: [],
};

/** Lets responses arrive and effects run. */
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

describe('MoneyPage', () => {
  it('states the money and the mix in English, then in Polish when the language changes', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([{ path: '**', component: MoneyPage }]),
      ],
    });
    TestBed.overrideComponent(MoneyPage, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
    const fixture = TestBed.createComponent(MoneyPage);
    fixture.detectChanges();
    await settle(fixture, {
      '/api/analytics/money': MONEY,
      '/api/analytics/resolutions': RESOLUTIONS,
    });
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('Money & resolutions');
    expect(el.querySelector('[data-testid=stat-refunds]')?.textContent).toContain('4 refunds');
    expect(el.querySelector('[data-testid=money-weekly-title]')?.textContent).toContain(
      'went out on claims in W47',
    );
    expect(el.querySelector('[data-testid=mix-weekly-title]')?.textContent).toContain(
      '50.0% of W47’s claims ended in refund; 50.0% are still open',
    );
    expect(el.textContent).not.toMatch(/money\.\w/);

    const polish = JSON.parse(
      readFileSync(join(__dirname, '../../../../../../apps/web/public/i18n/money/pl.json'), 'utf8'),
    );
    const switched = TestBed.inject(LanguageStore).use('pl');
    await settle(fixture, { '/i18n/pl.json': {} });
    await switched;
    await settle(fixture, { '/i18n/money/pl.json': polish });
    expect(el.querySelector('h1')?.textContent).toBe('Pieniądze i rozwiązania');
    expect(el.querySelector('[data-testid=stat-refunds]')?.textContent).toContain('zwroty: 4');
    expect(el.querySelector('[data-testid=mix-weekly-title]')?.textContent).toContain(
      'zakończyło się tak: zwrot środków',
    );
    expect(el.textContent).not.toMatch(/money\.\w/);
  });
});
