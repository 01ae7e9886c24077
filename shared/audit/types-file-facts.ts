import {
  findAccessor,
  isCommandsExecuteNode,
  payloadDeclarations,
  type AccessorFacts,
  type DeclarationResolver,
  type PayloadBases,
  type PayloadDeclaration,
} from '../reverse/types-file.js';
import type { PayloadCandidates } from '../reverse/reverse-engineer.js';
import { enumsOf, interfacesOf, lineOf, ts, typeAliasesOf } from '../reverse/syntax.js';

/** A `Commands.execute(...)` call that is not inside a static accessor. */
export interface RawExecuteCall {
  readonly line: number;
  /** The command name, when the first argument is a string literal. */
  readonly name?: string;
}

/** Where a payload declaration is. */
export interface PayloadAt {
  readonly name: string;
  readonly line: number;
}

/** What the audit needs from one command's Types file, read from its syntax tree. */
export interface TypesFileFacts {
  readonly accessor?: AccessorFacts;
  /** Line of every `any` keyword (types, casts, parameters). */
  readonly anyLines: readonly number[];
  /** The params and result declarations, by name and line (no syntax node: the file's tree is let go once read). */
  readonly params?: PayloadAt;
  readonly result?: PayloadAt;
  /** Where each field is declared: owner (`params`, `results` or a type's name) -> field -> line. */
  readonly fieldLines: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Where each owner is declared (the params interface, the result interface, each type). */
  readonly ownerLines: ReadonlyMap<string, number>;
  readonly rawExecutes: readonly RawExecuteCall[];
  /** Fields of this file typed as untyped JSON (`unknown`, `object`, at any depth), by owner and field. */
  readonly untypedFields: readonly { readonly owner: string; readonly field: string; readonly line: number }[];
}

/**
 * Read a Types file's facts: accessor, `any`, payload interfaces, field lines, raw executes.
 * `payload` follows extends chains across files the way reverse does (bases and resolver from the run).
 */
export function typesFileFacts(
  file: ts.SourceFile,
  payload: { readonly bases?: PayloadBases; readonly resolve?: DeclarationResolver; readonly candidates?: PayloadCandidates } = {},
  chosen?: AccessorFacts,
): TypesFileFacts {
  // In a shared Types file, the accessor of the command being read (its params and result follow from it).
  const accessor = chosen ?? findAccessor(file);
  const pick = (candidates: readonly PayloadDeclaration[], wanted: string | undefined): PayloadDeclaration | undefined =>
    candidates.find((c) => c.name === wanted) ?? candidates[0];
  // Reverse has read them already when it hands the file over (the same bases and resolver).
  const params = pick(payload.candidates?.params ?? payloadDeclarations(file, 'params', payload), accessor?.paramsType);
  const result = pick(payload.candidates?.result ?? payloadDeclarations(file, 'result', payload), accessor?.resultType);

  const { fieldLines, ownerLines } = declarationLines(file, params, result);
  const { anyLines, rawExecutes } = scan(file);
  const untypedFields = untypedFieldsOf(file, params, result);
  const at = (declaration: PayloadDeclaration | undefined): PayloadAt | undefined =>
    declaration ? { name: declaration.name, line: declaration.line } : undefined;
  return { accessor, anyLines, params: at(params), result: at(result), fieldLines, ownerLines, rawExecutes, untypedFields };
}

type NamedDeclaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.EnumDeclaration | ts.PropertySignature;

