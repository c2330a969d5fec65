import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  XSRF_COOKIE,
  type CurrentUser,
  type DemoLogin,
  type Permission,
} from '@returnlens/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from '../weekly-report.resource';
import { homeOf, pagesFor } from './pages';

/** Whether the browser holds the readable CSRF cookie the API sets beside the session. */
export function hasSessionCookie(cookies: string): boolean {
  return cookies.split(';').some((c) => c.trim().startsWith(`${XSRF_COOKIE}=`));
}

/** What a failed request says, in words for the user. */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0)
      return 'The server cannot be reached. Check the connection and try again.';
    if (error.status === 429) return 'Too many attempts. Wait a minute and try again.';
    const body = error.error as { message?: unknown } | string | null;
    const message = typeof body === 'string' ? body : body?.message;
    if (Array.isArray(message)) return message.join(' ');
    if (typeof message === 'string' && message) return message;
  }
  return fallback;
}

/**
 * Who is signed in. Loaded once before the first navigation; guards, the navigation and
 * pages read `user()` and `can()`; the HTTP interceptor clears it when the session ends.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly current = signal<CurrentUser | null>(null);

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  /** The pages the user may open, in navigation order. */
  readonly pages = computed(() => pagesFor(this.current()?.permissions ?? []));
  readonly home = computed(() => homeOf(this.current()));

  can(permission: Permission): boolean {
    return this.current()?.permissions.includes(permission) ?? false;
  }

  /** Whether the user opens a page (`null`: every signed-in user does). */
  opens(permission: Permission | null): boolean {
    return permission === null ? this.signedIn() : this.can(permission);
  }

  /**
   * Asks the API who is signed in. Without the session's CSRF cookie nobody is (and the
   * request, which would answer 401, is not sent).
   */
  async load(
    cookies: string = typeof document === 'undefined' ? '' : document.cookie,
  ): Promise<CurrentUser | null> {
    if (!hasSessionCookie(cookies)) {
      this.current.set(null);
      return null;
    }
    try {
      this.current.set(await firstValueFrom(this.http.get<CurrentUser>(`${API_BASE}/auth/me`)));
    } catch {
      this.current.set(null);
    }
    return this.current();
  }

  async signIn(email: string, password: string): Promise<CurrentUser> {
    const user = await firstValueFrom(
      this.http.post<CurrentUser>(`${API_BASE}/auth/login`, { email: email.trim(), password }),
    );
    this.current.set(user);
    return user;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(`${API_BASE}/auth/logout`, null));
    } finally {
      this.current.set(null);
    }
  }

  /** Changes the password; the API answers 400 `{field, message}` when it refuses. */
  async changePassword(current: string, next: string): Promise<void> {
    await firstValueFrom(this.http.post<void>(`${API_BASE}/auth/password`, { current, next }));
    const user = this.current();
    if (user) this.current.set({ ...user, mustChangePassword: false });
  }

  demoLogins(): Promise<DemoLogin[]> {
    return firstValueFrom(this.http.get<DemoLogin[]>(`${API_BASE}/auth/demo-logins`));
  }

  /** Sets who is signed in (the answer of a sign-in; tests start from a user). */
  use(user: CurrentUser | null): void {
    this.current.set(user);
  }

  /** The session ended (the API answered 401). */
  clear(): void {
    this.current.set(null);
  }

  /** The API asks for a new password first. */
  requirePasswordChange(): void {
    const user = this.current();
    if (user && !user.mustChangePassword) this.current.set({ ...user, mustChangePassword: true });
  }
}
