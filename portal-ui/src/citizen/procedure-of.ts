// The procedure version a dossier was filed under. A dossier names it by id
// only: it is the published version, or an older one of the same code.
import { useEffect, useState } from 'react';
import type { Procedure } from '../public/catalogue';
import { api } from '../shell/api';

const found = new Map<string, Promise<Procedure | null>>();

async function search(id: string): Promise<Procedure | null> {
  const published = await api.get<Procedure[]>('/procedures');
  const hit = published.find((p) => p.id === id);
  if (hit) return hit;
  for (const procedure of published) {
    for (let version = procedure.version - 1; version >= 1; version--) {
      const older = await api
        .get<Procedure>(`/procedures/${procedure.code}?version=${version}`)
        .catch(() => null);
      if (older?.id === id) return older;
    }
  }
  return null;
}

/** undefined while looking, null when the catalogue no longer has it. */
export function useProcedureOf(id: string | undefined): Procedure | null | undefined {
  const [procedure, setProcedure] = useState<Procedure | null>();
  useEffect(() => {
    if (!id) return;
    let live = true;
    let pending = found.get(id);
    if (!pending) {
      pending = search(id).catch(() => {
        found.delete(id);
        return null;
      });
      found.set(id, pending);
    }
    void pending.then((p) => live && setProcedure(p));
    return () => {
      live = false;
    };
  }, [id]);
  return procedure;
}
