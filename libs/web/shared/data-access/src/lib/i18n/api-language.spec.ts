import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { csvUrl } from '../analytics.resources';
import { rejectedRowsCsvUrl } from '../ingest.api';
import { apiLanguage, languageInterceptor, setApiLanguage } from './api-language';

describe('the language the API is asked to speak', () => {
  function setUp() {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([languageInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
  }

  it('sends no Accept-Language of its own before the language is known, then the interface’s', () => {
    const { http, backend } = setUp();
    expect(apiLanguage()).toBeNull();
    http.get('/api/analytics/definitions').subscribe();
    expect(
      backend.expectOne('/api/analytics/definitions').request.headers.has('Accept-Language'),
    ).toBe(false);

    setApiLanguage('pl');
    http.get('/api/analytics/kpis').subscribe();
    http.post('/api/auth/login', {}).subscribe();
    expect(backend.expectOne('/api/analytics/kpis').request.headers.get('Accept-Language')).toBe(
      'pl',
    );
    expect(backend.expectOne('/api/auth/login').request.headers.get('Accept-Language')).toBe('pl');

    // The question "which language does the browser name?" keeps the browser's own header;
    // addresses outside the API are left alone.
    http.get('/api/auth/language').subscribe();
    http.get('https://elsewhere.example/x').subscribe();
    expect(backend.expectOne('/api/auth/language').request.headers.has('Accept-Language')).toBe(
      false,
    );
    expect(
      backend.expectOne('https://elsewhere.example/x').request.headers.has('Accept-Language'),
    ).toBe(false);
    backend.verify();
  });

  it('labels CSV downloads in the interface language', () => {
    setApiLanguage('he');
    expect(csvUrl('sla', {}, 'atRisk')).toBe('/api/analytics/sla?format=csv&table=atRisk&lang=he');
    expect(rejectedRowsCsvUrl('7')).toBe('/api/batches/7/rejected?format=csv&lang=he');
    setApiLanguage('uk');
    expect(csvUrl('pareto', { from: '2026-W01' })).toBe(
      '/api/analytics/pareto?from=2026-W01&format=csv&lang=uk',
    );
  });
});
