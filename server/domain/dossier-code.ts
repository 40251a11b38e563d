// Dossier code (mã hồ sơ): by default `{agency}-{yy}{MM}{dd}-{seq:4}`, after
// TT 01/2018 (agency identifier code, receipt date, daily sequence), e.g.
// `000.00.12.H12-261122-0001`. Vendors vary (8-digit dates, 7-digit
// sequences), so the pattern is configuration. This module only formats: the
// sequence is issued, gap-free, by the database in the receiving transaction.
import type { Message } from '../errors.js';
import { VIETNAM_UTC_OFFSET_MINUTES } from './working-calendar.js';

export const DEFAULT_DOSSIER_CODE_PATTERN = '{agency}-{yy}{MM}{dd}-{seq:4}';

/** What each token stands for; `role` is what validatePattern requires to be present. */
const TOKENS: Record<
  string,
  { role: 'agency' | 'year' | 'month' | 'day' | 'sequence'; render: (v: CodeValues) => string }
> = {
  agency: { role: 'agency', render: (v) => v.agencyCode },
  yyyy: { role: 'year', render: (v) => String(v.year).padStart(4, '0') },
  yy: { role: 'year', render: (v) => String(v.year % 100).padStart(2, '0') },
  MM: { role: 'month', render: (v) => String(v.month).padStart(2, '0') },
  dd: { role: 'day', render: (v) => String(v.day).padStart(2, '0') },
};

/** `{seq}` or `{seq:N}`: the daily sequence zero-padded to N digits (default 4). */
const SEQUENCE_TOKEN = /^seq(?::([1-9]\d?))?$/;
const DEFAULT_SEQUENCE_WIDTH = 4;

/** The roles a code needs to be unique: agency + day + sequence within the day. */
const REQUIRED_ROLES: readonly { role: string; message: Message }[] = [
  {
    role: 'agency',
    message: {
      vi: 'Mẫu phải có mã cơ quan {agency}.',
      en: 'The pattern needs the agency code {agency}.',
    },
  },
  {
    role: 'year',
    message: {
      vi: 'Mẫu phải có năm {yy} hoặc {yyyy}.',
      en: 'The pattern needs the year {yy} or {yyyy}.',
    },
  },
  {
    role: 'month',
    message: { vi: 'Mẫu phải có tháng {MM}.', en: 'The pattern needs the month {MM}.' },
  },
  { role: 'day', message: { vi: 'Mẫu phải có ngày {dd}.', en: 'The pattern needs the day {dd}.' } },
  {
    role: 'sequence',
    message: {
      vi: 'Mẫu phải có số thứ tự trong ngày {seq:4}.',
      en: 'The pattern needs the daily sequence {seq:4}.',
    },
  },
];

interface CodeValues {
  agencyCode: string;
  year: number;
  month: number;
  day: number;
}

type Part = { literal: string } | { token: string; sequenceWidth?: number };

export type PatternValidation = { ok: true } | { ok: false; errors: Message[] };

export class DossierCodeError extends Error {
  readonly errors: Message[];
  constructor(errors: Message[]) {
    super(errors.map((e) => `${e.vi} / ${e.en}`).join('; '));
    this.name = 'DossierCodeError';
    this.errors = errors;
  }
}

// A server has one pattern (its configuration): parsed once, not per code.
const parsedPatterns = new Map<string, { parts: Part[]; errors: Message[] }>();
const PARSED_MAX = 64;

function parse(pattern: string): { parts: Part[]; errors: Message[] } {
  let parsed = parsedPatterns.get(pattern);
  if (!parsed) {
    parsed = parseOnce(pattern);
    if (parsedPatterns.size >= PARSED_MAX) parsedPatterns.clear();
    parsedPatterns.set(pattern, parsed);
  }
  return parsed;
}

