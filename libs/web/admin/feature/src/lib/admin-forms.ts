import { ADMIN_MESSAGES } from './i18n/en';
import { ROLES, TOKEN_SCOPES, type Role, type TokenScope } from '@returnlens/shared/contracts';

export interface NewUserForm {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface NewTokenForm {
  readonly name: string;
  readonly scopes: readonly TokenScope[];
}

export type FormErrors<K extends string> = Partial<Record<K, string>>;

/** What stops a new user from being created, per field, as message keys (empty: nothing). */
export function newUserErrors(form: NewUserForm): FormErrors<'email' | 'name' | 'roles'> {
  const errors: FormErrors<'email' | 'name' | 'roles'> = {};
  const email = form.email.trim();
  if (!email) errors.email = 'admin.users.errors.emailMissing';
  else if (!/^[^\s@]{1,64}@[^\s@]{1,189}$/.test(email))
    errors.email = 'admin.users.errors.emailInvalid';
  if (form.name.trim().length > 200) errors.name = 'admin.users.errors.nameTooLong';
  if (!form.roles.length) errors.roles = 'admin.users.errors.rolesMissing';
  return errors;
}

/** What stops a token from being created, per field, as message keys (empty: nothing). */
export function newTokenErrors(form: NewTokenForm): FormErrors<'name' | 'scopes'> {
  const errors: FormErrors<'name' | 'scopes'> = {};
  const name = form.name.trim();
  if (!name) errors.name = 'admin.tokens.errors.nameMissing';
  else if (name.length > 100) errors.name = 'admin.tokens.errors.nameTooLong';
  if (!form.scopes.length) errors.scopes = 'admin.tokens.errors.scopesMissing';
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

/** `list` with `item` added or removed, in the order of `all`. */
export function toggled<T>(all: readonly T[], list: readonly T[], item: T, on: boolean): T[] {
  const chosen = new Set(list);
  if (on) chosen.add(item);
  else chosen.delete(item);
  return all.filter((x) => chosen.has(x));
}

export const toggledRole = (list: readonly Role[], role: Role, on: boolean): Role[] =>
  toggled(ROLES, list, role, on);
export const toggledScope = (list: readonly TokenScope[], scope: TokenScope, on: boolean) =>
  toggled(TOKEN_SCOPES, list, scope, on);

/** A date and time in `locale` (the interface language); `never` (already in words) for none. */
export function when(
  iso: string | null,
  never = 'Never',
  locale: string | undefined = undefined,
): string {
  if (!iso) return never;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Audit actions the page names in every language (`admin.audit.actions.<action>`). */
export const KNOWN_ACTIONS: ReadonlySet<string> = new Set(
  Object.keys(ADMIN_MESSAGES.audit.actions),
);

/** An audit event's action in words (`user_created` → "User created"), for actions not named. */
export function actionLabel(action: string): string {
  const text = action.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Newest first by time (then by id, as a number), whatever order the list came in. */
export function newestFirst<T extends { readonly at: string; readonly id: string }>(
  events: readonly T[],
): T[] {
  return [...events].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || Number(b.id) - Number(a.id),
  );
}
