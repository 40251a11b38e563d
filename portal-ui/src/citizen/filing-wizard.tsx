// The filing wizard: 1 the procedure's form, 2 its documents, 3 review and
// submit. The step is in the address (?step=2) so reload and Back work; the
// form is saved as it is typed; submitting reuses the draft's
// Idempotency-Key, so pressing "Nộp hồ sơ" again after a network failure
// cannot file twice.
import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { SchemaForm, type FormDefinition } from '../forms/schema-form';
import { formatDateTime } from '../i18n/format';
import { local, t, useLocale, type LocalText } from '../i18n/i18n';
import type { Procedure } from '../public/catalogue';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage } from '../shell/feedback';
import { DocumentUploads } from './document-uploads';
import type { Attachment, Dossier } from './dossier-types';
import './dossier.messages';
import { forgetDraft, submissionKey } from './draft-storage';
import { ReviewStep } from './review-step';
import { useAutosave, type SaveState } from './use-autosave';

const STEPS = ['form', 'documents', 'review'] as const;

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? t('draft.saving')
      : state.kind === 'saved'
        ? t('draft.saved', { time: formatDateTime(state.at) })
        : state.kind === 'offline'
          ? t('draft.savedLocally')
          : '';
  return (
    <div className="save-status no-print" role="status">
      {text && <p className={state.kind === 'offline' ? 'alert alert-warn' : 'muted'}>{text}</p>}
      {state.kind === 'failed' && <ErrorMessage error={state.error} />}
    </div>
  );
}

/** Server messages split by where they belong: the form's fields and the documents. */
function splitProblems(error: unknown) {
  const form = new Map<string, LocalText>();
  const documents = new Map<string, LocalText>();
  for (const [path, message] of fieldErrors(error)) {
    if (path.startsWith('/formData')) form.set(path.slice('/formData'.length), message);
    else if (path.startsWith('/documents/'))
      documents.set(path.slice('/documents/'.length), message);
  }
  return { form, documents };
}

export function FilingWizard({
  dossier,
  procedure,
  form,
}: {
  dossier: Dossier;
  procedure: Procedure;
  form: FormDefinition;
}) {
  useLocale();
  const [location, navigate] = useLocation();
  const requested = Number(new URLSearchParams(useSearch()).get('step') ?? '1');
  const step = STEPS[Math.min(Math.max(requested, 1), 3) - 1]!;
  const index = STEPS.indexOf(step);
  const draft = useAutosave(dossier.id, dossier.formData);
  const [attachments, setAttachments] = useState<Attachment[]>(dossier.attachments ?? []);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const problems = splitProblems(error);

  // A new step is announced by moving focus to its heading.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  const goTo = (n: number) => navigate(`${location}?step=${n}`);

  function requiredMissing(): string[] {
    const have = new Set(attachments.map((a) => a.documentKey));
    return procedure.documents
      .filter((d) => d.required && !have.has(d.key))
      .map((d) => local(d.name));
  }

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      if (!(await draft.flush())) return;
      await api.post(`/dossiers/${dossier.id}/submit`, undefined, {
        'idempotency-key': submissionKey(dossier.id),
      });
      forgetDraft(dossier.id);
      navigate(`/receipt/${dossier.id}`);
    } catch (caught) {
      setError(caught);
      const found = splitProblems(caught);
      if (found.form.size > 0) goTo(1);
      else if (found.documents.size > 0) goTo(2);
    } finally {
      setBusy(false);
    }
  }

  const stepName = t(`draft.step.${step}`);
  return (
    <>
      <h1>{local(procedure.name)}</h1>
      <nav aria-label={t('draft.steps')}>
        <ol className="steps">
          {STEPS.map((name, i) => (
            <li key={name} aria-current={i === index ? 'step' : undefined}>
              {i + 1}. {t(`draft.step.${name}`)}
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={heading} tabIndex={-1}>
        {t('draft.stepOf', { n: index + 1, name: stepName })}
      </h2>
      <SaveStatus state={draft.state} />
      <ErrorMessage error={error} />

      {step === 'form' && (
        <SchemaForm
          id="filing-form"
          form={form}
          formData={draft.formData}
          onChange={draft.setFormData}
          serverErrors={problems.form}
          onSubmit={() => {
            void draft.flush();
            goTo(2);
          }}
        >
          <div className="actions">
            <button type="submit">{t('draft.next')}</button>
          </div>
        </SchemaForm>
      )}

      {step === 'documents' && (
        <>
          <p>{t('documents.intro')}</p>
          {missing.length > 0 && (
            <div className="alert alert-error" role="alert">
              <p>{t('draft.missingDocuments', { names: missing.join('; ') })}</p>
            </div>
          )}
          <DocumentUploads
            dossierId={dossier.id}
            documents={procedure.documents}
            attachments={attachments}
            errors={problems.documents}
            onUploaded={(attachment) => {
              setAttachments((list) => [...list, attachment]);
              setMissing([]);
            }}
            onRemoved={(attachment) =>
              setAttachments((list) => list.filter((a) => a.id !== attachment.id))
            }
          />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => goTo(1)}>
              {t('draft.back')}
            </button>
            <button
              type="button"
              onClick={() => {
                const absent = requiredMissing();
                setMissing(absent);
                if (absent.length === 0) goTo(3);
              }}
            >
              {t('draft.next')}
            </button>
          </div>
        </>
      )}

      {step === 'review' && (
        <ReviewStep
          procedure={procedure}
          form={form}
          formData={draft.formData}
          attachments={attachments}
          onEdit={goTo}
        >
          <div className="actions">
            <button type="button" className="secondary" onClick={() => goTo(2)}>
              {t('draft.back')}
            </button>
            <button type="button" disabled={busy} onClick={() => void submit()}>
              {busy ? t('draft.submitting') : t('draft.submit')}
            </button>
          </div>
        </ReviewStep>
      )}
    </>
  );
}
