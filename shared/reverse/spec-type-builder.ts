import { posix } from 'node:path';
import {
  Node,
  SyntaxKind,
  type EnumDeclaration,
  type ImportSpecifier,
  type InterfaceDeclaration,
  type PropertySignature,
  type SourceFile,
  type TypeAliasDeclaration,
  type TypeElementTypes,
  type TypeNode as TsTypeNode,
} from 'ts-morph';
import type { ImportDeclaration, ProjectConfig } from '../config/project-config.js';
import { pascalCase } from '../model/naming.js';
import { TypeSyntaxError, parseTypeString } from '../types/type-grammar.js';
import type { TypeNode } from '../types/type-tree.js';
import { descriptionOf } from './comments.js';
import type { ModulePaths } from './module-paths.js';
import type { ReverseWarning } from './warnings.js';

/** A field as read from code, its type still a tree (lifted unions are folded back at the end). */
export interface CollectedField {
  readonly name: string;
  readonly type: TypeNode;
  readonly optional: boolean;
  readonly description?: string;
  readonly line: number;
}

export type CollectedDeclaration =
  | { readonly kind: 'interface'; readonly name: string; readonly description?: string; readonly position: number; fields: CollectedField[] }
  | { readonly kind: 'enum'; readonly name: string; readonly description?: string; readonly position: number; readonly values: readonly string[] };

/** Whose fields are being read: the owner name for lifted types, and how warnings name a field. */
export interface FieldOwner {
  readonly owner: string;
  readonly label: (field: string) => string;
  readonly typeParameters?: ReadonlyMap<string, TsTypeNode | undefined>;
}

/** Where a type is being read, for names of lifted types and for warnings. */
export interface FieldScope {
  /** The owner name used for lifted types: the class-name stem for params and results, the type name inside a type. */
  readonly owner: string;
  readonly field: string;
  readonly line: number;
  /** How the warning names the field, e.g. `param subsystem`. */
  readonly label: string;
  /** Type parameters of a generic params/result interface, replaced by these nodes. */
  readonly typeParameters?: ReadonlyMap<string, TsTypeNode | undefined>;
}

export interface BuilderContext {
  readonly config: ProjectConfig;
  readonly modulePaths: ModulePaths;
  /** Project-relative path of the Types file, for warnings. */
  readonly fileLabel: string;
  readonly warn: (warning: ReverseWarning) => void;
  /** Types other modules of the project export (for names this file uses without importing). */
  readonly knownTypes?: { lookup(name: string): readonly { name: string; from: string }[]; suggestions(name: string): string[] };
}

/** A top-level declaration a field type may name: interface, alias, enum or class. */
type LocalDeclaration = InterfaceDeclaration | TypeAliasDeclaration | EnumDeclaration | Node;

