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

/** What stops a new user from being created, per field (empty: nothing). */
export function newUserErrors(form: NewUserForm): FormErrors<'email' | 'name' | 'roles'> {
  const errors: FormErrors<'email' | 'name' | 'roles'> = {};
  const email = form.email.trim();
  if (!email) errors.email = 'Enter the e-mail address the person signs in with.';
  else if (!/^[^\s@]{1,64}@[^\s@]{1,189}$/.test(email))
    errors.email = 'An e-mail address looks like name@example.com.';
  if (form.name.trim().length > 200) errors.name = 'A name has at most 200 characters.';
  if (!form.roles.length) errors.roles = 'Choose at least one role.';
  return errors;
}

/** What stops a token from being created, per field (empty: nothing). */
export function newTokenErrors(form: NewTokenForm): FormErrors<'name' | 'scopes'> {
  const errors: FormErrors<'name' | 'scopes'> = {};
  const name = form.name.trim();
  if (!name) errors.name = 'Name the token after the machine or script that uses it.';
  else if (name.length > 100) errors.name = 'A token name has at most 100 characters.';
  if (!form.scopes.length) errors.scopes = 'Choose at least one scope.';
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

export const SCOPE_LABELS: Readonly<Record<TokenScope, string>> = {
  read: 'Read — the dashboards’ figures and records',
  ingest: 'Ingest — upload claims, reviews, sales and catalogue data',
  admin: 'Admin — everything, including users and tokens',
};

/** A date and time in the user's locale; "Never" for none. */
export function when(iso: string | null, never = 'Never'): string {
  if (!iso) return never;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** An audit event's action in words (`user_created` → "User created"). */
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
