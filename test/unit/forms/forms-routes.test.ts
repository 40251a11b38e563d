import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../../../server/errors.js';
import openapiPlugin from '../../../server/plugins/app/openapi.plugin.js';
import { createFormRegistry } from '../../../server/plugins/app/forms/form-registry.js';
import formsRoutes from '../../../server/plugins/app/forms/forms.routes.js';
import { groundwaterPayload, smallForm, tempFormsDir, type TempFormsDir } from './form-fixtures.js';

async function build(dir?: string): Promise<FastifyInstance> {
  // The same validator options as server/app.ts.
  const app = Fastify({ ajv: { customOptions: { allErrors: true, removeAdditional: false } } });
  installErrorHandler(app);
  await app.register(openapiPlugin);
  await app.register(formsRoutes, { prefix: '/api/v1', registry: createFormRegistry({ dir }) });
  await app.ready();
  return app;
}

describe('forms routes on the forms in forms/', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await build();
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /forms lists each form with its title, kind and versions', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/forms' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: Record<string, unknown>[] }>();
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items).toContainEqual({
      id: 'groundwater-exploration-licence',
      version: 1,
      title: {
        vi: 'Đơn đề nghị cấp giấy phép thăm dò nước dưới đất',
        en: 'Application for a groundwater exploration licence',
      },
      kind: 'filing',
      versions: [1],
    });
    expect(items.find((f) => f.id === 'decision-approval')?.kind).toBe('decision');
  });

  it('GET /forms/:id returns the whole definition, schema and UI hints intact', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/forms/groundwater-exploration-licence',
    });
    expect(response.statusCode).toBe(200);
    const form = response.json();
    expect(form).toMatchObject({
      id: 'groundwater-exploration-licence',
      version: 1,
      kind: 'filing',
    });
    expect(form.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(form.schema.properties.applicant.properties.citizenId.format).toBe('citizen-id');
    expect(form.schema.$defs.address.required).toEqual(['provinceCode', 'communeCode', 'street']);
    expect(form.ui.order[0]).toBe('/applicant');
    expect(form.ui.fields['/applicant/phone']).toMatchObject({
      label: { vi: 'Số điện thoại', en: 'Phone number' },
      widget: 'tel',
    });
    expect(form.ui.fields['/applicant/type'].options.individual).toEqual({
      vi: 'Cá nhân',
      en: 'An individual',
    });
    expect(form.description.vi).toContain('toàn trình');
  });

  it('GET /forms/:id answers 404 FORM_NOT_FOUND naming the form', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/forms/no-such-form' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'FORM_NOT_FOUND',
      message: { vi: 'Không có biểu mẫu "no-such-form".', en: 'There is no form "no-such-form".' },
    });
    expect(response.json().requestId).toBeTruthy();
  });

  it('GET /forms/:id?version= answers 404 for an unknown version and 400 for a bad one', async () => {
    const missing = await app.inject({
      method: 'GET',
      url: '/api/v1/forms/decision-fee?version=7',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message.en).toBe('There is no version 7 of form "decision-fee".');

    const bad = await app.inject({ method: 'GET', url: '/api/v1/forms/decision-fee?version=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().details[0].path).toBe('/querystring/version');
  });

  it('POST /forms/:id/validate accepts a valid payload', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/forms/groundwater-exploration-licence/validate',
      payload: groundwaterPayload(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ valid: true, errors: [] });
  });

  it('POST /forms/:id/validate lists every problem with its pointer and vi/en message', async () => {
    const payload = groundwaterPayload();
    Object.assign(payload.applicant as object, { phone: '12345' });
    delete (payload.applicant as Record<string, unknown>).citizenId;
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/forms/groundwater-exploration-licence/validate',
      payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      valid: false,
      errors: [
        {
          path: '/applicant/citizenId',
          message: {
            vi: 'Tổ chức, cá nhân đề nghị cấp phép › Số định danh cá nhân: bắt buộc phải nhập',
            en: 'Applicant (individual or organisation) › Personal identification number: is required',
          },
        },
        {
          path: '/applicant/phone',
          message: {
            vi: expect.stringContaining(
              'Số điện thoại: không đúng định dạng số điện thoại Việt Nam',
            ),
            en: expect.stringContaining('Phone number: not a valid Vietnamese phone number'),
          },
        },
      ],
    });
  });

  it('POST /forms/:id/validate answers 404 for an unknown form', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/forms/no-such-form/validate',
      payload: {},
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('FORM_NOT_FOUND');
  });

  it('POST /forms/:id/validate refuses malformed JSON and a body that is not an object', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/forms/decision-fee/validate',
      headers: { 'content-type': 'application/json' },
      payload: '{"amount": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');

    const list = await app.inject({
      method: 'POST',
      url: '/api/v1/forms/decision-fee/validate',
      payload: [1, 2],
    });
    expect(list.statusCode).toBe(400);
    expect(list.json().code).toBe('VALIDATION_FAILED');
  });

  it('feeds the OpenAPI document', () => {
    const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/forms',
        '/api/v1/forms/{id}',
        '/api/v1/forms/{id}/validate',
      ]),
    );
    const validate = document.paths['/api/v1/forms/{id}/validate']?.post as {
      parameters: { name: string; in: string }[];
      responses: Record<string, unknown>;
    };
    expect(validate.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id', in: 'path' }),
        expect.objectContaining({ name: 'version', in: 'query' }),
      ]),
    );
    expect(validate.responses['200']).toBeDefined();
  });
});

describe('forms routes with several versions', () => {
  let temp: TempFormsDir;
  let app: FastifyInstance;
  beforeAll(async () => {
    temp = tempFormsDir();
    temp.write('small-form.v1.json', smallForm(1));
    const v2 = smallForm(2) as { title: unknown; schema: { properties: { name: object } } };
    v2.title = { vi: 'Biểu mẫu nhỏ (bản 2)', en: 'Small form (version 2)' };
    v2.schema.properties.name = { type: 'string', minLength: 5 };
    temp.write('small-form.v2.json', v2);
    app = await build(temp.dir);
  });
  afterAll(async () => {
    await app.close();
    temp.remove();
  });

  it('serves the latest version by default and any version on request', async () => {
    const latest = await app.inject({ method: 'GET', url: '/api/v1/forms/small-form' });
    expect(latest.json()).toMatchObject({ version: 2, versions: [1, 2] });
    const first = await app.inject({ method: 'GET', url: '/api/v1/forms/small-form?version=1' });
    expect(first.json()).toMatchObject({
      version: 1,
      versions: [1, 2],
      title: { vi: 'Biểu mẫu nhỏ', en: 'Small form' },
    });
  });

  it('validates against the version asked for', async () => {
    const validate = (query: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/forms/small-form/validate${query}`,
        payload: { name: 'Anh' },
      });
    expect((await validate('?version=1')).json()).toEqual({ valid: true, errors: [] });
    const latest = (await validate('')).json();
    expect(latest.valid).toBe(false);
    expect(latest.errors[0]).toEqual({
      path: '/name',
      message: {
        vi: 'Tên: phải có ít nhất 5 ký tự',
        en: 'Name: must be at least 5 characters long',
      },
    });
    expect((await validate('?version=3')).statusCode).toBe(404);
  });
});
