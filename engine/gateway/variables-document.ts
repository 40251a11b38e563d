import { EngineError } from '../processor/engine-error.js';

/**
 * A variables document as Zeebe accepts it: empty, or a JSON object at the
 * root. Anything else is INVALID_ARGUMENT naming the property.
 */
export function parseVariables(text: string, property = 'variables'): Record<string, unknown> {
  if (!text || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Property '${property}' is invalid: Expected document to be valid JSON, but it was not: ${(error as Error).message}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind =
      value === null
        ? 'NIL'
        : Array.isArray(value)
          ? 'ARRAY'
          : typeof value === 'string'
            ? 'STRING'
            : typeof value === 'number'
              ? 'NUMBER'
              : 'BOOLEAN';
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Property '${property}' is invalid: Expected document to be a root level object, but was '${kind}'`,
    );
  }
  return value as Record<string, unknown>;
}

/** An int64 key from the wire (decimal string); INVALID_ARGUMENT if it is not one. */
export function parseKey(value: unknown, property: string): string {
  const text = String(value ?? '');
  if (!/^\d+$/.test(text) || text === '0') {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected '${property}' to be a positive key, but was '${text}'`,
    );
  }
  return text;
}
