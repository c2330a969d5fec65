import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ROLES, type Role } from '@returnlens/shared/contracts';
import { AdminApi, AuthStore, errorText, type AdminUser } from '@returnlens/web/shared/data-access';
import { hasErrors, newUserErrors, toggledRole, when, type FormErrors } from './admin-forms';
import { SecretBoxComponent } from './secret-box';

/** Users: who can sign in with which roles; add, change roles, disable, reset a password. */
@Component({
  selector: 'rl-users-panel',
  imports: [TranslocoPipe, SecretBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-panel.html',
  styleUrl: './admin.scss',
})
export class UsersPanelComponent {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  /** Something changed that the audit log records. */
  readonly changed = output<void>();

  protected readonly roles = ROLES;
  /** A date and time in the interface language; `never` in words for none. */
  protected readonly when = (iso: string | null, never?: string): string =>
    when(iso, never, this.transloco.getActiveLang());
  protected readonly users = this.api.usersResource();
  protected readonly rows = computed(() => (this.users.hasValue() ? this.users.value() : []));
  protected readonly selfId = computed(() => this.auth.user()?.id ?? null);

  // The new-user form
  protected readonly email = signal('');
  protected readonly name = signal('');
  protected readonly newRoles = signal<Role[]>([]);
  protected readonly formErrors = signal<FormErrors<'email' | 'name' | 'roles'>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly creating = signal(false);

  /** The one-time password just issued, shown once (its title a message key and the e-mail). */
  protected readonly secret = signal<{ title: string; email: string; value: string } | null>(null);

  // Per-row work
  protected readonly editing = signal<{ id: string; roles: Role[] } | null>(null);
  protected readonly busyId = signal<string | null>(null);
  /** The user whose password waits for the admin to confirm the reset. */
  protected readonly confirmingReset = signal<string | null>(null);
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);

  /** A role's name without its description ("Buyer — suppliers, …" → "Buyer"), in words. */
  protected shortRole(label: string): string {
    return label.split(/ [—–] /)[0];
  }

  /** The message key of a user's status. */
  protected status(user: AdminUser): string {
    if (user.disabledAt) return 'admin.users.statusDisabled';
    if (user.mustChangePassword) return 'admin.users.statusMustChange';
    return 'admin.common.active';
  }

  protected setNewRole(role: Role, on: boolean): void {
    this.newRoles.update((roles) => toggledRole(roles, role, on));
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const form = { email: this.email(), name: this.name(), roles: this.newRoles() };
    const errors = newUserErrors(form);
    this.formErrors.set(errors);
    this.formError.set(null);
    if (hasErrors(errors)) return;
    this.creating.set(true);
    try {
      const created = await this.api.createUser({
        email: form.email.trim(),
        name: form.name.trim() || undefined,
        roles: form.roles,
      });
      this.secret.set({
        title: 'admin.users.oneTimePassword',
        email: created.user.email,
        value: created.oneTimePassword,
      });
      this.email.set('');
      this.name.set('');
      this.newRoles.set([]);
      this.reload();
    } catch (error) {
      this.formError.set(errorText(error, this.transloco.translate('admin.users.createFailed')));
    } finally {
      this.creating.set(false);
    }
  }

  protected editRoles(user: AdminUser): void {
    this.rowError.set(null);
    this.editing.set({ id: user.id, roles: [...user.roles] });
  }

  protected setEditedRole(role: Role, on: boolean): void {
    this.editing.update((e) => (e ? { ...e, roles: toggledRole(e.roles, role, on) } : e));
  }

  protected async saveRoles(user: AdminUser): Promise<void> {
    const edit = this.editing();
    if (!edit) return;
    if (!edit.roles.length) {
      this.rowError.set({
        id: user.id,
        message: this.transloco.translate('admin.users.errors.rolesMissing'),
      });
      return;
    }
    if (await this.run(user, () => this.api.updateUser(user.id, { roles: edit.roles })))
      this.editing.set(null);
  }

  protected setDisabled(user: AdminUser, disabled: boolean): void {
    void this.run(user, () => this.api.updateUser(user.id, { disabled }));
  }

  protected async resetPassword(user: AdminUser): Promise<void> {
    let password = '';
    const ok = await this.run(user, async () => {
      password = (await this.api.resetPassword(user.id)).oneTimePassword;
    });
    if (ok)
      this.secret.set({
        title: 'admin.users.newOneTimePassword',
        email: user.email,
        value: password,
      });
  }

  protected reload(): void {
    this.users.reload();
    this.changed.emit();
  }

  private async run(user: AdminUser, work: () => Promise<unknown>): Promise<boolean> {
    this.busyId.set(user.id);
    this.rowError.set(null);
    try {
      await work();
      this.reload();
      return true;
    } catch (error) {
      this.rowError.set({
        id: user.id,
        message: errorText(error, this.transloco.translate('admin.common.failed')),
      });
      return false;
    } finally {
      this.busyId.set(null);
    }
  }
}
