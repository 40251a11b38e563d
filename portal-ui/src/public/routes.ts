// The public pages. Each page is its own lazily loaded module.
import { lazy } from 'react';
import type { PageRoute } from '../shell/page-route';

export const publicRoutes: PageRoute[] = [
  { path: '/', access: 'public', title: 'home.title', page: lazy(() => import('./home.page')) },
  {
    path: '/procedures/:code',
    access: 'public',
    title: 'procedure.title',
    page: lazy(() => import('./procedure.page')),
  },
  {
    path: '/lookup',
    access: 'public',
    title: 'lookup.title',
    page: lazy(() => import('./lookup.page')),
  },
  {
    path: '/verify',
    access: 'public',
    title: 'verify.title',
    page: lazy(() => import('./verify.page')),
  },
];
