import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideI18n } from '@returnlens/web/shared/data-access';
import { DataPage } from './data-page';

const BATCH = {
  id: '7',
  kind: 'claims',
  format: 'csv',
  status: 'committed',
  sourceName: '<b>export</b>.csv',
  received: 10,
  inserted: 8,
  updated: 0,
  unchanged: 0,
  rejected: 2,
  unlinked: 1,
  startedAt: '2026-11-20T10:00:00Z',
  finishedAt: null,
  error: null,
};

async function setUp(): Promise<{
  fixture: ComponentFixture<DataPage>;
  http: HttpTestingController;
  page: HTMLElement;
}> {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
  });
  const fixture = TestBed.createComponent(DataPage);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  TestBed.tick();
  http.expectOne('/api/batches').flush([BATCH]);
  // The saved presets, to load a file with one (none saved yet).
  http.expectOne('/api/mapping-presets').flush([]);
  // The page's English arrives asynchronously (its message scope).
  for (let round = 0; round < 3; round++) {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    fixture.detectChanges();
  }
  return { fixture, http, page: fixture.nativeElement as HTMLElement };
}

describe('DataPage', () => {
  afterEach(() => localStorage.clear());

  it('shows a batch’s text analysis in the background and asks again until it is done', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask'] });
    try {
      TestBed.configureTestingModule({
        providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
      });
      const fixture = TestBed.createComponent(DataPage);
      const http = TestBed.inject(HttpTestingController);
      const settle = async (ms = 0) => {
        await jest.advanceTimersByTimeAsync(ms);
        for (let round = 0; round < 6; round++) {
          await jest.advanceTimersByTimeAsync(0);
          TestBed.tick();
        }
        fixture.detectChanges();
      };
      const feedback = { ...BATCH, id: '8', kind: 'feedback', rejected: 0 };
      fixture.detectChanges();
      await settle();
      http.expectOne('/api/mapping-presets').flush([]);
      http
        .expectOne('/api/batches')
        .flush([{ ...feedback, analysis: { status: 'running', analysed: 3_000, total: 30_000 } }]);
      await settle();
      const page = fixture.nativeElement as HTMLElement;
      const cell = () => page.querySelector('[data-testid=batches] .analysis-cell');
      expect(cell()?.textContent?.trim()).toBe('analysing 3,000 of 30,000 (10 %)');
      expect(cell()?.querySelector('progress')?.getAttribute('aria-label')).toBe(
        'Texts of batch 8 analysed',
      );

      await settle(2_000);
      http
        .expectOne('/api/batches')
        .flush([{ ...feedback, analysis: { status: 'done', analysed: 30_000, total: 30_000 } }]);
      await settle();
      expect(cell()?.textContent?.trim()).toBe('30,000 analysed');
      expect(cell()?.querySelector('progress')).toBeNull();
      await settle(6_000);
      http.expectNone('/api/batches');
    } finally {
      jest.useRealTimers();
    }
  });

  it('lists the batches with their counts, file names shown as text', async () => {
    const { page } = await setUp();
    const cells = [...page.querySelectorAll('[data-testid=batches] tbody td')].map((td) =>
      td.textContent?.trim(),
    );
    expect(cells.slice(0, 10)).toEqual([
      '7',
      'claims',
      '<b>export</b>.csv',
      'committed',
      '10',
      '8',
      '0',
      '0',
      '2',
      '1',
    ]);
    expect(page.querySelector('[data-testid=batches] b')).toBeNull();
  });

  it('suggests a mapping for a dropped file, then loads it with that mapping on the session (no token)', async () => {
    const { fixture, http, page } = await setUp();
    const file = new File(
      ['Ticket,Type,Channel,Date received\nA,return,email,2026-01-01\n'],
      'claims.csv',
      { type: 'text/csv' },
    );
    const choosing = (
      fixture.componentInstance as unknown as { choose(f: File): Promise<void> }
    ).choose(file);
    const suggest = http.expectOne('/api/ingest/claims/suggest');
    expect(suggest.request.headers.has('Authorization')).toBe(false);
    suggest.flush({
      kind: 'claims',
      mapping: {
        columns: {
          external_id: 'Ticket',
          type: 'Type',
          channel: 'Channel',
          opened_at: 'Date received',
        },
      },
      matches: [
        { field: 'external_id', column: 'Ticket', confidence: 1 },
        { field: 'type', column: 'Type', confidence: 1 },
        { field: 'channel', column: 'Channel', confidence: 1 },
        { field: 'opened_at', column: 'Date received', confidence: 1 },
      ],
      missingRequired: [],
      unusedColumns: [],
      confident: true,
      details: { encoding: 'utf-8', delimiter: ',' },
    });
    await choosing;
    fixture.detectChanges();
    const selects = [...page.querySelectorAll<HTMLSelectElement>('table.mapping select')];
    expect(
      selects.find((s) => s.getAttribute('aria-label') === 'Column for opened_at')?.value,
    ).toBe('Date received');

    page.querySelector<HTMLButtonElement>('[data-testid=load]')?.click();
    TestBed.tick();
    const upload = http.expectOne((req) => req.url === '/api/ingest/claims');
    expect(JSON.parse(upload.request.headers.get('X-Mapping') ?? '{}')).toEqual({
      columns: {
        external_id: 'Ticket',
        type: 'Type',
        channel: 'Channel',
        opened_at: 'Date received',
      },
    });
    expect(upload.request.headers.get('Content-Type')).toBe('text/csv');
    expect(upload.request.params.has('dryRun')).toBe(false);
    upload.flush({
      ...BATCH,
      id: '8',
      received: 1,
      inserted: 1,
      rejected: 0,
      unlinked: 0,
      rejectedSample: [],
      checksum: null,
    });
    await fixture.whenStable().catch(() => undefined);
    fixture.detectChanges();
    expect(page.querySelector('[data-testid=report]')?.textContent).toContain('Batch 8 stored');
    TestBed.tick();
    http.expectOne('/api/batches'); // the history refreshes
  });
});

