import { Component, input, output } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { DrilldownStore, provideI18n } from '@returnlens/web/shared/data-access';
import { ChartComponent } from '@returnlens/web/shared/ui-charts';
import { FeedbackPage } from './feedback-page';

@Component({ selector: 'rl-chart', template: '<div class="chart-stub">{{ label() }}</div>' })
class ChartStub {
  readonly options = input<unknown>();
  readonly label = input<string>();
  readonly height = input<number>();
  readonly chartClick = output<unknown>();
}

const REPORT = {
  period: {
    timeZone: 'UTC',
    from: { week: '2026-W01' },
    to: { week: '2026-W02' },
    weeks: [],
    source: 'rollup',
  },
  items: 100,
  ratings: [10, 10, 20, 20, 40],
  unrated: 0,
  byRating: [10, 10, 20, 20, 40].map((items, i) => ({ rating: i + 1, items, share: items / 100 })),
  netSentiment: 0.4,
  trend: [
    { week: '2026-W01', positive: 5, neutral: 2, negative: 3, netSentiment: 0.2 },
    { week: '2026-W02', positive: 7, neutral: 2, negative: 1, netSentiment: 0.6 },
  ],
  byLanguage: [
    { language: 'en', items: 60, netSentiment: 0.5, meanScore: 0.3 },
    { language: 'he', items: 40, netSentiment: -0.1, meanScore: -0.1 },
  ],
  bySupplier: [{ supplierId: 'S1', name: 'Kestrel', items: 12, netSentiment: -0.3 }],
};

