import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { AuthStore, errorText, hasSessionCookie } from './auth.store';
import { userWith } from './testing-users';

function setUp() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { store: TestBed.inject(AuthStore), http: TestBed.inject(HttpTestingController) };
}

describe('AuthStore', () => {
  it('does not ask who is signed in without the session’s CSRF cookie', async () => {
    const { store, http } = setUp();
    await expect(store.load('theme=dark; other=1')).resolves.toBeNull();
    http.expectNone('/api/auth/me');
    expect(store.signedIn()).toBe(false);
  });

  it('loads the signed-in user and answers what they may see', async () => {
    const { store, http } = setUp();
    const loading = store.load('XSRF-TOKEN=abc');
    http.expectOne('/api/auth/me').flush(userWith('buyer'));
    await loading;
    expect(store.user()?.name).toBe('A buyer');
    expect(store.can('suppliers')).toBe(true);
    expect(store.can('sla')).toBe(false);
    expect(store.pages().map((p) => p.label)).toEqual(['Suppliers', 'Feedback', 'Subscriptions']);
    expect(store.home()).toBe('/suppliers');
    // Subscriptions open for every signed-in user.
    expect(store.opens(null)).toBe(true);
    expect(store.opens('sla')).toBe(false);
  });

  it('treats an ended session (401) as signed out', async () => {
    const { store, http } = setUp();
    const loading = store.load('a=1; XSRF-TOKEN=abc');
    http
      .expectOne('/api/auth/me')
      .flush({ message: 'Your session has ended' }, { status: 401, statusText: 'Unauthorized' });
    await expect(loading).resolves.toBeNull();
    expect(store.can('claims')).toBe(false);
  });

  it('signs in and out', async () => {
    const { store, http } = setUp();
    const signing = store.signIn(' owner@example.com ', 'secret');
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'owner@example.com', password: 'secret' });
    login.flush(userWith('owner'));
    await signing;
    expect(store.home()).toBe('/weekly');
    const out = store.signOut();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await out;
    expect(store.user()).toBeNull();
  });

  it('clears the password requirement once the new password is saved', async () => {
    const { store, http } = setUp();
    store.use(userWith('buyer', { mustChangePassword: true }));
    expect(store.home()).toBe('/password');
    const changing = store.changePassword('one-time', 'a much longer one');
    const request = http.expectOne('/api/auth/password');
    expect(request.request.body).toEqual({ current: 'one-time', next: 'a much longer one' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await changing;
    expect(store.user()?.mustChangePassword).toBe(false);
    expect(store.home()).toBe('/suppliers');
  });
});

describe('hasSessionCookie and errorText', () => {
  it('finds the XSRF-TOKEN cookie among others', () => {
    expect(hasSessionCookie('XSRF-TOKEN=x')).toBe(true);
    expect(hasSessionCookie('a=1;  XSRF-TOKEN=x')).toBe(true);
    expect(hasSessionCookie('NOT-XSRF-TOKEN=x')).toBe(false);
    expect(hasSessionCookie('')).toBe(false);
  });

  it('puts an API error in words', () => {
    const error = (status: number, body: unknown) =>
      new HttpErrorResponse({ status, error: body, url: '/api/x' });
    expect(errorText(error(401, { message: 'The e-mail or password is wrong.' }), 'x')).toBe(
      'The e-mail or password is wrong.',
    );
    expect(errorText(error(429, { message: 'ThrottlerException' }), 'x')).toBe(
      'Too many attempts. Wait a minute and try again.',
    );
    expect(errorText(error(0, null), 'x')).toMatch(/cannot be reached/);
    expect(errorText(error(500, null), 'Fallback.')).toBe('Fallback.');
    expect(errorText(new Error('boom'), 'Fallback.')).toBe('Fallback.');
  });
});
