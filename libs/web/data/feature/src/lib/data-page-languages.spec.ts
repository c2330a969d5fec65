import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageStore, provideI18n } from '@returnlens/web/shared/data-access';
import { DataPage } from './data-page';

const DIR = join(__dirname, '../../../../../../apps/web/public/i18n/data');
const messages = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));

const BATCH = {
  id: '8',
  kind: 'claims',
  format: 'csv',
  status: 'committed',
  sourceName: 'export.csv',
  received: 30_000,
  inserted: 30_000,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  unlinked: 0,
  startedAt: '2026-11-20T10:00:00Z',
  finishedAt: null,
  error: null,
  analysis: { status: 'done', analysed: 30_000, total: 30_000 },
};

describe('DataPage in another language', () => {
  it('says the page, its mapping and its batches in Polish when the language changes', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    const fixture = TestBed.createComponent(DataPage);
    const http = TestBed.inject(HttpTestingController);
    const settle = async () => {
      for (let round = 0; round < 3; round++) {
        await new Promise((r) => setTimeout(r));
        await fixture.whenStable();
        fixture.detectChanges();
      }
    };
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/batches').flush([BATCH]);
    http.expectOne('/api/mapping-presets').flush([]);
    await settle();
    const page = fixture.nativeElement as HTMLElement;
    const choosing = (
      fixture.componentInstance as unknown as { choose(f: File): Promise<void> }
    ).choose(new File(['x'], 'portal.csv', { type: 'text/csv' }));
    http.expectOne('/api/ingest/claims/suggest').flush({
      kind: 'claims',
      mapping: { columns: { channel: 'Submitted via' } },
      matches: [
        {
          field: 'channel',
          column: 'Submitted via',
          confidence: 0.6,
          unknownValues: ['Postal mail'],
        },
      ],
      missingRequired: ['type'],
      unusedColumns: [],
      confident: false,
      details: {},
    });
    await choosing;
    await settle();
    expect(page.querySelector('h1')?.textContent).toBe('Data');
    expect(page.querySelector('.value-map-title')?.textContent?.trim()).toBe(
      'What the values of Submitted via mean for channel:',
    );

    const switched = TestBed.inject(LanguageStore).use('pl');
    await new Promise((r) => setTimeout(r));
    http.expectOne('/i18n/pl.json').flush({});
    await switched;
    await new Promise((r) => setTimeout(r));
    http.expectOne('/i18n/data/pl.json').flush(messages('pl'));
    await settle();

    expect(page.querySelector('h1')?.textContent).toBe('Dane');
    expect(page.querySelector('#history-title')?.textContent).toBe('Partie');
    const cells = [...page.querySelectorAll('[data-testid=batches] tbody td')].map((td) =>
      td.textContent?.trim(),
    );
    expect(cells[1]).toBe('zgłoszenia');
    expect(cells[3]).toBe('zapisana');
    expect(page.querySelector('[data-testid=batches] .analysis-cell')?.textContent?.trim()).toBe(
      'przeanalizowano: 30\u00a0000',
    );
    const channel = [...page.querySelectorAll('table.mapping tbody tr')].find(
      (tr) =>
        tr
          .querySelector('td')
          ?.textContent?.trim()
          .replace(/\s*\*$/, '') === 'channel',
    );
    expect(channel?.querySelector('[data-testid=confidence]')?.textContent?.trim()).toBe(
      'przypuszczenie — sprawdź · 60 %',
    );
    // The column's name stays text of its own, inside the sentence of the language.
    const title = page.querySelector('.value-map-title') as HTMLElement;
    expect(title.textContent?.trim()).toBe(
      'Co oznaczają wartości kolumny Submitted via dla pola channel:',
    );
    expect(title.querySelector('bdi')?.textContent).toBe('Submitted via');
    expect(page.textContent).toContain(
      'Wybierz kolumnę lub jedną wartość dla każdego wiersza dla: type, opened_at.',
    );
    expect(page.querySelector('[aria-label="Kolumna dla channel"]')).not.toBeNull();
    expect(page.querySelector('[data-testid=save-preset]')?.textContent?.trim()).toBe(
      'Zapisz jako szablon',
    );
    http.verify();
  });
});
