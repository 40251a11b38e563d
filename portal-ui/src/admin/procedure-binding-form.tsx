// Binds a filing form (and its version) and a BPMN process to a draft
// version of a procedure: PUT /procedures/:code/versions/:version with the
// draft's definition, those two fields changed.
import { useState, type FormEvent } from 'react';
import { local, t, type LocalText } from '../i18n/i18n';
import { notice, type Notice } from '../shell/action-status';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import { useAction } from './use-action';
import './procedures.messages';

export interface ProcedureVersion {
  id: string;
  code: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  name: LocalText;
  form: { id: string; version: number };
  bpmnProcessId: string;
  agencyId: string;
  publishedAt: string | null;
  [field: string]: unknown;
}

interface FormSummary {
  id: string;
  title: LocalText;
  kind: 'filing' | 'decision';
  versions: number[];
}

/** The definition the API takes back: the stored version without its server-side fields. */
const SERVER_FIELDS = new Set(['id', 'version', 'status', 'agencyId', 'publishedAt']);

export function definitionOf(procedure: ProcedureVersion): Record<string, unknown> {
  return Object.fromEntries(Object.entries(procedure).filter(([key]) => !SERVER_FIELDS.has(key)));
}

export function ProcedureBindingForm({
  draft,
  processIds,
  onSaved,
}: {
  draft: ProcedureVersion;
  processIds: string[];
  onSaved: (message: Notice) => void;
}) {
  const forms = useResource<{ items: FormSummary[] }>('/forms');
  const filings = (forms.data?.items ?? []).filter((form) => form.kind === 'filing');
  const [formId, setFormId] = useState(draft.form.id);
  const [formVersion, setFormVersion] = useState(draft.form.version);
  const [processId, setProcessId] = useState(draft.bpmnProcessId);
  const { error, busy, run } = useAction();
  const errors = fieldErrors(error);
  const versions = filings.find((form) => form.id === formId)?.versions ?? [formVersion];

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = {
      ...definitionOf(draft),
      form: { id: formId, version: formVersion },
      bpmnProcessId: processId.trim(),
    };
    if (await run(() => api.put(`/procedures/${draft.code}/versions/${draft.version}`, body))) {
      onSaved(
        notice('procedures.bound', {
          form: `${formId}.v${formVersion}`,
          process: processId.trim(),
          version: draft.version,
        }),
      );
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <ErrorMessage error={forms.error ?? error} />
      <Field
        label={t('procedures.bind.form')}
        error={errors.get('/form/id') ?? errors.get('/form')}
      >
        {(props) => (
          <select
            {...props}
            value={formId}
            onChange={(e) => {
              const next = filings.find((form) => form.id === e.target.value);
              setFormId(e.target.value);
              setFormVersion(next?.versions[next.versions.length - 1] ?? 1);
            }}
          >
            {!filings.some((form) => form.id === formId) && (
              <option value={formId}>{formId}</option>
            )}
            {filings.map((form) => (
              <option key={form.id} value={form.id}>
                {local(form.title)} ({form.id})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('procedures.bind.formVersion')} error={errors.get('/form/version')}>
        {(props) => (
          <select
            {...props}
            value={formVersion}
            onChange={(e) => setFormVersion(Number(e.target.value))}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('procedures.bind.process')}
        hint={t('procedures.bind.processHint')}
        error={errors.get('/bpmnProcessId')}
      >
        {(props) => (
          <>
            <input
              {...props}
              required
              list="process-ids"
              autoComplete="off"
              value={processId}
              onChange={(e) => setProcessId(e.target.value)}
            />
            <datalist id="process-ids">
              {processIds.map((id) => (
                <option key={id} value={id} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('procedures.bind.save')}
      </button>
    </form>
  );
}
