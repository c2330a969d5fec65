import type { Route } from '@angular/router';
import { PlannedPage } from './planned/planned-page';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'weekly' },
  {
    path: 'weekly',
    title: 'Weekly report · Returnlens',
    loadComponent: () =>
      import('@returnlens/web/weekly-report/feature').then((m) => m.WeeklyReportPage),
  },
  {
    path: 'suppliers',
    title: 'Suppliers · Returnlens',
    loadComponent: () => import('@returnlens/web/suppliers/feature').then((m) => m.SuppliersPage),
  },
  {
    path: 'suppliers/:supplierId',
    title: 'Supplier · Returnlens',
    loadComponent: () =>
      import('@returnlens/web/suppliers/feature').then((m) => m.SupplierDetailPage),
  },
  {
    path: 'sla',
    title: 'SLA · Returnlens',
    loadComponent: () => import('@returnlens/web/sla/feature').then((m) => m.SlaPage),
  },
  {
    path: 'feedback',
    title: 'Feedback · Returnlens',
    loadComponent: () => import('@returnlens/web/feedback/feature').then((m) => m.FeedbackPage),
  },
  {
    path: 'root-causes',
    title: 'Root causes · Returnlens',
    loadComponent: () =>
      import('@returnlens/web/root-causes/feature').then((m) => m.RootCausesPage),
  },
  {
    path: 'data',
    title: 'Data · Returnlens',
    loadComponent: () => import('@returnlens/web/data/feature').then((m) => m.DataPage),
  },
  {
    path: '**',
    title: 'Not found · Returnlens',
    component: PlannedPage,
    data: {
      heading: 'Page not found',
      question: 'This address does not match any page.',
      contents: '',
    },
  },
];
