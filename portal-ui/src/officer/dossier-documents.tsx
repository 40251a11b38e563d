// The dossier's documents: each opens inline on request (images as <img>,
// PDFs in a titled <iframe>); any other type is offered as a download.
import { useState } from 'react';
import { formatBytes, formatDateTime } from '../i18n/format';
import { local, t } from '../i18n/i18n';
import type { RequiredDocument } from '../public/catalogue';
import type { Attachment } from './api-types';
import './officer.messages';

function fileUrl(dossierId: string, attachment: Attachment, inline: boolean): string {
  const base = `/api/v1/dossiers/${dossierId}/attachments/${attachment.id}`;
  return inline ? `${base}?disposition=inline` : base;
}

const previewable = (type: string) => type.startsWith('image/') || type === 'application/pdf';

function Preview({ dossierId, attachment }: { dossierId: string; attachment: Attachment }) {
  const src = fileUrl(dossierId, attachment, true);
  if (attachment.contentType.startsWith('image/')) {
    return <img className="dossier-document-image" src={src} alt={attachment.fileName} />;
  }
  return (
    <iframe
      className="dossier-document-frame"
      src={src}
      title={t('officer.documents.frameTitle', { name: attachment.fileName })}
    />
  );
}

function DocumentItem({
  dossierId,
  attachment,
  label,
}: {
  dossierId: string;
  attachment: Attachment;
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const previewId = `preview-${attachment.id}`;
  return (
    <li className="dossier-document">
      <p className="dossier-document-name">
        <strong>{label}</strong>: {attachment.fileName}{' '}
        <span className="muted">
          ({formatBytes(attachment.sizeBytes)}, {formatDateTime(attachment.createdAt)})
        </span>
      </p>
      <div className="dossier-document-actions">
        {previewable(attachment.contentType) && (
          <button
            type="button"
            className="secondary"
            aria-expanded={open}
            aria-controls={previewId}
            onClick={() => setOpen(!open)}
          >
            {t(open ? 'officer.documents.hide' : 'officer.documents.show', {
              name: attachment.fileName,
            })}
          </button>
        )}
        <a href={fileUrl(dossierId, attachment, false)} download={attachment.fileName}>
          {t('officer.documents.download', { name: attachment.fileName })}
        </a>
      </div>
      <div id={previewId}>{open && <Preview dossierId={dossierId} attachment={attachment} />}</div>
    </li>
  );
}

export function DossierDocuments({
  dossierId,
  attachments,
  documents,
}: {
  dossierId: string;
  attachments: Attachment[];
  documents: RequiredDocument[];
}) {
  const nameOf = (key: string) => {
    const document = documents.find((d) => d.key === key);
    return document ? local(document.name) : key;
  };
  const missing = documents.filter(
    (d) => d.required && !attachments.some((a) => a.documentKey === d.key),
  );
  return (
    <>
      {attachments.length === 0 ? (
        <p>{t('officer.documents.none')}</p>
      ) : (
        <ul className="dossier-documents">
          {attachments.map((attachment) => (
            <DocumentItem
              key={attachment.id}
              dossierId={dossierId}
              attachment={attachment}
              label={nameOf(attachment.documentKey)}
            />
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <div className="alert alert-warn">
          <p>{t('officer.documents.missing')}</p>
          <ul>
            {missing.map((d) => (
              <li key={d.key}>{local(d.name)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
