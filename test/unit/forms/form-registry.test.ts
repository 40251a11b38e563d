import { readdirSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.js';
import {
  createFormRegistry,
  DEFAULT_FORMS_DIR,
  FormDefinitionError,
  parseFormRef,
  type FormError,
  type FormRegistry,
  type FormValidationResult,
} from '../../../server/plugins/app/forms/form-registry.js';
import {
  decisionPayloads,
  environmentalPermitPayload,
  groundwaterPayload,
  interagencyPayload,
  organisation,
  smallForm,
  tempFormsDir,
  type TempFormsDir,
} from './form-fixtures.js';

const GROUNDWATER = 'groundwater-exploration-licence';

function errorsOf(result: FormValidationResult): FormError[] {
  if (result.valid) throw new Error('expected the payload to be invalid');
  return result.errors;
}

function errorAt(errors: FormError[], path: string): FormError {
  const found = errors.find((e) => e.path === path);
  if (!found) throw new Error(`no error at ${path}; got ${errors.map((e) => e.path).join(', ')}`);
  return found;
}

describe('the forms in forms/', () => {
  let registry: FormRegistry;
  beforeAll(() => {
    registry = createFormRegistry();
  });

  it('loads every file, one form version per file', () => {
    const files = readdirSync(DEFAULT_FORMS_DIR).filter((f) => f.endsWith('.json'));
    const loaded = registry.list().flatMap((f) => f.versions.map((v) => `${f.id}.v${v}.json`));
    expect(loaded.sort()).toEqual(files.sort());
  });

  it('holds the filing and decision forms the reference procedures use', () => {
    const kinds = Object.fromEntries(registry.list().map((f) => [f.id, f.kind]));
    expect(kinds).toMatchObject({
      [GROUNDWATER]: 'filing',
      'environmental-permit': 'filing',
      'water-resource-interagency': 'filing',
      'decision-completeness': 'decision',
      'decision-appraisal': 'decision',
      'decision-review': 'decision',
      'decision-approval': 'decision',
      'decision-fee': 'decision',
      'decision-unit-opinion': 'decision',
      'decision-site-inspection': 'decision',
    });
  });

  it('gives every form a Vietnamese and English title and every field a label', () => {
    for (const summary of registry.list()) {
      const form = registry.get(summary.id);
      expect(form?.title.vi, summary.id).toBeTruthy();
      expect(form?.title.en, summary.id).toBeTruthy();
      for (const [pointer, field] of Object.entries(form?.ui.fields ?? {})) {
        expect(field.label.vi, `${summary.id} ${pointer}`).toBeTruthy();
        expect(field.label.en, `${summary.id} ${pointer}`).toBeTruthy();
      }
    }
  });

  it.each([
    [GROUNDWATER, groundwaterPayload()],
    [GROUNDWATER, { ...groundwaterPayload(), applicant: structuredClone(organisation) }],
    ['environmental-permit', environmentalPermitPayload()],
    ['water-resource-interagency', interagencyPayload()],
    ...Object.entries(decisionPayloads),
  ])('accepts a complete %s payload', (id, payload) => {
    expect(registry.validate(id, 1, payload)).toEqual({ valid: true });
  });

  it('validates against the latest version when none is given', () => {
    expect(registry.validate(GROUNDWATER, undefined, groundwaterPayload())).toEqual({
      valid: true,
    });
  });

  it('names the missing property in the path of a required error, with the labels', () => {
    const payload = groundwaterPayload();
    delete (payload.applicant as Record<string, unknown>).citizenId;
    delete payload.project;
    const errors = errorsOf(registry.validate(GROUNDWATER, 1, payload));
    expect(errorAt(errors, '/applicant/citizenId').message).toEqual({
      vi: 'Tổ chức, cá nhân đề nghị cấp phép › Số định danh cá nhân: bắt buộc phải nhập',
      en: 'Applicant (individual or organisation) › Personal identification number: is required',
    });
    expect(errorAt(errors, '/project').message.vi).toBe('Công trình thăm dò: bắt buộc phải nhập');
    expect(errors).toHaveLength(2);
  });

  it('names each format in words', () => {
    const payload = groundwaterPayload();
    Object.assign(payload.applicant as object, {
      citizenId: '003099012345',
      phone: '0123456',
      email: 'an.nguyen',
    });
    (payload.exploration as Record<string, unknown>).plannedStartDate = '2026-02-30';
    const errors = errorsOf(registry.validate(GROUNDWATER, 1, payload));
    const citizen = errorAt(errors, '/applicant/citizenId').message;
    expect(citizen.vi).toContain(
      'Số định danh cá nhân: không đúng định dạng số định danh cá nhân 12 chữ số',
    );
    expect(citizen.en).toContain('Personal identification number: not a valid 12-digit citizen ID');
    const phone = errorAt(errors, '/applicant/phone').message;
    expect(phone.vi).toContain('Số điện thoại: không đúng định dạng số điện thoại Việt Nam');
    expect(phone.en).toContain('Phone number: not a valid Vietnamese phone number');
    expect(errorAt(errors, '/applicant/email').message.en).toContain(
      'Email: not a valid email address',
    );
    expect(errorAt(errors, '/exploration/plannedStartDate').message.vi).toContain(
      'không đúng định dạng ngày',
    );
  });

  it('requires the organisation fields only for an organisation', () => {
    const payload = groundwaterPayload();
    payload.applicant = { ...organisation, taxCode: '0100109107' };
    delete (payload.applicant as Record<string, unknown>).representative;
    const errors = errorsOf(registry.validate(GROUNDWATER, 1, payload));
    expect(errors.map((e) => e.path)).toEqual(['/applicant/taxCode', '/applicant/representative']);
    expect(errorAt(errors, '/applicant/taxCode').message.en).toContain(
      'not a valid 10- or 13-digit tax code',
    );
    expect(errorAt(errors, '/applicant/representative').message.vi).toContain(
      'Người đại diện theo pháp luật: bắt buộc phải nhập',
    );
  });

  it('explains numbers with their unit, enums with their labels, and the declaration', () => {
    const payload = groundwaterPayload();
    Object.assign(payload.exploration as object, {
      purpose: 'mining',
      plannedFlowM3PerDay: 0,
      wellCount: 2.5,
      periodMonths: 36,
    });
    payload.declaration = false;
    const errors = errorsOf(registry.validate(GROUNDWATER, 1, payload));
    expect(errorAt(errors, '/exploration/purpose').message.vi).toContain(
      'phải là một trong: Cấp nước sinh hoạt; Sản xuất công nghiệp;',
    );
    expect(errorAt(errors, '/exploration/purpose').message.en).toContain(
      'must be one of: Domestic water supply; Industrial production;',
    );
    expect(errorAt(errors, '/exploration/plannedFlowM3PerDay').message).toEqual({
      vi: 'Nội dung thăm dò › Lưu lượng nước dự kiến khai thác: phải lớn hơn 0 m³/ngày đêm',
      en: 'Exploration plan › Planned abstraction flow: must be greater than 0 m³/day',
    });
    expect(errorAt(errors, '/exploration/wellCount').message.en).toContain(
      'must be a whole number',
    );
    expect(errorAt(errors, '/exploration/periodMonths').message.vi).toContain(
      'không được lớn hơn 24 tháng',
    );
    expect(errorAt(errors, '/declaration').message).toEqual({
      vi: 'Cam kết: phải được đánh dấu xác nhận',
      en: 'Declaration: must be ticked to confirm',
    });
  });

  it('says which administrative level a code must be', () => {
    const payload = groundwaterPayload();
    (payload.project as Record<string, unknown>).location = {
      provinceCode: '03',
      communeCode: '123',
      street: '',
    };
    const errors = errorsOf(registry.validate(GROUNDWATER, 1, payload));
    expect(errorAt(errors, '/project/location/provinceCode').message.vi).toContain(
      'Tỉnh, thành phố: không có trong danh mục mã tỉnh/thành phố',
    );
    const commune = errors.filter((e) => e.path === '/project/location/communeCode');
    expect(commune).toHaveLength(1);
    expect(commune[0]?.message.en).toContain('must be a 5-digit commune code');
    expect(errorAt(errors, '/project/location/street').message.en).toContain('must not be empty');
  });

  it('points into arrays and numbers their items from 1', () => {
    const errors = errorsOf(
      registry.validate('decision-completeness', 1, {
        complete: false,
        missingItems: [{ item: 'Đề án thăm dò', reason: 'Thiếu chữ ký số' }, { item: 'X' }],
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['/missingItems/1/item', '/missingItems/1/reason']);
    expect(errorAt(errors, '/missingItems/1/reason').message).toEqual({
      vi: 'Nội dung cần bổ sung › Mục 2 › Lý do: bắt buộc phải nhập',
      en: 'Items to supplement › Item 2 › Reason: is required',
    });
  });

  it('applies the conditional rules of the decision forms', () => {
    const incomplete = errorsOf(registry.validate('decision-completeness', 1, { complete: false }));
    expect(incomplete.map((e) => e.path)).toEqual(['/missingItems']);
    const emptyList = errorsOf(
      registry.validate('decision-completeness', 1, { complete: false, missingItems: [] }),
    );
    expect(emptyList[0]?.message.en).toContain('must have at least one item');
    const contradictory = errorsOf(
      registry.validate('decision-completeness', 1, {
        complete: true,
        missingItems: [{ item: 'Đề án', reason: 'Thiếu chữ ký' }],
      }),
    );
    expect(contradictory[0]?.message.vi).toContain('phải để trống trong trường hợp này');
    expect(registry.validate('decision-completeness', 1, { complete: true })).toEqual({
      valid: true,
    });

    const refusal = errorsOf(
      registry.validate('decision-approval', 1, { approvalDecision: 'refuse' }),
    );
    expect(refusal.map((e) => e.path)).toEqual(['/refusalReasons']);
    expect(registry.validate('decision-approval', 1, { approvalDecision: 'approve' })).toEqual({
      valid: true,
    });
    const sendBack = errorsOf(
      registry.validate('decision-review', 1, { reviewDecision: 'send-back' }),
    );
    expect(sendBack[0]?.message.vi).toBe('Ý kiến, chỉ đạo: bắt buộc phải nhập');
  });

  it('asks for the postal address only when the result goes by post', () => {
    const payload = groundwaterPayload();
    payload.resultDelivery = 'postal';
    const errors = errorsOf(registry.validate(GROUNDWATER, 1, payload));
    expect(errors.map((e) => e.path)).toEqual(['/deliveryAddress']);
  });

  it('labels checkbox values and finds duplicates', () => {
    const payload = environmentalPermitPayload();
    payload.permitContents = ['noise-vibration', 'noise-vibration', 'asbestos'];
    delete payload.wastewater;
    delete payload.exhaustGas;
    const errors = errorsOf(registry.validate('environmental-permit', 1, payload));
    expect(errorAt(errors, '/permitContents/2').message.vi).toContain(
      'phải là một trong: Xả nước thải vào nguồn nước; Xả khí thải;',
    );
    expect(errorAt(errors, '/permitContents').message.en).toContain(
      'has duplicate items (1 and 2)',
    );
  });

  it('requires the wastewater details when wastewater is asked for', () => {
    const payload = environmentalPermitPayload();
    delete payload.wastewater;
    const errors = errorsOf(registry.validate('environmental-permit', 1, payload));
    expect(errors).toEqual([
      {
        path: '/wastewater',
        message: { vi: 'Nước thải: bắt buộc phải nhập', en: 'Wastewater: is required' },
      },
    ]);
  });

  it('names unknown properties and sorts them last', () => {
    const payload = { ...groundwaterPayload(), hack: 1, declaration: 'yes' };
    const errors = errorsOf(registry.validate(GROUNDWATER, 1, payload));
    expect(errors.map((e) => e.path)).toEqual(['/declaration', '/hack']);
    expect(errorAt(errors, '/hack').message).toEqual({
      vi: 'trường «hack»: không thuộc biểu mẫu này',
      en: 'field “hack”: is not a field of this form',
    });
    expect(errorAt(errors, '/declaration').message.vi).toContain(
      'Cam kết: phải là giá trị có/không',
    );
  });

  it('answers a payload that is not an object at the root, with the form title', () => {
    const errors = errorsOf(registry.validate('decision-fee', 1, ['not', 'an', 'object']));
    expect(errors).toEqual([
      {
        path: '',
        message: {
          vi: 'Xác nhận nộp phí, lệ phí: phải là một nhóm thông tin',
          en: 'Fee payment confirmation: must be a group of fields (object)',
        },
      },
    ]);
  });

  it('throws FORM_NOT_FOUND for an unknown form or version', () => {
    expect(registry.get('no-such-form')).toBeUndefined();
    expect(registry.get(GROUNDWATER, 99)).toBeUndefined();
    for (const call of [
      () => registry.validate('no-such-form', undefined, {}),
      () => registry.validate(GROUNDWATER, 99, {}),
    ]) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('FORM_NOT_FOUND');
      expect((caught as AppError).status).toBe(404);
    }
  });

  it('hands out frozen definitions', () => {
    const form = registry.get(GROUNDWATER);
    expect(Object.isFrozen(form)).toBe(true);
    expect(Object.isFrozen(form?.schema.properties)).toBe(true);
  });
});

describe('versions', () => {
  let temp: TempFormsDir;
  afterEach(() => temp.remove());

  it('keeps every version; the latest by default', () => {
    temp = tempFormsDir();
    temp.write('small-form.v1.json', smallForm(1));
    const v2 = smallForm(2) as { schema: Record<string, unknown>; ui: Record<string, unknown> };
    v2.schema.required = ['name', 'phone'];
    (v2.schema.properties as Record<string, unknown>).phone = {
      type: 'string',
      format: 'vn-phone',
    };
    v2.ui = {
      order: ['/name', '/phone'],
      fields: {
        '/name': { label: { vi: 'Tên', en: 'Name' }, widget: 'text' },
        '/phone': { label: { vi: 'Số điện thoại', en: 'Phone number' }, widget: 'tel' },
      },
    };
    temp.write('small-form.v2.json', v2);
    const registry = createFormRegistry({ dir: temp.dir });

    expect(registry.list()).toEqual([
      {
        id: 'small-form',
        version: 2,
        title: { vi: 'Biểu mẫu nhỏ', en: 'Small form' },
        kind: 'filing',
        versions: [1, 2],
      },
    ]);
    expect(registry.versions('small-form')).toEqual([1, 2]);
    expect(registry.versions('other')).toEqual([]);
    expect(registry.get('small-form')?.version).toBe(2);
    expect(registry.get('small-form', 1)?.version).toBe(1);
    expect(registry.validate('small-form', 1, { name: 'A' })).toEqual({ valid: true });
    expect(errorsOf(registry.validate('small-form', 2, { name: 'A' }))[0]).toEqual({
      path: '/phone',
      message: { vi: 'Số điện thoại: bắt buộc phải nhập', en: 'Phone number: is required' },
    });
    expect(errorsOf(registry.validate('small-form', undefined, { name: 'A' }))).toHaveLength(1);
  });

  it('reads form references as id or id.v<n>', () => {
    expect(parseFormRef('decision-approval')).toEqual({ id: 'decision-approval' });
    expect(parseFormRef('decision-approval.v3')).toEqual({ id: 'decision-approval', version: 3 });
    expect(parseFormRef('Decision')).toBeNull();
    expect(parseFormRef('decision.v0')).toBeNull();
    temp = tempFormsDir();
  });
});

// A form file as plain JSON, freely changed by the cases below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('a bad form file', () => {
  let temp: TempFormsDir;
  afterEach(() => temp.remove());

  function loadError(files: Record<string, unknown>): FormDefinitionError {
    temp = tempFormsDir();
    temp.write('small-form.v1.json', smallForm(1));
    for (const [name, content] of Object.entries(files)) temp.write(name, content);
    try {
      createFormRegistry({ dir: temp.dir });
    } catch (error) {
      expect(error).toBeInstanceOf(FormDefinitionError);
      return error as FormDefinitionError;
    }
    throw new Error('expected the registry to reject the folder');
  }

  function mutated(change: (form: Loose) => void): Record<string, unknown> {
    const form = smallForm(1) as Loose;
    form.id = 'bad-form';
    change(form);
    return form;
  }

  it.each<[string, string | Record<string, unknown>, RegExp]>([
    ['not JSON', '{ "id": ', /bad-form\.v1\.json: not valid JSON/],
    ['no kind', mutated((f) => delete f.kind), /bad-form\.v1\.json: \/kind is required/],
    [
      'an unknown kind',
      mutated((f) => (f.kind = 'report')),
      /\/kind must be equal to one of the allowed values/,
    ],
    ['a title without English', mutated((f) => (f.title = { vi: 'Biểu mẫu' })), /\/title\/en/],
    [
      'another dialect',
      mutated((f) => (f.schema.$schema = 'http://json-schema.org/draft-07/schema#')),
      /\/schema\/\$schema/,
    ],
    [
      'an unknown keyword',
      mutated((f) => (f.schema.properties.name.maxLenght = 5)),
      /schema does not compile under ajv strict mode: strict mode: unknown keyword: "maxLenght"/,
    ],
    [
      'an unknown format',
      mutated((f) => (f.schema.properties.name.format = 'cccd')),
      /schema does not compile.*unknown format "cccd"/,
    ],
    [
      'a keyword without its type',
      mutated((f) => (f.schema.properties.name = { minLength: 1 })),
      /strictTypes/,
    ],
    [
      'a required property that is not declared',
      mutated((f) => f.schema.required.push('phone')),
      /schema requires "phone" at \/ but does not declare it/,
    ],
    [
      'a property without a label',
      mutated((f) => (f.schema.properties.age = { type: 'integer' })),
      /ui\.fields has no entry \(label, widget\) for \/age/,
    ],
    [
      'a label for a property the schema lacks',
      mutated((f) => {
        f.ui.fields['/nickname'] = { label: { vi: 'Biệt danh', en: 'Nickname' }, widget: 'text' };
        f.ui.order.push('/nickname');
      }),
      /ui\.fields has \/nickname, which the schema does not declare/,
    ],
    [
      'a field left out of the order',
      mutated((f) => (f.ui.order = [])),
      /ui\.order does not list \/name/,
    ],
    [
      'a widget that does not suit the type',
      mutated((f) => (f.ui.fields['/name'].widget = 'number')),
      /\/name: widget "number" does not suit type string/,
    ],
    [
      'a select without labels for every value',
      mutated((f) => {
        f.schema.properties.name = { type: 'string', enum: ['a', 'b'] };
        f.ui.fields['/name'] = {
          label: { vi: 'Tên', en: 'Name' },
          widget: 'select',
          options: { a: { vi: 'A', en: 'A' } },
        };
      }),
      /\/name: ui options lack labels for b/,
    ],
    [
      'an admin-unit field without a level',
      mutated((f) => (f.ui.fields['/name'].widget = 'admin-unit')),
      /\/name: widget "admin-unit" needs a level/,
    ],
    [
      'an unknown widget',
      mutated((f) => (f.ui.fields['/name'].widget = 'slider')),
      /\/ui\/fields\/~1name\/widget must be equal to one of the allowed values/,
    ],
  ])('is rejected with its name: %s', (_case, content, expected) => {
    const error = loadError({ 'bad-form.v1.json': content });
    expect(error.message).toMatch(expected);
    expect(error.problems.every((p) => p.file === 'bad-form.v1.json')).toBe(true);
  });

  it('is rejected when its name does not match its id and version', () => {
    const error = loadError({ 'small-form.v2.json': smallForm(3) });
    expect(error.message).toContain(
      'small-form.v2.json: the file name says small-form v2 but the file holds small-form v3',
    );
    const named = loadError({ 'Small Form.json': smallForm(1) });
    expect(named.message).toContain('Small Form.json: the file name must be <id>.v<version>.json');
  });

  it('is named with every other bad file, in one error', () => {
    const error = loadError({
      'a-form.v1.json': '[',
      'b-form.v1.json': mutated((f) => {
        f.id = 'b-form';
        delete f.ui;
      }),
    });
    expect(error.problems.map((p) => p.file)).toEqual(['a-form.v1.json', 'b-form.v1.json']);
    expect(error.message).toMatch(
      /^Form files in .* are not valid:\n {2}- a-form\.v1\.json: .*\n {2}- b-form\.v1\.json: /,
    );
  });

  it('reports a missing folder', () => {
    temp = tempFormsDir();
    expect(() => createFormRegistry({ dir: `${temp.dir}/missing` })).toThrow(
      /cannot read the forms folder/,
    );
  });
});
