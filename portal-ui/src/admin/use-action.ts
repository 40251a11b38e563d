// One write to the API from a form or a button: busy while it runs, the
// error kept for the fields and the alert, and whether it succeeded.
import { useCallback, useState } from 'react';

export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      setError(null);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, busy, run };
}
