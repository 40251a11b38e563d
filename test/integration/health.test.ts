import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { build } from '../support/build.js';
import { createMigratedDatabase } from '../support/test-database.js';

describe('operations routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await build();
  });
  afterAll(() => app.close());

  it('GET /health answers while the process is alive', async () => {
    const res = await app.inject('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready checks the database and the engine', async () => {
    const res = await app.inject('/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ready',
      checks: { database: { ok: true }, engine: { ok: true } },
    });
  });

  it('GET /docs/json is an OpenAPI 3 document listing the routes', async () => {
    const res = await app.inject('/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/ready']));
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('GET /metrics exposes Prometheus metrics with request timings', async () => {
    await app.inject('/health');
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/motcua_http_request_duration_seconds_count\{[^}]*route="\/health"/);
  });
});

describe('readiness when a part is unreachable', () => {
  it('GET /ready is 503 naming the database once it goes away, without internals', async () => {
    const database = await createMigratedDatabase('motcua_ready');
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app = await buildApp({
      ...config,
      databaseUrl: database.url,
      zeebeAddress: '127.0.0.1:1',
    });
    try {
      expect((await app.inject('/health')).statusCode).toBe(200);
      await database.drop();
      const res = await app.inject('/ready');
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.code).toBe('NOT_READY');
      expect(body.message.en).toContain('database');
      expect(body.message.vi).toContain('database');
      expect(res.body).not.toMatch(/ECONNREFUSED|terminat/);
    } finally {
      await app.close();
    }
  });

  it('GET /ready is 503 naming the engine when it is unreachable', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app = await buildApp({
      ...config,
      databaseUrl: inject('databaseUrl'),
      zeebeAddress: '127.0.0.1:1',
    });
    try {
      const res = await app.inject('/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json().message.en).toBe('Not ready: engine unreachable.');
      expect(res.json().message.vi).toContain('engine');
    } finally {
      await app.close();
    }
  });
});
