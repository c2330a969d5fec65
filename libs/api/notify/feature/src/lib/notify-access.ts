import { ForbiddenException, NotFoundException } from '@nestjs/common';
import {
  DIGEST_ROLE_PERMISSIONS,
  missingPermissions,
  permissionsOf,
  type DigestRole,
  type Role,
} from '@returnlens/shared/contracts';
import { callerWords, type Principal } from '@returnlens/api/auth/data-access';

/**
 * Who may do what with subscriptions (docs/notifications.md): everyone with their own;
 * owners and admins (the `admin` permission) with everyone's. A digest's role must be within
 * the subscriber's permissions — and within the caller's, when acting for someone else.
 */

/** Manages everyone's subscriptions: the `admin` permission (owners, admins, admin tokens). */
export function managesOthers(principal: Principal): boolean {
  return principal.permissions.includes('admin');
}

/** The caller's own user id; an API token has none. */
export function selfId(principal: Principal): string | null {
  return principal.kind === 'session' ? principal.id : null;
}

export function refuseOthers(principal: Principal, what: string): never {
  throw new ForbiddenException(
    `${callerWords(principal)} does not give access to someone else's subscriptions (${what}): ` +
      'an owner or admin manages them; an API token needs the admin scope.',
  );
}

/** Throws unless `principal` may act on a subscription of `userId`. */
export function checkOwnerOrManager(principal: Principal, userId: string, what: string): void {
  if (selfId(principal) === userId || managesOthers(principal)) return;
  refuseOthers(principal, what);
}

/** The 403 naming why a digest role is beyond someone's permissions. */
export function checkDigestRole(
  principal: Principal,
  subscriber: { readonly id: string; readonly name: string; readonly roles: readonly Role[] },
  role: DigestRole,
): void {
  const need = DIGEST_ROLE_PERMISSIONS[role];
  const missing = missingPermissions(permissionsOf({ roles: subscriber.roles }), need);
  const own = selfId(principal) === subscriber.id;
  if (missing.length)
    throw new ForbiddenException({
      statusCode: 403,
      code: 'digest_beyond_role',
      field: 'role',
      message:
        `${own ? 'Your role' : `The role of ${subscriber.name}`} (${subscriber.roles.join(', ')}) cannot take the ${role} digest: ` +
        `it needs the permission ${missing.join(', ')}.`,
    });
  const callerMissing = missingPermissions(principal.permissions, need);
  if (!own && callerMissing.length)
    throw new ForbiddenException({
      statusCode: 403,
      code: 'digest_beyond_own_permissions',
      field: 'role',
      message: `${callerWords(principal)} cannot give the ${role} digest to someone else: it needs the permission ${callerMissing.join(', ')}, which it does not hold itself.`,
    });
}

export function noSuchSubscription(id: string): NotFoundException {
  return new NotFoundException(`No subscription ${id}.`);
}
