// Step 3 of the filing wizard: the form as filled in, the files attached and
// the fees, each with a way back to change it, then the submit button.
import type { ReactNode } from 'react';
import { SchemaForm, type FormValues, type FormDefinition } from '../forms/schema-form';
import { formatBytes, formatMoney } from '../i18n/format';
import { local, t } from '../i18n/i18n';
import type { Procedure } from '../public/catalogue';
import type { Attachment } from './dossier-types';
import './dossier.messages';

export function ReviewStep({
  procedure,
  form,
  formData,
  attachments,
  onEdit,
  children,
}: {
  procedure: Procedure;
  form: FormDefinition;
  formData: FormValues;
  attachments: Attachment[];
  onEdit: (step: number) => void;
  children: ReactNode;
}) {
  return (
    <>
      <p>{t('draft.reviewIntro')}</p>
      <section className="card" aria-labelledby="review-form">
        <div className="section-head">
          <h3 id="review-form">{t('draft.formData')}</h3>
          <button type="button" className="secondary" onClick={() => onEdit(1)}>
            {t('draft.edit')} <span className="visually-hidden">{t('draft.formData')}</span>
          </button>
        </div>
        <SchemaForm id="review" form={form} formData={formData} readonly />
      </section>
      <section className="card" aria-labelledby="review-documents">
        <div className="section-head">
          <h3 id="review-documents">{t('draft.step.documents')}</h3>
          <button type="button" className="secondary" onClick={() => onEdit(2)}>
            {t('draft.edit')} <span className="visually-hidden">{t('draft.step.documents')}</span>
          </button>
        </div>
        <dl className="facts">
          {procedure.documents.map((document) => {
            const files = attachments.filter((a) => a.documentKey === document.key);
            return (
              <div key={document.key} className="facts-row">
                <dt>{local(document.name)}</dt>
                <dd>
                  {files.length === 0
                    ? t('documents.none')
                    : files.map((f) => `${f.fileName} (${formatBytes(f.sizeBytes)})`).join(', ')}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
      {procedure.fees.length > 0 && (
        <section className="card" aria-labelledby="review-fees">
          <h3 id="review-fees">{t('draft.fees')}</h3>
          <ul>
            {procedure.fees.map((fee) => (
              <li key={fee.name.vi}>
                {local(fee.name)}: {formatMoney(fee.amountVnd)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {children}
    </>
  );
}
