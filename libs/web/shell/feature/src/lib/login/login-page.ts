import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { type DemoLogin } from '@returnlens/shared/contracts';
import { AuthStore, errorText, LanguageStore, safeNext } from '@returnlens/web/shared/data-access';

/**
 * Sign-in: e-mail and password, errors in words; while the demo data runs, one button per
 * demo role that signs in as it.
 */
@Component({
  selector: 'rl-login-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: '../auth-pages.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore);
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

  protected submit(event: Event): void {
    event.preventDefault();
    if (!this.email().trim() || !this.password()) {
      this.error.set(this.transloco.translate('login.missing'));
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
      await this.language.resolve(); // the user's own language, if they chose one
      await this.router.navigateByUrl(safeNext(this.next(), user));
    } catch (error) {
      this.error.set(errorText(error, this.transloco.translate('login.failed')));
    } finally {
      this.busy.set(false);
    }
  }
}