/** A declaration's name as written, quotes taken off. */
const declaredName = (declaration: NamedDeclaration, file: ts.SourceFile): string =>
  declaration.name.getText(file).replace(/^['"]|['"]$/g, '');

/** The line of every declaration (and of params and results) and of each of its fields. */
function declarationLines(
  file: ts.SourceFile,
  params: PayloadDeclaration | undefined,
  result: PayloadDeclaration | undefined,
): { fieldLines: Map<string, Map<string, number>>; ownerLines: Map<string, number> } {
  const fieldLines = new Map<string, Map<string, number>>();
  const ownerLines = new Map<string, number>();
  const record = (owner: string, line: number, members: readonly ts.Node[]): void => {
    ownerLines.set(owner, line);
    const fields = new Map<string, number>();
    for (const member of members) if (ts.isPropertySignature(member)) fields.set(declaredName(member, file), lineOf(member));
    fieldLines.set(owner, fields);
  };
  for (const declaration of interfacesOf(file)) record(declaredName(declaration, file), lineOf(declaration, file), declaration.members);
  for (const alias of typeAliasesOf(file))
    record(declaredName(alias, file), lineOf(alias, file), ts.isTypeLiteralNode(alias.type) ? alias.type.members : []);
  for (const declaration of enumsOf(file)) record(declaredName(declaration, file), lineOf(declaration, file), []);
  if (params) record('params', params.line, [...params.members]);
  if (result) record('results', result.line, [...result.members]);
  return { fieldLines, ownerLines };
}

/** Fields of this file's interfaces typed with `unknown` or `object` somewhere in their type. */
function untypedFieldsOf(
  file: ts.SourceFile,
  params: PayloadDeclaration | undefined,
  result: PayloadDeclaration | undefined,
): { owner: string; field: string; line: number }[] {
  const untypedFields: { owner: string; field: string; line: number }[] = [];
  const untyped = (owner: string, members: readonly ts.Node[]): void => {
    for (const member of members) {
      if (!ts.isPropertySignature(member) || member.getSourceFile() !== file || !member.type) continue;
      const holdsUntyped = (node: ts.Node): boolean =>
        node.kind === ts.SyntaxKind.UnknownKeyword ||
        node.kind === ts.SyntaxKind.ObjectKeyword ||
        ts.forEachChild(node, holdsUntyped) === true;
      if (holdsUntyped(member.type)) untypedFields.push({ owner, field: declaredName(member, file), line: lineOf(member, file) });
    }
  };
  if (params) untyped('params', params.members);
  if (result) untyped('results', result.members);
  for (const declaration of interfacesOf(file))
    if (declaration !== params?.node && declaration !== result?.node) untyped(declaredName(declaration, file), declaration.members);
  return untypedFields;
}

/** `any` keywords and raw `Commands.execute` calls of a file, in one walk of the compiler's tree (no node wrapped). */
function scan(source: ts.SourceFile): { anyLines: number[]; rawExecutes: RawExecuteCall[] } {
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const anyLines: number[] = [];
  const rawExecutes: RawExecuteCall[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      if (!isMixinConstraint(node)) anyLines.push(lineOf(node));
    } else if (ts.isCallExpression(node) && isCommandsExecuteNode(node, source) && !insideStaticAccessor(node)) {
      const name = literalText(node.arguments[0]);
      rawExecutes.push({ line: lineOf(node), ...(name !== undefined ? { name } : {}) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { anyLines, rawExecutes };
}

/** `Commands.execute(...)` calls of a file that are not inside a static accessor. */
export function rawExecuteCalls(file: ts.SourceFile): RawExecuteCall[] {
  return scan(file).rawExecutes;
}

function isMixinConstraint(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isParameter(current)) return current.dotDotDotToken !== undefined && ts.isConstructorTypeNode(current.parent);
  }
  return false;
}

const unwrap = (node: ts.Node): ts.Node => {
  let current = node;
  while (
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isTypeAssertionExpression(current)
  )
    current = current.expression;
  return current;
};

function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  return ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) ? inner.text : undefined;
}

const isStatic = (node: ts.HasModifiers): boolean => ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) === true;
const named = (node: ts.NamedDeclaration, name: string): boolean =>
  node.name !== undefined && ts.isIdentifier(node.name) && node.name.text === name;

/**
 * Inside the `execute` of a static accessor: a method or property `execute` of an object literal
 * that a `const` holds, or a static `execute` of a class (the accessor shapes reverse accepts).
 */
function insideStaticAccessor(call: ts.Node): boolean {
  for (let node = call.parent; node; node = node.parent) {
    if (
      (ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node)) &&
      named(node, 'execute') &&
      isStatic(node) &&
      ts.isClassLike(node.parent)
    )
      return true;
    if (
      (ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node)) &&
      named(node, 'execute') &&
      ts.isObjectLiteralExpression(node.parent) &&
      heldByConst(node.parent)
    )
      return true;
  }
  return false;
}

function heldByConst(object: ts.Node): boolean {
  let current = object;
  let parent = current.parent;
  while (
    parent &&
    (ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isParenthesizedExpression(parent) ||
      ts.isTypeAssertionExpression(parent))
  ) {
    current = parent;
    parent = current.parent;
  }
  return parent !== undefined && ts.isVariableDeclaration(parent) && parent.initializer === current;
}
