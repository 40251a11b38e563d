// The procedure's filing form as a citizen sees it, rendered by the portal's
// own form renderer; nothing entered here is sent.
import { useEffect, useState } from 'react';
import {
  SchemaForm,
  type FormValues,
  type FormDefinition,
} from '../../portal-ui/src/forms/schema-form';
import { setLocale as setPortalLocale } from '../../portal-ui/src/i18n/i18n';
import { api, ApiError } from './api';
import { Dialog } from './dialog';
import { useI18n, type Locale } from './i18n';

export interface FormPreviewDialogProps {
  procedureCode: string;
  locale: Locale;
  onClose: () => void;
}

export function FormPreviewDialog({ procedureCode, locale, onClose }: FormPreviewDialogProps) {
  const { t, pick } = useI18n();
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formData, setFormData] = useState<FormValues>({});

  // The portal's renderer reads the language from the portal's own i18n store.
  useEffect(() => setPortalLocale(locale), [locale]);

  useEffect(() => {
    let current = true;
    api
      .procedure(procedureCode)
      .then(({ form: bound }) => api.form(bound.id, bound.version))
      .then(
        (definition) => current && setForm(definition as FormDefinition),
        (failure: unknown) =>
          current &&
          setError(
            failure instanceof ApiError && failure.text
              ? pick(failure.text)
              : t('error.unexpected'),
          ),
      );
    return () => {
      current = false;
    };
  }, [procedureCode, pick, t]);

  return (
    <Dialog
      title={t('preview.title', { title: form ? pick(form.title) : procedureCode })}
      onClose={onClose}
      wide
      testId="form-preview"
    >
      {error && <p role="alert">{error}</p>}
      {!form && !error && <p>{t('preview.loading')}</p>}
      {form && (
        <>
          <p className="hint">{t('preview.note', { formId: form.id, version: form.version })}</p>
          <div className="form-preview">
            <SchemaForm id="form-preview" form={form} formData={formData} onChange={setFormData} />
          </div>
        </>
      )}
    </Dialog>
  );
}
