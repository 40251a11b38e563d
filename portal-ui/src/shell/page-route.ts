import type { ComponentType, LazyExoticComponent } from 'react';

/**
 * Who may open a page: anyone, anyone signed in, a signed-in applicant, any
 * officer, or officers with one of the roles.
 */
export type Access = 'public' | 'signed-in' | 'applicant' | 'staff' | { roles: string[] };

export interface PageProps {
  params: Record<string, string | undefined>;
}

export interface PageRoute {
  path: string;
  access: Access;
  /** i18n key of the page title (document.title). */
  title: string;
  page: LazyExoticComponent<ComponentType<PageProps>>;
}
