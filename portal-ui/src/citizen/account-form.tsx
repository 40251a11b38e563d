// Pieces of the account forms: a labelled text input with its hint and
// message, and the checks the server makes on identifiers (the same rules,
// from the server's own module) so a mistake shows before sending.
import type { HTMLInputTypeAttribute } from 'react';
import {
  formatDescriptions,
  isCitizenId,
  isTaxCode,
  isVietnamesePhone,
} from '../../../server/plugins/app/forms/form-formats';
import { local, t, type LocalText } from '../i18n/i18n';
import { Field } from '../shell/feedback';
import './account.messages';

export type Check = 'citizen-id' | 'vn-phone' | 'tax-code' | 'email';

const rules: Record<Check, (value: string) => boolean> = {
  'citizen-id': isCitizenId,
  'vn-phone': isVietnamesePhone,
  'tax-code': isTaxCode,
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
};

/** What is wrong with a required value, in the reader's language; undefined when fine. */
export function problem(label: string, value: string, check?: Check): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return t('account.required', { label });
  if (check && !rules[check](trimmed)) {
    return `${label}: ${t('account.badFormat', { what: local(formatDescriptions[check]) })}`;
  }
  return undefined;
}

export function TextField({
  label,
  hint,
  value,
  onChange,
  error,
  type = 'text',
  autoComplete,
  inputMode,
  required = true,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | LocalText;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'numeric' | 'email';
  required?: boolean;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <input
          {...props}
          type={type}
          required={required}
          autoComplete={autoComplete}
          inputMode={inputMode}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
