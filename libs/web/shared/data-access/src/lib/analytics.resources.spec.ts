import { ApplicationRef, Injector, runInInjectionContext, signal } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  analyticsUrl,
  aspectsResource,
  claimRecordsResource,
  csvUrl,
  loadState,
  matrixResource,
  reasonMismatchesResource,
  type QueryParams,
} from './analytics.resources';

describe('analytics resources', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    }),
  );

  it('waits while the parameters are unknown, then asks with them and its own', async () => {
    const params = signal<QueryParams | null>(null);
    const http = TestBed.inject(HttpTestingController);
    const matrix = runInInjectionContext(TestBed.inject(Injector), () =>
      matrixResource('supplier', params),
    );
    TestBed.tick();
    http.expectNone(() => true);
    params.set({ reason: 'wrong_size' });
    TestBed.tick();
    const req = http.expectOne((r) => r.url === '/api/analytics/matrix');
    expect(req.request.params.get('by')).toBe('supplier');
    expect(req.request.params.get('reason')).toBe('wrong_size');
    req.flush({ cells: [] });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(loadState(matrix, () => true)).toBe('empty');
  });

  it('pages and sorts records', () => {
    const http = TestBed.inject(HttpTestingController);
    runInInjectionContext(TestBed.inject(Injector), () =>
      claimRecordsResource(
        () => ({ supplier: 'S1' }),
        () => ({ page: 2, pageSize: 25, sort: 'quantity', order: 'asc' }),
      ),
    );
    TestBed.tick();
    const req = http.expectOne((r) => r.url === '/api/analytics/records/claims');
    expect(req.request.params.toString()).toBe(
      'supplier=S1&page=2&pageSize=25&sort=quantity&order=asc',
    );
  });

  it('asks the aspects and reason-mismatch endpoints with the filters', () => {
    const http = TestBed.inject(HttpTestingController);
    runInInjectionContext(TestBed.inject(Injector), () => {
      aspectsResource(() => ({ language: 'he' }));
      reasonMismatchesResource(() => ({ supplier: 'S1' }));
    });
    TestBed.tick();
    expect(
      http.expectOne((r) => r.url === '/api/analytics/aspects').request.params.get('language'),
    ).toBe('he');
    expect(
      http
        .expectOne((r) => r.url === '/api/analytics/reason-mismatches')
        .request.params.get('supplier'),
    ).toBe('S1');
  });
});

describe('analyticsUrl', () => {
  it('writes the same filters into a CSV link', () => {
    expect(csvUrl('records/claims', { supplier: 'S1,S2', from: '2026-W01' })).toBe(
      '/api/analytics/records/claims?supplier=S1%2CS2&from=2026-W01&format=csv',
    );
    expect(csvUrl('sla', {}, 'atRisk')).toBe('/api/analytics/sla?format=csv&table=atRisk');
    expect(analyticsUrl('definitions', {})).toBe('/api/analytics/definitions');
  });
});