describe('DataPage mapping defaults', () => {
  afterEach(() => localStorage.clear());

  it('sends a value for every row when the file has no column for a required field', async () => {
    const { fixture, http, page } = await setUp();
    const file = new File(['Ticket,Type,Date received\nA,return,2026-01-01\n'], 'claims.csv', {
      type: 'text/csv',
    });
    const choosing = (
      fixture.componentInstance as unknown as { choose(f: File): Promise<void> }
    ).choose(file);
    http.expectOne('/api/ingest/claims/suggest').flush({
      kind: 'claims',
      mapping: { columns: { external_id: 'Ticket', type: 'Type', opened_at: 'Date received' } },
      matches: [
        { field: 'external_id', column: 'Ticket', confidence: 1 },
        { field: 'type', column: 'Type', confidence: 1 },
        { field: 'opened_at', column: 'Date received', confidence: 1 },
      ],
      missingRequired: ['channel'],
      unusedColumns: [],
      confident: false,
      details: {},
    });
    await choosing;
    fixture.detectChanges();
    expect(page.textContent).toContain('Choose a column, or a value for every row, for: channel.');
    expect(page.querySelector<HTMLButtonElement>('[data-testid=load]')?.disabled).toBe(true);

    const channel = page.querySelector<HTMLSelectElement>(
      '[aria-label="Value for every row: channel"]',
    )!;
    channel.value = 'email';
    channel.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(page.querySelector<HTMLButtonElement>('[data-testid=load]')?.disabled).toBe(false);

    page.querySelector<HTMLButtonElement>('[data-testid=dry-run]')?.click();
    TestBed.tick();
    const upload = http.expectOne((req) => req.url === '/api/ingest/claims');
    expect(upload.request.params.get('dryRun')).toBe('true');
    expect(JSON.parse(upload.request.headers.get('X-Mapping') ?? '{}')).toEqual({
      columns: { external_id: 'Ticket', type: 'Type', opened_at: 'Date received' },
      defaults: { channel: 'email' },
    });
  });
});

