// The citizen pages. Each page is its own lazily loaded module.
import { lazy } from 'react';
import type { PageRoute } from '../shell/page-route';

export const citizenRoutes: PageRoute[] = [
  {
    path: '/register',
    access: 'public',
    title: 'register.title',
    page: lazy(() => import('./register.page')),
  },
  {
    path: '/verify-email',
    access: 'public',
    title: 'verifyEmail.title',
    page: lazy(() => import('./verify-email.page')),
  },
  {
    path: '/login',
    access: 'public',
    title: 'login.title',
    page: lazy(() => import('./login.page')),
  },
  {
    path: '/reset-password',
    access: 'public',
    title: 'reset.title',
    page: lazy(() => import('./reset-password.page')),
  },
  {
    path: '/account',
    access: 'signed-in',
    title: 'account.title',
    page: lazy(() => import('./account.page')),
  },
  {
    path: '/file/:code',
    access: 'applicant',
    title: 'file.title',
    page: lazy(() => import('./file.page')),
  },
  {
    path: '/drafts/:id',
    access: 'applicant',
    title: 'draft.title',
    page: lazy(() => import('./draft.page')),
  },
  {
    path: '/receipt/:id',
    access: 'applicant',
    title: 'receipt.title',
    page: lazy(() => import('./receipt.page')),
  },
  {
    path: '/dossiers',
    access: 'applicant',
    title: 'dossiers.title',
    page: lazy(() => import('./dossiers.page')),
  },
  {
    path: '/dossiers/:id',
    access: 'applicant',
    title: 'dossier.title',
    page: lazy(() => import('./dossier.page')),
  },
];
