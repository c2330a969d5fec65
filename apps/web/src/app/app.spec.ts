import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { App } from './app';
import { appRoutes } from './app.routes';

describe('App shell', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          appRoutes.filter((r) => r.path !== 'weekly'),
          withComponentInputBinding(),
        ),
      ],
    });
  });

  it('links every page of the product', () => {
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    const links = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll('nav[aria-label=Pages] a'),
    ];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/weekly',
      '/suppliers',
      '/sla',
      '/feedback',
      '/root-causes',
      '/data',
    ]);
  });

  it('switches between light and dark themes and remembers the choice', () => {
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    TestBed.tick();
    const root = document.documentElement;
    const before = root.dataset['theme'];
    expect(before === 'light' || before === 'dark').toBe(true);
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('button.theme')
      ?.click();
    TestBed.tick();
    const after = root.dataset['theme'];
    expect(after).toBe(before === 'light' ? 'dark' : 'light');
    expect(localStorage.getItem('returnlens.theme')).toBe(after);
    expect(root.style.getPropertyValue('--rl-background')).toBe(
      after === 'dark' ? '#12161c' : '#f5f6f8',
    );
  });

  it('says plainly when an address matches no page', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/no-such-page');
    fixture.detectChanges();
    await fixture.whenStable();
    const page = (fixture.nativeElement as HTMLElement).querySelector('rl-planned-page');
    expect(page?.querySelector('h1')?.textContent).toBe('Page not found');
    expect((fixture.nativeElement as HTMLElement).querySelector('rl-filter-bar')).toBeNull();
  });
});
