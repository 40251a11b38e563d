// An officer's comment on a task; it goes into the dossier's history.
import { useState, type FormEvent } from 'react';
import { t } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import './task.messages';

export function CommentForm({ taskId, onSent }: { taskId: string; onSent: () => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.post(`/tasks/${taskId}/comments`, { body: body.trim() });
      setBody('');
      setError(null);
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void send(event)} noValidate>
      <ErrorMessage error={error} />
      <Field
        label={t('task.comment.label')}
        hint={t('task.comment.hint')}
        error={fieldErrors(error).get('/body')}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={4000}
            required
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="secondary" disabled={busy || !body.trim()}>
        {t('task.comment.send')}
      </button>
    </form>
  );
}
