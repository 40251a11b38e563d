// The procedure's required documents, each with the files already uploaded,
// a file picker and a progress bar. A file of the wrong type or over the
// size limit is refused here, before it travels; the server checks again.
import { useState, type ChangeEvent } from 'react';
import { formatBytes } from '../i18n/format';
import { local, t, type LocalText } from '../i18n/i18n';
import { acceptAttribute, typeList, type RequiredDocument } from '../public/catalogue';
import { request, type ApiError } from '../shell/api';
import type { Attachment } from './dossier-types';
import './dossier.messages';
import { uploadDocument } from './upload';

interface DocumentState {
  uploading?: { file: string; fraction: number };
  error?: string | LocalText;
  done?: string;
}

const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/zip': ['zip'],
};

function accepts(document: RequiredDocument, file: File): boolean {
  if ((document.acceptedTypes as string[]).includes(file.type)) return true;
  // Some systems give no type: judge by the extension then.
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return !file.type && document.acceptedTypes.some((type) => EXTENSIONS[type]?.includes(extension));
}

function DocumentRow({
  dossierId,
  document,
  files,
  serverError,
  onUploaded,
  onRemoved,
}: {
  dossierId: string;
  document: RequiredDocument;
  files: Attachment[];
  serverError?: LocalText;
  onUploaded: (attachment: Attachment) => void;
  onRemoved?: (attachment: Attachment) => void;
}) {
  const [state, setState] = useState<DocumentState>({});
  const inputId = `document-${document.key}`;
  const maxBytes = document.maxSizeMb * 1024 * 1024;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    const types = typeList(document.acceptedTypes);
    if (!accepts(document, file)) {
      setState({ error: t('documents.badType', { file: file.name, types }) });
      input.value = '';
      return;
    }
    if (file.size > maxBytes) {
      setState({
        error: t('documents.tooLarge', {
          file: file.name,
          size: formatBytes(file.size),
          max: formatBytes(maxBytes),
        }),
      });
      input.value = '';
      return;
    }
    setState({ uploading: { file: file.name, fraction: 0 } });
    const upload = uploadDocument(dossierId, document.key, file, (fraction) =>
      setState({ uploading: { file: file.name, fraction } }),
    );
    try {
      onUploaded(await upload.done);
      setState({ done: t('documents.done', { file: file.name }) });
    } catch (caught) {
      // uploadDocument fails with an ApiError only; the first detail names the file.
      const failure = caught as ApiError;
      setState({ error: failure.details[0]?.message ?? failure.text });
    } finally {
      input.value = '';
    }
  }

  async function remove(file: Attachment) {
    try {
      await request('DELETE', `/dossiers/${dossierId}/attachments/${file.id}`);
      onRemoved?.(file);
      setState({ done: t('documents.removed', { file: file.fileName }) });
    } catch (caught) {
      setState({ error: (caught as ApiError).text });
    }
  }

  const error = state.error ?? serverError;
  const describedBy = [`${inputId}-rules`, error ? `${inputId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={error ? 'card document field-invalid' : 'card document'}>
      <h3>{local(document.name)}</h3>
      <p id={`${inputId}-rules`} className="hint">
        <span className={document.required ? 'badge badge-bad' : 'badge badge-info'}>
          {t(document.required ? 'document.required' : 'document.optional')}
        </span>{' '}
        {t('documents.rules', {
          types: typeList(document.acceptedTypes),
          size: formatBytes(maxBytes),
        })}
      </p>
      {files.length > 0 ? (
        <ul className="files" aria-label={t('documents.uploaded')}>
          {files.map((file) => (
            <li key={file.id}>
              <a
                href={`/api/v1/dossiers/${dossierId}/attachments/${file.id}?disposition=inline`}
                target="_blank"
                rel="noreferrer"
                aria-label={t('documents.view', { file: file.fileName })}
              >
                {file.fileName}
              </a>{' '}
              <span className="muted">({formatBytes(file.sizeBytes)})</span>
              {onRemoved && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('documents.remove', { file: file.fileName })}
                    onClick={() => void remove(file)}
                  >
                    {t('documents.removeShort')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('documents.none')}</p>
      )}
      <label htmlFor={inputId}>{t('documents.choose', { name: local(document.name) })}</label>
      {error && (
        <p id={`${inputId}-error`} className="field-error">
          {typeof error === 'string' ? error : local(error)}
        </p>
      )}
      <input
        id={inputId}
        type="file"
        accept={acceptAttribute(document.acceptedTypes)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        disabled={!!state.uploading}
        onChange={(event) => void choose(event)}
      />
      <div aria-live="polite">
        {state.uploading && (
          <p>
            <label htmlFor={`${inputId}-progress`}>
              {t('documents.uploading', { name: state.uploading.file })}
            </label>
            <progress id={`${inputId}-progress`} max={1} value={state.uploading.fraction}>
              {Math.round(state.uploading.fraction * 100)}%
            </progress>{' '}
            {Math.round(state.uploading.fraction * 100)}%
          </p>
        )}
        {state.done && <p className="ok-text">{state.done}</p>}
      </div>
    </li>
  );
}

export function DocumentUploads({
  dossierId,
  documents,
  attachments,
  errors,
  onUploaded,
  onRemoved,
}: {
  dossierId: string;
  documents: RequiredDocument[];
  attachments: Attachment[];
  /** Server messages by document key (from /documents/<key> details). */
  errors?: ReadonlyMap<string, LocalText>;
  onUploaded: (attachment: Attachment) => void;
  /** Given for a draft only: its files can be taken out again. */
  onRemoved?: (attachment: Attachment) => void;
}) {
  return (
    <ul className="plain-list">
      {documents.map((document) => (
        <DocumentRow
          key={document.key}
          dossierId={dossierId}
          document={document}
          files={attachments.filter((a) => a.documentKey === document.key)}
          serverError={errors?.get(document.key)}
          onUploaded={onUploaded}
          onRemoved={onRemoved}
        />
      ))}
    </ul>
  );
}
