import { Component, input, output } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupplierScore } from '@returnlens/shared/contracts';
import { LanguageStore, provideI18n } from '@returnlens/web/shared/data-access';
import { ChartComponent } from '@returnlens/web/shared/ui-charts';
import { SupplierDetailPage } from './supplier-detail-page';

@Component({ selector: 'rl-chart', template: '<div class="chart-stub">{{ label() }}</div>' })
class ChartStub {
  readonly options = input<unknown>();
  readonly label = input<string>();
  readonly height = input<number>();
  readonly chartClick = output<unknown>();
}

const period = {
  timeZone: 'UTC',
  from: { week: '2026-W01', start: '', end: '' },
  to: { week: '2026-W04', start: '', end: '' },
  weeks: ['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05'].map((week) => ({
    week,
    start: '',
    end: '',
  })),
  source: 'rollup',
};

const kestrel: SupplierScore = {
  supplierId: 'S1',
  name: 'Kestrel',
  unitsSold: 4000,
  claims: 130,
  defectUnits: 120,
  defectRate: 0.03,
  ppm: 30000,
  ci95: { lower: 0.025, upper: 0.036 },
  limits95: null,
  limits998: null,
  signal: 'above',
  trend: [0.01, 0.01, 0.03, 0.03, 0.03],
  topReasons: [],
  netSentiment: -0.2,
  feedbackItems: 1,
};

const responses: Record<string, unknown> = {
  '/api/analytics/suppliers': { period, overallDefectRate: 0.01, suppliers: [kestrel] },
  '/api/analytics/pareto': { period, rows: [] },
  '/api/analytics/products': { period, products: [] },
};

/** The Polish file beside the app, as the page loads it. */
const polish = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../../../../apps/web/public/i18n/suppliers/pl.json'),
    'utf8',
  ),
);

/** Lets responses arrive and effects run. */
async function settle(fixture: { detectChanges(): void }, extra: Record<string, unknown> = {}) {
  const http = TestBed.inject(HttpTestingController);
  const all = { ...responses, ...extra };
  for (let round = 0; round < 6; round++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    for (const request of http.match((r) => r.url in all)) request.flush(all[request.request.url]);
  }
  fixture.detectChanges();
}

describe('SupplierDetailPage', () => {
  it('states the trend, the figures and the evidence in the interface language', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([{ path: '**', component: SupplierDetailPage }]),
      ],
    });
    TestBed.overrideComponent(SupplierDetailPage, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
    await TestBed.inject(Router).navigateByUrl('/suppliers/S1');
    const fixture = TestBed.createComponent(SupplierDetailPage);
    fixture.componentRef.setInput('supplierId', 'S1');
    fixture.detectChanges();
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const text = (selector: string) => el.querySelector(selector)?.textContent?.trim();

    expect(text('[data-testid=supplier-trend-title]')).toBe(
      "Kestrel's defect rate rose 3.0× in the last 3 weeks",
    );
    expect(text('[data-testid=supplier-figures]')).toContain('in 130 claims');
    expect(text('[data-testid=supplier-figures]')).toContain('1 feedback item');
    expect(text('[data-testid=evidence-summary]')).toContain('Supplier: Kestrel (S1)');
    expect(text('[data-testid=evidence-summary]')).toContain(
      'Signal: Above the 99.8 % control limit',
    );

    const switched = TestBed.inject(LanguageStore).use('pl');
    await new Promise((r) => setTimeout(r));
    TestBed.inject(HttpTestingController).expectOne('/i18n/pl.json').flush({});
    await switched;
    await settle(fixture, { '/i18n/suppliers/pl.json': polish });
    expect(text('[data-testid=supplier-trend-title]')).toBe(
      'Wskaźnik wad Kestrel wzrósł 3.0× w ostatnich 3 tygodniach',
    );
    expect(text('[data-testid=supplier-figures]')).toContain('w 130 zgłoszeniach');
    expect(text('[data-testid=supplier-figures]')).toContain('1 opinia');
    expect(text('.signal')).toBe('Powyżej granicy 99,8 %');
    expect(text('[data-testid=evidence-summary]')).toContain('Dostawca: Kestrel (S1)');
    expect(text('[data-testid=evidence-summary]')).toContain(
      'Sygnał: Powyżej granicy kontrolnej 99,8 %',
    );
  });
});
