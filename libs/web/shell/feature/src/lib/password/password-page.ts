import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthStore, errorText } from '@returnlens/web/shared/data-access';

type Field = 'current' | 'next' | 'repeat';

/** What the API's 400 `{field, message}` says about which field, or the form as a whole. */
export function passwordError(
  error: unknown,
  fallback = 'The password could not be changed. Try again.',
): { field: Field | null; message: string } {
  const message = errorText(error, fallback);
  const field =
    error instanceof HttpErrorResponse ? (error.error as { field?: unknown } | null)?.field : null;
  return { field: field === 'current' || field === 'next' ? field : null, message };
}

/**
 * Choose a new password: required after signing in with a one-time password, available to
 * anyone signed in. The server's rules decide; its message is shown beside the field.
 */
@Component({
  selector: 'rl-password-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './password-page.html',
  styleUrl: '../auth-pages.scss',
})
export class PasswordPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  protected readonly required = computed(() => this.auth.user()?.mustChangePassword ?? false);
  protected readonly name = computed(() => this.auth.user()?.name ?? '');
  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly repeat = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<{ field: Field | null; message: string } | null>(null);

  protected fieldError(field: Field): string | null {
    const error = this.error();
    return error?.field === field ? error.message : null;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (!this.current() || !this.next()) {
      this.error.set({
        field: !this.current() ? 'current' : 'next',
        message: this.transloco.translate(
          !this.current() ? 'password.enterCurrent' : 'password.enterNew',
        ),
      });
      return;
    }
    if (this.next() !== this.repeat()) {
      this.error.set({ field: 'repeat', message: this.transloco.translate('password.differ') });
      return;
    }
    void this.change();
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut().catch(() => undefined);
    await this.router.navigateByUrl('/login');
  }

  private async change(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.changePassword(this.current(), this.next());
      await this.router.navigateByUrl(this.auth.home());
    } catch (error) {
      this.error.set(passwordError(error, this.transloco.translate('password.failed')));
    } finally {
      this.busy.set(false);
    }
  }
}
