/**
 * The syntax audit and reverse read: TypeScript compiler nodes from `ts.createSourceFile`, with no
 * ts-morph Project and no wrapper per node (wrapping cost more than the reading, profile in issue 18).
 */
import type { ts as Compiler } from 'ts-morph';
import { loadTypeScript } from '../edits/typescript-loader.js';

/** The compiler ts-morph bundles, without ts-morph itself (reverse and audit only parse). */
export const ts: typeof Compiler = loadTypeScript();

/** The compiler's node types under the same name as the value, as `import { ts } from 'ts-morph'` gave them. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace ts {
  export type ArrayLiteralExpression = Compiler.ArrayLiteralExpression;
  export type ArrayTypeNode = Compiler.ArrayTypeNode;
  export type CallExpression = Compiler.CallExpression;
  export type ClassDeclaration = Compiler.ClassDeclaration;
  export type ClassElement = Compiler.ClassElement;
  export type EnumDeclaration = Compiler.EnumDeclaration;
  export type Expression = Compiler.Expression;
  export type ExpressionWithTypeArguments = Compiler.ExpressionWithTypeArguments;
  export type FunctionDeclaration = Compiler.FunctionDeclaration;
  export type HasModifiers = Compiler.HasModifiers;
  export type ImportDeclaration = Compiler.ImportDeclaration;
  export type InterfaceDeclaration = Compiler.InterfaceDeclaration;
  export type JSDocParsingMode = Compiler.JSDocParsingMode;
  export type MappedTypeNode = Compiler.MappedTypeNode;
  export type NamedDeclaration = Compiler.NamedDeclaration;
  export type Node = Compiler.Node;
  export type NumericLiteral = Compiler.NumericLiteral;
  export type ObjectLiteralElementLike = Compiler.ObjectLiteralElementLike;
  export type ObjectLiteralExpression = Compiler.ObjectLiteralExpression;
  export type ParenthesizedTypeNode = Compiler.ParenthesizedTypeNode;
  export type PropertyName = Compiler.PropertyName;
  export type PropertySignature = Compiler.PropertySignature;
  export type ScriptKind = Compiler.ScriptKind;
  export type ScriptTarget = Compiler.ScriptTarget;
  export type SourceFile = Compiler.SourceFile;
  export type Statement = Compiler.Statement;
  export type SyntaxKind = Compiler.SyntaxKind;
  export type TypeAliasDeclaration = Compiler.TypeAliasDeclaration;
  export type TypeElement = Compiler.TypeElement;
  export type TypeLiteralNode = Compiler.TypeLiteralNode;
  export type TypeNode = Compiler.TypeNode;
  export type TypeOperatorNode = Compiler.TypeOperatorNode;
  export type TypeReferenceNode = Compiler.TypeReferenceNode;
  export type VariableDeclaration = Compiler.VariableDeclaration;
}

/** How reverse and audit parse. JSDoc is read as comment text (comments.ts), so its inner syntax is not parsed (a third of the parse). */
export const PARSE_OPTIONS = { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseNone } as const;

/** Parse one file (the kind follows the extension); parents are set, for walks that go up (accessor scope, mixin constraint, a node's file). */
export function parseSource(path: string, text: string): ts.SourceFile {
  const file = ts.createSourceFile(path, text, PARSE_OPTIONS);
  setParents(file);
  return file;
}

/**
 * Each node's parent, set by one walk down. The compiler's own (createSourceFile's setParentNodes)
 * queues every node's children in arrays first: 13% of all a 5,000-command audit allocated (issue 18).
 */
function setParents(root: ts.Node): void {
  let parent = root;
  const visit = (node: ts.Node): void => {
    (node as { parent: ts.Node }).parent = parent;
    const outer = parent;
    parent = node;
    ts.forEachChild(node, visit);
    parent = outer;
  };
  ts.forEachChild(root, visit);
}

const PER_FILE = Symbol('perFile');
let perFileSlots = 0;

/**
 * A fact read once per parsed file (a parsed tree never changes; an edited file is a new tree), kept
 * on the file object itself. Not in a WeakMap keyed by the file: with one, V8's minor GCs kept every
 * file's tree alive past its folder and promoted it, a quarter of all a reverse allocates (issue 18:
 * 5,000 commands promoted 370 MB of 1.56 GB; 53 MB this way, and scavenges took 140 ms, not 490).
 */
export function perFile<V>(read: (file: ts.SourceFile) => V): (file: ts.SourceFile) => V {
  const slot = perFileSlots++;
  return (file) => {
    // One property on every file, added the same way, keeps the compiler's objects in one shape.
    const facts = ((file as unknown as { [PER_FILE]?: unknown[] })[PER_FILE] ??= []);
    return (facts[slot] ??= read(file)) as V;
  };
}

