import type { Request } from 'express';
import type { Permission, Role, TokenScope, UiLanguage } from '@returnlens/shared/contracts';

/** Who is calling: a signed-in person (session cookie) or a machine (API token). */
export interface Principal {
  readonly kind: 'session' | 'token';
  /** User id or token id. */
  readonly id: string;
  readonly shopId: number;
  /** E-mail of the user, or name of the token. */
  readonly name: string;
  /** What the dashboard shows: the user's name, or the token's. */
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly scopes: readonly TokenScope[];
  readonly permissions: readonly Permission[];
  readonly mustChangePassword: boolean;
  readonly demo: boolean;
  /** Sessions only: the interface language the user chose. */
  readonly language?: UiLanguage | null;
  /** Sessions only: SHA-256 of the CSRF token bound to the session. */
  readonly csrfHash?: string;
  /** Sessions only: the session id's hash (to sign out). */
  readonly sessionHash?: string;
}

export type AuthedRequest = Request & { principal?: Principal };

/** Who did it, for the audit log. */
export function actorOf(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'session'
    ? `user:${principal.name}`
    : `token:${principal.id}:${principal.name}`;
}
