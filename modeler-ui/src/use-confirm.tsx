// Asks a yes/no question in a ConfirmDialog and answers it as a promise.
import { useCallback, useState, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmRequest } from './dialog';

interface Pending extends ConfirmRequest {
  resolve: (confirmed: boolean) => void;
}

export function useConfirm(): [(request: ConfirmRequest) => Promise<boolean>, ReactNode] {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => setPending({ ...request, resolve })),
    [],
  );
  const dialog = pending && (
    <ConfirmDialog
      request={pending}
      onAnswer={(confirmed) => {
        setPending(null);
        pending.resolve(confirmed);
      }}
    />
  );
  return [confirm, dialog];
}
