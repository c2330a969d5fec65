import type { Route } from '@angular/router';
import type { Permission } from '@returnlens/shared/contracts';
import {
  canMatchPermission,
  homeRedirect,
  requireSession,
  requireSignedOut,
  requireSignIn,
} from '@returnlens/web/shared/data-access';
import { LoginPage, NotAvailablePage, PasswordPage } from '@returnlens/web/shell/feature';

/**
 * A dashboard page: it matches only for a role with its permission (else the catch-all
 * route says it is not available, without loading the page), and needs a signed-in user
 * with a password of their own. `title` is the message key of its tab title
 * (`TranslatedTitleStrategy` writes it in the interface language).
 */
function page(
  path: string,
  permission: Permission | null,
  title: string,
  loadComponent: Route['loadComponent'],
): Route {
  return {
    path,
    title,
    canMatch: [canMatchPermission(permission)],
    canActivate: [requireSignIn],
    loadComponent,
  };
}

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: homeRedirect },
  {
    path: 'login',
    title: 'login.title',
    canActivate: [requireSignedOut],
    component: LoginPage,
  },
  {
    path: 'password',
    title: 'password.title',
    canActivate: [requireSession],
    component: PasswordPage,
  },
  page('weekly', 'claims', 'nav.weekly.label', () =>
    import('@returnlens/web/weekly-report/feature').then((m) => m.WeeklyReportPage),
  ),
  page('suppliers', 'suppliers', 'nav.suppliers.label', () =>
    import('@returnlens/web/suppliers/feature').then((m) => m.SuppliersPage),
  ),
  page('suppliers/:supplierId', 'suppliers', 'app.titles.supplier', () =>
    import('@returnlens/web/suppliers/feature').then((m) => m.SupplierDetailPage),
  ),
  page('sla', 'sla', 'nav.sla.label', () =>
    import('@returnlens/web/sla/feature').then((m) => m.SlaPage),
  ),
  page('feedback', 'feedback', 'nav.feedback.label', () =>
    import('@returnlens/web/feedback/feature').then((m) => m.FeedbackPage),
  ),
  page('root-causes', 'claims', 'nav.root-causes.label', () =>
    import('@returnlens/web/root-causes/feature').then((m) => m.RootCausesPage),
  ),
  page('money', 'claims', 'nav.money.label', () =>
    import('@returnlens/web/money/feature').then((m) => m.MoneyPage),
  ),
  page('data', 'ingest', 'nav.data.label', () =>
    import('@returnlens/web/data/feature').then((m) => m.DataPage),
  ),
  page('admin', 'admin', 'nav.admin.label', () =>
    import('@returnlens/web/admin/feature').then((m) => m.AdminPage),
  ),
  page('settings', 'settings', 'nav.settings.label', () =>
    import('@returnlens/web/settings/feature').then((m) => m.SettingsPage),
  ),
  // Every signed-in role: their own digests and alerts (owner/admin also everyone's).
  page('subscriptions', null, 'nav.subscriptions.label', () =>
    import('@returnlens/web/notify/feature').then((m) => m.SubscriptionsPage),
  ),
  {
    // A page the role does not open, or no page at all.
    path: '**',
    title: 'app.titles.notAvailable',
    canActivate: [requireSignIn],
    component: NotAvailablePage,
  },
];
