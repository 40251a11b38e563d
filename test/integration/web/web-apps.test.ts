// The built web apps served by the server: files with their cache rules, the
// single-page fallback for pages, the server's own paths untouched, and a
// 503 that says what to do when an app was not built.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../support/build.js';

const PORTAL_INDEX = '<!doctype html><title>portal</title>';
const MODELER_INDEX = '<!doctype html><title>modeler</title>';
const page = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('serving the web apps', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-web-apps-'));
    const portal = join(dir, 'portal');
    const modeler = join(dir, 'modeler');
    await mkdir(join(portal, 'assets'), { recursive: true });
    await mkdir(join(modeler, 'assets'), { recursive: true });
    await writeFile(join(portal, 'index.html'), PORTAL_INDEX);
    await writeFile(join(portal, 'assets', 'index-3f2a1b.js'), 'console.log("portal")');
    await writeFile(join(portal, 'favicon.svg'), '<svg/>');
    await writeFile(join(modeler, 'index.html'), MODELER_INDEX);
    await writeFile(join(modeler, 'assets', 'modeler-9c8d7e.js'), 'console.log("modeler")');
    app = await build({}, { webApps: { portal, modeler } });
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the portal at / and its pages through index.html, never cached', async () => {
    for (const url of ['/', '/ho-so/123', '/tra-cuu?ma=1']) {
      const res = await app.inject({ url, headers: page });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(PORTAL_INDEX);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year, other files not', async () => {
    const asset = await app.inject('/assets/index-3f2a1b.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("portal")');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('serves the modeler at /modeler/ with its own fallback', async () => {
    const redirect = await app.inject({ url: '/modeler', headers: page });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/modeler/');
    for (const url of ['/modeler/', '/modeler/thu-tuc/1.004228']) {
      const res = await app.inject({ url, headers: page });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(MODELER_INDEX);
    }
    const asset = await app.inject('/modeler/assets/modeler-9c8d7e.js');
    expect(asset.body).toBe('console.log("modeler")');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves the API, docs, health, readiness and metrics alone', async () => {
    const missing = await app.inject({ url: '/api/v1/no-such-thing', headers: page });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    const procedures = await app.inject({ url: '/api/v1/procedures', headers: page });
    expect(procedures.headers['content-type']).toMatch(/^application\/json/);
    expect((await app.inject({ url: '/health', headers: page })).body).not.toBe(PORTAL_INDEX);
    expect((await app.inject({ url: '/metrics', headers: page })).body).toContain('motcua_');
    expect((await app.inject({ url: '/docs/json', headers: page })).json().openapi).toMatch(/^3\./);
  });

  it('a missing file asked for by a script is a 404, not the index page', async () => {
    const res = await app.inject({ url: '/assets/gone-000000.js', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('starts without the builds and answers 503 saying to build them', async () => {
    const missing = join(dir, 'not-built');
    const bare = await build({}, { webApps: { portal: missing, modeler: missing } });
    try {
      for (const url of ['/', '/ho-so/1', '/modeler/']) {
        const res = await bare.inject({ url, headers: page });
        expect(res.statusCode, url).toBe(503);
        expect(res.json().code).toBe('WEB_APP_NOT_BUILT');
        expect(res.json().message.vi).toContain('npm run build');
        expect(res.json().message.en).toContain('npm run build');
      }
      expect((await bare.inject('/api/v1/procedures')).statusCode).toBe(200);
      expect((await bare.inject('/api/v1/nothing')).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
