import { ROLE_PERMISSIONS, type CurrentUser, type Role } from '@returnlens/shared/contracts';

/** A signed-in user with `role` (for specs). */
export function userWith(role: Role, extra: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: '1',
    email: `${role}@example.com`,
    name: `A ${role}`,
    roles: [role],
    permissions: ROLE_PERMISSIONS[role],
    mustChangePassword: false,
    demo: false,
    language: null,
    ...extra,
  };
}
