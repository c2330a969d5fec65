import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { ROLE_PERMISSIONS, type CurrentUser, type Role } from '@returnlens/shared/contracts';
import { AuthStore, provideI18n } from '@returnlens/web/shared/data-access';
import { ANCHOR_SOURCE } from '@returnlens/web/shared/filters';
import { App } from './app';
import { anchorSourceFor } from './app.config';
import { appRoutes } from './app.routes';

const userWith = (role: Role, demo = false): CurrentUser => ({
  id: '1',
  email: `${role}@example.com`,
  name: `Demo ${role}`,
  roles: [role],
  permissions: ROLE_PERMISSIONS[role],
  mustChangePassword: false,
  demo,
  language: null,
});

function setUp(user: CurrentUser | null) {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18n(),
      provideRouter(
        appRoutes.filter((r) => r.path !== 'weekly'),
        withComponentInputBinding(),
      ),
    ],
  });
  TestBed.inject(AuthStore).use(user);
  const fixture = TestBed.createComponent(App);
  fixture.detectChanges();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

async function open(fixture: ReturnType<typeof setUp>['fixture'], url: string): Promise<void> {
  await TestBed.inject(Router).navigateByUrl(url);
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

const navLinks = (el: HTMLElement) =>
  [...el.querySelectorAll('nav[aria-label=Pages] a')].map((a) => a.getAttribute('href'));

describe('App shell', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('links every page for the owner, with what each is about', async () => {
    const { fixture, el } = setUp(userWith('owner'));
    await open(fixture, '/no-such-page');
    expect(navLinks(el)).toEqual([
      '/weekly',
      '/suppliers',
      '/sla',
      '/feedback',
      '/root-causes',
      '/money',
      '/data',
      '/admin',
      '/settings',
      '/subscriptions',
    ]);
    expect([...el.querySelectorAll('nav small')].map((s) => s.textContent)).toEqual([
      'Claims',
      'Products',
      'Service',
      'Reviews',
      'Reasons',
      'Refunds',
      'Import',
      'Users',
      'Rules',
      'Digests',
    ]);
  });

  it('shows a buyer only Suppliers, Feedback and their Subscriptions, and who is signed in', async () => {
    const { fixture, el } = setUp(userWith('buyer', true));
    await open(fixture, '/no-such-page');
    expect(navLinks(el)).toEqual(['/suppliers', '/feedback', '/subscriptions']);
    const block = el.querySelector('[data-testid=user-block]');
    expect(block?.textContent).toContain('Demo buyer');
    expect(block?.querySelector('.badge')?.textContent?.trim()).toBe('Demo');
    expect(block?.querySelector('[data-testid=user-role]')?.textContent).toBe(
      'Buyer — suppliers, products, feedback',
    );
  });

  it('says a page is not available for the role, and names what it can see', async () => {
    const { fixture, el } = setUp(userWith('buyer'));
    await open(fixture, '/sla');
    const page = el.querySelector('rl-not-available-page');
    expect(page?.querySelector('h1')?.textContent).toBe('Not available for your role');
    expect(el.querySelector('rl-filter-bar')).toBeNull();
    expect(page?.textContent).toContain('SLA is not part of your role');
    expect(
      [...(page?.querySelectorAll('[data-testid=allowed-pages] a') ?? [])].map((a) =>
        a.getAttribute('href'),
      ),
    ).toEqual(['/suppliers', '/feedback', '/subscriptions']);
    TestBed.inject(HttpTestingController).expectNone(() => true);
  });

  it('switches between light and dark themes and remembers the choice', async () => {
    const { fixture, el } = setUp(userWith('owner'));
    await open(fixture, '/no-such-page');
    TestBed.tick();
    const root = document.documentElement;
    const before = root.dataset['theme'];
    expect(before === 'light' || before === 'dark').toBe(true);
    el.querySelector<HTMLButtonElement>('button.theme')?.click();
    TestBed.tick();
    const after = root.dataset['theme'];
    expect(after).toBe(before === 'light' ? 'dark' : 'light');
    expect(localStorage.getItem('returnlens.theme')).toBe(after);
    expect(root.style.getPropertyValue('--rl-background')).toBe(
      after === 'dark' ? '#12161c' : '#f5f6f8',
    );
  });

  it('says plainly when an address matches no page', async () => {
    const { fixture, el } = setUp(userWith('owner'));
    await open(fixture, '/no-such-page');
    const page = el.querySelector('rl-not-available-page');
    expect(page?.querySelector('h1')?.textContent).toBe('Page not found');
    expect(el.querySelector('rl-filter-bar')).toBeNull();
  });

  it('shows the sign-in page without the sidebar, and sends a visitor there', async () => {
    const { fixture, el } = setUp(null);
    await open(fixture, '/sla');
    expect(TestBed.inject(Router).url).toBe('/login?next=%2Fsla');
    expect(el.querySelector('rl-login-page h1')?.textContent).toBe('Sign in');
    expect(el.querySelector('aside')).toBeNull();
    expect(el.querySelector('rl-records-drawer')).toBeNull();
  });

  it('signs out from the user block', async () => {
    const { fixture, el } = setUp(userWith('owner'));
    await open(fixture, '/no-such-page');
    el.querySelector<HTMLButtonElement>('[data-testid=sign-out]')?.click();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    expect(TestBed.inject(Router).url).toBe('/login');
    expect(el.querySelector('aside')).toBeNull();
  });

  it('takes the latest week from an answer the role may read', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient()] });
    const auth = TestBed.inject(AuthStore);
    const source = anchorSourceFor(auth);
    auth.use(userWith('manager'));
    expect(source()).toBe('/api/analytics/kpis');
    auth.use(userWith('buyer'));
    expect(source()).toBe('/api/analytics/pareto');
    auth.use(userWith('admin'));
    expect(source()).toBeNull();
    expect(ANCHOR_SOURCE).toBeDefined();
  });
});
