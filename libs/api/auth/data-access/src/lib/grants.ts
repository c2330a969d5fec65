import { ForbiddenException } from '@nestjs/common';
import {
  grantableRoles,
  missingPermissions,
  permissionsOf,
  type Permission,
  type Role,
  type TokenScope,
} from '@returnlens/shared/contracts';
import { PERMISSION_WORDS } from './auth.guard';
import type { Principal } from './principal';

/** "Your role (admin)" or "This API token (scopes: read)": who is asking, for a refusal. */
export function callerWords(principal: Principal): string {
  return principal.kind === 'session'
    ? `Your role (${principal.roles.join(', ')})`
    : `This API token (scopes: ${principal.scopes.join(', ')})`;
}

/**
 * Nobody hands on access they do not hold: creating or changing a user, minting a token and
 * resetting a password (whose one-time password opens the account) are refused with a 403
 * naming the missing permissions when they would give more than the caller's own permissions.
 * An owner (or an `admin`-scope token) holds every permission and may do all of it.
 */
export function refuseBeyondOwn(
  principal: Principal,
  wanted: readonly Permission[],
  what: string,
): void {
  const missing = missingPermissions(principal.permissions, wanted);
  if (!missing.length) return;
  throw new ForbiddenException({
    statusCode: 403,
    code: 'beyond_own_permissions',
    message:
      `${callerWords(principal)} cannot ${what}: that needs the permission ${missing
        .map((p) => `${p} (${PERMISSION_WORDS[p]})`)
        .join(', ')}, which it does not hold itself. ` +
      'Ask an owner, or use `npm run users` on the server.',
  });
}

/** Refuses giving these roles beyond the caller's own permissions. */
export function refuseRolesBeyondOwn(principal: Principal, roles: readonly Role[], what: string) {
  refuseBeyondOwn(principal, permissionsOf({ roles }), what);
}

/** Refuses minting a token with scopes beyond the caller's own permissions. */
export function refuseScopesBeyondOwn(principal: Principal, scopes: readonly TokenScope[]) {
  refuseBeyondOwn(
    principal,
    permissionsOf({ scopes }),
    `create a token with the scopes ${scopes.join(', ')}`,
  );
}

/** The roles a user may hold for this caller to manage them (SQL guard: `roles <@ $within`). */
export function manageableRoles(principal: Principal): Role[] {
  return grantableRoles(principal.permissions);
}
