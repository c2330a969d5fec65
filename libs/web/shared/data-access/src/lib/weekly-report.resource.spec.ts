import { ApplicationRef, Injector, runInInjectionContext, signal } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { describeHttpError, weeklyReportResource } from './weekly-report.resource';

describe('weeklyReportResource', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
  });

  it('asks for the latest week without a parameter, then for the chosen week', async () => {
    const week = signal<string | undefined>(undefined);
    const http = TestBed.inject(HttpTestingController);
    const resource = runInInjectionContext(TestBed.inject(Injector), () =>
      weeklyReportResource(week),
    );

    TestBed.tick();
    const first = http.expectOne((req) => req.url === '/api/reports/weekly');
    expect(first.request.params.keys()).toEqual([]);
    first.flush({ week: { week: '2026-W47' } });
    TestBed.tick();
    await TestBed.inject(ApplicationRef).whenStable();
    expect(resource.value()?.week.week).toBe('2026-W47');

    week.set('2026-W40');
    TestBed.tick();
    const second = http.expectOne((req) => req.url === '/api/reports/weekly');
    expect(second.request.params.get('week')).toBe('2026-W40');
    http.verify({ ignoreCancelled: true });
  });
});

describe('describeHttpError', () => {
  it('says what failed in words', () => {
    expect(describeHttpError({ status: 0 })).toContain('cannot be reached');
    expect(describeHttpError({ status: 400, error: { message: 'week must be an ISO week' } })).toBe(
      'The request was refused: week must be an ISO week.',
    );
    expect(describeHttpError({ status: 503 })).toContain('database is not available');
    expect(describeHttpError({ status: 500 })).toBe('The server answered with an error (500).');
  });
});
