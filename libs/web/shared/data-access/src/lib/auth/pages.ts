import type { CurrentUser, Permission } from '@returnlens/shared/contracts';

/** A page of the dashboard and the permission that opens it. */
export interface PageAccess {
  readonly path: string;
  readonly label: string;
  /** What the page is about, in a word (shown beside its name in the navigation). */
  readonly hint: string;
  /** null: every signed-in user opens it (their own subscriptions). */
  readonly permission: Permission | null;
}

/** Every page, in navigation order; a role's home is the first it may see. */
export const PAGES: readonly PageAccess[] = [
  { path: '/weekly', label: 'Weekly report', hint: 'Claims', permission: 'claims' },
  { path: '/suppliers', label: 'Suppliers', hint: 'Products', permission: 'suppliers' },
  { path: '/sla', label: 'SLA', hint: 'Service', permission: 'sla' },
  { path: '/feedback', label: 'Feedback', hint: 'Reviews', permission: 'feedback' },
  { path: '/root-causes', label: 'Root causes', hint: 'Reasons', permission: 'claims' },
  { path: '/money', label: 'Money & resolutions', hint: 'Refunds', permission: 'claims' },
  { path: '/data', label: 'Data', hint: 'Import', permission: 'ingest' },
  { path: '/admin', label: 'Admin', hint: 'Users', permission: 'admin' },
  { path: '/settings', label: 'Settings', hint: 'Rules', permission: 'settings' },
  { path: '/subscriptions', label: 'Subscriptions', hint: 'Digests', permission: null },
];

/** Whether these permissions open the page. */
export function mayOpen(permissions: readonly Permission[], page: PageAccess): boolean {
  return page.permission === null || permissions.includes(page.permission);
}

/** The pages these permissions open. */
export function pagesFor(permissions: readonly Permission[]): PageAccess[] {
  return PAGES.filter((page) => mayOpen(permissions, page));
}

/** The page an address belongs to (`/suppliers/S1?x=1` → Suppliers), if any. */
export function pageOf(url: string): PageAccess | undefined {
  const first = url.split(/[?#]/)[0].split('/')[1] ?? '';
  return PAGES.find((page) => page.path === `/${first}`);
}

/** Where a user starts: the first page they may see, or the sign-in page. */
export function homeOf(user: CurrentUser | null): string {
  if (!user) return '/login';
  if (user.mustChangePassword) return '/password';
  return pagesFor(user.permissions)[0]?.path ?? '/weekly';
}

/**
 * Where to go after signing in: `next` when it is an address of this app the user may open
 * (never another site: `//evil.example` or `https://…` fall back to home).
 */
export function safeNext(next: string | null | undefined, user: CurrentUser | null): string {
  const home = homeOf(user);
  if (!user || user.mustChangePassword) return home;
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return home;
  if (/^\/(login|password)(\/|\?|#|$)/.test(next)) return home;
  const page = pageOf(next);
  if (page && !mayOpen(user.permissions, page)) return home;
  return next;
}
