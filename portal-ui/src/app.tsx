// The portal's pages: public, citizen, officer and admin areas, each page a
// lazily loaded module so a citizen never downloads the officer's code.
import { Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { adminRoutes } from './admin/routes';
import { citizenRoutes } from './citizen/routes';
import { t, useLocale } from './i18n/i18n';
import { officerRoutes } from './officer/routes';
import { publicRoutes } from './public/routes';
import { Loading, useTitle } from './shell/feedback';
import { Guard } from './shell/guard';
import { Layout } from './shell/layout';
import type { PageRoute } from './shell/page-route';
import { SessionProvider } from './shell/session';

const routes: PageRoute[] = [...publicRoutes, ...citizenRoutes, ...officerRoutes, ...adminRoutes];

function Titled({
  route,
  params,
}: {
  route: PageRoute;
  params: Record<string, string | undefined>;
}) {
  useLocale();
  useTitle(t(route.title));
  const Page = route.page;
  return (
    <Guard access={route.access}>
      <Page params={params} />
    </Guard>
  );
}

function NotFound() {
  useTitle(t('common.notFound.title'));
  return (
    <section>
      <h1>{t('common.notFound.title')}</h1>
      <p>{t('common.notFound.body')}</p>
    </section>
  );
}

export function App() {
  useLocale();
  return (
    <SessionProvider>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Switch>
            {routes.map((route) => (
              <Route key={route.path} path={route.path}>
                {(params) => <Titled route={route} params={params} />}
              </Route>
            ))}
            <Route>
              <NotFound />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}
