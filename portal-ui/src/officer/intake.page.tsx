// /work/intake — the reception officer registers a walk-in or postal dossier
// for an applicant (by citizen ID or tax code), fills the procedure's form
// from the paper application, and gets the dossier code.
import { useRef, useState, type RefObject } from 'react';
import { local, t, type LocalText } from '../i18n/i18n';
import { SchemaForm } from '../forms/schema-form';
import { ActionStatus, notice } from '../shell/action-status';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import { useSession } from '../shell/session';
import type { Dossier } from './api-types';
import { IntakeDone } from './intake-done';
import { Pending } from './pending';
import { useProcedures } from '../public/procedures';
import { useFormDefinition } from './use-form-definition';
import './officer.css';
import './intake.messages';

const APPLICANT_PATTERN = /^[0-9]{10,13}(-[0-9]{3})?$/;

/** Body fields keep their own names; the form's errors come as /formData/<field>. */
function splitErrors(error: unknown) {
  const body = fieldErrors(error);
  const form = new Map<string, LocalText>();
  for (const [path, message] of body) {
    if (path.startsWith('/formData/')) form.set(path.slice('/formData'.length), message);
  }
  return { body, form };
}

export default function IntakePage() {
  const { account } = useSession();
  const { procedures, error: proceduresError } = useProcedures();
  const mine = procedures.filter((p) => p.agencyId === account?.agencyId);
  const [procedureCode, setProcedureCode] = useState('');
  const [channel, setChannel] = useState<1 | 3>(1);
  const [applicant, setApplicant] = useState('');
  const [applicantInvalid, setApplicantInvalid] = useState(false);
  const applicantInput = useRef<HTMLInputElement>(null);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Dossier | null>(null);
  const procedure = mine.find((p) => p.code === procedureCode);
  const form = useFormDefinition(procedure ? procedure.form : null);
  const errors = splitErrors(error);

  /** Checked on every attempt, beside the form's own checks. */
  function applicantOk(): boolean {
    const ok = APPLICANT_PATTERN.test(applicant.trim());
    setApplicantInvalid(!ok);
    return ok;
  }

  async function register(data: Record<string, unknown>) {
    if (!applicantOk()) {
      applicantInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const dossier = await api.post<Dossier>('/dossiers/intake', {
        procedureCode,
        channel,
        applicant: applicant.trim(),
        formData: data,
      });
      setError(null);
      setDone(dossier);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  function startOver() {
    setDone(null);
    setFormData({});
    setApplicant('');
  }

  return (
    <section>
      <h1>{t('intake.title')}</h1>
      <ActionStatus notice={done ? notice('intake.done', { code: done.code ?? '' }) : null} />
      {done ? (
        <IntakeDone dossier={done} onNext={startOver} />
      ) : (
        <>
          <p>{t('intake.intro')}</p>
          <ErrorMessage error={proceduresError ?? error} />
          <div className="card">
            <Field label={t('intake.procedure')} error={errors.body.get('/procedureCode')}>
              {(props) => (
                <select
                  {...props}
                  value={procedureCode}
                  onChange={(event) => setProcedureCode(event.target.value)}
                >
                  <option value="">{t('intake.procedure.choose')}</option>
                  {mine.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.code} — {local(p.name)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset className="field">
              <legend>{t('intake.channel')}</legend>
              {([1, 3] as const).map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name="channel"
                    checked={channel === value}
                    onChange={() => setChannel(value)}
                  />
                  {t(`intake.channel.${value}`)}
                </label>
              ))}
            </fieldset>
            <ApplicantField
              inputRef={applicantInput}
              value={applicant}
              onChange={setApplicant}
              error={
                applicantInvalid ? t('intake.applicant.invalid') : errors.body.get('/applicant')
              }
            />
          </div>
          {procedure && !form.data && !form.error && <Pending />}
          <ErrorMessage error={form.error} />
          {procedure && form.data && (
            <div onSubmitCapture={applicantOk}>
              <SchemaForm
                id="intake-form"
                form={form.data}
                formData={formData}
                onChange={setFormData}
                onSubmit={(data) => void register(data)}
                serverErrors={errors.form}
              >
                <div className="actions">
                  <button type="submit" disabled={busy}>
                    {t('intake.submit')}
                  </button>
                </div>
              </SchemaForm>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function ApplicantField({
  inputRef,
  value,
  onChange,
  error,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  error: LocalText | string | undefined;
}) {
  return (
    <Field label={t('intake.applicant')} hint={t('intake.applicant.hint')} error={error}>
      {(props) => (
        <input
          {...props}
          ref={inputRef}
          inputMode="numeric"
          autoComplete="off"
          maxLength={14}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
