import { grantableRoles, missingPermissions, permissionsOf, PERMISSIONS, ROLES } from './access';

describe('who may give what', () => {
  it('names the permissions a grant would add beyond the giver’s own', () => {
    const admin = permissionsOf({ roles: ['admin'] });
    expect(missingPermissions(admin, permissionsOf({ roles: ['buyer'] }))).toEqual([
      'suppliers',
      'feedback',
    ]);
    expect(missingPermissions(admin, permissionsOf({ scopes: ['ingest'] }))).toEqual(['ingest']);
    expect(missingPermissions(admin, permissionsOf({ roles: ['admin'] }))).toEqual([]);
    expect(missingPermissions(PERMISSIONS, permissionsOf({ scopes: ['admin'] }))).toEqual([]);
  });

  it('lets an admin give only the admin role, and an owner every role', () => {
    expect(grantableRoles(permissionsOf({ roles: ['admin'] }))).toEqual(['admin']);
    expect(grantableRoles(permissionsOf({ roles: ['manager'] }))).toEqual(['manager']);
    expect(grantableRoles(permissionsOf({ roles: ['buyer', 'manager'] }))).toEqual([
      'buyer',
      'manager',
    ]);
    expect(grantableRoles(permissionsOf({ roles: ['owner'] }))).toEqual([...ROLES]);
    expect(grantableRoles(permissionsOf({ scopes: ['read'] }))).toEqual(['buyer', 'manager']);
  });
});
