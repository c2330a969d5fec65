import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DrilldownStore, provideI18n } from '@returnlens/web/shared/data-access';
import { FilterStore } from '@returnlens/web/shared/filters';
import { RecordsDrawerComponent } from './records-drawer';

const claim = (id: string, text: string) => ({
  externalId: id,
  type: 'return_defective',
  channel: 'email',
  sku: 'SKU-1',
  productName: 'Kettle',
  supplierId: 'S1',
  reasonCode: 'product_defect',
  reasonSource: 'inferred',
  inferredReasonCode: 'product_defect',
  inferredConfidence: 0.82,
  inferredBy: 'shop',
  reasonText: text,
  quantity: 1,
  openedAt: '2026-03-02T10:15:00.000Z',
  firstResponseAt: null,
  resolvedAt: null,
  refundedAt: null,
  status: 'open',
  resolution: null,
  refundAmount: null,
  currency: null,
  inspectionOutcome: null,
  contactCount: 2,
  assignee: null,
});

describe('RecordsDrawerComponent', () => {
  it('lists the records of a figure, escaped and in their own direction, pages and sorts them', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    });
    const fixture = TestBed.createComponent(RecordsDrawerComponent);
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=records-drawer]')).toBeNull();

    TestBed.inject(DrilldownStore).openRecords({
      kind: 'claims',
      title: 'Claims: Product defect',
      params: { reason: 'product_defect', from: '2026-W10', to: '2026-W10' },
    });
    fixture.detectChanges();
    TestBed.tick();
    const http = TestBed.inject(HttpTestingController);
    const first = http.expectOne((r) => r.url === '/api/analytics/records/claims');
    expect(first.request.params.get('reason')).toBe('product_defect');
    expect(first.request.params.get('sort')).toBe('openedAt');
    first.flush({
      total: 60,
      page: 1,
      pageSize: 25,
      sort: 'openedAt',
      order: 'desc',
      rows: [claim('C-1', '<img src=x onerror=alert(1)>'), claim('C-2', 'המוצר הגיע שבור')],
    });
    await fixture.whenStable();
    fixture.detectChanges();

    expect(el.querySelector('h2')?.textContent).toBe('Claims: Product defect');
    expect(el.querySelector('[data-testid=records-count]')?.textContent).toBe('Records 1–25 of 60');
    const texts = [...el.querySelectorAll('td.text')];
    expect(texts[0].textContent).toBe('<img src=x onerror=alert(1)>');
    expect(el.querySelector('td.text img')).toBeNull();
    expect(texts[1].getAttribute('dir')).toBe('auto');
    expect(
      el.querySelector<HTMLAnchorElement>('[data-testid=records-csv]')?.getAttribute('href'),
    ).toBe(
      '/api/analytics/records/claims?reason=product_defect&from=2026-W10&to=2026-W10&sort=openedAt&order=desc&format=csv',
    );
    expect(
      el.querySelector<HTMLAnchorElement>('[data-testid=records-arrow]')?.getAttribute('href'),
    ).toBe(
      '/api/analytics/records/claims?reason=product_defect&from=2026-W10&to=2026-W10&sort=openedAt&order=desc&format=arrow',
    );
    expect(el.querySelector('[data-testid=records-units]')).toBeNull();
    expect(el.querySelector('[data-testid=records-narrow]')).toBeNull();

    el.querySelector<HTMLButtonElement>('[data-testid=records-next]')?.click();
    fixture.detectChanges();
    TestBed.tick();
    expect(
      http.expectOne((r) => r.url === '/api/analytics/records/claims').request.params.get('page'),
    ).toBe('2');
  });

  it('shows a supplier page the claims as a buyer may read them: no status, refund or contacts', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    });
    const fixture = TestBed.createComponent(RecordsDrawerComponent);
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    TestBed.inject(DrilldownStore).openRecords({
      kind: 'supplier-claims',
      title: 'Claims of Acme',
      params: { supplier: 'S1' },
    });
    fixture.detectChanges();
    TestBed.tick();
    const http = TestBed.inject(HttpTestingController);
    const request = http.expectOne((r) => r.url === '/api/analytics/records/supplier-claims');
    expect(request.request.params.get('sort')).toBe('openedAt');
    const full = claim('C-9', 'Broke on day two');
    const row = Object.fromEntries(
      Object.entries(full).filter(
        ([key]) =>
          ![
            'firstResponseAt',
            'resolvedAt',
            'refundedAt',
            'status',
            'resolution',
            'refundAmount',
            'currency',
            'contactCount',
            'assignee',
          ].includes(key),
      ),
    );
    request.flush({
      total: 1,
      page: 1,
      pageSize: 25,
      sort: 'openedAt',
      order: 'desc',
      rows: [row],
    });
    await fixture.whenStable();
    fixture.detectChanges();

    const headers = [...el.querySelectorAll('th')].map((th) => th.textContent?.trim() ?? '');
    expect(headers.join(' ')).not.toMatch(/Status|Refund|Contacts/);
    const cells = el.querySelectorAll('[data-testid=records-table] tbody tr td');
    expect(cells.length).toBe(headers.length);
    expect(
      el.querySelector<HTMLAnchorElement>('[data-testid=records-csv]')?.getAttribute('href'),
    ).toBe(
      '/api/analytics/records/supplier-claims?supplier=S1&sort=openedAt&order=desc&format=csv',
    );
    http.verify();
  });

  it('for a figure of units, shows the units of all its records; offers the page for it only', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    });
    const fixture = TestBed.createComponent(RecordsDrawerComponent);
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    TestBed.inject(DrilldownStore).openDrill(
      'Defect claims of Kestrel',
      {
        kind: 'supplier-claims',
        params: { supplier: 'S1', defect: 'true' },
        counts: 'units',
      },
      { supplier: ['S1'] },
    );
    fixture.detectChanges();
    TestBed.tick();
    const http = TestBed.inject(HttpTestingController);
    const req = http.expectOne((r) => r.url === '/api/analytics/records/supplier-claims');
    expect(req.request.params.get('defect')).toBe('true');
    req.flush({
      total: 3,
      units: 7,
      page: 1,
      pageSize: 25,
      sort: 'openedAt',
      order: 'desc',
      rows: [],
    });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=records-units]')?.textContent?.trim()).toBe('7 units');
    const narrow = el.querySelector<HTMLButtonElement>('[data-testid=records-narrow]');
    // The value is bidi-isolated (U+2068 … U+2069) inside the sentence.
    expect(narrow?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Show the page for \u2068S1\u2069 only',
    );
    narrow?.click();
    await fixture.whenStable();
    expect(TestBed.inject(FilterStore).state().values.supplier).toEqual(['S1']);
    expect(TestBed.inject(DrilldownStore).records()).toBeNull();
  });
  it('says who read a reason or a sentiment in the text, and how sure the reading is', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
      ],
    });
    const fixture = TestBed.createComponent(RecordsDrawerComponent);
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    const drill = TestBed.inject(DrilldownStore);
    drill.openRecords({ kind: 'claims', title: 'Claims', params: {} });
    fixture.detectChanges();
    TestBed.tick();
    const http = TestBed.inject(HttpTestingController);
    http
      .expectOne((r) => r.url === '/api/analytics/records/claims')
      .flush({
        total: 3,
        page: 1,
        pageSize: 25,
        sort: 'openedAt',
        order: 'desc',
        rows: [
          claim('C-1', 'Stopped working'),
          {
            ...claim('C-2', 'Too small'),
            reasonCode: 'product_defect',
            reasonSource: 'stated',
            inferredReasonCode: 'wrong_size',
            inferredConfidence: 0.641,
            inferredBy: 'base',
          },
          { ...claim('C-3', 'Broken'), reasonSource: 'stated' },
        ],
      });
    await fixture.whenStable();
    fixture.detectChanges();
    const reads = [...el.querySelectorAll('[data-testid=records-table] tbody tr')].map(
      (tr) => tr.querySelector('[data-testid=reason-read]')?.textContent?.trim() ?? null,
    );
    expect(reads).toEqual([
      'read from the text by the shop’s model, 82 % sure',
      'the text reads Wrong size by the shipped cues, 64 % sure',
      null,
    ]);

    drill.openRecords({ kind: 'feedback', title: 'Feedback', params: {} });
    fixture.detectChanges();
    TestBed.tick();
    const feedback = (id: string, sentimentBy: string | null) => ({
      externalId: id,
      source: 'review',
      sku: null,
      productName: null,
      rating: null,
      text: 'ok',
      language: 'en',
      sentimentScore: 0.4,
      sentimentBy,
      label: 'positive',
      createdAt: '2026-03-02T10:15:00.000Z',
    });
    http
      .expectOne((r) => r.url === '/api/analytics/records/feedback')
      .flush({
        total: 2,
        page: 1,
        pageSize: 25,
        sort: 'createdAt',
        order: 'desc',
        rows: [feedback('F-1', 'shop'), feedback('F-2', 'base')],
      });
    await fixture.whenStable();
    fixture.detectChanges();
    const marks = el.querySelectorAll('[data-testid=sentiment-by-shop]');
    expect(marks.length).toBe(1);
    expect(marks[0].getAttribute('title')).toBe('labelled by the shop’s model');
  });
});
