// Once the result is returned (status 10), the applicant rates the service
// once: 1 to 5 stars as a radio group, and a comment.
import { useState, type FormEvent } from 'react';
import { t } from '../i18n/i18n';
import { api } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import './dossier.messages';

const SCORES = [1, 2, 3, 4, 5] as const;

export function RatingForm({ dossierId, onSent }: { dossierId: string; onSent: () => void }) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const missing = attempted && score === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (score === null) return;
    setBusy(true);
    try {
      await api.post(`/dossiers/${dossierId}/rating`, {
        score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card"
      noValidate
      aria-labelledby="rating-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="rating-title">{t('rating.title')}</h2>
      <ErrorMessage error={error} />
      <fieldset className={missing ? 'field choices field-invalid' : 'field choices'}>
        <legend>{t('rating.score')}</legend>
        {missing && <p className="field-error">{t('rating.missing')}</p>}
        <div className="stars">
          {SCORES.map((n) => (
            <label key={n} className="choice">
              <input
                type="radio"
                name="score"
                value={n}
                checked={score === n}
                onChange={() => setScore(n)}
              />
              <span aria-hidden="true" className="star-icons">
                {'★'.repeat(n)}
              </span>
              <span>{t(`rating.star.${n}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('rating.comment')}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('rating.send')}
      </button>
    </form>
  );
}
