// A form definition from the registry (GET /forms/:id), for the task's
// decision form and the dossier's filing form. A task's form key is `id`
// (latest version) or `id.v<n>`.
import { useResource, type Resource } from '../shell/use-resource';
import type { FormDefinition } from '../forms/schema-form';

export function parseFormKey(key: string): { id: string; version?: number } {
  const match = /^(.+)\.v(\d+)$/.exec(key);
  return match ? { id: match[1]!, version: Number(match[2]) } : { id: key };
}

export function formPath(ref: { id: string; version?: number | undefined } | null): string | null {
  if (!ref) return null;
  const query = ref.version ? `?version=${ref.version}` : '';
  return `/forms/${encodeURIComponent(ref.id)}${query}`;
}

export function useFormDefinition(
  ref: { id: string; version?: number | undefined } | null,
): Resource<FormDefinition> {
  return useResource<FormDefinition>(formPath(ref));
}
