import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ROLE_PERMISSIONS, type CurrentUser } from '@returnlens/shared/contracts';
import { AuthStore, provideI18n } from '@returnlens/web/shared/data-access';
import { LoginPage } from './login-page';

@Component({ template: '' })
class Blank {}

const BUYER: CurrentUser = {
  id: '2',
  email: 'buyer@demo.returnlens',
  name: 'Demo buyer',
  roles: ['buyer'],
  permissions: ROLE_PERMISSIONS.buyer,
  mustChangePassword: false,
  demo: true,
  language: null,
};

async function setUp(demo: unknown[] = [], next?: string) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18n(),
      provideRouter([{ path: '**', component: Blank }]),
    ],
  });
  const fixture = TestBed.createComponent(LoginPage);
  if (next) fixture.componentRef.setInput('next', next);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/auth/demo-logins').flush(demo);
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

function type(el: HTMLElement, testId: string, value: string): void {
  const input = el.querySelector<HTMLInputElement>(`[data-testid=${testId}]`);
  if (!input) throw new Error(`no ${testId}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) => {
  await new Promise((r) => setTimeout(r));
  await fixture.whenStable();
  fixture.detectChanges();
};

describe('LoginPage', () => {
  it('shows the server’s words when the password is wrong', async () => {
    const { fixture, http, el } = await setUp();
    type(el, 'login-email', 'owner@example.com');
    type(el, 'login-password', 'wrong');
    el.querySelector<HTMLButtonElement>('[data-testid=login-submit]')?.click();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, message: 'The e-mail or password is wrong.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle(fixture);
    expect(el.querySelector('[role=alert]')?.textContent?.trim()).toBe(
      'The e-mail or password is wrong.',
    );
  });

  it('asks for both fields before sending anything', async () => {
    const { fixture, http, el } = await setUp();
    el.querySelector<HTMLButtonElement>('[data-testid=login-submit]')?.click();
    fixture.detectChanges();
    http.expectNone('/api/auth/login');
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Enter your e-mail address');
  });

  it('has no demo panel without demo logins', async () => {
    const { el } = await setUp([]);
    expect(el.querySelector('[data-testid=demo-logins]')).toBeNull();
  });

  it('signs in as a demo role with one click and goes to next when the role opens it', async () => {
    const { fixture, http, el } = await setUp(
      [{ email: BUYER.email, password: 'demo', name: BUYER.name, roles: ['buyer'] }],
      '/feedback?rating=1',
    );
    const panel = el.querySelector('[data-testid=demo-logins]');
    expect(panel?.querySelector('h2')?.textContent?.trim()).toBe('1 demo login (demo data only)');
    expect(panel?.textContent).toContain('Buyer — suppliers, products, feedback');
    panel?.querySelector<HTMLButtonElement>('[data-testid=demo-buyer]')?.click();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: BUYER.email, password: 'demo' });
    login.flush(BUYER);
    await settle(fixture);
    // Then the language that speaks to the user (theirs, else the browser's).
    http
      .expectOne('/api/auth/language')
      .flush({ language: 'en', source: 'browser', shopDefault: 'en', languages: ['en'] });
    await settle(fixture);
    expect(TestBed.inject(AuthStore).user()?.name).toBe('Demo buyer');
    expect(TestBed.inject(Router).url).toBe('/feedback?rating=1');
  });
});