/** Globals the grammar refuses by name (the grammar says what to write instead). */
const REFUSED_GLOBALS = new Set(['Date', 'Map', 'Set', 'Promise', 'Function', 'Object', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable', 'ReturnType', 'Awaited', 'Buffer', 'Uint8Array', 'ArrayBuffer', 'Error', 'RegExp', 'WeakMap', 'WeakSet', 'Symbol', 'BigInt']);

const named = (name: string): TypeNode => ({ kind: 'named', name });

/**
 * Turns TypeScript type nodes of one Types file into spec type trees, collecting the local
 * declarations the fields use (→ spec `types`) and the imported names (→ spec `imports`).
 * What the grammar cannot express is written as an import of a named type, with a warning.
 */
export class SpecTypeBuilder {
  readonly declarations = new Map<string, CollectedDeclaration>();
  readonly imports = new Map<string, ImportDeclaration>();
  private readonly locals = new Map<string, LocalDeclaration>();
  private readonly importedNames = new Map<string, { readonly imported: string; readonly specifier: string; readonly node: ImportSpecifier | Node }>();
  /** Local names already resolved: the tree a reference to them becomes. */
  private readonly resolved = new Map<string, TypeNode>();
  private readonly typesModule: string;

  constructor(
    private readonly sourceFile: SourceFile,
    private readonly context: BuilderContext,
  ) {
    for (const declaration of [...sourceFile.getInterfaces(), ...sourceFile.getTypeAliases(), ...sourceFile.getEnums(), ...sourceFile.getClasses()]) {
      const name = declaration.getName();
      if (name && !this.locals.has(name)) this.locals.set(name, declaration);
    }
    for (const declaration of sourceFile.getImportDeclarations()) {
      const specifier = declaration.getModuleSpecifierValue();
      for (const namedImport of declaration.getNamedImports()) {
        this.importedNames.set(namedImport.getAliasNode()?.getText() ?? namedImport.getName(), { imported: namedImport.getName(), specifier, node: namedImport });
      }
      const defaultImport = declaration.getDefaultImport();
      if (defaultImport) this.importedNames.set(defaultImport.getText(), { imported: defaultImport.getText(), specifier, node: defaultImport });
    }
    this.typesModule = context.modulePaths.aliasOf(sourceFile.getFilePath()) ?? `./${posix.basename(sourceFile.getFilePath()).replace(/\.tsx?$/, '')}`;
  }

  /** The fields of an interface or type literal, each converted; members that are not fields are reported. */
  fieldsOf(members: readonly TypeElementTypes[], base: FieldOwner): CollectedField[] {
    const fields: CollectedField[] = [];
    for (const member of members) {
      if (!Node.isPropertySignature(member)) {
        const what = `${base.label('')}has a ${member.getKindName()} member (${member.getText().split('\n')[0].trim()}), which is not a wire field`;
        this.warnInexpressible(member.getStartLineNumber(), what, 'it is not in the spec; describe data as fields', undefined);
        continue;
      }
      const field = this.field(member, base);
      if (field) fields.push(field);
    }
    return fields;
  }

  /** One property signature as a spec field; undefined for the no-params marker (`_noParams?: never`). */
  private field(member: PropertySignature, base: FieldOwner): CollectedField | undefined {
    const name = member.getNameNode().getKind() === SyntaxKind.Identifier ? member.getName() : unquote(member.getName());
    const line = member.getStartLineNumber();
    const typeNode = member.getTypeNode();
    if (typeNode?.getKind() === SyntaxKind.NeverKeyword) return undefined;
    const scope: FieldScope = { owner: base.owner, field: name, line, label: base.label(name), typeParameters: base.typeParameters };
    let optional = member.hasQuestionToken();
    let type: TypeNode;
    if (!typeNode) {
      this.emit({ kind: 'any', file: this.context.fileLabel, line, message: `${scope.label}has no type annotation (implicitly any); the spec says any until a type is named` });
      type = named('any');
    } else {
      const converted = this.attempt(() => this.convertTop(typeNode, scope));
      if (converted.ok) {
        type = converted.value.type;
        optional = optional || converted.value.undefinedMember;
      } else {
        // The whole field type becomes one named import: one declaration for a person to write.
        const importedAs = this.freeName(`${scope.owner}${pascalCase(name)}`);
        this.imports.set(importedAs, { name: importedAs, from: this.typesModule });
        const whole = typeNode.getText().replace(/\s+/g, ' ');
        const part = converted.node.getText().replace(/\s+/g, ' ');
        this.warnInexpressible(line, `${scope.label}type ${whole} cannot be expressed in a spec${part !== whole ? ` (${part})` : ''}`, suggestionFor(part), importedAs);
        type = named(importedAs);
      }
    }
    return { name, type, optional, description: descriptionOf(member), line };
  }

  /** Convert a field's type; a top-level `| undefined` makes the field optional instead. */
  private convertTop(node: TsTypeNode, scope: FieldScope): { type: TypeNode; undefinedMember: boolean } {
    const members = unionMembers(node);
    const withoutUndefined = members.filter((m) => m.getKind() !== SyntaxKind.UndefinedKeyword);
    if (withoutUndefined.length < members.length && withoutUndefined.length > 0) {
      return { type: this.convertUnion(withoutUndefined, node, scope), undefinedMember: true };
    }
    return { type: this.convert(node, scope), undefinedMember: false };
  }

  convert(node: TsTypeNode, scope: FieldScope): TypeNode {
    switch (node.getKind()) {
      case SyntaxKind.StringKeyword:
        return { kind: 'primitive', name: 'string' };
      case SyntaxKind.NumberKeyword:
        return { kind: 'primitive', name: 'number' };
      case SyntaxKind.BooleanKeyword:
        return { kind: 'primitive', name: 'boolean' };
      case SyntaxKind.AnyKeyword:
        this.emit({ kind: 'any', file: this.context.fileLabel, line: node.getStartLineNumber(), message: `${scope.label}uses any; the spec keeps any, which the generator refuses until the shape is named under types` });
        return named('any');
      case SyntaxKind.ParenthesizedType:
        return this.convert(node.asKindOrThrow(SyntaxKind.ParenthesizedType).getTypeNode(), scope);
      case SyntaxKind.TypeOperator: {
        const operator = node.asKindOrThrow(SyntaxKind.TypeOperator);
        if (operator.getOperator() === SyntaxKind.ReadonlyKeyword) return this.convert(operator.getTypeNode(), scope);
        return this.inexpressible(node);
      }
      case SyntaxKind.ArrayType:
        return { kind: 'array', element: this.convert(node.asKindOrThrow(SyntaxKind.ArrayType).getElementTypeNode(), scope) };
      case SyntaxKind.UnionType:
        return this.convertUnion(unionMembers(node), node, scope);
      case SyntaxKind.LiteralType: {
        const literal = node.asKindOrThrow(SyntaxKind.LiteralType).getLiteral();
        if (Node.isStringLiteral(literal) || Node.isNoSubstitutionTemplateLiteral(literal)) return { kind: 'literals', values: [literal.getLiteralValue()] };
        return this.inexpressible(node);
      }
      case SyntaxKind.TypeLiteral:
        return this.convertTypeLiteral(node.asKindOrThrow(SyntaxKind.TypeLiteral), scope);
      case SyntaxKind.MappedType: {
        // ts-rs writes maps as `{ [key in string]: T }`.
        const mapped = node.asKindOrThrow(SyntaxKind.MappedType);
        const constraint = mapped.getTypeParameter().getConstraint();
        const valueNode = mapped.getTypeNode();
        if (constraint?.getKind() === SyntaxKind.StringKeyword && valueNode && !mapped.getQuestionToken()) return { kind: 'record', value: this.convert(valueNode, scope) };
        return this.inexpressible(node);
      }
      case SyntaxKind.TypeReference:
        return this.convertReference(node.asKindOrThrow(SyntaxKind.TypeReference), scope);
      default:
        return this.inexpressible(node);
    }
  }

  private convertUnion(members: readonly TsTypeNode[], whole: TsTypeNode, scope: FieldScope): TypeNode {
    const isNull = (m: TsTypeNode): boolean => m.getKind() === SyntaxKind.LiteralType && m.asKindOrThrow(SyntaxKind.LiteralType).getLiteral().getKind() === SyntaxKind.NullKeyword;
    const nulls = members.filter(isNull);
    const rest = members.filter((m) => !isNull(m));
    if (rest.length === 0 || nulls.length > 1 || members.some((m) => m.getKind() === SyntaxKind.UndefinedKeyword)) return this.inexpressible(whole);
    let core: TypeNode;
    const literalValues = rest.map((m) => {
      if (m.getKind() !== SyntaxKind.LiteralType) return undefined;
      const literal = m.asKindOrThrow(SyntaxKind.LiteralType).getLiteral();
      return Node.isStringLiteral(literal) || Node.isNoSubstitutionTemplateLiteral(literal) ? literal.getLiteralValue() : undefined;
    });
    const booleanLiterals = rest.every((m) => m.getKind() === SyntaxKind.LiteralType && ['true', 'false'].includes(m.getText()));
    if (literalValues.every((v): v is string => v !== undefined) && new Set(literalValues).size === literalValues.length) {
      core = { kind: 'literals', values: literalValues };
    } else if (booleanLiterals && rest.length === 2) {
      core = { kind: 'primitive', name: 'boolean' };
    } else if (rest.length === 1) {
      core = this.convert(rest[0], scope);
    } else {
      return this.inexpressible(whole);
    }
    if (nulls.length === 0) return core;
    return core.kind === 'nullable' ? this.inexpressible(whole) : { kind: 'nullable', inner: core };
  }

  private convertTypeLiteral(node: Node & { getMembers(): TypeElementTypes[] }, scope: FieldScope): TypeNode {
    const members = node.getMembers();
    // `{ [key: string]: T }` is a Record.
    if (members.length === 1 && Node.isIndexSignatureDeclaration(members[0])) {
      const signature = members[0];
      const returnType = signature.getReturnTypeNode();
      if (signature.getKeyTypeNode().getKind() === SyntaxKind.StringKeyword && returnType) return { kind: 'record', value: this.convert(returnType, scope) };
      return this.inexpressible(node as unknown as TsTypeNode);
    }
    // An inline object becomes a named type, the way the engine lifts inline unions: <Owner><Field>.
    const name = this.freeName(`${scope.owner}${pascalCase(scope.field)}`);
    const declaration: CollectedDeclaration = { kind: 'interface', name, position: node.getPos(), fields: [] };
    this.declarations.set(name, declaration);
    this.resolved.set(name, named(name));
    declaration.fields = this.fieldsOf(members, { owner: name, label: (f) => `${name}.${f}: ` });
    return named(name);
  }

  private convertReference(node: Node & { getTypeName(): Node; getTypeArguments(): TsTypeNode[] }, scope: FieldScope): TypeNode {
    const typeName = node.getTypeName();
    const args = node.getTypeArguments();
    if (!Node.isIdentifier(typeName)) return this.inexpressible(node as unknown as TsTypeNode);
    const name = typeName.getText();
    if (scope.typeParameters?.has(name)) {
      const substitute = scope.typeParameters.get(name);
      if (!substitute) return this.inexpressible(node as unknown as TsTypeNode);
      return this.convert(substitute, scope);
    }
    if ((name === 'Array' || name === 'ReadonlyArray') && args.length === 1) return { kind: 'array', element: this.convert(args[0], scope) };
    if (name === 'Record' && args.length === 2) {
      if (args[0].getKind() === SyntaxKind.StringKeyword) return { kind: 'record', value: this.convert(args[1], scope) };
      return this.inexpressible(node as unknown as TsTypeNode);
    }
    if (args.length > 0) return this.inexpressible(node as unknown as TsTypeNode);
    if (this.locals.has(name)) return this.resolveLocal(name, scope);
    const imported = this.importedNames.get(name);
    if (imported) return this.useImport(imported.imported, imported.specifier, imported.node.getStartLineNumber());
    const fromConfig = this.context.config.imports.find((i) => i.name === name);
    if (fromConfig) {
      this.imports.set(name, fromConfig);
      return named(name);
    }
    if (REFUSED_GLOBALS.has(name)) return this.inexpressible(node as unknown as TsTypeNode);
    const line = node.getStartLineNumber();
    const exporters = this.context.knownTypes?.lookup(name) ?? [];
    if (exporters.length === 1) {
      // Learned from code: one module of the project exports the name, so the spec imports it from there.
      this.imports.set(name, { name, from: exporters[0].from });
      this.emit({ kind: 'unresolved-type', file: this.context.fileLabel, line, message: `${scope.label}type ${name} is neither declared in this file nor imported; ${exporters[0].from} exports it, so the spec imports it from there (the Types file needs the import too)` });
      return named(name);
    }
    const seen = exporters.length > 1 ? `; exported by ${exporters.map((e) => e.from).join(', ')}: choose one under imports` : '';
    const close = exporters.length === 0 ? this.context.knownTypes?.suggestions(name) ?? [] : [];
    const suggestion = close.length > 0 ? `; close matches in code: ${close.join(', ')}` : '';
    this.emit({ kind: 'unresolved-type', file: this.context.fileLabel, line, message: `${scope.label}type ${name} is neither declared in this file nor imported; the spec names it as is, and generation fails until it is declared under types or imported${seen}${suggestion}` });
    return named(name);
  }

  /** Record an import used by a field: relative specifiers become the alias of the file they name. */
  private useImport(name: string, specifier: string, line: number): TypeNode {
    let from = specifier;
    if (specifier.startsWith('.')) {
      const file = this.context.modulePaths.resolve(specifier, this.sourceFile.getFilePath());
      const alias = file ? this.context.modulePaths.aliasOf(file) : undefined;
      if (alias) from = alias;
      else if (!this.imports.has(name)) {
        this.emit({ kind: 'relative-import', file: this.context.fileLabel, line, message: `import of ${name} from '${specifier}' kept relative: no tsconfig path alias maps ${file ? 'its file' : 'it (the file was not found)'}` });
      }
    }
    const fromConfig = this.context.config.imports.find((i) => i.name === name && i.from === from);
    this.imports.set(name, fromConfig ?? { name, from });
    return named(name);
  }

  /** A reference to a top-level declaration of this file: a spec type, a folded alias, or an import when inexpressible. */
  private resolveLocal(name: string, scope: FieldScope): TypeNode {
    const known = this.resolved.get(name);
    if (known) return known;
    const declaration = this.locals.get(name)!;
    const line = declaration.getStartLineNumber();
    const selfImport = (problem: string, suggestion: string): TypeNode => {
      this.imports.set(name, { name, from: this.typesModule });
      this.emit({
        kind: 'inexpressible-type',
        file: this.context.fileLabel,
        line,
        message: `type ${name} ${problem}; written as an import of ${name} from '${this.typesModule}'. Move its declaration to a module of its own (regenerating rewrites this file) and point the import there, or ${suggestion}`,
      });
      this.resolved.set(name, named(name));
      return named(name);
    };
    if (Node.isInterfaceDeclaration(declaration)) {
      if (declaration.getTypeParameters().length > 0) return selfImport('is generic', 'declare a non-generic shape under types');
      if (declaration.getExtends().length > 0) return selfImport(`extends ${declaration.getExtends().map((e) => e.getText()).join(', ')}`, 'declare its fields in one interface under types');
      return this.collectInterface(name, declaration, declaration.getMembers());
    }
    if (Node.isTypeAliasDeclaration(declaration)) {
      if (declaration.getTypeParameters().length > 0) return selfImport('is generic', 'declare a non-generic shape under types');
      const target = declaration.getTypeNodeOrThrow();
      const members = unionMembers(target);
      const values = members.map((m) => (m.getKind() === SyntaxKind.LiteralType ? m.asKindOrThrow(SyntaxKind.LiteralType).getLiteral() : undefined));
      if (values.every((v) => v !== undefined && (Node.isStringLiteral(v) || Node.isNoSubstitutionTemplateLiteral(v)))) {
        const enumValues = values.map((v) => (v as Node & { getLiteralValue(): string }).getLiteralValue());
        this.declarations.set(name, { kind: 'enum', name, description: descriptionOf(declaration), position: declaration.getPos(), values: enumValues });
        this.resolved.set(name, named(name));
        return named(name);
      }
      if (Node.isTypeLiteral(target) && !(target.getMembers().length === 1 && Node.isIndexSignatureDeclaration(target.getMembers()[0]))) {
        return this.collectInterface(name, declaration, target.getMembers());
      }
      // Any other alias: what it stands for, when the grammar can say it.
      this.resolved.set(name, named(name));
      const inner = this.attempt(() => this.convert(target, { ...scope, owner: name, field: '', label: `type ${name}: ` }));
      if (!inner.ok) {
        this.resolved.delete(name);
        return selfImport(`is ${target.getText().replace(/\s+/g, ' ')}, which the spec grammar cannot express`, suggestionFor(inner.node.getText()));
      }
      this.emit({ kind: 'inlined-alias', file: this.context.fileLabel, line, message: `alias ${name} = ${target.getText()} is written as what it stands for (${describeTree(inner.value)}); the spec has no plain aliases` });
      this.resolved.set(name, inner.value);
      return inner.value;
    }
    if (Node.isEnumDeclaration(declaration)) {
      const values = declaration.getMembers().map((m) => {
        const initializer = m.getInitializer();
        return initializer && (Node.isStringLiteral(initializer) || Node.isNoSubstitutionTemplateLiteral(initializer)) ? initializer.getLiteralValue() : undefined;
      });
      if (values.every((v): v is string => v !== undefined)) {
        this.declarations.set(name, { kind: 'enum', name, description: descriptionOf(declaration), position: declaration.getPos(), values });
        this.resolved.set(name, named(name));
        return named(name);
      }
      return selfImport('is an enum with non-string members', "use a union of string literals ('a' | 'b')");
    }
    return selfImport(`is a ${declaration.getKindName()}`, 'declare the wire shape as an interface under types');
  }

  private collectInterface(name: string, declaration: Node, members: readonly TypeElementTypes[]): TypeNode {
    const collected: CollectedDeclaration = { kind: 'interface', name, description: descriptionOf(declaration), position: declaration.getPos(), fields: [] };
    this.declarations.set(name, collected);
    this.resolved.set(name, named(name));
    collected.fields = this.fieldsOf(members, { owner: name, label: (f) => `${name}.${f}: ` });
    return named(name);
  }

  /** Warnings held back while an attempt may still be rolled back. */
  private pending: ReverseWarning[][] = [];

  private emit(warning: ReverseWarning): void {
    const buffer = this.pending[this.pending.length - 1];
    if (buffer) buffer.push(warning);
    else this.context.warn(warning);
  }

  /**
   * Run a conversion that may meet a type the grammar cannot express. On success its warnings
   * and collected names stand; otherwise everything it collected is rolled back.
   */
  private attempt<T>(step: () => T): { ok: true; value: T } | { ok: false; node: TsTypeNode } {
    const snapshot = { declarations: new Map(this.declarations), imports: new Map(this.imports), resolved: new Map(this.resolved) };
    this.pending.push([]);
    try {
      const value = step();
      const warnings = this.pending.pop()!;
      for (const warning of warnings) this.emit(warning);
      return { ok: true, value };
    } catch (error) {
      this.pending.pop();
      if (!(error instanceof InexpressibleType)) throw error;
      for (const [target, source] of [[this.declarations, snapshot.declarations], [this.imports, snapshot.imports], [this.resolved, snapshot.resolved]] as const) {
        (target as Map<string, unknown>).clear();
        for (const [k, v] of source as Map<string, unknown>) (target as Map<string, unknown>).set(k, v);
      }
      return { ok: false, node: error.node };
    }
  }

  /** A type the grammar cannot express: the field (or alias) around it is written as an import. */
  private inexpressible(node: TsTypeNode): never {
    throw new InexpressibleType(node);
  }

  private warnInexpressible(line: number, what: string, suggestion: string, importedAs: string | undefined): void {
    const written = importedAs
      ? `; written as an import of ${importedAs} from '${this.typesModule}': declare \`export type ${importedAs} = ...\` in a module of its own (regenerating rewrites this file) and point the import there, or ${suggestion}`
      : `; ${suggestion}`;
    this.emit({ kind: 'inexpressible-type', file: this.context.fileLabel, line, message: `${what}${written}` });
  }

  /** A name not yet used by a local declaration, an import or a collected type. */
  private freeName(wanted: string): string {
    let candidate = wanted;
    for (let n = 2; this.locals.has(candidate) || this.imports.has(candidate) || this.declarations.has(candidate) || this.importedNames.has(candidate); n++) candidate = `${wanted}${n}`;
    return candidate;
  }
}

class InexpressibleType extends Error {
  constructor(readonly node: TsTypeNode) {
    super(`inexpressible type ${node.getText()}`);
  }
}

function unquote(text: string): string {
  return /^(['"]).*\1$/.test(text) ? text.slice(1, -1) : text;
}

/** The members of a union (parentheses and nested unions flattened); a non-union is its own only member. */
export function unionMembers(node: TsTypeNode): TsTypeNode[] {
  if (Node.isParenthesizedTypeNode(node)) {
    const inner = unionMembers(node.getTypeNode());
    return inner.length > 1 ? inner : [node];
  }
  if (Node.isUnionTypeNode(node)) return node.getTypeNodes().flatMap((m) => unionMembers(m));
  return [node];
}

/** What the grammar says to write instead of a type text, when it can say. */
function suggestionFor(text: string): string {
  try {
    parseTypeString(text);
  } catch (error) {
    if (error instanceof TypeSyntaxError) return `${error.problem}: ${error.suggestion}`;
  }
  return 'declare the shape under types';
}

function describeTree(node: TypeNode): string {
  switch (node.kind) {
    case 'primitive':
    case 'named':
      return node.name;
    case 'literals':
      return node.values.map((v) => `'${v}'`).join(' | ');
    case 'array':
      return `${describeTree(node.element)}[]`;
    case 'record':
      return `Record<string, ${describeTree(node.value)}>`;
    case 'nullable':
      return `${describeTree(node.inner)} | null`;
  }
}
