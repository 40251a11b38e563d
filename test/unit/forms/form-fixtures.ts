// Valid payloads for the forms in forms/, and a way to write form files to a
// temporary folder for registry tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as filings from '../../../server/simulation/sample-filings.js';

export const address = filings.DELIVERY_ADDRESS;

export const individual = {
  type: 'individual',
  fullName: 'Nguyễn Văn An',
  citizenId: '001099012345',
  dateOfBirth: '1999-05-20',
  phone: '0912345678',
  email: 'an.nguyen@example.vn',
  address,
};

export const organisation = {
  type: 'organisation',
  fullName: 'Công ty cổ phần Nước sạch Sông Hồng',
  taxCode: '0100109106',
  representative: { fullName: 'Trần Thị Bình', position: 'Giám đốc' },
  phone: '02438123456',
  email: 'contact@nuocsach.example.vn',
  address: { provinceCode: '01', districtCode: '001', communeCode: '00001', street: '1 Phúc Xá' },
};

export function groundwaterPayload(): Record<string, unknown> {
  return filings.groundwaterPayload(individual);
}

export function environmentalPermitPayload(): Record<string, unknown> {
  return filings.environmentalPermitPayload(organisation);
}

export function interagencyPayload(): Record<string, unknown> {
  return filings.interagencyPayload(individual);
}

/** A valid payload for each decision form. */
export const decisionPayloads: Record<string, Record<string, unknown>> = {
  'decision-completeness': {
    complete: false,
    missingItems: [{ documentCode: 'TP02', item: 'Đề án thăm dò', reason: 'Chưa có chữ ký số' }],
  },
  'decision-appraisal': {
    opinion: 'Hồ sơ đáp ứng các điều kiện cấp phép.',
    recommendation: 'approve',
  },
  'decision-review': { reviewDecision: 'agree' },
  'decision-approval': {
    approvalDecision: 'refuse',
    refusalReasons: 'Vị trí nằm trong vùng cấm khai thác.',
  },
  'decision-fee': {
    amount: 1500000,
    receiptNumber: '0000123',
    paidOn: '2026-03-10',
    paymentMethod: 'cash',
  },
  'decision-unit-opinion': {
    unitPosition: 'agree-with-conditions',
    content: 'Thống nhất với đề xuất cấp phép.',
    conditions: 'Lắp thiết bị quan trắc tự động.',
  },
  'decision-site-inspection': {
    inspectedOn: '2026-04-02',
    inspectors: ['Phạm Văn Dũng', 'Hoàng Thị E'],
    findings: 'Hệ thống xử lý nước thải vận hành ổn định.',
    siteConformity: 'conforming',
  },
};

/** A small valid form file, to change in tests. */
export function smallForm(version = 1): Record<string, unknown> {
  return {
    id: 'small-form',
    version,
    title: { vi: 'Biểu mẫu nhỏ', en: 'Small form' },
    kind: 'filing',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: 'string', minLength: 1 } },
    },
    ui: {
      order: ['/name'],
      fields: { '/name': { label: { vi: 'Tên', en: 'Name' }, widget: 'text' } },
    },
  };
}

export interface TempFormsDir {
  dir: string;
  write(name: string, content: unknown): void;
  remove(): void;
}

export function tempFormsDir(): TempFormsDir {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-forms-'));
  return {
    dir,
    write(name, content) {
      const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
      writeFileSync(join(dir, name), text);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
