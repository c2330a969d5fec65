import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ROLE_PERMISSIONS } from '@returnlens/shared/contracts';
import { AuthStore, provideI18n, type AdminUser } from '@returnlens/web/shared/data-access';
import { AdminPage } from './admin-page';

const USERS: AdminUser[] = [
  {
    id: '1',
    email: 'admin@example.com',
    name: 'Ada Admin',
    roles: ['admin'],
    mustChangePassword: false,
    demo: false,
    createdAt: '2026-11-01T10:00:00Z',
    lastLoginAt: '2026-11-25T08:00:00Z',
    disabledAt: null,
  },
  {
    id: '2',
    email: 'bob@example.com',
    name: '<img src=x onerror=alert(1)>',
    roles: ['buyer'],
    mustChangePassword: true,
    demo: false,
    createdAt: '2026-11-02T10:00:00Z',
    lastLoginAt: null,
    disabledAt: null,
  },
];

async function setUp() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
  });
  TestBed.inject(AuthStore).use({
    id: '1',
    email: 'admin@example.com',
    name: 'Ada Admin',
    roles: ['admin'],
    permissions: ROLE_PERMISSIONS.admin,
    mustChangePassword: false,
    demo: false,
  });
  const fixture = TestBed.createComponent(AdminPage);
  fixture.detectChanges();
  TestBed.tick();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/admin/users').flush(USERS);
  http.expectOne('/api/admin/tokens').flush([
    {
      id: '5',
      name: 'nightly export',
      scopes: ['ingest'],
      createdAt: '2026-11-01T10:00:00Z',
      lastUsedAt: null,
      revokedAt: null,
    },
  ]);
  http.expectOne('/api/admin/audit?limit=50').flush([
    {
      id: '3',
      at: '2026-11-25T08:00:00Z',
      actor: 'user:admin@example.com',
      action: 'login',
      target: null,
      ip: '127.0.0.1',
      detail: null,
    },
  ]);
  // The page's English messages load asynchronously: settle before reading text.
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    fixture.detectChanges();
  }
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, http, el };
}

/** Lets answered requests reach the component (reloads they trigger stay pending). */
const settle = async (fixture: { detectChanges(): void }) => {
  await new Promise((r) => setTimeout(r));
  fixture.detectChanges();
};

