// Variable scopes as in Camunda 8: each element instance is a scope; reading
// sees the innermost value; writing without `local` goes to the nearest scope
// that has the variable, else to the process instance.
import type { Mapping } from '../bpmn/model.js';
import type { Expression } from '../feel/expression.js';
import { scopeVariables, type Batch, type ElementInstance, type LoadedInstance } from './batch.js';

/** Scope keys from the element instance up to the process instance. */
export function scopePath(instance: LoadedInstance, key: string): string[] {
  const path: string[] = [];
  let current: ElementInstance | undefined = instance.elements.get(key);
  while (current) {
    path.push(current.key);
    current = current.flowScopeKey ? instance.elements.get(current.flowScopeKey) : undefined;
  }
  return path;
}

/** Variables visible from a scope; only `names` when given. */
export function visibleVariables(
  instance: LoadedInstance,
  scopeKey: string,
  names?: readonly string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const path = scopePath(instance, scopeKey);
  for (let i = path.length - 1; i >= 0; i--) {
    const vars = instance.variables.get(path[i]!);
    if (!vars) continue;
    if (names) {
      for (const name of names) if (vars.has(name)) result[name] = vars.get(name);
    } else {
      for (const [name, value] of vars) result[name] = value;
    }
  }
  return result;
}

export function evaluate(
  batch: Batch,
  instance: LoadedInstance,
  scopeKey: string,
  expression: Expression,
): unknown {
  if (expression.isStatic) return expression.evaluate({});
  const vars = visibleVariables(instance, scopeKey, expression.variableNames);
  return expression.evaluate(vars, { now: batch.now });
}

export function setLocal(
  batch: Batch,
  instance: LoadedInstance,
  scopeKey: string,
  variables: Record<string, unknown>,
): void {
  for (const [name, value] of Object.entries(variables))
    batch.setVariable(instance, scopeKey, name, value);
}

/** Sets each variable on the nearest scope (from `scopeKey` up) that has it, else the root. */
export function propagate(
  batch: Batch,
  instance: LoadedInstance,
  scopeKey: string,
  variables: Record<string, unknown>,
): void {
  const path = scopePath(instance, scopeKey);
  for (const [name, value] of Object.entries(variables)) {
    const target = path.find((key) => scopeVariables(instance, key).has(name)) ?? instance.key;
    batch.setVariable(instance, target, name, value);
  }
}

/** Applies mappings read in `sourceScope`; returns the resulting variables (nested targets merged). */
export function applyMappings(
  batch: Batch,
  instance: LoadedInstance,
  sourceScope: string,
  mappings: Mapping[],
  existing: (name: string) => unknown,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const mapping of mappings) {
    const value = evaluate(batch, instance, sourceScope, mapping.source);
    const [head, ...rest] = mapping.target.split('.');
    if (rest.length === 0) {
      result[head!] = value;
      continue;
    }
    // `a.b.c` merges into the context `a` (from this mapping set, else the scope).
    const base = head! in result ? result[head!] : existing(head!);
    result[head!] = setPath(isObject(base) ? structuredClone(base) : {}, rest, value);
  }
  return result;
}

function setPath(
  target: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]!];
    node = node[path[i]!] = isObject(next) ? next : {};
  }
  node[path[path.length - 1]!] = value;
  return target;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
