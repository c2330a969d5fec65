import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor, sessionEffect, signInUrl } from './auth.interceptor';
import { AuthStore } from './auth.store';
import { userWith } from './testing-users';

@Component({ template: '' })
class Blank {}

const error = (status: number, body: unknown = null) =>
  new HttpErrorResponse({ status, error: body, url: '/api/x' });

describe('sessionEffect', () => {
  it('signs in again after a 401 from any API call but sign-in and who-am-I', () => {
    expect(sessionEffect('/api/analytics/kpis', error(401))).toBe('sign-in');
    expect(sessionEffect('/api/auth/logout', error(401))).toBe('sign-in');
    expect(sessionEffect('/api/auth/login', error(401))).toBeNull();
    expect(sessionEffect('/api/auth/me', error(401))).toBeNull();
    expect(sessionEffect('https://elsewhere.example/api', error(401))).toBeNull();
  });

  it('asks for a new password on 403 password_change_required, and only then', () => {
    expect(
      sessionEffect('/api/analytics/sla', error(403, { code: 'password_change_required' })),
    ).toBe('change-password');
    expect(sessionEffect('/api/analytics/sla', error(403, { message: 'Your role…' }))).toBeNull();
    expect(sessionEffect('/api/analytics/sla', error(500))).toBeNull();
    expect(sessionEffect('/api/analytics/sla', new Error('x'))).toBeNull();
  });

  it('comes back to the current address after signing in', () => {
    expect(signInUrl('/sla?clock=business')).toBe('/login?next=%2Fsla%3Fclock%3Dbusiness');
    expect(signInUrl('/')).toBe('/login');
    expect(signInUrl('/login?next=%2Fsla')).toBe('/login');
  });
});

describe('authInterceptor', () => {
  function setUp() {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: Blank }]),
      ],
    });
    return {
      http: TestBed.inject(HttpClient),
      backend: TestBed.inject(HttpTestingController),
      auth: TestBed.inject(AuthStore),
      router: TestBed.inject(Router),
    };
  }

  it('forgets the user on a 401 and goes to sign in, coming back here', async () => {
    const { http, backend, auth, router } = setUp();
    auth.use(userWith('owner'));
    await router.navigateByUrl('/sla?clock=business');
    const request = firstValueFrom(http.get('/api/analytics/sla'));
    backend
      .expectOne('/api/analytics/sla')
      .flush({ message: 'Your session has ended' }, { status: 401, statusText: 'Unauthorized' });
    await expect(request).rejects.toBeInstanceOf(HttpErrorResponse);
    await new Promise((r) => setTimeout(r));
    expect(auth.user()).toBeNull();
    expect(router.url).toBe('/login?next=%2Fsla%3Fclock%3Dbusiness');
  });

  it('goes to the password page on 403 password_change_required', async () => {
    const { http, backend, auth, router } = setUp();
    auth.use(userWith('owner'));
    const request = firstValueFrom(http.get('/api/analytics/kpis'));
    backend
      .expectOne('/api/analytics/kpis')
      .flush({ code: 'password_change_required' }, { status: 403, statusText: 'Forbidden' });
    await expect(request).rejects.toBeInstanceOf(HttpErrorResponse);
    await new Promise((r) => setTimeout(r));
    expect(auth.user()?.mustChangePassword).toBe(true);
    expect(router.url).toBe('/password');
  });

  it('leaves a wrong password on the sign-in page to the page', async () => {
    const { http, backend, router } = setUp();
    await router.navigateByUrl('/login');
    const request = firstValueFrom(http.post('/api/auth/login', {}));
    backend.expectOne('/api/auth/login').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(request).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(router.url).toBe('/login');
  });
});