function fill(el: HTMLElement, testId: string, value: string): void {
  const input = el.querySelector<HTMLInputElement>(`[data-testid=${testId}]`);
  if (!input) throw new Error(testId);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function check(el: HTMLElement, testId: string): void {
  const box = el.querySelector<HTMLInputElement>(`[data-testid=${testId}]`);
  if (!box) throw new Error(testId);
  box.checked = true;
  box.dispatchEvent(new Event('change'));
}

describe('AdminPage', () => {
  it('lists users with roles, last sign-in and status; names shown as text', async () => {
    const { el } = await setUp();
    const rows = [...el.querySelectorAll('[data-testid=users-table] tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[1].querySelector('td')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(el.querySelector('[data-testid=users-table] img')).toBeNull();
    expect(rows[1].textContent).toContain('Buyer');
    expect(rows[1].textContent).toContain('Never');
    expect(rows[1].textContent).toContain('Must choose a password');
    // The admin's own row cannot be changed from here.
    expect(rows[0].textContent).toContain('Another admin changes your account.');
    expect(rows[0].querySelector('button')).toBeNull();
    expect(el.querySelector('[data-testid=tokens-table]')?.textContent).toContain('nightly export');
    expect(el.querySelector('[data-testid=audit-table]')?.textContent).toContain('Login');
  });

  it('checks the new-user form before sending anything', async () => {
    const { fixture, http, el } = await setUp();
    el.querySelector<HTMLButtonElement>('[data-testid=new-user-submit]')?.click();
    await settle(fixture);
    http.expectNone('/api/admin/users');
    const form = el.querySelector('[data-testid=new-user]');
    expect(form?.textContent).toContain('Enter the e-mail address the person signs in with.');
    expect(form?.textContent).toContain('Choose at least one role.');
  });

  it('creates a user and shows the one-time password once', async () => {
    const { fixture, http, el } = await setUp();
    fill(el, 'new-user-email', 'cy@example.com');
    fill(el, 'new-user-name', 'Cy');
    check(el, 'new-user-role-manager');
    fixture.detectChanges(); // as the browser renders between typing and clicking
    el.querySelector<HTMLButtonElement>('[data-testid=new-user-submit]')?.click();
    const create = http.expectOne({ method: 'POST', url: '/api/admin/users' });
    expect(create.request.body).toEqual({
      email: 'cy@example.com',
      name: 'Cy',
      roles: ['manager'],
    });
    create.flush({
      user: { ...USERS[1], id: '3', email: 'cy@example.com', name: 'Cy', roles: ['manager'] },
      oneTimePassword: 'abcd-efgh-jkmn-pqrs',
    });
    await settle(fixture);
    const box = el.querySelector('[data-testid=one-time-password]');
    expect(box?.textContent).toContain('One-time password for cy@example.com');
    expect(box?.querySelector<HTMLInputElement>('[data-testid=secret-value]')?.value).toBe(
      'abcd-efgh-jkmn-pqrs',
    );
    // The form is cleared and the list reloads.
    expect(el.querySelector<HTMLInputElement>('[data-testid=new-user-email]')?.value).toBe('');
    http.expectOne('/api/admin/users').flush(USERS);
    http.expectOne('/api/admin/audit?limit=50').flush([]);
    // Done hides it for good.
    box?.querySelector<HTMLButtonElement>('button.done')?.click();
    await settle(fixture);
    expect(el.querySelector('[data-testid=one-time-password]')).toBeNull();
  });

  it('shows the server’s refusal of a new user in words', async () => {
    const { fixture, http, el } = await setUp();
    fill(el, 'new-user-email', 'bob@example.com');
    check(el, 'new-user-role-buyer');
    el.querySelector<HTMLButtonElement>('[data-testid=new-user-submit]')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/admin/users' })
      .flush(
        { statusCode: 400, message: 'A user with that e-mail exists.' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    expect(el.querySelector('[data-testid=new-user] [role=alert]')?.textContent).toBe(
      'A user with that e-mail exists.',
    );
  });

  it('disables a user and changes their roles', async () => {
    const { fixture, http, el } = await setUp();
    const row = () => el.querySelectorAll('[data-testid=users-table] tbody tr')[1];
    const button = (name: string) =>
      [...row().querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    button('Disable')?.click();
    const disable = http.expectOne({ method: 'PATCH', url: '/api/admin/users/2' });
    expect(disable.request.body).toEqual({ disabled: true });
    disable.flush(USERS[1]);
    await settle(fixture);
    http.expectOne('/api/admin/users').flush(USERS);
    http.expectOne('/api/admin/audit?limit=50').flush([]);
    await settle(fixture);

    button('Change roles')?.click();
    await settle(fixture);
    const boxes = [...row().querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    boxes[3].checked = true; // admin
    boxes[3].dispatchEvent(new Event('change'));
    button('Save roles')?.click();
    const change = http.expectOne({ method: 'PATCH', url: '/api/admin/users/2' });
    expect(change.request.body).toEqual({ roles: ['buyer', 'admin'] });
  });

  it('creates a token, shows it once, and revokes one only after confirmation', async () => {
    const { fixture, http, el } = await setUp();
    el.querySelector<HTMLButtonElement>('[data-testid=new-token-submit]')?.click();
    await settle(fixture);
    expect(el.querySelector('[data-testid=new-token]')?.textContent).toContain(
      'Choose at least one scope.',
    );
    fill(el, 'new-token-name', 'shop sync');
    check(el, 'new-token-scope-read');
    el.querySelector<HTMLButtonElement>('[data-testid=new-token-submit]')?.click();
    const create = http.expectOne({ method: 'POST', url: '/api/admin/tokens' });
    expect(create.request.body).toEqual({ name: 'shop sync', scopes: ['read'] });
    create.flush({ id: '6', name: 'shop sync', scopes: ['read'], token: 'rl_secret' });
    await settle(fixture);
    expect(
      el.querySelector<HTMLInputElement>(
        '[data-testid=new-token-secret] [data-testid=secret-value]',
      )?.value,
    ).toBe('rl_secret');
    http.expectOne('/api/admin/tokens').flush([]);
    http.expectOne('/api/admin/audit?limit=50').flush([]);
    await settle(fixture);
  });

  it('asks before revoking a token', async () => {
    const { fixture, http, el } = await setUp();
    const row = el.querySelector('[data-testid=tokens-table] tbody tr');
    [...(row?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent?.includes('Revoke'))
      ?.click();
    await settle(fixture);
    http.expectNone({ method: 'DELETE', url: '/api/admin/tokens/5' });
    expect(row?.textContent).toContain('What uses it stops working at once.');
    row?.querySelector<HTMLButtonElement>('button.danger')?.click();
    http
      .expectOne({ method: 'DELETE', url: '/api/admin/tokens/5' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    http.expectOne('/api/admin/tokens');
  });

  it('resets a password only after confirmation and shows the new one-time password', async () => {
    const { fixture, http, el } = await setUp();
    const row = () => el.querySelectorAll('[data-testid=users-table] tbody tr')[1];
    [...row().querySelectorAll('button')]
      .find((b) => b.textContent?.includes('Reset password'))
      ?.click();
    await settle(fixture);
    http.expectNone('/api/admin/users/2/reset-password');
    expect(row().textContent).toContain('Their current password stops working.');
    row().querySelector<HTMLButtonElement>('button.danger')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/admin/users/2/reset-password' })
      .flush({ oneTimePassword: 'wxyz-wxyz-wxyz-wxyz' });
    await settle(fixture);
    expect(el.querySelector('[data-testid=one-time-password]')?.textContent).toContain(
      'New one-time password for bob@example.com',
    );
    expect(el.querySelector<HTMLInputElement>('[data-testid=one-time-password] input')?.value).toBe(
      'wxyz-wxyz-wxyz-wxyz',
    );
  });
});
