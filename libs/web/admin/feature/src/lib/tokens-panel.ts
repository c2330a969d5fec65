import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { TOKEN_SCOPES, type TokenScope } from '@returnlens/shared/contracts';
import { AdminApi, errorText, type ApiToken } from '@returnlens/web/shared/data-access';
import {
  hasErrors,
  newTokenErrors,
  SCOPE_LABELS,
  toggledScope,
  when,
  type FormErrors,
} from './admin-forms';
import { SecretBoxComponent } from './secret-box';

/** API tokens for machines: create one (shown once), see when each was used, revoke. */
@Component({
  selector: 'rl-tokens-panel',
  imports: [SecretBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tokens-panel.html',
  styleUrl: './admin.scss',
})
export class TokensPanelComponent {
  private readonly api = inject(AdminApi);
  readonly changed = output<void>();

  protected readonly scopes = TOKEN_SCOPES;
  protected readonly scopeLabels = SCOPE_LABELS;
  protected readonly when = when;
  protected readonly tokens = this.api.tokensResource();
  protected readonly rows = computed(() => (this.tokens.hasValue() ? this.tokens.value() : []));

  protected readonly name = signal('');
  protected readonly newScopes = signal<TokenScope[]>([]);
  protected readonly formErrors = signal<FormErrors<'name' | 'scopes'>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly secret = signal<{ title: string; value: string } | null>(null);

  /** The token waiting for the user to confirm its revocation. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);

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
      this.secret.set({ title: `API token “${created.name}”`, value: created.token });
      this.name.set('');
      this.newScopes.set([]);
      this.reload();
    } catch (error) {
      this.formError.set(errorText(error, 'The token could not be created. Try again.'));
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
        message: errorText(error, 'The token could not be revoked. Try again.'),
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
