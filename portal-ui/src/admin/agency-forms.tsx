// The agency forms: add an agency, rename one, add a unit to one. The
// server's field messages show beside each field.
import { useState, type FormEvent } from 'react';
import { t } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import { useAction } from './use-action';
import './agencies.messages';

export interface Unit {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface Agency extends Unit {
  parentId: string | null;
  units: Unit[];
}

type Names = { nameVi: string; nameEn: string };

function NameFields({
  values,
  onChange,
  error,
  labels,
}: {
  values: Names;
  onChange: (values: Names) => void;
  error: unknown;
  labels: { vi: string; en: string };
}) {
  const errors = fieldErrors(error);
  return (
    <>
      <Field label={t(labels.vi)} error={errors.get('/nameVi')}>
        {(props) => (
          <input
            {...props}
            required
            maxLength={300}
            value={values.nameVi}
            onChange={(e) => onChange({ ...values, nameVi: e.target.value })}
          />
        )}
      </Field>
      <Field label={t(labels.en)} error={errors.get('/nameEn')}>
        {(props) => (
          <input
            {...props}
            required
            maxLength={300}
            lang="en"
            value={values.nameEn}
            onChange={(e) => onChange({ ...values, nameEn: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

const AGENCY_NAMES = { vi: 'agencies.nameVi', en: 'agencies.nameEn' };
const UNIT_NAMES = { vi: 'agencies.unit.nameVi', en: 'agencies.unit.nameEn' };

export function AgencyCreateForm({
  agencies,
  onCreated,
}: {
  agencies: Agency[];
  onCreated: (name: string) => void;
}) {
  const empty = { code: '', nameVi: '', nameEn: '', parentId: '' };
  const [values, setValues] = useState(empty);
  const { error, busy, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { parentId, ...rest } = values;
    const ok = await run(() =>
      api.post('/agencies', { ...rest, ...(parentId ? { parentId } : {}) }),
    );
    if (ok) {
      onCreated(values.nameVi);
      setValues(empty);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorMessage error={error} />
      <Field
        label={t('agencies.code')}
        hint={t('agencies.code.hint')}
        error={fieldErrors(error).get('/code')}
      >
        {(props) => (
          <input
            {...props}
            required
            value={values.code}
            onChange={(e) => setValues({ ...values, code: e.target.value.toUpperCase() })}
          />
        )}
      </Field>
      <NameFields
        values={values}
        onChange={(names) => setValues({ ...values, ...names })}
        error={error}
        labels={AGENCY_NAMES}
      />
      <Field label={t('agencies.parent')} error={fieldErrors(error).get('/parentId')}>
        {(props) => (
          <select
            {...props}
            value={values.parentId}
            onChange={(e) => setValues({ ...values, parentId: e.target.value })}
          >
            <option value="">{t('agencies.parent.none')}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.code} — {agency.nameVi}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('agencies.create')}
      </button>
    </form>
  );
}

export function AgencyRenameForm({
  agency,
  onSaved,
  onCancel,
}: {
  agency: Agency;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Names>({ nameVi: agency.nameVi, nameEn: agency.nameEn });
  const { error, busy, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => api.patch(`/agencies/${agency.id}`, values))) onSaved(values.nameVi);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorMessage error={error} />
      <NameFields values={values} onChange={setValues} error={error} labels={AGENCY_NAMES} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('agencies.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('agencies.cancel')}
        </button>
      </div>
    </form>
  );
}

export function UnitAddForm({
  agency,
  onAdded,
}: {
  agency: Agency;
  onAdded: (name: string) => void;
}) {
  const empty = { code: '', nameVi: '', nameEn: '' };
  const [values, setValues] = useState(empty);
  const { error, busy, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => api.post(`/agencies/${agency.id}/units`, values))) {
      onAdded(values.nameVi);
      setValues(empty);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorMessage error={error} />
      <Field
        label={t('agencies.unit.code')}
        hint={t('agencies.unit.code.hint')}
        error={fieldErrors(error).get('/code')}
      >
        {(props) => (
          <input
            {...props}
            required
            maxLength={30}
            value={values.code}
            onChange={(e) => setValues({ ...values, code: e.target.value.toUpperCase() })}
          />
        )}
      </Field>
      <NameFields
        values={values}
        onChange={(names) => setValues({ ...values, ...names })}
        error={error}
        labels={UNIT_NAMES}
      />
      <button type="submit" className="secondary" disabled={busy}>
        {t('agencies.unit.add')}
      </button>
    </form>
  );
}
