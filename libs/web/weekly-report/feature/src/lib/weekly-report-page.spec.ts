import { Component, input } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WeeklyReport } from '@returnlens/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageStore, provideI18n } from '@returnlens/web/shared/data-access';
import { ChartComponent, KpiTileComponent } from '@returnlens/web/shared/ui-charts';
import { WeeklyReportPage } from './weekly-report-page';

@Component({ selector: 'rl-chart', template: '<div class="chart-stub">{{ label() }}</div>' })
class ChartStub {
  readonly options = input<unknown>();
  readonly label = input<string>();
  readonly height = input<number>();
}

const week = (w: string, start: string, end: string) => ({ week: w, start, end });
const kpi = (value: number) => ({
  value,
  baseline: 10,
  change: value - 10,
  relativeChange: (value - 10) / 10,
  pValue: 0.5,
  significant: false,
  sparkline: [10, 10, 10, 10, value],
});

const REPORT: WeeklyReport = {
  timeZone: 'UTC',
  week: week('2026-W47', '2026-11-16', '2026-11-22'),
  weekComplete: true,
  returnCohorts: {
    returnWindowDays: 30,
    asOf: '2026-11-22',
    weeks: [
      {
        week: week('2026-W41', '2026-10-05', '2026-10-11'),
        unitsSold: 1000,
        returnedUnits: 50,
        rate: 0.05,
        mature: true,
      },
      {
        week: week('2026-W47', '2026-11-16', '2026-11-22'),
        unitsSold: 800,
        returnedUnits: 8,
        rate: 0.01,
        mature: false,
      },
    ],
    unmatchedReturns: 3,
    returnsOpened: 60,
  },
  baselineWeeks: [],
  claimsReceived: kpi(12),
  unitsReturned: kpi(15),
  pareto: [
    {
      reasonCode: 'product_defect',
      reasonLabel: 'Product defect',
      category: 'product_quality',
      claims: 8,
      share: 8 / 12,
      cumulativeShare: 8 / 12,
    },
    {
      reasonCode: 'wrong_size',
      reasonLabel: 'Wrong size',
      category: 'listing_accuracy',
      claims: 4,
      share: 4 / 12,
      cumulativeShare: 1,
    },
  ],
  trendWeeks: [week('2026-W47', '2026-11-16', '2026-11-22')],
  trend: [{ category: 'product_quality', label: 'Product quality', claims: [8] }],
  dataThrough: '2026-11-22T21:00:00.000Z',
  kpis: {
    returnRate: {
      ...kpi(0.05),
      baseline: 0.04,
      change: 0.01,
      relativeChange: 0.25,
      significant: true,
      pValue: 0.001,
      week: week('2026-W41', '2026-10-05', '2026-10-11'),
    },
    refundsPaid: [{ currency: 'EUR', kpi: kpi(1200) }],
    medianFirstResponseHours: kpi(5.5),
    firstResponseStillOpen: 0,
    slaPolicies: [],
    netSentiment: { ...kpi(0.3), baseline: 0.35, change: -0.05, relativeChange: null },
  },
  movers: [
    {
      kind: 'supplier',
      key: 'S07',
      label: 'Kestrel',
      metric: 'defect_rate',
      value: 0.03,
      baseline: 0.01,
      count: 45,
      baselineCount: 152,
      exposure: 1500,
      baselineExposure: 15200,
      rateRatio: 3,
      direction: 'up',
      topReason: 'product_defect',
      pValue: 0.0001,
      qValue: 0.002,
    },
  ],
  moversTest: { candidates: 700, baselineWeeks: 8 },
};

const caseStudy = (
  value: number | null,
  previous: number | null,
  target: number,
  better: 'lower' | 'higher',
) => ({
  value,
  previous,
  target,
  better,
  meetsTarget: value === null ? null : better === 'lower' ? value <= target : value >= target,
  n: 40,
});

async function setUp(): Promise<{
  fixture: ComponentFixture<WeeklyReportPage>;
  http: HttpTestingController;
}> {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideI18n()],
  });
  for (const component of [WeeklyReportPage, KpiTileComponent]) {
    TestBed.overrideComponent(component, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
  }
  const fixture = TestBed.createComponent(WeeklyReportPage);
  fixture.detectChanges();
  return { fixture, http: TestBed.inject(HttpTestingController) };
}

