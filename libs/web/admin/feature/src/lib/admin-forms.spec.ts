import {
  actionLabel,
  hasErrors,
  newestFirst,
  newTokenErrors,
  newUserErrors,
  toggledRole,
  toggledScope,
} from './admin-forms';

describe('admin forms', () => {
  it('asks for an e-mail address that looks like one and at least one role', () => {
    expect(newUserErrors({ email: '', name: '', roles: [] })).toEqual({
      email: 'admin.users.errors.emailMissing',
      roles: 'admin.users.errors.rolesMissing',
    });
    expect(newUserErrors({ email: 'no-at-sign', name: '', roles: ['buyer'] })).toEqual({
      email: 'admin.users.errors.emailInvalid',
    });
    expect(newUserErrors({ email: ' ana@example.com ', name: '', roles: ['buyer'] })).toEqual({});
    expect(
      hasErrors(newUserErrors({ email: 'a@b', name: 'x'.repeat(201), roles: ['admin'] })),
    ).toBe(true);
  });

  it('asks for a token name and at least one scope', () => {
    expect(newTokenErrors({ name: '  ', scopes: [] })).toEqual({
      name: 'admin.tokens.errors.nameMissing',
      scopes: 'admin.tokens.errors.scopesMissing',
    });
    expect(newTokenErrors({ name: 'nightly export', scopes: ['ingest'] })).toEqual({});
  });

  it('keeps chosen roles and scopes in their canonical order', () => {
    expect(toggledRole(['admin'], 'owner', true)).toEqual(['owner', 'admin']);
    expect(toggledRole(['owner', 'admin'], 'owner', false)).toEqual(['admin']);
    expect(toggledScope(['admin'], 'ingest', true)).toEqual(['ingest', 'admin']);
  });

  it('names audit actions in words', () => {
    expect(actionLabel('user_created')).toBe('User created');
    expect(actionLabel('login_failed')).toBe('Login failed');
  });

  it('lists audit events newest first, ids compared as numbers', () => {
    const events = [
      { id: '99', at: '2026-11-25T10:31:00Z' },
      { id: '100', at: '2026-11-25T10:33:00Z' },
      { id: '101', at: '2026-11-25T10:33:00Z' },
      { id: '9', at: '2026-11-25T10:30:00Z' },
    ];
    expect(newestFirst(events).map((e) => e.id)).toEqual(['101', '100', '99', '9']);
  });
});
