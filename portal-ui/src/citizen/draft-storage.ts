// What a draft keeps on this device: a copy of the form as typed (so a
// network failure loses nothing) and the Idempotency-Key of its submission
// (so a retried submit is recognised by the server as the same one).
import type { FormValues } from '../forms/schema-form';

interface LocalCopy {
  formData: FormValues;
  /** False until the server has the same data. */
  synced: boolean;
}

const copyKey = (id: string) => `motcua.draft.${id}`;
const submitKey = (id: string) => `motcua.draft.${id}.submit`;

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the server copy is all there is.
  }
}

export const readCopy = (id: string) => read<LocalCopy>(copyKey(id));
export const writeCopy = (id: string, copy: LocalCopy) => write(copyKey(id), copy);

/** The draft's submission key: one UUID for every attempt to submit it. */
export function submissionKey(id: string): string {
  const kept = read<string>(submitKey(id));
  if (kept) return kept;
  const key = uuid();
  write(submitKey(id), key);
  return key;
}

/** Forgets the draft's copy and key once it is submitted. */
export function forgetDraft(id: string): void {
  try {
    localStorage.removeItem(copyKey(id));
    localStorage.removeItem(submitKey(id));
  } catch {
    // Nothing kept.
  }
}

/** A random UUID v4; crypto.randomUUID exists only on https and localhost. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
