/**
 * Who may see what (docs/security.md). People have roles, machines have token scopes; both
 * come down to permissions, and every API route and dashboard page names the permissions
 * that open it (any one of them suffices).
 */
export const ROLES = ['owner', 'buyer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TOKEN_SCOPES = ['ingest', 'read', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const PERMISSIONS = [
  /** Claims: weekly report, KPIs, reason Pareto, stated-vs-text, claim records. */
  'claims',
  /** Suppliers and products: scorecards, reason matrices, the evidence behind them. */
  'suppliers',
  /** SLA attainment, breaches, at-risk claims, SLA policies and calendar (read). */
  'sla',
  /** Reviews, ratings, sentiment and aspects. */
  'feedback',
  /** Uploading data, batch reports, rejected rows, mapping presets. */
  'ingest',
  /** Changing SLA policies, the business calendar and the reporting settings. */
  'settings',
  /** Users, API tokens and the audit log. */
  'admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  buyer: ['suppliers', 'feedback'],
  manager: ['claims', 'sla', 'feedback'],
  admin: ['admin', 'settings'],
};

export const SCOPE_PERMISSIONS: Readonly<Record<TokenScope, readonly Permission[]>> = {
  read: ['claims', 'suppliers', 'sla', 'feedback'],
  ingest: ['ingest'],
  admin: PERMISSIONS,
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: 'Owner — everything',
  buyer: 'Buyer — suppliers, products, feedback',
  manager: 'Service manager — SLA, claims, feedback',
  admin: 'Admin — users, tokens, settings',
};

export function permissionsOf(grants: {
  roles?: readonly string[];
  scopes?: readonly string[];
}): Permission[] {
  const out = new Set<Permission>();
  for (const role of grants.roles ?? [])
    for (const p of ROLE_PERMISSIONS[role as Role] ?? []) out.add(p);
  for (const scope of grants.scopes ?? [])
    for (const p of SCOPE_PERMISSIONS[scope as TokenScope] ?? []) out.add(p);
  return PERMISSIONS.filter((p) => out.has(p));
}

/** The permissions of `wanted` that `held` lacks (in the canonical order); empty: none. */
export function missingPermissions(
  held: readonly Permission[],
  wanted: readonly Permission[],
): Permission[] {
  return PERMISSIONS.filter((p) => wanted.includes(p) && !held.includes(p));
}

/**
 * The roles someone holding `held` may give, take away or manage: those whose permissions
 * they hold themselves. Nobody hands on access they do not have (an owner may give every role).
 */
export function grantableRoles(held: readonly Permission[]): Role[] {
  return ROLES.filter((role) => missingPermissions(held, ROLE_PERMISSIONS[role]).length === 0);
}

/** What `GET /api/auth/me` answers. */
export interface CurrentUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly permissions: readonly Permission[];
  readonly mustChangePassword: boolean;
  readonly demo: boolean;
  /** The interface language the user chose (null: the browser's, else the shop's). */
  readonly language: UiLanguage | null;
}

/** The dashboard's interface languages (docs/i18n.md), English first. */
export const UI_LANGUAGES = ['en', 'ru', 'pl', 'he', 'uk', 'de', 'pt', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** Languages written right to left: the whole layout mirrors. */
export const RTL_LANGUAGES: readonly UiLanguage[] = ['he'];
/** Each language's own name (what the language picker shows). */
export const UI_LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = {
  en: 'English',
  ru: 'Русский',
  pl: 'Polski',
  he: 'עברית',
  uk: 'Українська',
  de: 'Deutsch',
  pt: 'Português',
  es: 'Español',
};

/**
 * The locale numbers, money, dates and durations are written in, per interface language — by
 * the dashboard and by the mails it sends (docs/i18n.md): decimal comma and spaced thousands in
 * pl/ru/uk/de/pt/es, `₪`, `zł`, `₽`, `€` where each locale puts them.
 */
export const UI_LOCALES: Readonly<Record<UiLanguage, string>> = {
  en: 'en-GB',
  ru: 'ru-RU',
  pl: 'pl-PL',
  he: 'he-IL',
  uk: 'uk-UA',
  de: 'de-DE',
  pt: 'pt-PT',
  es: 'es-ES',
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language the interface speaks to a caller (`GET /api/auth/language`): the signed-in
 * user's choice, else the first of the browser's `Accept-Language` the dashboard speaks, else
 * the shop's default.
 */
export interface LanguageAnswer {
  readonly language: UiLanguage;
  readonly source: 'user' | 'browser' | 'shop';
  readonly shopDefault: UiLanguage;
  readonly languages: readonly UiLanguage[];
}

/** A demo login listed on the sign-in page while the demo data runs on loopback. */
export interface DemoLogin {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/** The CSRF cookie and header (Angular's HttpClient defaults). */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
export const SESSION_COOKIE = 'rl_session';
