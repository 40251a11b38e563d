// The officer pages. Each page is its own lazily loaded module.
import { lazy } from 'react';
import type { PageRoute } from '../shell/page-route';

const OFFICERS = ['reception', 'specialist', 'head_of_unit', 'leader', 'cashier'];

export const officerRoutes: PageRoute[] = [
  {
    path: '/work',
    access: 'staff',
    title: 'worklist.title',
    page: lazy(() => import('./worklist.page')),
  },
  {
    path: '/work/tasks/:id',
    access: { roles: OFFICERS },
    title: 'task.title',
    page: lazy(() => import('./task.page')),
  },
  {
    path: '/work/intake',
    access: { roles: ['reception'] },
    title: 'intake.title',
    page: lazy(() => import('./intake.page')),
  },
  {
    path: '/work/dossiers',
    access: 'staff',
    title: 'dossiers.title',
    page: lazy(() => import('./dossier-search.page')),
  },
  {
    path: '/work/dossiers/:id',
    access: 'staff',
    title: 'dossiers.dossierPageTitle',
    page: lazy(() => import('./dossier.page')),
  },
  {
    path: '/work/dossiers/:id/receipt',
    access: 'staff',
    title: 'dossiers.receipt.title',
    page: lazy(() => import('./receipt.page')),
  },
  {
    path: '/work/organisations',
    access: { roles: ['reception', 'operator', 'admin'] },
    title: 'organisations.title',
    page: lazy(() => import('./organisations.page')),
  },
];
