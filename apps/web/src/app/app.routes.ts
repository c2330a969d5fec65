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
    component: PlannedPage,
    data: {
      heading: 'Suppliers',
      question: 'Which supplier’s goods break, and is that noise or a real problem?',
      contents:
        'a funnel plot of defect rate against units sold with control limits, a scorecard with 95% intervals, and an evidence pack per supplier',
    },
  },
  {
    path: 'sla',
    title: 'SLA · Returnlens',
    component: PlannedPage,
    data: {
      heading: 'SLA',
      question: 'Are we answering and refunding on time? Where do we breach?',
      contents:
        'attainment per policy, median and p90 response, resolution and refund times, the at-risk and breach lists',
    },
  },
  {
    path: 'feedback',
    title: 'Feedback · Returnlens',
    component: PlannedPage,
    data: {
      heading: 'Feedback',
      question: 'What are customers saying, in any language?',
      contents:
        'the rating distribution, net sentiment by week and language, aspects, and the reviews themselves',
    },
  },
  {
    path: 'root-causes',
    title: 'Root causes · Returnlens',
    component: PlannedPage,
    data: {
      heading: 'Root causes',
      question: 'What is the root cause?',
      contents:
        'the category → reason → product → supplier hierarchy, a reason × supplier heatmap, and stated-vs-inferred mismatches',
    },
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
