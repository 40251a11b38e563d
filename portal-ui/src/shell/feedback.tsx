// Shared messages: an API error in the reader's language, a loading line,
// and a form field with its label, hint and server message beside it.
import { useEffect, useId, type ReactNode } from 'react';
import { local, t, useLocale, type LocalText } from '../i18n/i18n';
import { ApiError } from './api';

export function ErrorMessage({ error }: { error: unknown }) {
  useLocale();
  if (!error) return null;
  const text: LocalText =
    error instanceof ApiError
      ? error.text
      : {
          vi: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
          en: 'Something went wrong. Please try again.',
        };
  return (
    <div className="alert alert-error" role="alert">
      <p>{local(text)}</p>
      {error instanceof ApiError && error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={detail.path + detail.message.vi}>{local(detail.message)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  /** A server message ({ vi, en }) or a text already in the reader's language. */
  error?: LocalText | string | undefined;
  children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {typeof error === 'string' ? error : local(error)}
        </p>
      )}
    </div>
  );
}

/** Sets the document title for a page. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — motcua`;
  }, [title]);
}
