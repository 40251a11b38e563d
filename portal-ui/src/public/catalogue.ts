// The procedure catalogue as the public pages read it (GET /procedures,
// /procedures/:code, /agencies), and how its facts read in each language.
import { local, t, type LocalText } from '../i18n/i18n';
import './public.messages';

export type MimeType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/zip';

export interface RequiredDocument {
  key: string;
  name: LocalText;
  required: boolean;
  acceptedTypes: MimeType[];
  maxSizeMb: number;
  signatureRequired?: boolean;
  copies?: number;
}

export interface Procedure {
  id: string;
  code: string;
  version: number;
  name: LocalText;
  agencyCode: string;
  agencyId: string;
  field: LocalText;
  mode: 'full' | 'partial';
  processingTime: { amount: number; unit: 'working_days' | 'working_hours' | 'calendar_days' };
  fees: { name: LocalText; kind: 'phi' | 'le_phi'; amountVnd: number }[];
  documents: RequiredDocument[];
  resultType: LocalText;
  form: { id: string; version: number };
  description?: LocalText;
  whereToApply?: LocalText;
}

export interface Agency {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
}

export function agencyName(agencies: Agency[] | undefined, code: string): string {
  const agency = agencies?.find((a) => a.code === code);
  return agency ? local({ vi: agency.nameVi, en: agency.nameEn }) : code;
}

export function processingTime(procedure: Procedure): string {
  const { amount, unit } = procedure.processingTime;
  return t(`time.${unit}`, { n: amount });
}

const typeNames: Record<MimeType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/zip': 'ZIP',
};

/** "PDF, JPEG" for a document's accepted types. */
export function typeList(types: MimeType[]): string {
  return types.map((type) => typeNames[type] ?? type).join(', ');
}

/** The file picker's filter for a document's accepted types. */
export function acceptAttribute(types: MimeType[]): string {
  const extensions: Record<MimeType, string> = {
    'application/pdf': '.pdf',
    'image/jpeg': '.jpg,.jpeg',
    'image/png': '.png',
    'application/zip': '.zip',
  };
  return types.flatMap((type) => [type, extensions[type]]).join(',');
}
