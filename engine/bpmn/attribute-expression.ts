// Attribute values → Expressions, with the deploy-time checks Zeebe makes:
// a FEEL syntax error, or a static value where only FEEL makes sense (a
// condition, a collection), rejects the deployment naming element and attribute.
import { compileExpression, ExpressionError, type Expression } from '../feel/expression.js';
import { DeploymentError } from './deployment-error.js';

export interface ExpressionRule {
  /** Reject static values: the attribute must be FEEL (`=...`). */
  feelOnly?: boolean;
}

export function attributeExpression(
  elementId: string,
  attribute: string,
  value: string,
  rule: ExpressionRule = {},
): Expression {
  if (rule.feelOnly && !value.startsWith('=')) {
    throw new DeploymentError(
      elementId,
      `${attribute} must be a FEEL expression (starting with '='), but is the static value '${value}'`,
    );
  }
  try {
    return compileExpression(value);
  } catch (error) {
    if (error instanceof ExpressionError) {
      throw new DeploymentError(elementId, `${attribute}: ${error.message}`);
    }
    throw error;
  }
}

/** A mandatory attribute: absent or blank is rejected. */
export function requiredExpression(
  elementId: string,
  attribute: string,
  value: string | null,
  rule: ExpressionRule = {},
): Expression {
  if (value === null) {
    throw new DeploymentError(elementId, `${attribute} must be present and not empty`);
  }
  return attributeExpression(elementId, attribute, value, rule);
}

export function optionalExpression(
  elementId: string,
  attribute: string,
  value: string | null,
  rule: ExpressionRule = {},
): Expression | null {
  return value === null ? null : attributeExpression(elementId, attribute, value, rule);
}

// Zeebe accepts a mapping target only if it is a path of FEEL names: `a`, `a.b.c`.
const PATH = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;

export function variablePath(elementId: string, attribute: string, value: string | null): string {
  if (value === null) {
    throw new DeploymentError(elementId, `${attribute} must be present and not empty`);
  }
  if (!PATH.test(value)) {
    throw new DeploymentError(
      elementId,
      `${attribute} '${value}' is not a variable name or path like 'a' or 'a.b'`,
    );
  }
  return value;
}

/** A variable name (result variable, loop element): present, and not mistaken for FEEL. */
export function variableName(elementId: string, attribute: string, value: string | null): string {
  if (value === null) {
    throw new DeploymentError(elementId, `${attribute} must be present and not empty`);
  }
  if (value.startsWith('=')) {
    throw new DeploymentError(
      elementId,
      `${attribute} '${value}' must be a variable name, not an expression`,
    );
  }
  return value;
}
