// Live status of a dossier over Server-Sent Events (GET /dossiers/:id/stream,
// event `dossier`). The browser reconnects by itself after a network drop.
import { useEffect, useRef } from 'react';
import type { DossierState } from './dossier-types';

export function useDossierStream(id: string, onChange: (state: DossierState) => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/dossiers/${id}/stream`);
    let seen: number | null = null;
    source.addEventListener('dossier', (event) => {
      const state = JSON.parse((event as MessageEvent<string>).data) as DossierState;
      // The first event is the state the page already loaded.
      if (seen !== null && state.lastEventSeq !== seen) callback.current(state);
      seen = state.lastEventSeq;
    });
    return () => source.close();
  }, [id]);
}
