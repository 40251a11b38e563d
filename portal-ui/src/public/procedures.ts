// The procedure catalogue as the portal's pages need it: the published list
// (officers' filters and intake) and the version a dossier was filed under (its
// form and documents), which a dossier names by id only. Read once per page
// load; procedures change rarely.
import { useEffect, useState } from 'react';
import { api } from '../shell/api';
import type { Procedure } from './catalogue';

let published: Promise<Procedure[]> | null = null;
const byId = new Map<string, Promise<Procedure | null>>();

function publishedProcedures(): Promise<Procedure[]> {
  published ??= api.get<Procedure[]>('/procedures').catch((error: unknown) => {
    published = null;
    throw error;
  });
  return published;
}

async function findProcedure(id: string): Promise<Procedure | null> {
  const list = await publishedProcedures();
  const hit = list.find((p) => p.id === id);
  if (hit) return hit;
  // A dossier filed under an earlier version: look through the older versions.
  for (const procedure of list) {
    for (let version = procedure.version - 1; version >= 1; version--) {
      const older = await api
        .get<Procedure>(`/procedures/${procedure.code}?version=${version}`)
        .catch(() => null);
      if (older?.id === id) return older;
    }
  }
  return null;
}

export function useProcedures(): { procedures: Procedure[]; error: unknown } {
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    publishedProcedures().then(
      (list) => live && setProcedures(list),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, []);
  return { procedures, error };
}

/** undefined while looking, null when the catalogue no longer has it. */
export function useProcedure(id: string | undefined): Procedure | null | undefined {
  const [procedure, setProcedure] = useState<Procedure | null>();
  useEffect(() => {
    if (!id) return;
    let live = true;
    let found = byId.get(id);
    if (!found) {
      found = findProcedure(id).catch(() => null);
      byId.set(id, found);
    }
    void found.then((p) => live && setProcedure(p));
    return () => {
      live = false;
    };
  }, [id]);
  return procedure;
}
