import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  addFormFormats,
  customFormats,
  formatDescriptions,
  isAdminUnitCode,
  isCitizenId,
  isTaxCode,
  isVietnamesePhone,
  PROVINCE_CODES,
  PROVINCE_CODES_SINCE_2025_07,
  standardFormats,
  taxCodeCheckDigit,
} from '../../../server/plugins/app/forms/form-formats.js';

describe('citizen-id', () => {
  it.each([
    ['001099012345', 'Hà Nội, male born 1999'],
    ['079203000123', 'Hồ Chí Minh, male born 2003'],
    ['096301234567', 'Cà Mau, female born 2001'],
    ['002188000001', 'Hà Giang, female born 1988'],
  ])('accepts %s (%s)', (value) => {
    expect(isCitizenId(value)).toBe(true);
  });

  it.each([
    ['00109901234', '11 digits'],
    ['0010990123456', '13 digits'],
    ['003099012345', '003 is not a province code'],
    ['097099012345', '097 is past the last province code (096)'],
    ['000099012345', '000 is not a province code'],
    ['101099012345', 'province part 101'],
    ['001499012345', 'century digit 4 (born after 2100)'],
    ['00109901234a', 'a letter'],
    ['001 099 012 345', 'spaces'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isCitizenId(value)).toBe(false);
  });
});

describe('vn-phone', () => {
  it.each([
    '0912345678',
    '0381234567',
    '0551234567',
    '0868123456',
    '0701234567',
    '+84912345678',
    '02438123456',
    '02838123456',
    '02033123456',
    '+842438123456',
  ])('accepts %s', (value) => {
    expect(isVietnamesePhone(value)).toBe(true);
  });

  it.each([
    ['091234567', 'mobile with 9 digits'],
    ['09123456789', 'mobile with 11 digits'],
    ['0112345678', 'prefix 011'],
    ['0951234567', 'prefix 095 is not in service'],
    ['0801234567', 'prefix 080'],
    ['84912345678', '84 without +'],
    ['+840912345678', '+84 followed by 0'],
    ['0912 345 678', 'spaces'],
    ['0912.345.678', 'dots'],
    ['0241234567', 'landline with 10 digits'],
    ['02012345678', 'area code 201 does not exist'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isVietnamesePhone(value)).toBe(false);
  });
});

describe('tax-code', () => {
  it.each([
    ['0100109106', 'Viettel'],
    ['0101243150', 'check digit 0'],
    ['0300588569', 'Vinamilk'],
    ['0101248141', 'FPT'],
    ['0100233488', ''],
    ['0314409058-002', 'a branch, 10-3'],
    ['0314409058002', 'a branch, 13 digits'],
  ])('accepts %s %s', (value) => {
    expect(isTaxCode(value)).toBe(true);
  });

  it('computes the check digit as 10 − (Σ digit × weight mod 11)', () => {
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    expect(taxCodeCheckDigit('010124315')).toBe(0);
    expect(taxCodeCheckDigit('030058856')).toBe(9);
  });

  it.each([
    ['0100109107', 'wrong check digit'],
    ['0100233480', 'wrong check digit'],
    ['010010910', '9 digits'],
    ['01001091066', '11 digits'],
    ['0100109106-000', 'branch 000'],
    ['0100109106-01', 'branch with 2 digits'],
    ['0100109106 001', 'space before the branch'],
    ['0100000003', 'sequence all zeros (check digit right)'],
    ['01001O9106', 'a letter O'],
  ])('rejects %s (%s)', (value) => {
    expect(isTaxCode(value)).toBe(false);
  });

  it('rejects every code whose first nine digits give a check value of 10', () => {
    let firstNine = '';
    for (let n = 1_000_000; n < 2_000_000; n += 1) {
      const candidate = `01${String(n).padStart(7, '0')}`;
      if (taxCodeCheckDigit(candidate) === null) {
        firstNine = candidate;
        break;
      }
    }
    expect(firstNine).not.toBe('');
    for (let d = 0; d <= 9; d += 1) expect(isTaxCode(`${firstNine}${d}`)).toBe(false);
  });
});

describe('admin-unit-code', () => {
  it.each(['01', '79', '96', '001', '760', '00001', '26734'])('accepts %s', (value) => {
    expect(isAdminUnitCode(value)).toBe(true);
  });

  it.each([
    ['03', 'no province 03'],
    ['97', 'past the last province'],
    ['00', 'zero province'],
    ['000', 'zero district'],
    ['00000', 'zero commune'],
    ['1', 'one digit'],
    ['0001', 'four digits'],
    ['123456', 'six digits'],
    ['ab', 'letters'],
  ])('rejects %s (%s)', (value) => {
    expect(isAdminUnitCode(value)).toBe(false);
  });

  it('keeps the 63 province codes, and the 34 since July 2025 among them', () => {
    expect(PROVINCE_CODES.size).toBe(63);
    expect(PROVINCE_CODES_SINCE_2025_07.size).toBe(34);
    for (const code of PROVINCE_CODES_SINCE_2025_07) expect(PROVINCE_CODES.has(code)).toBe(true);
  });
});

describe('addFormFormats', () => {
  const ajv = addFormFormats(new Ajv2020({ strict: true, allErrors: true }));

  it.each([
    ['citizen-id', '001099012345', '001099'],
    ['vn-phone', '0912345678', '12345'],
    ['tax-code', '0100109106', '0100109107'],
    ['admin-unit-code', '79', '03'],
    ['email', 'a@example.vn', 'not-an-email'],
    ['date', '2025-07-01', '2025-02-30'],
    ['date-time', '2025-07-01T08:00:00+07:00', '2025-07-01 08:00'],
    ['uri', 'https://dichvucong.gov.vn', 'not a uri'],
  ])('makes format %s usable in a strict schema', (format, good, bad) => {
    const validate = ajv.compile({ type: 'string', format });
    expect(validate(good)).toBe(true);
    expect(validate(bad)).toBe(false);
  });

  it('describes every format in Vietnamese and English', () => {
    for (const name of [...Object.keys(customFormats), ...standardFormats]) {
      const words = formatDescriptions[name as keyof typeof formatDescriptions];
      expect(words.vi.length).toBeGreaterThan(0);
      expect(words.en.length).toBeGreaterThan(0);
    }
    expect(formatDescriptions['citizen-id']).toEqual({
      vi: 'số định danh cá nhân 12 chữ số',
      en: '12-digit citizen ID',
    });
  });
});
