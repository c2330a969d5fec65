import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from './auth.store';

const OWN_ANSWER = /^\/api\/auth\/(login|me)(\?|$)/;

/** What an API error means for the session: nothing, sign in again, or choose a password. */
export function sessionEffect(url: string, error: unknown): 'sign-in' | 'change-password' | null {
  if (!(error instanceof HttpErrorResponse) || !url.startsWith('/api/')) return null;
  if (error.status === 401 && !OWN_ANSWER.test(url)) return 'sign-in';
  const body = error.error as { code?: unknown } | null;
  if (error.status === 403 && body?.code === 'password_change_required') return 'change-password';
  return null;
}

/** The address of the sign-in page that comes back to `current` afterwards. */
export function signInUrl(current: string): string {
  const path = current.split(/[?#]/)[0];
  if (!current || current === '/' || path === '/login' || path === '/password') return '/login';
  return `/login?next=${encodeURIComponent(current)}`;
}

/**
 * A 401 from the API means the session ended: forget the user and sign in again, coming
 * back here afterwards. A 403 `password_change_required` sends to the password page. The
 * error still reaches the caller.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const effect = sessionEffect(request.url, error);
      if (effect === 'sign-in') {
        const wasSignedIn = auth.signedIn();
        auth.clear();
        if (wasSignedIn || !router.url.startsWith('/login'))
          void router.navigateByUrl(signInUrl(router.url));
      } else if (effect === 'change-password') {
        auth.requirePasswordChange();
        void router.navigateByUrl('/password');
      }
      return throwError(() => error);
    }),
  );
};
