// Asks for the process id and name of a new diagram made from the standard
// procedure template.
import { useState, type FormEvent } from 'react';
import { Dialog } from './dialog';
import { useI18n } from './i18n';

export interface TemplateDialogProps {
  initialProcessId: string;
  initialName: string;
  onCreate: (processId: string, name: string) => void;
  onClose: () => void;
}

const PROCESS_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function TemplateDialog(props: TemplateDialogProps) {
  const { initialProcessId, initialName, onCreate, onClose } = props;
  const { t } = useI18n();
  const [processId, setProcessId] = useState(initialProcessId);
  const [name, setName] = useState(initialName);
  const valid = PROCESS_ID.test(processId.trim()) && name.trim() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (valid) onCreate(processId.trim(), name.trim());
  }

  return (
    <Dialog
      title={t('template.title')}
      onClose={onClose}
      testId="template-dialog"
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="template-form" className="primary" disabled={!valid}>
            {t('template.create')}
          </button>
        </>
      }
    >
      <p>{t('template.intro')}</p>
      <form id="template-form" className="stacked-form" onSubmit={submit}>
        <label htmlFor="template-process-id">{t('template.processId')}</label>
        <input
          id="template-process-id"
          required
          pattern={PROCESS_ID.source}
          aria-describedby="template-process-id-hint"
          value={processId}
          onChange={(event) => setProcessId(event.target.value)}
        />
        <p id="template-process-id-hint" className="hint">
          {t('template.processIdHint')}
        </p>
        <label htmlFor="template-name">{t('template.name')}</label>
        <input
          id="template-name"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </form>
    </Dialog>
  );
}
