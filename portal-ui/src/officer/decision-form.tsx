// The task's decision form (its form key in the form registry), completed
// with "Hoàn thành". The server validates the data again: its messages are
// shown beside the fields, and what the officer typed stays.
import { useState } from 'react';
import { t, type LocalText } from '../i18n/i18n';
import { SchemaForm, type FormDefinition } from '../forms/schema-form';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage } from '../shell/feedback';
import type { Task } from './api-types';
import './task.messages';

/** Server paths are /body/data/<field>; the form knows /<field>. */
function decisionErrors(error: unknown): Map<string, LocalText> {
  const errors = new Map<string, LocalText>();
  for (const [path, message] of fieldErrors(error)) {
    errors.set(path.replace(/^\/data(?=\/|$)/, ''), message);
  }
  return errors;
}

export function DecisionForm({
  task,
  form,
  data,
  onChange,
  onCompleted,
}: {
  task: Task;
  form: FormDefinition;
  data: Record<string, unknown>;
  onChange: (data: Record<string, unknown>) => void;
  onCompleted: (data: Record<string, unknown>) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function complete(submitted: Record<string, unknown>) {
    setBusy(true);
    try {
      await api.post(`/tasks/${task.id}/complete`, { data: submitted });
      setError(null);
      onCompleted(submitted);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorMessage error={error} />
      <SchemaForm
        id="decision-form"
        form={form}
        formData={data}
        onChange={onChange}
        onSubmit={(submitted) => void complete(submitted)}
        serverErrors={decisionErrors(error)}
      >
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('task.complete')}
          </button>
        </div>
      </SchemaForm>
    </>
  );
}
