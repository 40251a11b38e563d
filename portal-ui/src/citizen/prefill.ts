// A new draft starts with what the account already says about the applicant,
// for forms with the usual applicant group (type, name, identifiers, contact).
import type { FormValues, FormDefinition } from '../forms/schema-form';
import type { Account } from '../shell/session';

type Properties = Record<string, { enum?: unknown[] } | undefined>;

export function prefill(
  form: FormDefinition,
  account: Account & { dateOfBirth?: string | null },
): FormValues {
  const applicant = form.schema.properties as
    Record<string, { properties?: Properties }> | undefined;
  const declared = applicant?.applicant?.properties;
  if (!declared) return {};
  const organisation = account.kind === 'organisation';
  const known: Record<string, unknown> = organisation
    ? { type: 'organisation', fullName: account.organisationName, taxCode: account.taxCode }
    : {
        type: 'individual',
        fullName: account.fullName,
        citizenId: account.citizenId,
        dateOfBirth: account.dateOfBirth,
      };
  known.phone = account.phone;
  known.email = account.email;
  const picked = Object.entries(known).filter(([name, value]) => {
    const schema = declared[name];
    return value && schema && (!schema.enum || schema.enum.includes(value));
  });
  return picked.length ? { applicant: Object.fromEntries(picked) } : {};
}
