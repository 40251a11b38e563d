// My account: the details the account holds (GET /me) and the contact
// details the person may change themselves (PATCH /me).
import { useEffect, useState, type FormEvent } from 'react';
import { formatDate } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage, Loading } from '../shell/feedback';
import { useSession, type Account } from '../shell/session';
import { useResource } from '../shell/use-resource';
import { problem, TextField, type Check } from './account-form';

type Me = Account & { dateOfBirth?: string | null };
type Editable = 'fullName' | 'representative' | 'phone' | 'address';

function editableFields(me: Me): { name: Editable; label: string; check?: Check }[] {
  const fields: { name: Editable; label: string; check?: Check }[] =
    me.kind === 'organisation'
      ? [{ name: 'representative', label: t('account.representative') }]
      : [{ name: 'fullName', label: t('account.fullName') }];
  return [
    ...fields,
    { name: 'phone', label: t('account.phone'), check: 'vn-phone' },
    { name: 'address', label: t('account.address') },
  ];
}

function Facts({ me }: { me: Me }) {
  const rows: [string, string | null | undefined][] = [
    [t('account.kind'), t(me.kind === 'staff' ? 'account.kind.staff' : `register.kind.${me.kind}`)],
    [t('account.status'), t(`account.status.${me.status}`)],
    [t('account.email'), me.email],
    [t('account.organisationName'), me.organisationName],
    [t('account.taxCode'), me.taxCode],
    [t('account.fullName'), me.kind === 'organisation' ? null : me.fullName],
    [t('account.citizenId'), me.citizenId],
    [t('account.dateOfBirth'), formatDate(me.dateOfBirth)],
  ];
  return (
    <dl className="facts card">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="facts-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export default function AccountPage() {
  useLocale();
  const { refresh } = useSession();
  const me = useResource<Me>('/me');
  const [values, setValues] = useState<Partial<Record<Editable, string>>>({});
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (me.data) {
      const { fullName, representative, phone, address } = me.data;
      setValues({
        fullName,
        representative: representative ?? '',
        phone: phone ?? '',
        address: address ?? '',
      });
    }
  }, [me.data]);

  if (!me.data) {
    return (
      <>
        <h1>{t('account.title')}</h1>
        {me.loading ? <Loading /> : <ErrorMessage error={me.error} />}
      </>
    );
  }
  const fields = editableFields(me.data);
  const server = fieldErrors(error);
  const problemOf = (field: (typeof fields)[number]) =>
    attempted ? problem(field.label, values[field.name] ?? '', field.check) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(false);
    if (fields.some((field) => problem(field.label, values[field.name] ?? '', field.check))) return;
    setBusy(true);
    try {
      const changes = Object.fromEntries(
        fields.map((field) => [field.name, (values[field.name] ?? '').trim()]),
      );
      await api.patch('/me', changes);
      await Promise.all([me.reload(), refresh()]);
      setError(null);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('account.title')}</h1>
      <h2>{t('account.details')}</h2>
      <Facts me={me.data} />
      <h2 id="account-edit">{t('account.edit')}</h2>
      <form
        className="card narrow"
        noValidate
        aria-labelledby="account-edit"
        onSubmit={(event) => void submit(event)}
      >
        <ErrorMessage error={error} />
        {saved && (
          <div className="alert alert-ok" role="status">
            <p>{t('account.saved')}</p>
          </div>
        )}
        {fields.map((field) => (
          <TextField
            key={field.name}
            label={field.label}
            type={field.name === 'phone' ? 'tel' : 'text'}
            value={values[field.name] ?? ''}
            onChange={(value) => setValues({ ...values, [field.name]: value })}
            error={problemOf(field) ?? server.get(`/${field.name}`)}
          />
        ))}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </>
  );
}
