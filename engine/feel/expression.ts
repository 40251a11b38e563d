// FEEL library: `feelin`, not `@bpmn-io/feelin`, which is faster (parse ~11,500 vs ~9,500, evaluate ~7,500 vs ~3,800 ops/s: test/bench/feel.bench.ts) but wrong on dates (a UTC-midnight date-time becomes a date, date - date gives PT777600S, `instance of date and time` throws).
//
// Contract of the engine's expressions. A BPMN attribute value starting with
// `=` is FEEL; anything else is a static string. Every expression is compiled
// once, at deploy: its syntax checked and the variables it reads found.
import { evaluate as evaluateFeel, parseExpression } from 'feelin';
import { camundaBuiltins } from './camunda-builtins.js';
import { toJsonValue } from './feel-value.js';
import { variableNamesOf } from './variable-names.js';

export interface EvaluateOptions {
  /** The clock for `now()` and `today()`; the real time when absent. */
  now?: Date;
}

export interface Expression {
  /** The attribute text as written in the BPMN file (with its `=`, if FEEL). */
  source: string;
  /** True for a plain (non-FEEL) value: `evaluate` returns it unchanged. */
  isStatic: boolean;
  /** Top-level variable names the expression reads (only these are passed). */
  variableNames: string[];
  /**
   * Evaluates against the given variables and returns a JSON value (temporals
   * as ISO strings, as Zeebe writes them). A missing variable or an invalid
   * operation gives null, as in Zeebe; throws ExpressionError on failure.
   */
  evaluate(variables: Record<string, unknown>, options?: EvaluateOptions): unknown;
}

export class ExpressionError extends Error {
  override name = 'ExpressionError';

  constructor(
    message: string,
    /** The expression text, as given to compileExpression / compileFeel. */
    readonly expression: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// Camunda's dialect allows `backquoted names`.
const DIALECT = 'camunda';
// Parsing is context sensitive: names such as `get or else` (which contains
// the keyword `or`) only parse as names when the context declares them.
const PARSE_CONTEXT = camundaBuiltins(new Date(0));

/** A BPMN attribute value: FEEL when it starts with `=`, a static string otherwise. */
export function compileExpression(text: string): Expression {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('=')) {
    return { source: text, isStatic: true, variableNames: [], evaluate: () => text };
  }
  return compileBody(text, trimmed.slice(1));
}

/** A FEEL expression with or without its leading `=` (e.g. a conditionExpression body). */
export function compileFeel(expr: string): Expression {
  const trimmed = expr.trimStart();
  return compileBody(expr, trimmed.startsWith('=') ? trimmed.slice(1) : expr);
}

function compileBody(source: string, body: string): Expression {
  const tree = parseExpression(body, PARSE_CONTEXT, DIALECT);
  tree.iterate({
    enter: (node) => {
      if (!node.type.isError) return;
      // `body` is a suffix of `source`: report the position in `source`, from 1.
      const position = source.length - body.length + node.from + 1;
      const near = body.slice(node.from, node.from + 20);
      throw new ExpressionError(
        `Invalid FEEL expression '${source}': ` +
          (near ? `unexpected '${near}' at position ${position}` : 'incomplete expression'),
        source,
      );
    },
  });
  const variableNames = variableNamesOf(tree, body);
  const name = bareName(tree, body);
  if (name !== null) {
    // What feelin answers for a JSON value (a variable's), without parsing again.
    return {
      source,
      isStatic: false,
      variableNames,
      evaluate: (variables) =>
        Object.hasOwn(variables, name) && variables[name] !== undefined
          ? toJsonValue(variables[name])
          : null,
    };
  }

  const remembers = !CLOCK_OR_CHANCE.test(body);
  return {
    source,
    isStatic: false,
    variableNames,
    evaluate(variables, options) {
      const context: Record<string, unknown> = camundaBuiltins(options?.now ?? new Date());
      // Each value read as JSON, '' for one not given (JSON writes no '' and no raw NUL).
      const read: string[] = [];
      for (const name of variableNames) {
        const value = variables[name];
        const given = value !== undefined && Object.hasOwn(variables, name);
        if (given) context[name] = value;
        if (remembers) read.push(given ? JSON.stringify(value) : '');
      }
      const key = remembers ? [body, ...read].join('\u0000') : null;
      if (key !== null && remembered.has(key)) return remembered.get(key);
      // `feelin` parses again here: it has no API to evaluate a parsed tree.
      // Warnings (missing variable, wrong type...) leave a null value, which
      // is Zeebe's behaviour too; only a thrown error fails the evaluation.
      let result: unknown;
      try {
        result = toJsonValue(evaluateFeel(body, context, DIALECT).value);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ExpressionError(`Failed to evaluate expression '${source}': ${reason}`, source, {
          cause: error,
        });
      }
      if (
        key !== null &&
        key.length <= REMEMBERED_KEY_MAX &&
        (result === null || typeof result !== 'object')
      ) {
        if (remembered.size >= REMEMBERED_MAX) remembered.clear();
        remembered.set(key, result);
      }
      return result;
    },
  };
}

// An evaluation costs feelin 0.1-1 ms (it parses the text each time), and
// most repeat: the same condition on the same decision, the same due date.
// A result that is a plain value is remembered by expression text and the
// values it read, unless the text may read the clock or chance.
const remembered = new Map<string, unknown>();
const REMEMBERED_MAX = 4096;
const REMEMBERED_KEY_MAX = 2048;
const CLOCK_OR_CHANCE = /\b(now|today|random)\b/;

/**
 * The variable an expression is when it is only a plain name (`=dossierId`):
 * most mappings and correlation keys are. Null for anything else.
 */
function bareName(tree: ReturnType<typeof parseExpression>, body: string): string | null {
  const nodes: { name: string; from: number; to: number }[] = [];
  tree.iterate({
    enter: (node) => void nodes.push({ name: node.type.name, from: node.from, to: node.to }),
  });
  const [top, variable, identifier] = nodes;
  if (nodes.length !== 3 || top!.name !== 'Expression') return null;
  if (variable!.name !== 'VariableName' || identifier!.name !== 'Identifier') return null;
  const text = body.slice(identifier!.from, identifier!.to);
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(text) ? text : null;
}
