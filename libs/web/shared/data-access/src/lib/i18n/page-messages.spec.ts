import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageStore, provideI18n, providePageMessages } from './i18n';

const ENGLISH = {
  title: 'Weekly report',
  claims: '{count, plural, one {# claim} other {# claims}}',
};

@Component({
  selector: 'rl-demo-page',
  imports: [TranslocoPipe],
  providers: [providePageMessages('demoPage', ENGLISH)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'demoPage.title' | transloco }}</h1>
    <p>{{ 'demoPage.claims' | transloco: { count: 22 } }}</p>`,
})
class DemoPage {}

const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    fixture.detectChanges();
  }
};

describe('a page’s own messages', () => {
  it('reads English from the code and another language from its file, with plurals', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    const fixture = TestBed.createComponent(DemoPage);
    fixture.detectChanges();
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('Weekly report');
    expect(el.querySelector('p')?.textContent).toBe('22 claims');

    const switched = TestBed.inject(LanguageStore).use('pl');
    const http = TestBed.inject(HttpTestingController);
    await new Promise((r) => setTimeout(r));
    http.expectOne('/i18n/pl.json').flush({});
    await switched;
    await new Promise((r) => setTimeout(r));
    http.expectOne('/i18n/demoPage/pl.json').flush({
      title: 'Raport tygodniowy',
      claims:
        '{count, plural, one {# zgłoszenie} few {# zgłoszenia} many {# zgłoszeń} other {# zgłoszenia}}',
    });
    await settle(fixture);
    expect(el.querySelector('h1')?.textContent).toBe('Raport tygodniowy');
    expect(el.querySelector('p')?.textContent).toBe('22 zgłoszenia');
    expect(document.documentElement.lang).toBe('pl');
  });
});
