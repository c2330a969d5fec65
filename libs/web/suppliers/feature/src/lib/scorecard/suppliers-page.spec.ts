import { Component, input, output } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SupplierScore } from '@returnlens/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageStore, provideI18n } from '@returnlens/web/shared/data-access';
import { ChartComponent } from '@returnlens/web/shared/ui-charts';
import { SuppliersPage } from './suppliers-page';

@Component({ selector: 'rl-chart', template: '<div class="chart-stub">{{ label() }}</div>' })
class ChartStub {
  readonly options = input<unknown>();
  readonly label = input<string>();
  readonly height = input<number>();
  readonly chartClick = output<unknown>();
}

const s = (
  id: string,
  name: string,
  units: number,
  defects: number,
  signal: SupplierScore['signal'],
  lower: number,
): SupplierScore => ({
  supplierId: id,
  name,
  unitsSold: units,
  claims: defects,
  defectUnits: defects,
  defectRate: defects / units,
  ppm: (defects / units) * 1e6,
  ci95: { lower, upper: lower * 2 },
  limits95: null,
  limits998: null,
  signal,
  trend: [0.01, null, 0.02],
  topReasons: [{ reasonCode: 'product_defect', claims: defects }],
  netSentiment: 0.25,
  feedbackItems: 30,
});

/** The Polish file beside the app, as the page loads it. */
const polish = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../../../../apps/web/public/i18n/suppliers/pl.json'),
    'utf8',
  ),
);

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

describe('SuppliersPage', () => {
  it('names the supplier beyond the limits, ranks by the interval and searches', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([{ path: '**', component: SuppliersPage }]),
      ],
    });
    TestBed.overrideComponent(SuppliersPage, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
    await TestBed.inject(Router).navigateByUrl('/suppliers');
    const fixture = TestBed.createComponent(SuppliersPage);
    fixture.detectChanges();
    TestBed.tick();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/analytics/suppliers')
      .flush({
        period: {
          timeZone: 'UTC',
          from: { week: '2026-W01' },
          to: { week: '2026-W03' },
          weeks: [],
          source: 'rollup',
        },
        overallDefectRate: 0.01,
        suppliers: [
          s('S1', 'Heron', 5000, 40, 'within', 0.006),
          s('S2', 'Kestrel', 4000, 120, 'above', 0.025),
          s('S3', 'Wren', 100, 3, 'warning', 0.01),
        ],
      });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=funnel-title]')?.textContent).toContain(
      "Kestrel's defect rate 3.0% is beyond the 99.8 % limit",
    );
    expect(el.querySelector('[data-testid=overall-rate]')?.textContent).toBe('1.0%');
    const names = () =>
      [...el.querySelectorAll('[data-testid=scorecard] tbody tr td:first-child a')].map((a) =>
        a.textContent?.trim(),
      );
    expect(names()).toEqual(['Kestrel', 'Wren', 'Heron']);
    // Small samples are greyed, with the reason in the title.
    expect(
      el.querySelector('[data-testid=scorecard] tbody tr.small')?.getAttribute('title'),
    ).toContain('Small sample');
    const input = el.querySelector<HTMLInputElement>('[data-testid=supplier-search]');
    if (!input) throw new Error('no search');
    input.value = 'her';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(names()).toEqual(['Heron']);
    expect(el.querySelector('[data-testid=scorecard] a')?.getAttribute('href')).toBe(
      '/suppliers/S1',
    );

    // In Polish: the template's texts and those built in code follow the language.
    const switched = TestBed.inject(LanguageStore).use('pl');
    await new Promise((r) => setTimeout(r));
    TestBed.inject(HttpTestingController).expectOne('/i18n/pl.json').flush({});
    await switched;
    await settle(fixture, { '/i18n/suppliers/pl.json': polish });
    expect(el.querySelector('h1')?.textContent).toBe('Dostawcy');
    expect(el.querySelector('[data-testid=scorecard] th')?.textContent).toContain('Dostawca');
    expect(el.querySelector('[data-testid=scorecard] .signal')?.textContent).toBe('W normie');
    input.value = 'zzz';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=scorecard] .none')?.textContent?.trim()).toBe(
      'Żaden dostawca nie pasuje do „zzz”.',
    );
  });
});
