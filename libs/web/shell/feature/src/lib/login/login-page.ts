import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { ROLE_LABELS, type DemoLogin } from '@returnlens/shared/contracts';
import { AuthStore, errorText, safeNext } from '@returnlens/web/shared/data-access';

/**
 * Sign-in: e-mail and password, errors in words; while the demo data runs, one button per
 * demo role that signs in as it.
 */
@Component({
  selector: 'rl-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: '../auth-pages.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  /** Where to go after signing in (`?next=`, an address of this app). */
  readonly next = input<string | undefined>();

  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly demoLogins = signal<readonly DemoLogin[]>([]);

  constructor() {
    this.auth.demoLogins().then(
      (logins) => this.demoLogins.set(logins),
      () => this.demoLogins.set([]), // no demo panel when the list cannot be read
    );
  }

  protected roleLabel(login: DemoLogin): string {
    return login.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ');
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (!this.email().trim() || !this.password()) {
      this.error.set('Enter your e-mail address and password.');
      return;
    }
    void this.signIn(this.email(), this.password());
  }

  protected signInAs(login: DemoLogin): void {
    this.email.set(login.email);
    this.password.set(login.password);
    void this.signIn(login.email, login.password);
  }

  private async signIn(email: string, password: string): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const user = await this.auth.signIn(email, password);
      await this.router.navigateByUrl(safeNext(this.next(), user));
    } catch (error) {
      this.error.set(errorText(error, 'Signing in failed. Try again.'));
    } finally {
      this.busy.set(false);
    }
  }
}
