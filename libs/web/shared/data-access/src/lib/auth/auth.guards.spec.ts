import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type Route } from '@angular/router';
import type { CurrentUser } from '@returnlens/shared/contracts';
import {
  canMatchPermission,
  homeRedirect,
  requireSession,
  requireSignedOut,
  requireSignIn,
} from './auth.guards';
import { AuthStore } from './auth.store';
import { userWith } from './testing-users';

@Component({ selector: 'rl-page', template: 'page' })
class Page {}
@Component({ selector: 'rl-fallback', template: 'fallback' })
class Fallback {}

const routes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: homeRedirect },
  { path: 'login', canActivate: [requireSignedOut], component: Page },
  { path: 'password', canActivate: [requireSession], component: Page },
  ...['weekly', 'suppliers', 'sla', 'admin'].map((path) => ({
    path,
    canMatch: [
      canMatchPermission(path === 'weekly' ? 'claims' : (path as 'suppliers' | 'sla' | 'admin')),
    ],
    canActivate: [requireSignIn],
    component: Page,
  })),
  { path: '**', canActivate: [requireSignIn], component: Fallback },
];

async function navigate(user: CurrentUser | null, url: string): Promise<string> {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter(routes)],
  });
  TestBed.inject(AuthStore).use(user);
  const router = TestBed.inject(Router);
  await router.navigateByUrl(url);
  return router.url;
}

describe('auth guards', () => {
  it('sends a signed-out visitor to sign in, coming back afterwards', async () => {
    await expect(navigate(null, '/sla?clock=business')).resolves.toBe(
      '/login?next=%2Fsla%3Fclock%3Dbusiness',
    );
    await expect(navigate(null, '/')).resolves.toBe('/login');
  });

  it('opens a page for a role with its permission', async () => {
    await expect(navigate(userWith('manager'), '/sla')).resolves.toBe('/sla');
  });

  it('leaves a page the role does not open to the catch-all route, without loading it', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter(routes)],
    });
    TestBed.inject(AuthStore).use(userWith('buyer'));
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/sla');
    expect(router.url).toBe('/sla');
    const leaf = router.routerState.snapshot.root.firstChild;
    expect(leaf?.routeConfig?.path).toBe('**');
  });

  it('starts each role on its first page', async () => {
    await expect(navigate(userWith('buyer'), '/')).resolves.toBe('/suppliers');
    await expect(navigate(userWith('admin'), '/')).resolves.toBe('/admin');
  });

  it('asks for a new password before any page', async () => {
    const user = userWith('owner', { mustChangePassword: true });
    await expect(navigate(user, '/weekly')).resolves.toBe('/password');
    await expect(navigate(user, '/password')).resolves.toBe('/password');
  });

  it('sends a signed-in user away from the sign-in page, to next when they may open it', async () => {
    await expect(
      navigate(userWith('buyer'), '/login?next=%2Fsuppliers%3Fperiod%3D4w'),
    ).resolves.toBe('/suppliers?period=4w');
    await expect(navigate(userWith('buyer'), '/login?next=%2F%2Fevil.example')).resolves.toBe(
      '/suppliers',
    );
  });

  it('needs a session for the password page', async () => {
    await expect(navigate(null, '/password')).resolves.toBe('/login?next=%2Fpassword');
  });
});
