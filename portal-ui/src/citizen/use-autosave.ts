// Saves a draft's form as the person types: a copy on this device at once,
// and PATCH /dossiers/:id a moment after they stop typing. A failed save is
// tried again when the network comes back and every 15 seconds until then.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormValues } from '../forms/schema-form';
import { api, ApiError } from '../shell/api';
import { readCopy, writeCopy } from './draft-storage';

const DEBOUNCE_MS = 800;
const RETRY_MS = 15_000;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'failed'; error: unknown };

export interface Autosave {
  formData: FormValues;
  setFormData: (data: FormValues) => void;
  state: SaveState;
  /** Saves now what is not saved yet; resolves true once the server has it. */
  flush: () => Promise<boolean>;
}

export function useAutosave(dossierId: string, serverData: FormValues): Autosave {
  const [formData, setData] = useState<FormValues>(() => {
    const copy = readCopy(dossierId);
    return copy && !copy.synced ? copy.formData : serverData;
  });
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(formData);
  const dirty = useRef(readCopy(dossierId)?.synced === false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const running = useRef<Promise<boolean> | null>(null);

  const save = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (running.current) await running.current;
    if (!dirty.current) return true;
    const sending = latest.current;
    dirty.current = false;
    setState({ kind: 'saving' });
    running.current = api
      .patch(`/dossiers/${dossierId}`, { formData: sending })
      .then(() => {
        if (!dirty.current) writeCopy(dossierId, { formData: sending, synced: true });
        setState({ kind: 'saved', at: new Date() });
        return true;
      })
      .catch((error: unknown) => {
        dirty.current = true;
        const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
        setState(transient ? { kind: 'offline' } : { kind: 'failed', error });
        if (transient) timer.current = setTimeout(() => void save(), RETRY_MS);
        return false;
      })
      .finally(() => {
        running.current = null;
      });
    const saved = await running.current;
    // Typed while the request was on its way: send that too.
    return saved && dirty.current ? save() : saved;
  }, [dossierId]);

  const setFormData = useCallback(
    (data: FormValues) => {
      latest.current = data;
      dirty.current = true;
      setData(data);
      writeCopy(dossierId, { formData: data, synced: false });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [dossierId, save],
  );

  useEffect(() => {
    // A copy the server never got (typed offline last time) goes up now.
    if (dirty.current) void save();
    const online = () => void save();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
      if (dirty.current) void save();
    };
  }, [save]);

  return { formData, setFormData, state, flush: save };
}