const KPIS = {
  processingTimeHours: { ...caseStudy(50, 60, 24, 'lower'), stillOpen: 4 },
  satisfaction: caseStudy(0.96, 0.9, 0.95, 'higher'),
  repeatContactRate: caseStudy(0.125, 0.2, 0.1, 'lower'),
  returnShare: { ...caseStudy(0.05, 0.055, 0.03, 'lower'), cohortWeeks: ['2026-10-05'] },
  negativeReviewShare: 0.2,
  claims: 12,
};

async function settle(fixture: ComponentFixture<WeeklyReportPage>): Promise<HTMLElement> {
  // The operations strip asks /api/analytics/kpis for the reported week once it is known:
  // let the responses arrive and effects run rather than wait for stability.
  const http = TestBed.inject(HttpTestingController);
  for (let round = 0; round < 6; round++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    for (const request of http.match((r) => r.url === '/api/analytics/kpis')) request.flush(KPIS);
  }
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('WeeklyReportPage', () => {
  it('shows the loading frame, then the report the API sent', async () => {
    const { fixture, http } = await setUp();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[aria-busy=true]')).not.toBeNull();

    http.expectOne('/api/reports/weekly').flush(REPORT);
    await settle(fixture);
    expect(page.querySelector('[data-testid=week-title]')?.textContent).toContain(
      'Week 47, 2026 · 16–22 Nov 2026',
    );
    expect(
      [...page.querySelectorAll('[data-testid=kpi-value]')].map((e) => e.textContent?.trim()),
    ).toEqual(['12', '15', '5.0%', '€1,200', '5 h 30 min', '+30']);
    // Significance is marked only where a test was made and it is significant; colour by metric.
    const tiles = [...page.querySelectorAll('rl-kpi-tile article')];
    expect(tiles[2].className).toContain('verdict-bad');
    expect(tiles[2].querySelector('.significant')).not.toBeNull();
    expect(tiles[2].querySelector('[data-testid=kpi-change]')?.textContent).toContain('+1 pp');
    expect(tiles[5].querySelector('.significant')).toBeNull();
    expect(tiles[5].textContent).toContain('without a test');
    expect(page.querySelector('[data-testid=movers]')?.textContent).toContain('Kestrel');
    const movers = page.querySelector('[data-testid=movers]')?.textContent ?? '';
    expect(movers).toContain('defect rate 3.0% vs 1.0% (3.0×)');
    expect(movers).toContain('45 defect units this week against 19 a week in the 8 weeks before');
    expect(movers).toContain('mostly product defect');
    const strip = page.querySelector('[data-testid=operations]')?.textContent ?? '';
    expect(strip).toContain('2 d 2 h');
    expect(strip).toContain('target ≤ 1 d');
    expect(strip).toContain('4 still open');
    expect(strip).toContain('Customer satisfaction');
    expect(strip).toContain('96.0%');
    expect(strip).toContain('12.5%');
    expect(strip).toContain('orders of the week of 2026-10-05');
    expect(page.querySelector('.op.verdict-met')?.textContent).toContain('Customer satisfaction');
    // The return rate is the latest mature order cohort, named on the tile.
    expect(page.querySelector('[data-testid=return-rate-tile]')?.textContent).toContain(
      'orders of Week 41',
    );
    expect(page.querySelector('[data-testid=cohort-chart] .chart-stub')?.textContent).toContain(
      '2026-W47: 1.0% so far',
    );
    expect(page.querySelector('[data-testid=pareto-title]')?.textContent).toContain(
      'Only 12 claims: too few for a finding (a headline needs 30)',
    );
    expect(page.querySelector('[data-testid=pareto-chart] .chart-stub')?.textContent).toContain(
      'Product defect: 8 claims; Wrong size: 4 claims',
    );
    expect(page.querySelectorAll('.as-table tbody tr')).toHaveLength(2);
    // Week navigation links carry the neighbouring weeks.
    const links = [...page.querySelectorAll<HTMLAnchorElement>('.week-picker a.step')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual(['/?week=2026-W46', '/?week=2026-W48']);
  });

  it('says why a week is empty and what to do', async () => {
    const { fixture, http } = await setUp();
    http.expectOne('/api/reports/weekly').flush({ ...REPORT, pareto: [], claimsReceived: kpi(0) });
    const page = await settle(fixture);
    expect(page.textContent).toContain('No claims were opened in this week.');
    expect(page.querySelector('[data-testid=pareto-chart]')).toBeNull();
  });

  it('warns when the data ends inside the reported week', async () => {
    const { fixture, http } = await setUp();
    http
      .expectOne('/api/reports/weekly')
      .flush({ ...REPORT, dataThrough: '2026-11-19T08:00:00.000Z' });
    const page = await settle(fixture);
    expect(page.querySelector('.notice')?.textContent).toContain(
      'The data ends on 2026-11-19: this week is incomplete',
    );
  });

  it('explains a failure and retries on demand', async () => {
    const { fixture, http } = await setUp();
    http
      .expectOne('/api/reports/weekly')
      .flush({ message: 'down' }, { status: 503, statusText: 'Unavailable' });
    const page = await settle(fixture);
    expect(page.querySelector('[role=alert]')?.textContent).toContain(
      'The database is not available right now',
    );
    page.querySelector<HTMLButtonElement>('[role=alert] button')?.click();
    TestBed.tick();
    http.expectOne('/api/reports/weekly').flush(REPORT);
    await settle(fixture);
    expect(page.querySelector('[role=alert]')).toBeNull();
    expect(page.querySelector('[data-testid=kpi-value]')?.textContent?.trim()).toBe('12');
  });

  it('marks nothing significant in a week that is not over, and says why movers are empty', async () => {
    const { fixture, http } = await setUp();
    const untested = {
      ...kpi(30),
      pValue: 1,
      significant: false,
      untested: 'incomplete_week' as const,
    };
    http.expectOne('/api/reports/weekly').flush({
      ...REPORT,
      weekComplete: false,
      claimsReceived: untested,
      movers: [],
      moversTest: { candidates: 0, baselineWeeks: 0, untested: 'incomplete_week' },
    });
    const page = await settle(fixture);
    const first = page.querySelector('rl-kpi-tile article');
    expect(first?.querySelector('.significant')).toBeNull();
    expect(first?.textContent).toContain('Not tested: the week is not over yet');
    expect(page.querySelector('[data-testid=movers-empty]')?.textContent).toContain(
      'Not tested: this week is not over yet',
    );
  });

  it('says so when no rate moved in a complete week', async () => {
    const { fixture, http } = await setUp();
    http.expectOne('/api/reports/weekly').flush({ ...REPORT, movers: [] });
    const page = await settle(fixture);
    expect(page.querySelector('[data-testid=movers-empty]')?.textContent).toContain(
      'No significant change this week: none of the 700 rates compared',
    );
  });

  it('speaks Polish when the language changes, the page, its tiles and charts alike', async () => {
    const { fixture, http } = await setUp();
    http.expectOne('/api/reports/weekly').flush(REPORT);
    const page = await settle(fixture);
    const i18n = join(__dirname, '../../../../../../apps/web/public/i18n');
    const file = (path: string) => JSON.parse(readFileSync(join(i18n, path), 'utf8'));

    const switched = TestBed.inject(LanguageStore).use('pl');
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/i18n/pl.json').flush(file('pl.json'));
    await switched;
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      for (const scope of ['weekly', 'charts'])
        for (const request of http.match(`/i18n/${scope}/pl.json`))
          request.flush(file(`${scope}/pl.json`));
    }
    await settle(fixture);
    expect(page.querySelector('h1')?.textContent).toBe('Raport tygodniowy');
    expect(page.querySelector('[data-testid=week-title]')?.textContent).toContain(
      'Tydzień 47, 2026',
    );
    expect(page.querySelector('rl-kpi-tile h3')?.textContent).toBe('Otrzymane zgłoszenia');
    expect(page.querySelector('rl-kpi-tile [data-testid=kpi-records]')?.textContent?.trim()).toBe(
      'Pokaż rekordy',
    );
    expect(page.querySelector('[data-testid=pareto-title]')?.textContent).toContain(
      'Tylko 12 zgłoszeń: za mało na wniosek',
    );
    expect(page.querySelector('[data-testid=movers]')?.textContent).toContain(
      '45 wadliwych sztuk w tym tygodniu',
    );
    expect(page.querySelector('[data-testid=operations]')?.textContent).toContain(
      'Zadowolenie klientów',
    );
  });
});
