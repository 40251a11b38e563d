import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOSSIER_CODE_PATTERN,
  DossierCodeError,
  dossierCodeAround,
  formatDossierCode,
  validatePattern,
} from '../../../server/domain/dossier-code.js';

const agencyCode = '000.00.12.H12';

describe('formatDossierCode', () => {
  it('formats the default {agency}-{yyMMdd}-{seq:4} code', () => {
    const code = formatDossierCode(DEFAULT_DOSSIER_CODE_PATTERN, {
      agencyCode,
      date: new Date('2026-11-22T10:00:00+07:00'),
      sequence: 1,
    });
    expect(code).toBe('000.00.12.H12-261122-0001');
  });

  it('takes the date in Vietnam time', () => {
    // 17:30 UTC on 21/11 is 00:30 on 22/11 in Hà Nội.
    const date = new Date('2026-11-21T17:30:00Z');
    expect(formatDossierCode(DEFAULT_DOSSIER_CODE_PATTERN, { agencyCode, date, sequence: 7 })).toBe(
      '000.00.12.H12-261122-0007',
    );
    const before = new Date('2026-11-21T16:59:59Z');
    expect(
      formatDossierCode(DEFAULT_DOSSIER_CODE_PATTERN, { agencyCode, date: before, sequence: 7 }),
    ).toBe('000.00.12.H12-261121-0007');
  });

  it('follows other patterns: 8-digit date, 7-digit sequence, {seq} of 4', () => {
    const date = new Date('2025-01-05T09:00:00+07:00');
    expect(
      formatDossierCode('{agency}-{yyyy}{MM}{dd}-{seq:7}', { agencyCode, date, sequence: 42 }),
    ).toBe('000.00.12.H12-20250105-0000042');
    expect(
      formatDossierCode('HS/{dd}.{MM}.{yy}/{agency}/{seq}', {
        agencyCode: 'H12',
        date,
        sequence: 3,
      }),
    ).toBe('HS/05.01.25/H12/0003');
  });

  it('writes a sequence wider than its width in full', () => {
    const date = new Date('2026-11-22T10:00:00+07:00');
    expect(
      formatDossierCode(DEFAULT_DOSSIER_CODE_PATTERN, { agencyCode, date, sequence: 12345 }),
    ).toBe('000.00.12.H12-261122-12345');
  });

  it('refuses a bad sequence, agency code, date or pattern', () => {
    const date = new Date('2026-11-22T10:00:00+07:00');
    const format =
      (values: Partial<{ agencyCode: string; date: Date; sequence: number }>, pattern?: string) =>
      () =>
        formatDossierCode(pattern ?? DEFAULT_DOSSIER_CODE_PATTERN, {
          agencyCode,
          date,
          sequence: 1,
          ...values,
        });
    expect(format({ sequence: 0 })).toThrow(/số nguyên dương/);
    expect(format({ sequence: 1.5 })).toThrow(DossierCodeError);
    expect(format({ agencyCode: ' ' })).toThrow(/Mã cơ quan/);
    expect(format({ date: new Date(Number.NaN) })).toThrow(/Ngày tiếp nhận/);
    expect(format({}, '{agency}-{seq:4}')).toThrow(/năm/);
  });
});

describe('validatePattern', () => {
  it('accepts the default and other complete patterns', () => {
    expect(validatePattern(DEFAULT_DOSSIER_CODE_PATTERN)).toEqual({ ok: true });
    expect(validatePattern('{agency}{yyyy}{MM}{dd}{seq:7}')).toEqual({ ok: true });
  });

  it.each([
    ['{yy}{MM}{dd}-{seq:4}', /mã cơ quan/],
    ['{agency}-{seq:4}', /năm/],
    ['{agency}-{yy}{dd}-{seq:4}', /tháng/],
    ['{agency}-{yy}{MM}-{seq:4}', /ngày/],
    ['{agency}-{yy}{MM}{dd}', /số thứ tự/],
    ['{agency}-{yy}{MM}{dd}-{seq:0}', /\{seq:0\}/],
    ['{agency}-{yy}{MM}{dd}-{sequence}', /\{sequence\}/],
    ['{agency}-{yy}{MM}{dd}-{seq:4', /không khớp/],
    ['{agency}-{yy}{MM}{dd}-{seq:4}/{seq}', /chỉ được có một/],
  ])('refuses %s', (pattern, message) => {
    const result = validatePattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.vi).join(' ')).toMatch(message);
  });

  it('lists every problem, in Vietnamese and English', () => {
    const result = validatePattern('HS-{foo}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(6); // unknown token + agency, year, month, day, sequence
    expect(result.errors[0]).toEqual({
      vi: expect.stringContaining('{foo}'),
      en: expect.stringContaining('Unknown token {foo}'),
    });
  });
});

describe('dossierCodeAround', () => {
  const date = new Date('2026-11-22T10:00:00+07:00');
  it.each([
    [DEFAULT_DOSSIER_CODE_PATTERN, { before: '000.00.12.H12-261122-', width: 4, after: '' }],
    [
      'HS/{dd}.{MM}.{yy}/{seq}/{agency}',
      { before: 'HS/22.11.26/', width: 4, after: '/000.00.12.H12' },
    ],
    ['{seq:7}-{agency}-{yyyy}{MM}{dd}', { before: '', width: 7, after: '-000.00.12.H12-20261122' }],
  ])('splits %s around its sequence as formatDossierCode writes it', (pattern, around) => {
    expect(dossierCodeAround(pattern, { agencyCode, date })).toEqual(around);
    for (const sequence of [1, 42, 12345678]) {
      const padded = String(sequence).padStart(around.width, '0');
      expect(`${around.before}${padded}${around.after}`).toBe(
        formatDossierCode(pattern, { agencyCode, date, sequence }),
      );
    }
  });

  it('refuses what formatDossierCode refuses', () => {
    expect(() => dossierCodeAround('{agency}-{seq}', { agencyCode, date })).toThrow(/năm/);
    expect(() =>
      dossierCodeAround(DEFAULT_DOSSIER_CODE_PATTERN, { agencyCode: ' ', date }),
    ).toThrow(DossierCodeError);
  });
});
