// The top-level variables a FEEL expression reads, from its parse tree, so
// that only those are passed to the evaluation (as Zeebe does).
import type { parseExpression } from 'feelin';

type Tree = ReturnType<typeof parseExpression>;
type SyntaxNode = Tree['topNode'];

/**
 * Names read from the evaluation context, in order of appearance. Names bound
 * inside the expression (`for`/`some`/`every` iterators, function parameters,
 * earlier entries of a context literal, `item` in a filter) are left out; a
 * name inside a filter may be a property of the item, but is kept since FEEL
 * falls back to the variables for it. Function names and path segments
 * (`b` in `a.b`) are not variables.
 */
export function variableNamesOf(tree: Tree, text: string): string[] {
  const names = new Set<string>();

  // A name may be several words (`first name`) or backquoted (`my-var`).
  const wordsOf = (node: SyntaxNode): string[] => {
    const word = text.slice(node.from, node.to);
    if (node.name === 'Identifier') return [word];
    if (node.name === 'BacktickIdentifier') return [word.slice(1, -1)];
    return childrenOf(node).flatMap(wordsOf);
  };
  const nameOf = (node: SyntaxNode): string => wordsOf(node).join(' ');

  // A quoted key with escapes is not decoded: the mismatch would only pass
  // one variable too many.
  const keyOf = (key: SyntaxNode): string => {
    const literal = key.getChild('StringLiteral');
    return literal ? text.slice(literal.from + 1, literal.to - 1) : nameOf(key);
  };

  const visit = (node: SyntaxNode, bound: ReadonlySet<string>): void => {
    switch (node.name) {
      case 'VariableName': {
        const name = nameOf(node);
        if (!bound.has(name)) names.add(name);
        return;
      }
      case 'FunctionInvocation': {
        const [callee, ...rest] = childrenOf(node);
        if (callee && callee.name !== 'VariableName') visit(callee, bound);
        rest.forEach((child) => visit(child, bound));
        return;
      }
      case 'ForExpression':
      case 'QuantifiedExpression': {
        // Each iterator is visible to the later iteration contexts and the body.
        const scope = new Set(bound);
        for (const child of childrenOf(node)) {
          if (child.name !== 'InExpressions') {
            visit(child, scope);
            continue;
          }
          for (const iteration of child.getChildren('InExpression')) {
            const context = iteration.getChild('IterationContext');
            const name = iteration.getChild('Name');
            if (context) visit(context, scope);
            if (name) scope.add(nameOf(name));
          }
        }
        return;
      }
      case 'FunctionDefinition': {
        const scope = new Set(bound);
        const parameters = node.getChild('FormalParameters')?.getChildren('FormalParameter');
        for (const parameter of parameters ?? []) {
          const name = parameter.getChild('ParameterName');
          if (name) scope.add(nameOf(name));
        }
        const body = node.getChild('FunctionBody');
        if (body) visit(body, scope);
        return;
      }
      case 'FilterExpression': {
        const [target, ...condition] = childrenOf(node);
        if (target) visit(target, bound);
        const scope = new Set(bound).add('item');
        condition.forEach((child) => visit(child, scope));
        return;
      }
      case 'Context': {
        // `{a: 1, b: a + 1}`: an entry sees the entries before it.
        const scope = new Set(bound);
        for (const entry of node.getChildren('ContextEntry')) {
          const [key, value] = childrenOf(entry);
          if (value) visit(value, scope);
          if (key) scope.add(keyOf(key));
        }
        return;
      }
      case 'Type': // `x instance of T`: T names a type
        return;
      default:
        childrenOf(node).forEach((child) => visit(child, bound));
    }
  };

  visit(tree.topNode, new Set());
  return [...names];
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}