/** Offsets of the file's `\n`s. */
const newlines = perFile((file): number[] => {
  const starts: number[] = [];
  for (let i = file.text.indexOf('\n'); i >= 0; i = file.text.indexOf('\n', i + 1)) starts.push(i);
  return starts;
});

/**
 * 1-based line of a position: the `\n` before it, counted once per file (a binary search after).
 * Lines are what ts-morph numbered, which the warnings and findings carry (a lone `\r` or U+2028
 * starts no line here, unlike the compiler's line map).
 */
export function lineAt(file: ts.SourceFile, pos: number): number {
  const starts = newlines(file);
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] < pos) low = middle + 1;
    else high = middle;
  }
  return low + 1;
}

/** 1-based line where a node's own text starts (leading trivia and JSDoc left out). */
export function lineOf(node: ts.Node, file: ts.SourceFile = node.getSourceFile()): number {
  return lineAt(file, node.getStart(file));
}

let kindNames: Map<ts.SyntaxKind, string> | undefined;

/** A kind's name as warnings print it: the first name the enum gives the value (not a First/Last marker). */
export function kindName(node: ts.Node): string {
  if (!kindNames) {
    kindNames = new Map();
    for (const [name, value] of Object.entries(ts.SyntaxKind))
      if (typeof value === 'number' && !kindNames.has(value)) kindNames.set(value, name);
  }
  return kindNames.get(node.kind) ?? String(node.kind);
}

/** The text of a declaration's name (identifier or string literal), or undefined when it has none. */
export function nameOf(node: ts.Node): string | undefined {
  const name = (node as ts.NamedDeclaration).name;
  return name !== undefined &&
    (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name))
    ? name.text
    : name?.getText();
}

/** A file's top-level declarations by kind, in order. */
interface TopLevel {
  readonly interfaces: readonly ts.InterfaceDeclaration[];
  readonly aliases: readonly ts.TypeAliasDeclaration[];
  readonly enums: readonly ts.EnumDeclaration[];
  readonly classes: readonly ts.ClassDeclaration[];
  readonly functions: readonly ts.FunctionDeclaration[];
  readonly variables: readonly ts.VariableDeclaration[];
}

/** Sorted once per parsed file. */
const topLevel = perFile((file): TopLevel => {
  const index = {
    interfaces: [] as ts.InterfaceDeclaration[],
    aliases: [] as ts.TypeAliasDeclaration[],
    enums: [] as ts.EnumDeclaration[],
    classes: [] as ts.ClassDeclaration[],
    functions: [] as ts.FunctionDeclaration[],
    variables: [] as ts.VariableDeclaration[],
  };
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) index.interfaces.push(statement);
    else if (ts.isTypeAliasDeclaration(statement)) index.aliases.push(statement);
    else if (ts.isEnumDeclaration(statement)) index.enums.push(statement);
    else if (ts.isClassDeclaration(statement)) index.classes.push(statement);
    else if (ts.isFunctionDeclaration(statement)) index.functions.push(statement);
    else if (ts.isVariableStatement(statement)) index.variables.push(...statement.declarationList.declarations);
  }
  return index;
});

/** Top-level interfaces, aliases, enums, classes, functions and variable declarations of a file, in order. */
export const interfacesOf = (file: ts.SourceFile): readonly ts.InterfaceDeclaration[] => topLevel(file).interfaces;
export const typeAliasesOf = (file: ts.SourceFile): readonly ts.TypeAliasDeclaration[] => topLevel(file).aliases;
export const enumsOf = (file: ts.SourceFile): readonly ts.EnumDeclaration[] => topLevel(file).enums;
export const classesOf = (file: ts.SourceFile): readonly ts.ClassDeclaration[] => topLevel(file).classes;
export const functionsOf = (file: ts.SourceFile): readonly ts.FunctionDeclaration[] => topLevel(file).functions;
export const variableDeclarationsOf = (file: ts.SourceFile): readonly ts.VariableDeclaration[] => topLevel(file).variables;

const byName = <T extends ts.Node>(nodes: readonly T[], name: string): T | undefined => nodes.find((n) => nameOf(n) === name);

/** A name's interface or type alias in a file (its own top level only). */
export function declarationIn(file: ts.SourceFile, name: string): ts.InterfaceDeclaration | ts.TypeAliasDeclaration | undefined {
  return byName(interfacesOf(file), name) ?? byName(typeAliasesOf(file), name);
}

export const variableDeclarationNamed = (file: ts.SourceFile, name: string): ts.VariableDeclaration | undefined =>
  byName(variableDeclarationsOf(file), name);
