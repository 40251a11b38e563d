import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { build } from '../support/build.js';

describe('error handler', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await build();
    app.post(
      '/test/echo',
      {
        schema: {
          body: {
            type: 'object',
            required: ['name', 'age'],
            properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
          },
        },
      },
      async (request) => request.body,
    );
    app.get('/test/boom', async () => {
      throw new Error('secret connection string postgres://admin:pw@db');
    });
    app.get('/test/coded', async () => {
      throw new AppError('NOT_FOUND');
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('lists every invalid field with a JSON pointer in Vietnamese and English', async () => {
    const res = await app.inject({ method: 'POST', url: '/test/echo', payload: { age: -1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message.vi).toBeTruthy();
    expect(body.message.en).toBeTruthy();
    const paths = body.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['/body/age', '/body/name']);
    for (const detail of body.details) {
      expect(detail.message.vi).toContain(detail.path);
      expect(detail.message.en).toContain(detail.path);
    }
    // Words a person can act on, not the validator's own text.
    const age = body.details.find((d: { path: string }) => d.path === '/body/age');
    expect(age.message).toEqual({
      vi: '/body/age: phải lớn hơn hoặc bằng 0',
      en: '/body/age: must be at least 0',
    });
    expect(body.requestId).toBeTruthy();
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_JSON');
  });

  it('answers an unknown media type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('never leaks internals in a 500', async () => {
    const res = await app.inject('/test/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('INTERNAL');
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('postgres://');
  });

  it('maps a coded error to its status', async () => {
    const res = await app.inject('/test/coded');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('answers an unknown route with the same shape', async () => {
    const res = await app.inject('/no/such/route');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: { vi: expect.any(String) } });
  });
});