const ASPECTS = {
  period: REPORT.period,
  aspects: [
    {
      aspect: 'price',
      label: 'Price and promotions',
      positive: 30,
      neutral: 10,
      negative: 10,
      netSentiment: 0.4,
    },
    {
      aspect: 'size_fit',
      label: 'Size and fit',
      positive: 4,
      neutral: 6,
      negative: 30,
      netSentiment: -0.65,
    },
  ],
  byLanguage: [],
  products: [
    {
      sku: 'SKU-9',
      name: 'Trail boot',
      negativeMentions: 14,
      topNegativeAspect: 'size_fit',
      claims: 6,
      topReason: 'wrong_size',
    },
    {
      sku: 'SKU-3',
      name: 'Kettle',
      negativeMentions: 4,
      topNegativeAspect: 'quality',
      claims: 0,
      topReason: null,
    },
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

describe('FeedbackPage', () => {
  it('states the ratings and trend, and lists reviews in their own direction, by rating', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([{ path: '**', component: FeedbackPage }], withComponentInputBinding()),
      ],
    });
    TestBed.overrideComponent(FeedbackPage, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
    const fixture = TestBed.createComponent(FeedbackPage);
    fixture.componentRef.setInput('rating', '1');
    fixture.detectChanges();
    TestBed.tick();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/analytics/feedback').flush(REPORT);
    http.expectOne('/api/analytics/aspects').flush(ASPECTS);
    const reviews = http.expectOne((r) => r.url === '/api/analytics/records/feedback');
    expect(reviews.request.params.get('rating')).toBe('1');
    reviews.flush({
      total: 1,
      page: 1,
      pageSize: 20,
      sort: 'createdAt',
      order: 'desc',
      rows: [
        {
          externalId: 'F-1',
          source: 'review',
          sku: null,
          productName: null,
          rating: 1,
          text: 'המשלוח הגיע באיחור <b>',
          language: 'he',
          sentimentScore: -0.6,
          label: 'negative',
          createdAt: '2026-01-09T10:00:00Z',
        },
      ],
    });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=ratings-title]')?.textContent).toContain(
      '60.0% of rated feedback gives 4–5★, 20.0% gives 1–2★',
    );
    expect(el.querySelector('[data-testid=sentiment-trend-title]')?.textContent).toContain(
      'Net sentiment rose from +20 to +60',
    );
    expect(el.querySelector('[data-testid=by-language-title]')?.textContent).toContain(
      'Hebrew feedback is the least positive (\u221210)',
    );
    expect(el.querySelector('[data-testid=reviews-title]')?.textContent).toContain(
      '1 feedback item rated 1★',
    );
    const text = el.querySelector('[data-testid=reviews] .text');
    expect(text?.getAttribute('dir')).toBe('auto');
    expect(text?.textContent).toBe('המשלוח הגיע באיחור <b>');
    expect(el.querySelector('[data-testid=reviews] .text b')).toBeNull();
    expect(el.querySelector('[data-testid=aspects-title]')?.textContent).toContain(
      'Size and fit draws the most criticism: 75.0% of its 40 mentions are negative (net \u221265)',
    );
    const products = [...el.querySelectorAll('[data-testid=review-products] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(products).toEqual([
      ['Trail bootSKU-9', '14', 'Size and fit', '6', 'Wrong size'],
      ['KettleSKU-3', '4', 'Product quality / defect', '0', '–'],
    ]);
    // Undetected languages are named the same as in the filter bar and the language chart.
    expect(
      [...el.querySelectorAll('[data-testid=review-language] option')].map((o) =>
        o.textContent?.trim(),
      ),
    ).toContain('Not detected');

    // Every figure opens exactly its feedback: a rating segment, a week's label, a language.
    const page = fixture.componentInstance as unknown as {
      onRatingClick(e: unknown): void;
      onTrendClick(e: unknown): void;
      onLanguageClick(e: unknown): void;
    };
    const drill = TestBed.inject(DrilldownStore);
    page.onRatingClick({ seriesIndex: 2 });
    expect(drill.records()).toMatchObject({
      kind: 'feedback',
      title: 'Feedback rated 3★',
      params: { rating: '3' },
    });
    page.onTrendClick({ seriesIndex: 0, dataIndex: 1 });
    expect(drill.records()).toMatchObject({
      kind: 'feedback',
      params: { from: '2026-W02', to: '2026-W02', label: 'negative' },
    });
    page.onLanguageClick({ dataIndex: 1 });
    expect(drill.records()).toMatchObject({
      kind: 'feedback',
      params: { language: 'he' },
      narrow: { language: ['he'] },
    });
    // The rating chart exports its own table, not the trend's.
    (el.querySelector('#ratings [data-testid=chart-menu]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const exports = [...el.querySelectorAll('#ratings [role=menuitem][href]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(exports).toHaveLength(2);
    expect(exports.every((href) => href?.includes('table=byRating'))).toBe(true);

    // A product of the reviews-and-returns table narrows every figure to it.
    (el.querySelector('[data-testid=review-products] tbody tr') as HTMLElement).click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/?product=SKU-9');
  });

  it('says "analysing" while texts are analysed in the background, and asks again until done', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask'] });
    try {
      TestBed.configureTestingModule({
        providers: [
          provideHttpClient(),
          provideHttpClientTesting(),
          provideI18n(),
          provideRouter([{ path: '**', component: FeedbackPage }], withComponentInputBinding()),
        ],
      });
      TestBed.overrideComponent(FeedbackPage, {
        remove: { imports: [ChartComponent] },
        add: { imports: [ChartStub] },
      });
      const fixture = TestBed.createComponent(FeedbackPage);
      const http = TestBed.inject(HttpTestingController);
      const settleFake = async (ms = 0) => {
        await jest.advanceTimersByTimeAsync(ms);
        for (let round = 0; round < 6; round++) {
          await jest.advanceTimersByTimeAsync(0);
          TestBed.tick();
        }
        fixture.detectChanges();
      };
      fixture.detectChanges();
      await settleFake();
      http
        .expectOne('/api/analytics/feedback')
        .flush({ ...REPORT, analysing: { batches: 1, remaining: 12_500 } });
      await settleFake();
      const el = fixture.nativeElement as HTMLElement;
      expect(
        el.querySelector('[data-testid=analysing]')?.textContent?.replace(/\s+/g, ' '),
      ).toContain('Analysing: 12,500 texts of 1 batch are still being analysed');

      // Asked again after a while; once done, the notice goes and the asking stops.
      await settleFake(5_000);
      http.expectOne('/api/analytics/feedback').flush(REPORT);
      await settleFake();
      expect(el.querySelector('[data-testid=analysing]')).toBeNull();
      await settleFake(10_000);
      http.expectNone('/api/analytics/feedback');
    } finally {
      jest.useRealTimers();
    }
  });
  it('says who reads the texts: the shop’s model or the shipped analysis, per language', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([{ path: '**', component: FeedbackPage }], withComponentInputBinding()),
      ],
    });
    TestBed.overrideComponent(FeedbackPage, {
      remove: { imports: [ChartComponent] },
      add: { imports: [ChartStub] },
    });
    const model = (over: Record<string, unknown>) => ({
      task: 'sentiment',
      language: 'en',
      labelledTexts: 12_400,
      classes: ['negative', 'neutral', 'positive'],
      inUse: true,
      why: 'adapted 91.0% beats the base 80.0%',
      adaptedScore: 0.91,
      baseScore: 0.8,
      agreement: 0.876,
      agreementOf: 12_400,
      labels: 3_100,
      trainedAt: '2026-03-02T10:00:00Z',
      ...over,
    });
    const fixture = TestBed.createComponent(FeedbackPage);
    fixture.detectChanges();
    await settle(fixture, {
      '/api/text-models': {
        minExamples: 300,
        models: [
          model({
            language: 'he',
            labelledTexts: 400,
            inUse: false,
            why: 'adapted 70.0% does not beat the base 72.0% by 1.0%',
            adaptedScore: 0.7,
            baseScore: 0.72,
            agreement: 0.9,
            agreementOf: 400,
            labels: 0,
          }),
          model({}),
          model({
            task: 'reasons',
            language: '*',
            labelledTexts: 1_200,
            agreement: 0.74,
            agreementOf: 1_150,
            labels: 80,
          }),
        ],
        waiting: [{ task: 'sentiment', language: 'pl', labelledTexts: 120 }],
      },
    });
    const el = fixture.nativeElement as HTMLElement;
    // Each cell's parts (the reader and what it reads; the agreement and why) apart.
    const parts = (cell: Element) =>
      cell.children.length
        ? [...cell.children].map((c) => c.textContent?.trim()).join(' / ')
        : cell.textContent?.trim();
    const rows = [...el.querySelectorAll('[data-testid=text-readers] tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map(parts),
    );
    expect(rows).toEqual([
      [
        'English',
        'Shop model (learnt from 12,400 rated reviews) / reads 3,100 unrated reviews',
        'text agrees with stars on 88 % of 12,400 rated reviews',
      ],
      [
        'Hebrew',
        'Shipped analysis',
        "text agrees with stars on 90 % of 400 rated reviews / Not the shop model: on the shop's texts it scores 70.0%, the shipped analysis 72.0%; it must win by at least 1 point.",
      ],
      [
        'Reasons',
        'Shop model (learnt from 1,200 stated reasons) / reads 80 claims without a stated reason',
        'agrees with the stated reason on 74 % of 1,150 stated reasons',
      ],
    ]);
    expect(
      el.querySelector('[data-testid=text-readers-waiting]')?.textContent?.replace(/\s+/g, ' '),
    ).toContain('Polish: 120 of 300 rated reviews needed');
    expect(el.querySelector('[data-testid=text-readers-empty]')).toBeNull();

    // Nothing learnt and nothing waiting: one line that says why.
    (
      fixture.componentInstance as unknown as { textModels: { reload(): void } }
    ).textModels.reload();
    await settle(fixture, { '/api/text-models': { minExamples: 300, models: [], waiting: [] } });
    expect(el.querySelector('[data-testid=text-readers-empty]')?.textContent?.trim()).toBe(
      'No language has enough rated reviews to learn from yet (300 needed)',
    );
    expect(el.querySelector('[data-testid=text-readers]')).toBeNull();
  });
});