describe('DataPage suggestion and report details', () => {
  afterEach(() => localStorage.clear());

  it('shows each column’s first values and confidence, what it does not know, and the report’s warnings and summary, all as text', async () => {
    const { fixture, http, page } = await setUp();
    const file = new File(['x'], 'portal.csv', { type: 'text/csv' });
    const choosing = (
      fixture.componentInstance as unknown as { choose(f: File): Promise<void> }
    ).choose(file);
    http.expectOne('/api/ingest/claims/suggest').flush({
      kind: 'claims',
      mapping: { columns: { external_id: 'Complaint ID', opened_at: 'Date received' } },
      matches: [
        { field: 'external_id', column: 'Complaint ID', confidence: 1, samples: ['8120031'] },
        {
          field: 'channel',
          column: 'Submitted via',
          confidence: 0.7,
          samples: ['Web', 'Referral'],
          unknownValues: ['Referral', '<i>Fax</i>'],
        },
        { field: 'opened_at', column: 'Date received', confidence: 0.93 },
      ],
      missingRequired: ['type', 'channel'],
      unusedColumns: ['State'],
      confident: false,
      notes: ['No line id column: each line is keyed by its order and SKU.'],
      samples: {
        'Complaint ID': ['8120031'],
        'Submitted via': ['Web', 'Referral'],
        'Date received': ['2026-02-02'],
        State: ['<b>CA</b>'],
      },
      details: {},
    });
    await choosing;
    fixture.detectChanges();
    const rowOf = (field: string) =>
      [...page.querySelectorAll('table.mapping tbody tr')].find(
        (tr) =>
          tr
            .querySelector('td')
            ?.textContent?.trim()
            .replace(/\s*\*$/, '') === field,
      ) as HTMLElement;
    const channel = rowOf('channel');
    expect(channel.querySelector('[data-testid=samples]')?.textContent).toContain('Web');
    // Channels the shop has of its own are kept under their names unless mapped below.
    expect(channel.querySelector('[data-testid=samples]')?.textContent).toContain(
      "2 of the shop's own — kept under their own names",
    );
    const unknown = page.querySelector('[data-testid=value-map-channel]') as HTMLElement;
    expect([...unknown.querySelectorAll('.source')].map((s) => s.textContent)).toEqual([
      'Referral',
      '<i>Fax</i>',
    ]);
    expect(unknown.querySelector('i')).toBeNull();
    expect(channel.querySelector('i')).toBeNull();
    expect(channel.querySelector('[data-testid=confidence]')?.textContent?.trim()).toBe(
      'guess — check it · 70 %',
    );
    expect(rowOf('opened_at').querySelector('[data-testid=confidence]')?.textContent?.trim()).toBe(
      'matched · 93 %',
    );
    // A derivable id the suggestion derives is not asked for.
    expect(page.textContent).toContain('Choose a column, or a value for every row, for: type.');
    expect(page.querySelector('[data-testid=suggestion-notes]')?.textContent).toContain(
      'keyed by its order and SKU',
    );

    // Choosing another column shows that column's values.
    const select = channel.querySelector('select') as HTMLSelectElement;
    select.value = 'State';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(rowOf('channel').querySelector('[data-testid=samples]')?.textContent).toContain(
      '<b>CA</b>',
    );
    expect(rowOf('channel').querySelector('b')).toBeNull();

    const typeDefault = page.querySelector(
      '[aria-label="Value for every row: type"]',
    ) as HTMLSelectElement;
    typeDefault.value = 'complaint';
    typeDefault.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    page.querySelector<HTMLButtonElement>('[data-testid=load]')?.click();
    TestBed.tick();
    http
      .expectOne((req) => req.url === '/api/ingest/claims')
      .flush({
        ...BATCH,
        id: '9',
        received: 14,
        inserted: 7,
        rejected: 7,
        rejectedSample: [],
        checksum: null,
        warnings: [
          'Row 6: reason_text was 21,928 characters long; it was kept, cut to at most 20,000 at a word boundary.',
        ],
        rejectedKept: 5,
        rejectedSummary: [
          {
            field: 'channel',
            message: '"<b>Fax</b>" is not a known channel',
            rows: 2,
            firstRows: [9, 12],
          },
        ],
      });
    await fixture.whenStable().catch(() => undefined);
    fixture.detectChanges();
    expect(page.querySelector('[data-testid=warnings]')?.textContent).toContain(
      'Row 6: reason_text was 21,928 characters long',
    );
    expect(page.querySelector('[data-testid=rejected-kept]')?.textContent).toMatch(
      /5 rejected rows are kept in full; the other\s+2 are counted by problem/,
    );
    const summary = page.querySelector('[data-testid=rejected-summary] tbody tr');
    expect(
      [...(summary?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim()),
    ).toEqual(['channel', '"<b>Fax</b>" is not a known channel', '2', '9, 12']);
    expect(page.querySelector('[data-testid=rejected-summary] b')).toBeNull();
    TestBed.tick();
    http.match('/api/batches');
    http.match((req) => req.url.startsWith('/api/batches/9/rejected'));
  });
});
