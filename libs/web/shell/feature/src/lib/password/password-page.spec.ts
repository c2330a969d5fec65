import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ROLE_PERMISSIONS } from '@returnlens/shared/contracts';
import { AuthStore, provideI18n } from '@returnlens/web/shared/data-access';
import { PasswordPage } from './password-page';

@Component({ template: '' })
class Blank {}

function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18n(),
      provideRouter([{ path: '**', component: Blank }]),
    ],
  });
  TestBed.inject(AuthStore).use({
    id: '9',
    email: 'new@example.com',
    name: 'New buyer',
    roles: ['buyer'],
    permissions: ROLE_PERMISSIONS.buyer,
    mustChangePassword: true,
    demo: false,
    language: null,
  });
  const fixture = TestBed.createComponent(PasswordPage);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const fill = (current: string, next: string, repeat: string) => {
    for (const [id, value] of [
      ['password-current', current],
      ['password-next', next],
      ['password-repeat', repeat],
    ]) {
      const input = el.querySelector<HTMLInputElement>(`[data-testid=${id}]`);
      if (!input) throw new Error(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    el.querySelector<HTMLButtonElement>('[data-testid=password-submit]')?.click();
  };
  return { fixture, el, fill, http: TestBed.inject(HttpTestingController) };
}

const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) => {
  await new Promise((r) => setTimeout(r));
  await fixture.whenStable();
  fixture.detectChanges();
};

describe('PasswordPage', () => {
  it('says why a password change is needed', () => {
    const { el } = setUp();
    expect(el.querySelector('[data-testid=password-required]')?.textContent).toContain(
      'New buyer, you signed in with a one-time password',
    );
  });

  it('checks the repeat before sending', () => {
    const { fixture, el, fill, http } = setUp();
    fill('abcd-efgh-jkmn-pqrs', 'a long new passphrase', 'a long new passphrasf');
    fixture.detectChanges();
    http.expectNone('/api/auth/password');
    expect(el.querySelector('[role=alert]')?.textContent).toContain('The two new passwords differ');
  });

  it('shows the server’s message beside its field', async () => {
    const { fixture, el, fill, http } = setUp();
    fill('abcd-efgh-jkmn-pqrs', 'short', 'short');
    http
      .expectOne('/api/auth/password')
      .flush(
        { statusCode: 400, field: 'next', message: 'A password has at least 12 characters.' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    const next = el.querySelector('[data-testid=password-next]');
    expect(next?.getAttribute('aria-invalid')).toBe('true');
    expect(next?.parentElement?.querySelector('[role=alert]')?.textContent).toBe(
      'A password has at least 12 characters.',
    );
  });

  it('goes to the first page of the role once the password is saved', async () => {
    const { fixture, fill, http } = setUp();
    fill('abcd-efgh-jkmn-pqrs', 'a long new passphrase', 'a long new passphrase');
    http.expectOne('/api/auth/password').flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(TestBed.inject(AuthStore).user()?.mustChangePassword).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/suppliers');
  });
});