function parseOnce(pattern: string): { parts: Part[]; errors: Message[] } {
  const parts: Part[] = [];
  const errors: Message[] = [];
  // Split into literals and `{...}` tokens; a lone brace is an error, not a literal.
  const re = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const m of pattern.matchAll(re)) {
    const [, token, literal, brace] = m;
    if (literal !== undefined) parts.push({ literal });
    else if (brace !== undefined) {
      errors.push({
        vi: `Dấu "${brace}" ở vị trí ${m.index + 1} không khớp.`,
        en: `Unmatched "${brace}" at position ${m.index + 1}.`,
      });
    } else if (token !== undefined) {
      const seq = SEQUENCE_TOKEN.exec(token);
      if (seq)
        parts.push({ token: 'seq', sequenceWidth: Number(seq[1] ?? DEFAULT_SEQUENCE_WIDTH) });
      else if (token in TOKENS) parts.push({ token });
      else {
        errors.push({
          vi: `Không có thành phần {${token}}; dùng {agency}, {yyyy}, {yy}, {MM}, {dd}, {seq:N}.`,
          en: `Unknown token {${token}}; use {agency}, {yyyy}, {yy}, {MM}, {dd}, {seq:N}.`,
        });
      }
    }
  }
  const roles = new Set(
    parts.flatMap((p) =>
      'token' in p ? [p.token === 'seq' ? 'sequence' : (TOKENS[p.token]?.role ?? '')] : [],
    ),
  );
  for (const required of REQUIRED_ROLES)
    if (!roles.has(required.role)) errors.push(required.message);
  if (parts.filter((p) => 'token' in p && p.token === 'seq').length > 1) {
    errors.push({
      vi: 'Mẫu chỉ được có một số thứ tự {seq}.',
      en: 'The pattern may hold only one sequence {seq}.',
    });
  }
  return { parts, errors };
}

/** Checks a code pattern; lists every problem in Vietnamese and English. */
export function validatePattern(pattern: string): PatternValidation {
  const { errors } = parse(pattern);
  return errors.length === 0 ? { ok: true } : { ok: false, errors: [...errors] };
}

/**
 * Formats a dossier code. `date` is the receipt instant; its date is taken in
 * Vietnam time. A sequence wider than the token's width is written in full,
 * never truncated, so codes stay unique. Throws DossierCodeError on a bad
 * pattern, an empty agency code or a sequence that is not a positive integer.
 */
export function formatDossierCode(
  pattern: string,
  values: { agencyCode: string; date: Date; sequence: number },
): string {
  const sequenceErrors: Message[] =
    Number.isSafeInteger(values.sequence) && values.sequence >= 1
      ? []
      : [
          {
            vi: `Số thứ tự phải là số nguyên dương (nhận được ${values.sequence}).`,
            en: `The sequence must be a positive integer (got ${values.sequence}).`,
          },
        ];
  const { before, width, after } = codeAround(pattern, values, sequenceErrors);
  return `${before}${String(values.sequence).padStart(width, '0')}${after}`;
}

/**
 * The code without its sequence, for the database to complete in the
 * statement that issues the sequence: `before`, the sequence zero-padded to
 * `width` (never truncated), then `after`. Throws as formatDossierCode does.
 */
export function dossierCodeAround(
  pattern: string,
  values: { agencyCode: string; date: Date },
): { before: string; width: number; after: string } {
  return codeAround(pattern, values, []);
}

function codeAround(
  pattern: string,
  values: { agencyCode: string; date: Date },
  errors: Message[],
): { before: string; width: number; after: string } {
  const parsed = parse(pattern);
  errors.push(...parsed.errors);
  const agencyCode = values.agencyCode.trim();
  if (agencyCode === '' || /\s/.test(agencyCode)) {
    errors.push({
      vi: 'Mã cơ quan không được rỗng hoặc chứa khoảng trắng.',
      en: 'The agency code must not be empty or contain spaces.',
    });
  }
  const time = values.date.getTime();
  if (Number.isNaN(time)) {
    errors.push({ vi: 'Ngày tiếp nhận không hợp lệ.', en: 'The receipt date is not valid.' });
  }
  if (errors.length > 0) throw new DossierCodeError(errors);
  const local = new Date(time + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  const codeValues: CodeValues = {
    agencyCode,
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  };
  const text = (p: Part) => ('literal' in p ? p.literal : TOKENS[p.token]!.render(codeValues));
  const at = parsed.parts.findIndex((p) => 'token' in p && p.token === 'seq');
  const sequence = parsed.parts[at] as { sequenceWidth?: number };
  return {
    before: parsed.parts.slice(0, at).map(text).join(''),
    width: sequence.sequenceWidth ?? DEFAULT_SEQUENCE_WIDTH,
    after: parsed.parts
      .slice(at + 1)
      .map(text)
      .join(''),
  };
}
