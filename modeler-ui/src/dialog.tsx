// A modal dialog on the native <dialog>: the browser traps focus, Escape
// closes it, and the rest of the page is inert while it is open.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from './i18n';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; a Close button when none are given. */
  actions?: ReactNode;
  wide?: boolean;
  testId?: string;
}

export function Dialog({ title, onClose, children, actions, wide, testId }: DialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Taken while rendering, before the dialog moves focus into itself.
  const [opener] = useState(() => document.activeElement);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Focus goes back to what opened the dialog, once the page is no longer inert.
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {actions ?? (
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        )}
      </div>
    </dialog>
  );
}

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
}

export function ConfirmDialog({
  request,
  onAnswer,
}: {
  request: ConfirmRequest;
  onAnswer: (confirmed: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      title={request.title}
      onClose={() => onAnswer(false)}
      testId="confirm-dialog"
      actions={
        <>
          {/* Cancel first and focused: the safe answer is the default. */}
          <button type="button" autoFocus onClick={() => onAnswer(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => onAnswer(true)}>
            {request.confirmLabel}
          </button>
        </>
      }
    >
      <p>{request.body}</p>
    </Dialog>
  );
}
