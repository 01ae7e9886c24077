import {
  descendantsOfKind,
  functionNamed,
  functionsOf,
  importedNames,
  lineOf,
  nameOf,
  ts,
  variableDeclarationNamed,
  variableDeclarationsOf,
} from './syntax.js';

/** Finds the file a module specifier names, parsed in the run's project (undefined when not in the project). */
export type ModuleLoader = (specifier: string, fromFile: ts.SourceFile) => ts.SourceFile | undefined;

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
export function readDefaults(sourceFile: ts.SourceFile, className: string, loadModule: ModuleLoader): DefaultsFound {
  const factory = findFactory(sourceFile, className);
  const values = new Map<string, unknown>();
  const unreadable: { name: string; line: number; text: string }[] = [];
  if (!factory) return { values, unreadable };
  const literals = descendantsOfKind(factory, ts.isObjectLiteralExpression).filter((o) => o.properties.some(ts.isSpreadAssignment));
  for (const literal of literals) {
    for (const property of literal.properties) {
      let name: string | undefined;
      let value: Evaluated;
      if (ts.isPropertyAssignment(property)) {
        name = propertyName(property.name);
        value = evaluate(property.initializer, sourceFile, loadModule, 0);
      } else if (ts.isShorthandPropertyAssignment(property)) {
        name = property.name.getText(sourceFile);
        value = evaluateIdentifier(name, sourceFile, loadModule, 0);
      } else {
        continue;
      }
      if (name === undefined) continue;
      if (value === NOT_A_VALUE)
        unreadable.push({ name, line: lineOf(property, sourceFile), text: property.getText(sourceFile).replace(/\s+/g, ' ') });
      else values.set(name, value);
    }
  }
  return { values, unreadable };
}

function findFactory(sourceFile: ts.SourceFile, className: string): ts.Node | undefined {
  const wanted = `create${className}Params`;
  const byName = (name: string): ts.Node | undefined => variableDeclarationNamed(sourceFile, name) ?? functionNamed(sourceFile, name);
  const exact = byName(wanted);
  if (exact) return exact;
  const others = [
    ...variableDeclarationsOf(sourceFile).map((d) => d.name.getText(sourceFile)),
    ...functionsOf(sourceFile).map((f) => nameOf(f) ?? ''),
  ].filter((n) => /^create\w*Params$/.test(n));
  return others.length === 1 ? byName(others[0]) : undefined;
}

function propertyName(node: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(node)) return node.getText();
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return node.getText();
  return undefined;
}

/** The JSON value of an expression, or NOT_A_VALUE. */
function evaluate(node: ts.Expression, sourceFile: ts.SourceFile, loadModule: ModuleLoader, depth: number): Evaluated {
  if (depth > 8) return NOT_A_VALUE;
  if (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isNonNullExpression(node)
  ) {
    return evaluate(node.expression, sourceFile, loadModule, depth);
  }
  const literal = literalValue(node);
  if (literal !== NOT_A_VALUE) return literal;
  const inner = (n: ts.Expression): Evaluated => evaluate(n, sourceFile, loadModule, depth + 1);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    const operand = inner(node.operand);
    return typeof operand === 'number' ? -operand : NOT_A_VALUE;
  }
  if (ts.isArrayLiteralExpression(node)) return arrayValue(node, inner);
  if (ts.isObjectLiteralExpression(node)) return objectValue(node, inner);
  // `x: data.x ?? value` and `x: data.x || value`: the fallback is the default.
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return inner(node.right);
    return NOT_A_VALUE;
  }
  if (ts.isIdentifier(node)) return evaluateIdentifier(node.getText(), sourceFile, loadModule, depth + 1);
  return NOT_A_VALUE;
}

/** A string, number, boolean or null literal's value, or NOT_A_VALUE. */
function literalValue(node: ts.Expression): Evaluated {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return numericValue(node);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  return NOT_A_VALUE;
}

/** An array literal whose every element (or spread constant array) has a value. */
function arrayValue(node: ts.ArrayLiteralExpression, inner: (n: ts.Expression) => Evaluated): Evaluated {
  const items: unknown[] = [];
  for (const element of node.elements) {
    if (ts.isSpreadElement(element)) {
      // `[...SYSTEM_SCOPES]`: a copy of a constant array.
      const spread = inner(element.expression);
      if (!Array.isArray(spread)) return NOT_A_VALUE;
      items.push(...(spread as unknown[]));
      continue;
    }
    const item = inner(element);
    if (item === NOT_A_VALUE) return NOT_A_VALUE;
    items.push(item);
  }
  return items;
}

/** An object literal of plain `key: value` properties that all have values. */
function objectValue(node: ts.ObjectLiteralExpression, inner: (n: ts.Expression) => Evaluated): Evaluated {
  const object: Record<string, unknown> = {};
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) return NOT_A_VALUE;
    const key = propertyName(property.name);
    const value = key !== undefined ? inner(property.initializer) : NOT_A_VALUE;
    if (value === NOT_A_VALUE) return NOT_A_VALUE;
    object[key!] = value;
  }
  return object;
}

/** A constant by name: declared in this file, or imported from a module of the project. */
function evaluateIdentifier(name: string, sourceFile: ts.SourceFile, loadModule: ModuleLoader, depth: number): Evaluated {
  if (name === 'undefined') return NOT_A_VALUE;
  const local = variableDeclarationNamed(sourceFile, name);
  if (local) return local.initializer ? evaluate(local.initializer, sourceFile, loadModule, depth + 1) : NOT_A_VALUE;
  const imported = importedNames(sourceFile).find((n) => n.local === name);
  if (!imported) return NOT_A_VALUE;
  const module = loadModule(imported.specifier, sourceFile);
  return module ? evaluateIdentifier(imported.imported, module, loadModule, depth + 1) : NOT_A_VALUE;
}

/** A numeric literal's value as ts-morph read it (decimals parsed as floats, the rest as base-10 integers). */
function numericValue(node: ts.NumericLiteral): number {
  return node.text.includes('.') ? parseFloat(node.text) : parseInt(node.text, 10);
}
