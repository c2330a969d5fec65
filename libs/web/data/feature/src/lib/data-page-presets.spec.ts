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
  sourceName: 'export.csv',
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

describe('DataPage value maps and presets', () => {
  afterEach(() => localStorage.clear());

  it('maps the file’s unknown values, saves the mapping as a preset and loads with that preset', async () => {
    const { fixture, http, page } = await setUp();
    const file = new File(['x'], 'portal.csv', { type: 'text/csv' });
    const choosing = (
      fixture.componentInstance as unknown as { choose(f: File): Promise<void> }
    ).choose(file);
    http.expectOne('/api/ingest/claims/suggest').flush({
      kind: 'claims',
      mapping: { columns: { external_id: 'Complaint ID', channel: 'Submitted via' } },
      matches: [
        { field: 'external_id', column: 'Complaint ID', confidence: 1 },
        {
          field: 'channel',
          column: 'Submitted via',
          confidence: 0.6,
          unknownValues: ['Postal mail', '<b>Fax</b>'],
        },
        { field: 'opened_at', column: 'Date received', confidence: 1 },
        { field: 'type', column: 'Kind', confidence: 1 },
      ],
      missingRequired: [],
      unusedColumns: [],
      confident: false,
      details: {},
    });
    await choosing;
    fixture.detectChanges();
    const map = page.querySelector('[data-testid=value-map-channel]') as HTMLElement;
    expect([...map.querySelectorAll('.source')].map((s) => s.textContent)).toEqual([
      'Postal mail',
      '<b>Fax</b>',
    ]);
    expect(map.querySelector('b')).toBeNull();
    const postal = map.querySelector(
      '[aria-label="Meaning of “Postal mail” for channel"]',
    ) as HTMLSelectElement;
    postal.value = 'email';
    postal.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    const name = page.querySelector('[data-testid=preset-name]') as HTMLInputElement;
    name.value = 'portal/v2';
    name.dispatchEvent(new Event('input'));
    page.querySelector<HTMLButtonElement>('[data-testid=save-preset]')?.click();
    fixture.detectChanges();
    expect(page.textContent).toContain('A preset name has 1–100 letters');
    name.value = 'complaint portal';
    name.dispatchEvent(new Event('input'));
    page.querySelector<HTMLButtonElement>('[data-testid=save-preset]')?.click();
    TestBed.tick();
    const save = http.expectOne('/api/mapping-presets/complaint%20portal');
    expect(save.request.method).toBe('PUT');
    const mapping = {
      columns: {
        external_id: 'Complaint ID',
        type: 'Kind',
        channel: 'Submitted via',
        opened_at: 'Date received',
      },
      values: { channel: { 'Postal mail': 'email' } },
    };
    expect(save.request.body).toEqual({ kind: 'claims', mapping });
    save.flush({ name: 'complaint portal', kind: 'claims', mapping });
    await Promise.resolve();
    TestBed.tick();
    // The list of presets is asked again: the new one can be chosen for the next file.
    http
      .expectOne('/api/mapping-presets')
      .flush([{ name: 'complaint portal', kind: 'claims', mapping }]);
    await fixture.whenStable().catch(() => undefined);
    fixture.detectChanges();
    expect(page.querySelector('[data-testid=preset-saved]')?.textContent).toContain(
      'Preset “complaint portal” saved: 4 columns, 1 value mapped.',
    );
    expect(page.querySelector('[data-testid=preset-in-use]')?.textContent).toContain(
      'with preset “complaint portal”',
    );
    expect(
      [...page.querySelectorAll('[data-testid=use-preset] option')].map((o) =>
        o.textContent?.trim(),
      ),
    ).toEqual(['— the suggestion —', 'complaint portal']);

    page.querySelector<HTMLButtonElement>('[data-testid=load]')?.click();
    TestBed.tick();
    const upload = http.expectOne((req) => req.url === '/api/ingest/claims');
    expect(upload.request.params.get('preset')).toBe('complaint portal');
    expect(upload.request.headers.has('X-Mapping')).toBe(false);
    upload.flush({ ...BATCH, id: '10', rejected: 0, rejectedSample: [], checksum: null });
    await fixture.whenStable().catch(() => undefined);
    fixture.detectChanges();
    expect(page.querySelector('[data-testid=report]')?.textContent).toContain(
      'mapped by preset “complaint portal”',
    );
    http.match('/api/batches');
  });
});
