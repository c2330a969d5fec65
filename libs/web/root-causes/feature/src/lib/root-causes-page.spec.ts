import { Component, input, output } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DrilldownStore, LanguageStore, provideI18n } from '@returnlens/web/shared/data-access';
import { ChartComponent } from '@returnlens/web/shared/ui-charts';
import { RootCausesPage } from './root-causes-page';

@Component({ selector: 'rl-chart', template: '<div class="chart-stub">{{ label() }}</div>' })
class ChartStub {
  readonly options = input<unknown>();
  readonly label = input<string>();
  readonly height = input<number>();
  readonly redrawOnResize = input<boolean>();
  readonly chartClick = output<unknown>();
}

const period = {
  timeZone: 'UTC',
  from: { week: '2026-W01', start: '', end: '' },
  to: { week: '2026-W12', start: '', end: '' },
  weeks: [],
  source: 'rollup',
};
const row = (
  reasonCode: string,
  reasonLabel: string,
  category: string,
  claims: number,
  inferred: number,
) => ({
  reasonCode,
  reasonLabel,
  category,
  claims,
  units: claims,
  share: claims / 20,
  cumulativeShare: 0,
  stated: claims - inferred,
  inferred,
});

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

/** The Polish file beside the app, as the page loads it. */
const polish = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../../../apps/web/public/i18n/rootCauses/pl.json'),
    'utf8',
  ),
);

const cell = (reasonCode: string, key: string, label: string, claims: number) => ({
  reasonCategory: 'product_quality',
  reasonCode,
  reasonLabel: reasonCode,
  key,
  label,
  claims,
  units: claims,
});

describe('RootCausesPage', () => {
  it('states the causes and narrows the filters to what is clicked', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([{ path: '**', component: RootCausesPage }]),
      ],
    });
    TestBed.overrideComponent(RootCausesPage, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/root-causes?period=12w');
    const fixture = TestBed.createComponent(RootCausesPage);
    fixture.detectChanges();
    TestBed.tick();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/analytics/pareto').flush({
      period,
      rows: [
        row('product_defect', 'Product defect', 'product_quality', 120, 40),
        row('wrong_size', 'Wrong size', 'listing_accuracy', 80, 0),
      ],
    });
    http
      .expectOne((r) => r.url === '/api/analytics/matrix' && r.params.get('by') === 'product')
      .flush({
        period,
        by: 'product',
        reasons: [],
        columns: [{ key: 'SKU-1', label: 'Kettle' }],
        cells: [cell('product_defect', 'SKU-1', 'Kettle', 90)],
      });
    http
      .expectOne((r) => r.url === '/api/analytics/matrix' && r.params.get('by') === 'supplier')
      .flush({
        period,
        by: 'supplier',
        reasons: [],
        columns: [{ key: 'S1', label: 'Kestrel' }],
        cells: [cell('product_defect', 'S1', 'Kestrel', 120)],
      });
    http
      .expectOne((r) => r.url === '/api/analytics/reason-mismatches')
      .flush({
        period,
        withText: 40,
        inferred: 36,
        mismatched: 6,
        pairs: [
          { stated: 'wrong_size', inferred: 'product_defect', claims: 2 },
          { stated: 'product_defect', inferred: 'wrong_size', claims: 4 },
        ],
      });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=mismatch-title]')?.textContent).toContain(
      '6 of 40 claims with text (15.0%) read as another reason; most often Product defect → Wrong size',
    );
    expect(
      [...el.querySelectorAll('[data-testid=mismatch-pairs] tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()).join(' '),
      ),
    ).toEqual(['Product defect → Wrong size 4 ', 'Wrong size → Product defect 2 ']);
    (el.querySelector('[data-testid=mismatch-records]') as HTMLButtonElement).click();
    expect(TestBed.inject(DrilldownStore).records()).toMatchObject({
      kind: 'claims',
      params: { mismatch: 'true' },
    });
    expect(el.querySelector('[data-testid=rc-total]')?.textContent).toContain(
      '200 claims in 2026-W01 – 2026-W12',
    );
    expect(el.querySelector('[data-testid=tree-title]')?.textContent).toContain(
      'Product quality causes 60.0% of claims',
    );
    expect(el.querySelector('[data-testid=heatmap-title]')?.textContent).toContain(
      'Kestrel × Product defect is the largest cell',
    );
    expect(el.querySelector('[data-testid=stated-title]')?.textContent).toContain(
      '20.0% of claims had no stated reason',
    );
    expect(el.querySelectorAll('[data-testid=reason-table] tbody tr')).toHaveLength(2);

    // A heatmap cell opens exactly its claims (its reason and supplier), and offers the page
    // narrowed to both.
    (fixture.componentInstance as unknown as { onHeatClick(e: unknown): void }).onHeatClick({
      data: { target: { reason: 'product_defect', supplier: 'S1' } },
    });
    expect(TestBed.inject(DrilldownStore).records()).toMatchObject({
      kind: 'claims',
      title: 'Claims: Product defect × Kestrel',
      params: { reason: 'product_defect', supplier: 'S1' },
      counts: 'records',
      narrow: { reason: ['product_defect'], supplier: ['S1'] },
    });
    expect(router.url).toBe('/root-causes?period=12w');

    // In Polish: the template's texts and the headlines built in code follow the language.
    const switched = TestBed.inject(LanguageStore).use('pl');
    await new Promise((r) => setTimeout(r));
    http
      .expectOne('/i18n/pl.json')
      .flush(
        JSON.parse(
          readFileSync(join(__dirname, '../../../../../../apps/web/public/i18n/pl.json'), 'utf8'),
        ),
      );
    await switched;
    await settle(fixture, { '/i18n/rootCauses/pl.json': polish });
    // The reasons are named in Polish (the API answers their English names).
    expect(el.querySelector('[data-testid=reason-table] tbody')?.textContent).toContain(
      'Wada produktu',
    );
    expect(el.querySelector('h1')?.textContent).toBe('Przyczyny źródłowe');
    expect(el.querySelector('[data-testid=rc-total]')?.textContent).toContain(
      '200 zgłoszeń w okresie 2026-W01 – 2026-W12',
    );
    // (the share's number format follows the language elsewhere: either separator passes)
    expect(el.querySelector('[data-testid=tree-title]')?.textContent).toMatch(
      /„Jakość produktu” odpowiada za 60[.,]0\s?% zgłoszeń/,
    );
  });
});
