import { Node, SyntaxKind, type Expression, type SourceFile } from 'ts-morph';

/** Finds the file a module specifier names, parsed in the run's project (undefined when not in the project). */
export type ModuleLoader = (specifier: string, fromFile: SourceFile) => SourceFile | undefined;

export interface DefaultsFound {
  /** Param name -> default value (a JSON value). */
  readonly values: ReadonlyMap<string, unknown>;
  /** Defaults that could not be evaluated: the property's line and source text. */
  readonly unreadable: readonly { readonly name: string; readonly line: number; readonly text: string }[];
}

const NOT_A_VALUE = Symbol('not a JSON value');
type Evaluated = unknown | typeof NOT_A_VALUE;

/**
 * The defaults of optional params, read from the params factory `create<C>Params`: the properties
 * of the object literal that spreads `data` (`{ format: 'markdown', ...data }`), including
 * `x: data.x ?? value` forms and constants such as SYSTEM_SCOPES, followed into local consts and
 * into imported modules of the project.
 */
export function readDefaults(sourceFile: SourceFile, className: string, loadModule: ModuleLoader): DefaultsFound {
  const factory = findFactory(sourceFile, className);
  const values = new Map<string, unknown>();
  const unreadable: { name: string; line: number; text: string }[] = [];
  if (!factory) return { values, unreadable };
  const literals = factory.getDescendantsOfKind(SyntaxKind.ObjectLiteralExpression).filter((o) => o.getProperties().some((p) => Node.isSpreadAssignment(p)));
  for (const literal of literals) {
    for (const property of literal.getProperties()) {
      let name: string | undefined;
      let value: Evaluated = NOT_A_VALUE;
      if (Node.isPropertyAssignment(property)) {
        name = propertyName(property.getNameNode());
        const initializer = property.getInitializer();
        value = initializer ? evaluate(initializer, sourceFile, loadModule, 0) : NOT_A_VALUE;
      } else if (Node.isShorthandPropertyAssignment(property)) {
        name = property.getName();
        value = evaluateIdentifier(name, sourceFile, loadModule, 0);
      } else {
        continue;
      }
      if (name === undefined) continue;
      if (value === NOT_A_VALUE) unreadable.push({ name, line: property.getStartLineNumber(), text: property.getText().replace(/\s+/g, ' ') });
      else values.set(name, value);
    }
  }
  return { values, unreadable };
}

function findFactory(sourceFile: SourceFile, className: string): Node | undefined {
  const wanted = `create${className}Params`;
  const byName = (name: string): Node | undefined => sourceFile.getVariableDeclaration(name) ?? sourceFile.getFunction(name);
  const exact = byName(wanted);
  if (exact) return exact;
  const others = [...sourceFile.getVariableDeclarations().map((d) => d.getName()), ...sourceFile.getFunctions().map((f) => f.getName() ?? '')].filter((n) => /^create\w*Params$/.test(n));
  return others.length === 1 ? byName(others[0]) : undefined;
}

function propertyName(node: Node): string | undefined {
  if (Node.isIdentifier(node)) return node.getText();
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isNumericLiteral(node)) return node.getText();
  return undefined;
}

/** The JSON value of an expression, or NOT_A_VALUE. */
function evaluate(expression: Expression, sourceFile: SourceFile, loadModule: ModuleLoader, depth: number): Evaluated {
  if (depth > 8) return NOT_A_VALUE;
  const node = expression;
  if (Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isParenthesizedExpression(node) || Node.isTypeAssertion(node) || Node.isNonNullExpression(node)) {
    return evaluate(node.getExpression(), sourceFile, loadModule, depth);
  }
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isNumericLiteral(node)) return node.getLiteralValue();
  if (Node.isTrueLiteral(node)) return true;
  if (Node.isFalseLiteral(node)) return false;
  if (Node.isNullLiteral(node)) return null;
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.MinusToken) {
    const operand = evaluate(node.getOperand(), sourceFile, loadModule, depth + 1);
    return typeof operand === 'number' ? -operand : NOT_A_VALUE;
  }
  if (Node.isArrayLiteralExpression(node)) {
    const items: unknown[] = [];
    for (const element of node.getElements()) {
      if (Node.isSpreadElement(element)) {
        // `[...SYSTEM_SCOPES]`: a copy of a constant array.
        const spread = evaluate(element.getExpression(), sourceFile, loadModule, depth + 1);
        if (!Array.isArray(spread)) return NOT_A_VALUE;
        items.push(...(spread as unknown[]));
        continue;
      }
      const item = evaluate(element, sourceFile, loadModule, depth + 1);
      if (item === NOT_A_VALUE) return NOT_A_VALUE;
      items.push(item);
    }
    return items;
  }
  if (Node.isObjectLiteralExpression(node)) {
    const object: Record<string, unknown> = {};
    for (const property of node.getProperties()) {
      if (!Node.isPropertyAssignment(property)) return NOT_A_VALUE;
      const key = propertyName(property.getNameNode());
      const initializer = property.getInitializer();
      const value = key !== undefined && initializer ? evaluate(initializer, sourceFile, loadModule, depth + 1) : NOT_A_VALUE;
      if (value === NOT_A_VALUE) return NOT_A_VALUE;
      object[key!] = value;
    }
    return object;
  }
  // `x: data.x ?? value` and `x: data.x || value`: the fallback is the default.
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getKind();
    if (operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken) return evaluate(node.getRight(), sourceFile, loadModule, depth + 1);
    return NOT_A_VALUE;
  }
  if (Node.isIdentifier(node)) return evaluateIdentifier(node.getText(), sourceFile, loadModule, depth + 1);
  return NOT_A_VALUE;
}

/** A constant by name: declared in this file, or imported from a module of the project. */
function evaluateIdentifier(name: string, sourceFile: SourceFile, loadModule: ModuleLoader, depth: number): Evaluated {
  if (name === 'undefined') return NOT_A_VALUE;
  const local = sourceFile.getVariableDeclaration(name);
  if (local) {
    const initializer = local.getInitializer();
    return initializer ? evaluate(initializer, sourceFile, loadModule, depth + 1) : NOT_A_VALUE;
  }
  for (const declaration of sourceFile.getImportDeclarations()) {
    const imported = declaration.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name);
    if (!imported) continue;
    const module = loadModule(declaration.getModuleSpecifierValue(), sourceFile);
    return module ? evaluateIdentifier(imported.getName(), module, loadModule, depth + 1) : NOT_A_VALUE;
  }
  return NOT_A_VALUE;
}
