// The admin pages. Each page is its own lazily loaded module.
import { lazy } from 'react';
import type { PageRoute } from '../shell/page-route';

export const adminRoutes: PageRoute[] = [
  {
    path: '/admin',
    access: { roles: ['operator', 'admin', 'analyst'] },
    title: 'admin.title',
    page: lazy(() => import('./admin-index.page')),
  },
  {
    path: '/admin/accounts',
    access: { roles: ['operator', 'admin'] },
    title: 'accounts.title',
    page: lazy(() => import('./accounts.page')),
  },
  {
    path: '/admin/agencies',
    access: { roles: ['admin'] },
    title: 'agencies.title',
    page: lazy(() => import('./agencies.page')),
  },
  {
    path: '/admin/calendar',
    access: { roles: ['operator', 'admin'] },
    title: 'calendar.title',
    page: lazy(() => import('./calendar.page')),
  },
  {
    path: '/admin/procedures',
    access: { roles: ['analyst', 'admin'] },
    title: 'procedures.title',
    page: lazy(() => import('./procedures.page')),
  },
  {
    path: '/admin/procedures/:code',
    access: { roles: ['analyst', 'admin'] },
    title: 'procedures.versionsTitle',
    page: lazy(() => import('./procedure-versions.page')),
  },
  {
    path: '/admin/notifications',
    access: { roles: ['operator', 'admin'] },
    title: 'notifications.title',
    page: lazy(() => import('./notifications.page')),
  },
];
