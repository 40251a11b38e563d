// ajv formats for Vietnamese identifiers: citizen ID (CCCD), phone numbers,
// tax codes (MST) and administrative-unit codes, plus the standard formats of
// ajv-formats that forms use. The rules and their data tables are kept here,
// in one place, so a change in the law is a change of data.
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Message } from '../../../errors.js';

/**
 * Province codes of the national list of administrative units (the 63
 * provinces before 1 July 2025, Decision 124/2004/QĐ-TTg as amended). The
 * same codes, zero-padded to three digits, open every 12-digit citizen ID
 * (Circular 59/2021/TT-BCA), so the table serves both.
 */
export const PROVINCE_CODES: ReadonlyMap<string, string> = new Map([
  ['01', 'Hà Nội'],
  ['02', 'Hà Giang'],
  ['04', 'Cao Bằng'],
  ['06', 'Bắc Kạn'],
  ['08', 'Tuyên Quang'],
  ['10', 'Lào Cai'],
  ['11', 'Điện Biên'],
  ['12', 'Lai Châu'],
  ['14', 'Sơn La'],
  ['15', 'Yên Bái'],
  ['17', 'Hòa Bình'],
  ['19', 'Thái Nguyên'],
  ['20', 'Lạng Sơn'],
  ['22', 'Quảng Ninh'],
  ['24', 'Bắc Giang'],
  ['25', 'Phú Thọ'],
  ['26', 'Vĩnh Phúc'],
  ['27', 'Bắc Ninh'],
  ['30', 'Hải Dương'],
  ['31', 'Hải Phòng'],
  ['33', 'Hưng Yên'],
  ['34', 'Thái Bình'],
  ['35', 'Hà Nam'],
  ['36', 'Nam Định'],
  ['37', 'Ninh Bình'],
  ['38', 'Thanh Hóa'],
  ['40', 'Nghệ An'],
  ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Bình'],
  ['45', 'Quảng Trị'],
  ['46', 'Thừa Thiên Huế'],
  ['48', 'Đà Nẵng'],
  ['49', 'Quảng Nam'],
  ['51', 'Quảng Ngãi'],
  ['52', 'Bình Định'],
  ['54', 'Phú Yên'],
  ['56', 'Khánh Hòa'],
  ['58', 'Ninh Thuận'],
  ['60', 'Bình Thuận'],
  ['62', 'Kon Tum'],
  ['64', 'Gia Lai'],
  ['66', 'Đắk Lắk'],
  ['67', 'Đắk Nông'],
  ['68', 'Lâm Đồng'],
  ['70', 'Bình Phước'],
  ['72', 'Tây Ninh'],
  ['74', 'Bình Dương'],
  ['75', 'Đồng Nai'],
  ['77', 'Bà Rịa - Vũng Tàu'],
  ['79', 'Hồ Chí Minh'],
  ['80', 'Long An'],
  ['82', 'Tiền Giang'],
  ['83', 'Bến Tre'],
  ['84', 'Trà Vinh'],
  ['86', 'Vĩnh Long'],
  ['87', 'Đồng Tháp'],
  ['89', 'An Giang'],
  ['91', 'Kiên Giang'],
  ['92', 'Cần Thơ'],
  ['93', 'Hậu Giang'],
  ['94', 'Sóc Trăng'],
  ['95', 'Bạc Liêu'],
  ['96', 'Cà Mau'],
]);

/**
 * The 34 provinces since 1 July 2025 (Resolution 202/2025/QH15). Each keeps
 * the code of one of the provinces merged into it, so every code here is also
 * in PROVINCE_CODES; older codes stay valid because citizen IDs and existing
 * records keep them. [unverified secondary source: review against the
 * published list before relying on it for anything but information.]
 */
// prettier-ignore
export const PROVINCE_CODES_SINCE_2025_07: ReadonlySet<string> = new Set([
  '01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38',
  '40', '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91',
  '92', '96',
]);

/**
 * Mobile prefixes in service (after the 2018 move from 11 to 10 digits):
 * Viettel 032–039, 086, 096–098; MobiFone 070, 076–079, 089, 090, 093;
 * VinaPhone 081–085, 088, 091, 094; Vietnamobile 052, 056, 058, 092;
 * Gmobile 059, 099; Itelecom 087; Reddi 055. Written without the leading 0.
 */
// prettier-ignore
export const MOBILE_PREFIXES: ReadonlySet<string> = new Set([
  '32', '33', '34', '35', '36', '37', '38', '39', '52', '55', '56', '58', '59', '70', '76', '77',
  '78', '79', '81', '82', '83', '84', '85', '86', '87', '88', '89', '90', '91', '92', '93', '94',
  '96', '97', '98', '99',
]);

/**
 * Landline area codes since the 2017 renumbering, without the leading 0:
 * 24 (Hà Nội) and 28 (Hồ Chí Minh) with 8-digit subscriber numbers, the
 * others three digits with 7-digit subscriber numbers, so every landline is
 * 11 digits with the 0.
 */
// prettier-ignore
export const LANDLINE_AREA_CODES: ReadonlySet<string> = new Set([
  '24', '28',
  '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215', '216',
  '218', '219', '220', '221', '222', '225', '226', '227', '228', '229', '232', '233', '234', '235',
  '236', '237', '238', '239', '251', '252', '254', '255', '256', '257', '258', '259', '260', '261',
  '262', '263', '269', '270', '271', '272', '273', '274', '275', '276', '277', '290', '291', '292',
  '293', '294', '296', '297', '299',
]);

