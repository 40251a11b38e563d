// Serves the built web apps: the portal (portal-ui/dist) at `/` and the
// modeler (modeler-ui/dist) at `/modeler/`. Each is a single-page app: a
// browser asking for a page the app routes itself (Accept: text/html) gets
// the app's index.html; the API, the docs, health, readiness and metrics are
// never shadowed. Hashed assets are cached for a year, index.html never. An
// app that was not built leaves the server running and answers 503.
import { existsSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

export interface WebAppDirs {
  portal: string;
  modeler: string;
}

export const BUILT_WEB_APPS: WebAppDirs = {
  portal: fileURLToPath(new URL('../../../portal-ui/dist', import.meta.url)),
  modeler: fileURLToPath(new URL('../../../modeler-ui/dist', import.meta.url)),
};

/** Paths of the server itself, never a page of the portal. */
const SERVER_PREFIXES = ['/api', '/docs', '/health', '/ready', '/metrics', '/modeler'];

const IMMUTABLE = 'public, max-age=31536000, immutable';

function isServerPath(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0]!;
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

const wantsPage = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');

interface AppOptions {
  name: string;
  root: string;
  /** Where the app is served (not `prefix`: Fastify would prefix the plugin's routes with it). */
  mount: '/' | '/modeler/';
  /** Paths under the mount point that belong to the server. */
  reserved(request: FastifyRequest): boolean;
}

const serveApp: FastifyPluginAsync<AppOptions> = async (app, { name, root, mount, reserved }) => {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`${name}: ${root} has no index.html; run \`npm run build\` to serve it`);
    app.get(`${mount}*`, { schema: { hide: true } }, async (request, reply) => {
      if (reserved(request)) return reply.callNotFound();
      throw new AppError('WEB_APP_NOT_BUILT');
    });
    return;
  }
  const assets = join(root, 'assets') + sep;
  await app.register(fastifyStatic, {
    root,
    prefix: mount,
    // One route per built file: the fallback below handles every other path.
    wildcard: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.startsWith(assets) && basename(path) !== 'index.html' ? IMMUTABLE : 'no-cache',
      );
    },
  });
  app.get(`${mount}*`, { schema: { hide: true } }, async (request, reply) => {
    if (reserved(request) || !wantsPage(request)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
};

const webAppsPlugin: FastifyPluginAsync<WebAppDirs> = async (app, dirs) => {
  await app.register(serveApp, {
    name: 'portal-ui',
    root: dirs.portal,
    mount: '/',
    reserved: isServerPath,
  });
  await app.register(serveApp, {
    name: 'modeler-ui',
    root: dirs.modeler,
    mount: '/modeler/',
    reserved: () => false,
  });
  app.get('/modeler', { schema: { hide: true } }, (_request, reply) =>
    reply.redirect('/modeler/', 301),
  );
};

export default webAppsPlugin;