export const functionNamed = (file: ts.SourceFile, name: string): ts.FunctionDeclaration | undefined => byName(functionsOf(file), name);

/** One name an import statement brings in: as used in the file, as the module exports it. */
export interface ImportedName {
  readonly local: string;
  readonly imported: string;
  readonly specifier: string;
  readonly node: ts.Node;
}

const specifierOf = (node: ts.Expression | undefined): string | undefined =>
  node !== undefined && ts.isStringLiteralLike(node) ? node.text : undefined;

/** The named imports of a file, and with them the default ones, in order; read once per parsed file. */
const imports = perFile((file): { readonly named: readonly ImportedName[]; readonly withDefault: readonly ImportedName[] } => {
  const named: ImportedName[] = [];
  const all: ImportedName[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const specifier = specifierOf(statement.moduleSpecifier) ?? '';
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const entry = { local: element.name.text, imported: (element.propertyName ?? element.name).text, specifier, node: element };
        named.push(entry);
        all.push(entry);
      }
    }
    if (clause?.name) all.push({ local: clause.name.text, imported: clause.name.text, specifier, node: clause.name });
  }
  return { named, withDefault: all };
});

/** The named (and, asked for, default) imports of a file, in order. */
export function importedNames(file: ts.SourceFile, withDefault = false): readonly ImportedName[] {
  const known = imports(file);
  return withDefault ? known.withDefault : known.named;
}

/** One `export ... from '<specifier>'` statement: its named exports (exported name, original name); none for `export *`. */
export interface ReExport {
  readonly specifier: string;
  readonly named: readonly { readonly exported: string; readonly original: string }[];
}

export function reExportsOf(file: ts.SourceFile): ReExport[] {
  const out: ReExport[] = [];
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const specifier = specifierOf(statement.moduleSpecifier);
    if (specifier === undefined) continue;
    const clause = statement.exportClause;
    const named =
      clause && ts.isNamedExports(clause)
        ? clause.elements.map((e) => ({ exported: e.name.text, original: (e.propertyName ?? e.name).text }))
        : [];
    out.push({ specifier, named });
  }
  return out;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);

export const isStatic = (node: ts.Node): boolean => hasModifier(node, ts.SyntaxKind.StaticKeyword);

/**
 * Whether a top-level declaration is exported: its `export` keyword, or a local `export { X }`,
 * `export default X` or `export = X` naming it (what the file's exports are, read without a binder).
 */
export function isExported(declaration: ts.Node): boolean {
  if (hasModifier(declaration, ts.SyntaxKind.ExportKeyword)) return true;
  const name = nameOf(declaration);
  if (name === undefined) return false;
  return declaration.getSourceFile().statements.some((s) => {
    if (ts.isExportAssignment(s)) return ts.isIdentifier(s.expression) && s.expression.text === name;
    if (!ts.isExportDeclaration(s) || s.moduleSpecifier !== undefined || !s.exportClause || !ts.isNamedExports(s.exportClause))
      return false;
    return s.exportClause.elements.some((e) => (e.propertyName ?? e.name).text === name);
  });
}

/** Strip `as`, `satisfies`, parentheses and `<T>x` around an expression. */
export function unwrapExpression(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isTypeAssertionExpression(current)
  )
    current = current.expression;
  return current;
}

/** The string a string-literal expression (possibly `'x' as const`) holds. */
export function stringValue(expression: ts.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  const inner = unwrapExpression(expression);
  return ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) ? inner.text : undefined;
}

/** The comments before a node (after the previous token), as ranges with their text. */
export function leadingComments(node: ts.Node, file: ts.SourceFile = node.getSourceFile()): { pos: number; end: number; text: string }[] {
  if (ts.isSourceFile(node)) return [];
  return (ts.getLeadingCommentRanges(file.text, node.pos) ?? []).map((r) => ({
    pos: r.pos,
    end: r.end,
    text: file.text.slice(r.pos, r.end),
  }));
}

/** The comments after a node on its line. */
export function trailingComments(node: ts.Node, file: ts.SourceFile = node.getSourceFile()): { pos: number; end: number; text: string }[] {
  if (ts.isSourceFile(node)) return [];
  return (ts.getTrailingCommentRanges(file.text, node.end) ?? []).map((r) => ({
    pos: r.pos,
    end: r.end,
    text: file.text.slice(r.pos, r.end),
  }));
}

/** Every descendant of a node of one kind, in source order. */
export function descendantsOfKind<T extends ts.Node>(node: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const out: T[] = [];
  const visit = (n: ts.Node): void => {
    if (test(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
  return out;
}