/**
 * 12-digit personal identification number (số định danh cá nhân, on the
 * CCCD): 3 digits province of birth registration, 1 digit sex and century
 * (0/1 born 1900–1999, 2/3 born 2000–2099; 4–9 are for later centuries and
 * cannot be issued yet), 2 digits year of birth, 6 random digits.
 */
export function isCitizenId(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  if (value[0] !== '0' || !PROVINCE_CODES.has(value.slice(1, 3))) return false;
  return Number(value[3]) <= 3;
}

/**
 * Vietnamese phone number, with `0` or `+84` before the national number:
 * a mobile (10 digits with the 0, prefix in MOBILE_PREFIXES) or a landline
 * (11 digits with the 0, area code in LANDLINE_AREA_CODES). Digits only, no
 * spaces or dots: the portal strips them before sending.
 */
export function isVietnamesePhone(value: string): boolean {
  const match = /^(?:0|\+84)(\d{9,10})$/.exec(value);
  const national = match?.[1];
  if (national === undefined) return false;
  if (national.length === 9) return MOBILE_PREFIXES.has(national.slice(0, 2));
  if (!national.startsWith('2')) return false;
  return (
    LANDLINE_AREA_CODES.has(national.slice(0, 2)) || LANDLINE_AREA_CODES.has(national.slice(0, 3))
  );
}

const TAX_CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The check digit (10th digit) of a tax code from its first nine digits:
 * 10 − (Σ digit × weight mod 11), weights 31, 29, 23, 19, 17, 13, 7, 5, 3.
 * Returns null when the result is 10: no code is issued with those nine digits.
 */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('taxCodeCheckDigit needs nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(firstNine[i]) * (TAX_CODE_WEIGHTS[i] ?? 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/**
 * Tax code (mã số thuế): 10 digits (2 province, 7 sequence not all zero,
 * 1 check digit), or 13 for a dependent unit, written `0100109106-001` or
 * `0100109106001` (branch 001–999).
 */
export function isTaxCode(value: string): boolean {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(value);
  const main = match?.[1];
  if (main === undefined) return false;
  if (match?.[2] === '000' || main.slice(2, 9) === '0000000') return false;
  return taxCodeCheckDigit(main.slice(0, 9)) === Number(main[9]);
}

/**
 * Administrative-unit code of the national list: a province (2 digits, from
 * PROVINCE_CODES), a district (3 digits; no district level since 1 July 2025
 * but older records keep it) or a commune (5 digits). District and commune
 * codes are accepted by shape: the full list is reference data, not code.
 */
export function isAdminUnitCode(value: string): boolean {
  if (/^\d{2}$/.test(value)) return PROVINCE_CODES.has(value);
  if (/^\d{3}$/.test(value)) return value !== '000';
  if (/^\d{5}$/.test(value)) return value !== '00000';
  return false;
}

/** The custom formats this module defines, by name. */
export const customFormats = {
  'citizen-id': isCitizenId,
  'vn-phone': isVietnamesePhone,
  'tax-code': isTaxCode,
  'admin-unit-code': isAdminUnitCode,
} as const satisfies Record<string, (value: string) => boolean>;

/** Standard formats (from ajv-formats, "full" mode) that form schemas may use. */
export const standardFormats = ['date', 'time', 'date-time', 'email', 'uri', 'uuid'] as const;

export type FormatName = keyof typeof customFormats | (typeof standardFormats)[number];

/** Each format in words, for error messages ("không đúng định dạng …" / "not a valid …"). */
export const formatDescriptions: Record<FormatName, Message> = {
  'citizen-id': {
    vi: 'số định danh cá nhân 12 chữ số',
    en: '12-digit citizen ID',
  },
  'vn-phone': {
    vi: 'số điện thoại Việt Nam (di động 10 số hoặc cố định 11 số, bắt đầu bằng 0 hoặc +84)',
    en: 'Vietnamese phone number (10-digit mobile or 11-digit landline, starting with 0 or +84)',
  },
  'tax-code': {
    vi: 'mã số thuế 10 chữ số hoặc 13 chữ số (dạng 10-3)',
    en: '10- or 13-digit tax code (13 written as 10-3)',
  },
  'admin-unit-code': {
    vi: 'mã đơn vị hành chính (tỉnh 2 số, huyện 3 số, xã 5 số)',
    en: 'administrative-unit code (province 2 digits, district 3, commune 5)',
  },
  date: { vi: 'ngày (năm-tháng-ngày, ví dụ 2025-07-01)', en: 'date (YYYY-MM-DD, e.g. 2025-07-01)' },
  time: { vi: 'giờ (giờ:phút:giây kèm múi giờ)', en: 'time (hh:mm:ss with a time zone)' },
  'date-time': {
    vi: 'thời điểm (ngày và giờ kèm múi giờ)',
    en: 'date and time with a time zone',
  },
  email: { vi: 'địa chỉ thư điện tử', en: 'email address' },
  uri: { vi: 'địa chỉ URI', en: 'URI' },
  uuid: { vi: 'mã UUID', en: 'UUID' },
};

/** Adds the standard and the Vietnamese formats to an ajv instance. */
export function addFormFormats(ajv: Ajv2020): Ajv2020 {
  for (const name of standardFormats) ajv.addFormat(name, fullFormats[name]);
  for (const [name, validate] of Object.entries(customFormats)) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  return ajv;
}
