import { inject } from '@angular/core';
import { Router, type CanActivateFn, type CanMatchFn } from '@angular/router';
import type { Permission } from '@returnlens/shared/contracts';
import { AuthStore } from './auth.store';
import { safeNext } from './pages';

/**
 * A page's route matches only for a user with its permission; otherwise the router falls
 * through to the catch-all route, which signs in or says the page is not for this role —
 * and the page's code is never loaded, nor its requests sent. `null`: any signed-in user.
 */
export function canMatchPermission(permission: Permission | null): CanMatchFn {
  return () =>
    permission === null ? inject(AuthStore).signedIn() : inject(AuthStore).can(permission);
}

/** Signed in, with a password of their own: else to /login?next=… or /password. */
export const requireSignIn: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  const user = auth.user();
  if (!user) return router.createUrlTree(['/login'], { queryParams: { next: state.url } });
  if (user.mustChangePassword) return router.createUrlTree(['/password']);
  return true;
};

/** The password page needs a signed-in user (with or without a one-time password). */
export const requireSession: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return inject(AuthStore).signedIn()
    ? true
    : router.createUrlTree(['/login'], { queryParams: { next: state.url } });
};

/** The sign-in page is for signed-out users; a signed-in one goes on to `next` or home. */
export const requireSignedOut: CanActivateFn = (route) => {
  const auth = inject(AuthStore);
  const user = auth.user();
  if (!user) return true;
  return inject(Router).parseUrl(safeNext(route.queryParamMap.get('next'), user));
};

/** `/`: the first page the user may see. */
export function homeRedirect(): string {
  return inject(AuthStore).home();
}
