import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { TOKEN_SCOPES, type TokenScope } from '@returnlens/shared/contracts';
import { AdminApi, errorText, type ApiToken } from '@returnlens/web/shared/data-access';
import { hasErrors, newTokenErrors, toggledScope, when, type FormErrors } from './admin-forms';
import { SecretBoxComponent } from './secret-box';

/** API tokens for machines: create one (shown once), see when each was used, revoke. */
@Component({
  selector: 'rl-tokens-panel',
  imports: [TranslocoPipe, SecretBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tokens-panel.html',
  styleUrl: './admin.scss',
})
export class TokensPanelComponent {
  private readonly api = inject(AdminApi);
  private readonly transloco = inject(TranslocoService);
  readonly changed = output<void>();

  protected readonly scopes = TOKEN_SCOPES;
  /** A date and time in the interface language; `never` in words for none. */
  protected readonly when = (iso: string | null, never?: string): string =>
    when(iso, never, this.transloco.getActiveLang());
  protected readonly tokens = this.api.tokensResource();
  protected readonly rows = computed(() => (this.tokens.hasValue() ? this.tokens.value() : []));

  protected readonly name = signal('');
  protected readonly newScopes = signal<TokenScope[]>([]);
  protected readonly formErrors = signal<FormErrors<'name' | 'scopes'>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly creating = signal(false);
  /** The token just created, shown once (its name and the secret). */
  protected readonly secret = signal<{ name: string; value: string } | null>(null);

  /** The token waiting for the user to confirm its revocation. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);

  /** A name kept in its own direction inside a sentence (Unicode first-strong isolate). */
  protected isolate(text: string): string {
    return `\u2068${text}\u2069`;
  }

  protected scopesText(token: ApiToken): string {
    return token.scopes.join(', ');
  }

  protected setScope(scope: TokenScope, on: boolean): void {
    this.newScopes.update((scopes) => toggledScope(scopes, scope, on));
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const form = { name: this.name(), scopes: this.newScopes() };
    const errors = newTokenErrors(form);
    this.formErrors.set(errors);
    this.formError.set(null);
    if (hasErrors(errors)) return;
    this.creating.set(true);
    try {
      const created = await this.api.createToken(form.name.trim(), form.scopes);
      this.secret.set({ name: created.name, value: created.token });
      this.name.set('');
      this.newScopes.set([]);
      this.reload();
    } catch (error) {
      this.formError.set(errorText(error, this.transloco.translate('admin.tokens.createFailed')));
    } finally {
      this.creating.set(false);
    }
  }

  protected async revoke(token: ApiToken): Promise<void> {
    this.busyId.set(token.id);
    this.rowError.set(null);
    try {
      await this.api.revokeToken(token.id);
      this.confirming.set(null);
      this.reload();
    } catch (error) {
      this.rowError.set({
        id: token.id,
        message: errorText(error, this.transloco.translate('admin.tokens.revokeFailed')),
      });
    } finally {
      this.busyId.set(null);
    }
  }

  private reload(): void {
    this.tokens.reload();
    this.changed.emit();
  }
}
