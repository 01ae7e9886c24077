import { posix } from 'node:path';
import type { ImportDeclaration, ProjectConfig } from '../config/project-config.js';
import { pascalCase } from '../model/naming.js';
import { TypeSyntaxError, parseTypeString } from '../types/type-grammar.js';
import { extendsOf, flattenedMembers, localDeclaration, type DeclarationResolver } from './types-file.js';
import { classesOf, enumsOf, importedNames, interfacesOf, isExported, kindName, lineOf, nameOf, ts, typeAliasesOf } from './syntax.js';
import { foldType } from '../types/fold.js';
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
  /** Project-relative file the field is declared in (an inherited field's is another file). */
  readonly file: string;
}

export type CollectedDeclaration =
  | {
      readonly kind: 'interface';
      readonly name: string;
      readonly description?: string;
      readonly position: number;
      fields: CollectedField[];
    }
  | {
      readonly kind: 'enum';
      readonly name: string;
      readonly description?: string;
      readonly position: number;
      readonly values: readonly string[];
    };

/** Whose fields are being read: the owner name for lifted types, and how warnings name a field. */
export interface FieldOwner {
  readonly owner: string;
  readonly label: (field: string) => string;
  readonly typeParameters?: ReadonlyMap<string, ts.TypeNode | undefined>;
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
  readonly typeParameters?: ReadonlyMap<string, ts.TypeNode | undefined>;
}

export interface BuilderContext {
  readonly config: ProjectConfig;
  readonly modulePaths: ModulePaths;
  /** Project-relative path of the Types file, for warnings. */
  readonly fileLabel: string;
  readonly warn: (warning: ReverseWarning) => void;
  /** Types other modules of the project export (for names this file uses without importing). */
  readonly knownTypes?: { lookup(name: string): readonly { name: string; from: string }[]; suggestions(name: string): string[] };
  /** Project-relative path of any file (fields inherited from another file are reported there). */
  readonly labelOf?: (absolutePath: string) => string;
  /** Interfaces a local interface extends, followed into other files (their fields are flattened in). */
  readonly resolveDeclaration?: DeclarationResolver;
}

/** The names one file can refer to: its own top-level declarations and its imports. */
interface FileScope {
  readonly file: ts.SourceFile;
  readonly locals: ReadonlyMap<string, LocalDeclaration>;
  readonly importedNames: ReadonlyMap<string, { readonly imported: string; readonly specifier: string; readonly node: ts.Node }>;
}

function fileScope(file: ts.SourceFile): FileScope {
  const locals = new Map<string, LocalDeclaration>();
  for (const declaration of [...interfacesOf(file), ...typeAliasesOf(file), ...enumsOf(file), ...classesOf(file)]) {
    const name = nameOf(declaration);
    if (name && !locals.has(name)) locals.set(name, declaration);
  }
  const imported = new Map<string, { imported: string; specifier: string; node: ts.Node }>();
  for (const entry of importedNames(file, true))
    imported.set(entry.local, { imported: entry.imported, specifier: entry.specifier, node: entry.node });
  return { file, locals, importedNames: imported };
}

/** A top-level declaration a field type may name: interface, alias, enum or class. */
type LocalDeclaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.EnumDeclaration | ts.ClassDeclaration;

/** Globals the grammar refuses by name (the grammar says what to write instead). */
const REFUSED_GLOBALS = new Set([
  'Date',
  'Map',
  'Set',
  'Promise',
  'Function',
  'Object',
  'Partial',
  'Required',
  'Readonly',
  'Pick',
  'Omit',
  'Exclude',
  'Extract',
  'NonNullable',
  'ReturnType',
  'Awaited',
  'Buffer',
  'Uint8Array',
  'ArrayBuffer',
  'Error',
  'RegExp',
  'WeakMap',
  'WeakSet',
  'Symbol',
  'BigInt',
]);

const named = (name: string): TypeNode => ({ kind: 'named', name });

/**
 * Turns TypeScript type nodes of one Types file into spec type trees, collecting the local
 * declarations the fields use (→ spec `types`) and the imported names (→ spec `imports`). Fields
 * inherited from another file are read in that file's scope: its exported types become imports
 * (that file stays when the Types file is regenerated). What the grammar cannot express is
 * written as `unknown` (untyped JSON), with a warning, never as an invented name.
 */
export class SpecTypeBuilder {
  readonly declarations = new Map<string, CollectedDeclaration>();
  readonly imports = new Map<string, ImportDeclaration>();
  private readonly scopes = new Map<ts.SourceFile, FileScope>();
  private readonly locals: ReadonlyMap<string, LocalDeclaration>;
  private readonly importedNames: FileScope['importedNames'];
  /** Local names already resolved: the tree a reference to them becomes (keyed `<file>#<name>` outside the Types file). */
  private readonly resolved = new Map<string, TypeNode>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly context: BuilderContext,
  ) {
    const own = fileScope(sourceFile);
    this.scopes.set(sourceFile, own);
    this.locals = own.locals;
    this.importedNames = own.importedNames;
  }

  private scopeOf(node: ts.Node): FileScope {
    const file = node.getSourceFile();
    let scope = this.scopes.get(file);
    if (!scope) {
      scope = fileScope(file);
      this.scopes.set(file, scope);
    }
    return scope;
  }

  /** Where a warning about this node points: its own file. */
  private fileOf(node: ts.Node): string {
    const file = node.getSourceFile();
    return file === this.sourceFile ? this.context.fileLabel : (this.context.labelOf?.(file.fileName) ?? file.fileName);
  }

  /** The cache key of a local declaration's resolution. */
  private key(name: string, scope: FileScope): string {
    return scope.file === this.sourceFile ? name : `${scope.file.fileName}#${name}`;
  }

  /** The module a spec import of a file names: its alias, else the path relative to the Types file. */
  private moduleOf(file: string): string {
    const alias = this.context.modulePaths.aliasOf(file);
    if (alias) return alias;
    const relative = posix.relative(posix.dirname(this.sourceFile.fileName), file).replace(/(\/index)?\.(d\.ts|tsx?)$/, '');
    return relative.startsWith('.') ? relative : `./${relative}`;
  }

  /** The fields of an interface or type literal, each converted; members that are not fields are reported. */
  fieldsOf(members: readonly ts.TypeElement[], base: FieldOwner): CollectedField[] {
    const fields: CollectedField[] = [];
    for (const member of members) {
      if (!ts.isPropertySignature(member)) {
        const what = `${base.label('')}has a ${kindName(member)} member (${member.getText().split('\n')[0].trim()}), which is not a wire field`;
        this.warnInexpressible(member, what, 'it is not in the spec; describe data as fields');
        continue;
      }
      const field = this.field(member, base);
      if (field) fields.push(field);
    }
    return fields;
  }

  /** One property signature as a spec field; undefined for the no-params marker (`_noParams?: never`). */
  private field(member: ts.PropertySignature, base: FieldOwner): CollectedField | undefined {
    const name = ts.isIdentifier(member.name) ? member.name.getText() : unquote(member.name.getText());
    const line = lineOf(member);
    const typeNode = member.type;
    if (typeNode?.kind === ts.SyntaxKind.NeverKeyword) return undefined;
    const scope: FieldScope = { owner: base.owner, field: name, line, label: base.label(name), typeParameters: base.typeParameters };
    let optional = member.questionToken !== undefined;
    let type: TypeNode;
    if (!typeNode) {
      this.emit({
        kind: 'any',
        file: this.fileOf(member),
        line,
        message: `${scope.label}has no type annotation (implicitly any); written as unknown (untyped JSON) until a type is named`,
      });
      type = { kind: 'unknown' };
    } else {
      const converted = this.attempt(() => this.convertTop(typeNode, scope));
      if (converted.ok) {
        type = converted.value.type;
        optional = optional || converted.value.undefinedMember;
      } else {
        // Untyped JSON keeps every write to the field compiling; a person declares the shape later.
        const whole = typeNode.getText().replace(/\s+/g, ' ');
        const part = converted.node.getText().replace(/\s+/g, ' ');
        this.emit({
          kind: 'inexpressible-type',
          file: this.fileOf(member),
          line,
          message: `${scope.label}type ${whole} cannot be expressed in a spec${part !== whole ? ` (${part})` : ''}; written as unknown (untyped JSON): code that reads the field needs a cast until the shape is declared (${suggestionFor(part)})`,
        });
        type = { kind: 'unknown' };
      }
    }
    return { name, type, optional, description: descriptionOf(member), line, file: this.fileOf(member) };
  }

  /** Convert a field's type; a top-level `| undefined` makes the field optional instead. */
  private convertTop(node: ts.TypeNode, scope: FieldScope): { type: TypeNode; undefinedMember: boolean } {
    const members = unionMembers(node);
    const withoutUndefined = members.filter((m) => m.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (withoutUndefined.length < members.length && withoutUndefined.length > 0) {
      return { type: this.convertUnion(withoutUndefined, node, scope), undefinedMember: true };
    }
    return { type: this.convert(node, scope), undefinedMember: false };
  }

  convert(node: ts.TypeNode, scope: FieldScope): TypeNode {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { kind: 'primitive', name: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { kind: 'primitive', name: 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { kind: 'primitive', name: 'boolean' };
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        // Untyped JSON: the grammar's escape (audit counts it; a person may declare the shape later).
        return { kind: 'unknown' };
      case ts.SyntaxKind.AnyKeyword:
        this.emit({
          kind: 'any',
          file: this.fileOf(node),
          line: lineOf(node),
          message: `${scope.label}uses any; written as unknown (untyped JSON), which the host allows where any is not; name the shape under types when it is known`,
        });
        return { kind: 'unknown' };
      case ts.SyntaxKind.ParenthesizedType:
        return this.convert((node as ts.ParenthesizedTypeNode).type, scope);
      case ts.SyntaxKind.TypeOperator: {
        const operator = node as ts.TypeOperatorNode;
        if (operator.operator === ts.SyntaxKind.ReadonlyKeyword) return this.convert(operator.type, scope);
        return this.inexpressible(node);
      }
      case ts.SyntaxKind.ArrayType:
        return { kind: 'array', element: this.convert((node as ts.ArrayTypeNode).elementType, scope) };
      case ts.SyntaxKind.UnionType:
        return this.convertUnion(unionMembers(node), node, scope);
      case ts.SyntaxKind.LiteralType: {
        const value = stringLiteralOf(node);
        return value !== undefined ? { kind: 'literals', values: [value] } : this.inexpressible(node);
      }
      case ts.SyntaxKind.TypeLiteral:
        return this.convertTypeLiteral(node as ts.TypeLiteralNode, scope);
      case ts.SyntaxKind.MappedType:
        return this.convertMapped(node as ts.MappedTypeNode, scope);
      case ts.SyntaxKind.TypeReference:
        return this.convertReference(node as ts.TypeReferenceNode, scope);
      default:
        return this.inexpressible(node);
    }
  }

  /** ts-rs writes maps as `{ [key in string]: T }`: a record; any other mapped type is inexpressible. */
  private convertMapped(mapped: ts.MappedTypeNode, scope: FieldScope): TypeNode {
    const constraint = mapped.typeParameter.constraint;
    const valueNode = mapped.type;
    if (constraint?.kind === ts.SyntaxKind.StringKeyword && valueNode && !mapped.questionToken)
      return { kind: 'record', value: this.convert(valueNode, scope) };
    return this.inexpressible(mapped);
  }

  private convertUnion(members: readonly ts.TypeNode[], whole: ts.TypeNode, scope: FieldScope): TypeNode {
    const isNull = (m: ts.TypeNode): boolean => ts.isLiteralTypeNode(m) && m.literal.kind === ts.SyntaxKind.NullKeyword;
    const nulls = members.filter(isNull);
    const rest = members.filter((m) => !isNull(m));
    if (rest.length === 0 || nulls.length > 1 || members.some((m) => m.kind === ts.SyntaxKind.UndefinedKeyword))
      return this.inexpressible(whole);
    let core: TypeNode;
    const literalValues = rest.map(stringLiteralOf);
    const booleanLiterals = rest.every((m) => ts.isLiteralTypeNode(m) && ['true', 'false'].includes(m.getText()));
    const numberLiterals =
      rest.length > 1 &&
      rest.every((m) => ts.isLiteralTypeNode(m) && (ts.isNumericLiteral(m.literal) || ts.isPrefixUnaryExpression(m.literal)));
    if (literalValues.every((v): v is string => v !== undefined) && new Set(literalValues).size === literalValues.length) {
      core = { kind: 'literals', values: literalValues };
    } else if (booleanLiterals && rest.length === 2) {
      core = { kind: 'primitive', name: 'boolean' };
    } else if (numberLiterals) {
      this.emit({
        kind: 'inexpressible-type',
        file: this.fileOf(whole),
        line: lineOf(whole),
        message: `${scope.label}type ${whole.getText()} is a union of number literals; written as number (the spec has no number literals), so code that reads it into the union needs a cast`,
      });
      core = { kind: 'primitive', name: 'number' };
    } else if (rest.length === 1) {
      core = this.convert(rest[0], scope);
    } else if (rest.every((m) => this.isStringOnTheWire(m))) {
      // `UUID | string`: every member is a string on the wire (UUID is a branded string in config).
      core = { kind: 'primitive', name: 'string' };
    } else {
      return this.inexpressible(whole);
    }
    if (nulls.length === 0) return core;
    return core.kind === 'nullable' ? this.inexpressible(whole) : { kind: 'nullable', inner: core };
  }

  /** `string`, a string literal, or a name the config imports as a Rust `String` (UUID). */
  private isStringOnTheWire(node: ts.TypeNode): boolean {
    if (node.kind === ts.SyntaxKind.StringKeyword) return true;
    if (ts.isLiteralTypeNode(node)) return stringLiteralOf(node) !== undefined;
    if (ts.isTypeReferenceNode(node) && (node.typeArguments ?? []).length === 0) {
      const name = node.typeName.getText();
      const original = this.scopeOf(node).importedNames.get(name)?.imported ?? name;
      return this.context.config.imports.some((i) => i.name === original && i.rust === 'String');
    }
    return false;
  }

  private convertTypeLiteral(node: ts.TypeLiteralNode, scope: FieldScope): TypeNode {
    const members = node.members;
    // `{ [key: string]: T }` is a Record.
    if (members.length === 1 && ts.isIndexSignatureDeclaration(members[0])) {
      const signature = members[0];
      const returnType = signature.type;
      if (signature.parameters[0]?.type?.kind === ts.SyntaxKind.StringKeyword && returnType)
        return { kind: 'record', value: this.convert(returnType, scope) };
      return this.inexpressible(node);
    }
    // An inline object becomes a named type, the way the engine lifts inline unions: <Owner><Field>.
    const name = this.freeName(`${scope.owner}${pascalCase(scope.field)}`);
    const declaration: CollectedDeclaration = { kind: 'interface', name, position: node.pos, fields: [] };
    this.declarations.set(name, declaration);
    this.resolved.set(name, named(name));
    declaration.fields = this.fieldsOf(members, { owner: name, label: (f) => `${name}.${f}: ` });
    return named(name);
  }

  private convertReference(node: ts.TypeReferenceNode, scope: FieldScope): TypeNode {
    const typeName = node.typeName;
    const args = node.typeArguments ?? [];
    if (!ts.isIdentifier(typeName)) return this.inexpressible(node);
    const name = typeName.getText();
    if (scope.typeParameters?.has(name)) {
      const substitute = scope.typeParameters.get(name);
      if (!substitute) return this.inexpressible(node);
      return this.convert(substitute, scope);
    }
    if ((name === 'Array' || name === 'ReadonlyArray') && args.length === 1)
      return { kind: 'array', element: this.convert(args[0], scope) };
    if (name === 'Record' && args.length === 2) {
      if (args[0].kind === ts.SyntaxKind.StringKeyword) return { kind: 'record', value: this.convert(args[1], scope) };
      return this.inexpressible(node);
    }
    if (args.length > 0) return this.inexpressible(node);
    const names = this.scopeOf(node);
    const local = names.locals.get(name);
    if (local) {
      // Another file's exported type stays where it is (only the Types file is regenerated): import it.
      const exported = names.file !== this.sourceFile && isExported(local);
      if (exported) return this.useImport(name, this.moduleOf(names.file.fileName), lineOf(node), names.file);
      return this.resolveLocal(name, scope, names);
    }
    const imported = names.importedNames.get(name);
    if (imported) return this.useImport(imported.imported, imported.specifier, lineOf(imported.node), names.file);
    const fromConfig = this.context.config.imports.find((i) => i.name === name);
    if (fromConfig) {
      this.imports.set(name, fromConfig);
      return named(name);
    }
    return this.unresolvedReference(name, node, scope);
  }

  /** A name neither declared nor imported: imported from the one module that exports it, else named as is (with a warning either way). */
  private unresolvedReference(name: string, node: ts.TypeReferenceNode, scope: FieldScope): TypeNode {
    if (REFUSED_GLOBALS.has(name)) return this.inexpressible(node);
    const line = lineOf(node);
    const exporters = this.context.knownTypes?.lookup(name) ?? [];
    if (exporters.length === 1) {
      // Learned from code: one module of the project exports the name, so the spec imports it from there.
      this.imports.set(name, { name, from: exporters[0].from });
      this.emit({
        kind: 'unresolved-type',
        file: this.fileOf(node),
        line,
        message: `${scope.label}type ${name} is neither declared in this file nor imported; ${exporters[0].from} exports it, so the spec imports it from there (the Types file needs the import too)`,
      });
      return named(name);
    }
    const seen = exporters.length > 1 ? `; exported by ${exporters.map((e) => e.from).join(', ')}: choose one under imports` : '';
    const close = exporters.length === 0 ? (this.context.knownTypes?.suggestions(name) ?? []) : [];
    const suggestion = close.length > 0 ? `; close matches in code: ${close.join(', ')}` : '';
    this.emit({
      kind: 'unresolved-type',
      file: this.fileOf(node),
      line,
      message: `${scope.label}type ${name} is neither declared in this file nor imported; the spec names it as is, and generation fails until it is declared under types or imported${seen}${suggestion}`,
    });
    return named(name);
  }

  /**
   * Record an import used by a field: relative specifiers become the alias of the file they name
   * (or, without one, the path relative to the Types file, which is where the import is written).
   */
  private useImport(name: string, specifier: string, line: number, fromFile: ts.SourceFile = this.sourceFile): TypeNode {
    let from = specifier;
    if (specifier.startsWith('.')) {
      const file = this.context.modulePaths.resolve(specifier, fromFile.fileName);
      const alias = file ? this.context.modulePaths.aliasOf(file) : undefined;
      if (alias) from = alias;
      else {
        if (file && fromFile !== this.sourceFile) from = this.moduleOf(file);
        if (!this.imports.has(name)) {
          this.emit({
            kind: 'relative-import',
            file: this.fileOf(fromFile),
            line,
            message: `import of ${name} from '${specifier}' kept relative: no tsconfig path alias maps ${file ? 'its file' : 'it (the file was not found)'}`,
          });
        }
      }
    }
    const fromConfig = this.context.config.imports.find((i) => i.name === name && i.from === from);
    this.imports.set(name, fromConfig ?? { name, from });
    return named(name);
  }

  /** An alias in scope: an enum of string literals, an object shape, or what it stands for when the grammar can say it. */
  private resolveAlias(
    name: string,
    declaration: ts.TypeAliasDeclaration,
    scope: FieldScope,
    key: string,
    untyped: (problem: string, suggestion: string) => TypeNode,
  ): TypeNode {
    const line = lineOf(declaration);
    if ((declaration.typeParameters ?? []).length > 0) return untyped('is generic', 'declare a non-generic shape under types');
    const target = declaration.type;
    const values = unionMembers(target).map(stringLiteralOf);
    if (values.every((v): v is string => v !== undefined)) {
      this.declarations.set(name, { kind: 'enum', name, description: descriptionOf(declaration), position: declaration.pos, values });
      this.resolved.set(key, named(name));
      return named(name);
    }
    if (ts.isTypeLiteralNode(target) && !(target.members.length === 1 && ts.isIndexSignatureDeclaration(target.members[0]))) {
      return this.collectInterface(name, declaration, target.members, key);
    }
    if (ts.isIntersectionTypeNode(target) && target.types.every((t) => ts.isTypeLiteralNode(t) || ts.isTypeReferenceNode(t))) {
      const flat = flattenedMembers(declaration, this.context.resolveDeclaration ?? localDeclaration);
      if (flat.foreignBases.length === 0) return this.collectInterface(name, declaration, flat.members, key);
    }
    // Any other alias: what it stands for, when the grammar can say it.
    this.resolved.set(key, named(name));
    const inner = this.attempt(() => this.convert(target, { ...scope, owner: name, field: '', label: `type ${name}: ` }));
    if (!inner.ok) {
      this.resolved.delete(key);
      return untyped(
        `is ${target.getText().replace(/\s+/g, ' ')}, which the spec grammar cannot express`,
        suggestionFor(inner.node.getText()),
      );
    }
    this.emit({
      kind: 'inlined-alias',
      file: this.fileOf(declaration),
      line,
      message: `alias ${name} = ${target.getText()} is written as what it stands for (${describeTree(inner.value)}); the spec has no plain aliases`,
    });
    this.resolved.set(key, inner.value);
    return inner.value;
  }

  /** A reference to a top-level declaration of a file in scope: a spec type, a folded alias, or unknown when inexpressible. */
  private resolveLocal(name: string, scope: FieldScope, names: FileScope = this.scopes.get(this.sourceFile)!): TypeNode {
    const key = this.key(name, names);
    const known = this.resolved.get(key);
    if (known) return known;
    const declaration = names.locals.get(name)!;
    const line = lineOf(declaration);
    const untyped = (problem: string, suggestion: string): TypeNode => {
      this.emit({
        kind: 'inexpressible-type',
        file: this.fileOf(declaration),
        line,
        message: `type ${name} ${problem}; fields of this type are written as unknown (untyped JSON): ${suggestion}`,
      });
      this.resolved.set(key, { kind: 'unknown' });
      return { kind: 'unknown' };
    };
    if (ts.isInterfaceDeclaration(declaration)) {
      if ((declaration.typeParameters ?? []).length > 0) return untyped('is generic', 'declare a non-generic shape under types');
      if (extendsOf(declaration).length > 0) {
        const flat = flattenedMembers(declaration, this.context.resolveDeclaration ?? localDeclaration);
        if (flat.foreignBases.length > 0)
          return untyped(
            `extends ${flat.foreignBases.join(', ')}, whose fields cannot be read`,
            'declare its fields in one interface under types',
          );
        return this.collectInterface(name, declaration, flat.members, key);
      }
      return this.collectInterface(name, declaration, declaration.members, key);
    }
    if (ts.isTypeAliasDeclaration(declaration)) return this.resolveAlias(name, declaration, scope, key, untyped);
    if (ts.isEnumDeclaration(declaration)) {
      const values = declaration.members.map((m) =>
        m.initializer && (ts.isStringLiteral(m.initializer) || ts.isNoSubstitutionTemplateLiteral(m.initializer))
          ? m.initializer.text
          : undefined,
      );
      if (values.every((v): v is string => v !== undefined)) {
        this.declarations.set(name, { kind: 'enum', name, description: descriptionOf(declaration), position: declaration.pos, values });
        this.resolved.set(key, named(name));
        return named(name);
      }
      if (declaration.members.every((m) => m.initializer === undefined || ts.isNumericLiteral(m.initializer))) {
        // A numeric enum is a number on the wire, and TypeScript lets any number stand for one.
        this.emit({
          kind: 'inexpressible-type',
          file: this.fileOf(declaration),
          line,
          message: `type ${name} is a numeric enum; written as number (what it is on the wire): a string-literal union ('a' | 'b') would keep the names`,
        });
        this.resolved.set(key, { kind: 'primitive', name: 'number' });
        return { kind: 'primitive', name: 'number' };
      }
      return untyped('is an enum with non-string members', "use a union of string literals ('a' | 'b')");
    }
    return untyped(`is a ${kindName(declaration)}`, 'declare the wire shape as an interface under types');
  }

  private collectInterface(name: string, declaration: ts.Node, members: readonly ts.TypeElement[], key = name): TypeNode {
    const collected: CollectedDeclaration = {
      kind: 'interface',
      name,
      description: descriptionOf(declaration),
      position: declaration.pos,
      fields: [],
    };
    this.declarations.set(name, collected);
    this.resolved.set(key, named(name));
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
  private attempt<T>(step: () => T): { ok: true; value: T } | { ok: false; node: ts.TypeNode } {
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
      for (const [target, source] of [
        [this.declarations, snapshot.declarations],
        [this.imports, snapshot.imports],
        [this.resolved, snapshot.resolved],
      ] as const) {
        (target as Map<string, unknown>).clear();
        for (const [k, v] of source as Map<string, unknown>) (target as Map<string, unknown>).set(k, v);
      }
      return { ok: false, node: error.node };
    }
  }

  /** A type the grammar cannot express: the field (or alias) around it is written as an import. */
  private inexpressible(node: ts.TypeNode): never {
    throw new InexpressibleType(node);
  }

  private warnInexpressible(at: ts.Node, what: string, suggestion: string): void {
    this.emit({ kind: 'inexpressible-type', file: this.fileOf(at), line: lineOf(at), message: `${what}; ${suggestion}` });
  }

  /** A name not yet used by a local declaration, an import or a collected type. */
  private freeName(wanted: string): string {
    let candidate = wanted;
    for (
      let n = 2;
      this.locals.has(candidate) || this.imports.has(candidate) || this.declarations.has(candidate) || this.importedNames.has(candidate);
      n++
    )
      candidate = `${wanted}${n}`;
    return candidate;
  }
}

class InexpressibleType extends Error {
  constructor(readonly node: ts.TypeNode) {
    super(`inexpressible type ${node.getText()}`);
  }
}

function unquote(text: string): string {
  return /^(['"]).*\1$/.test(text) ? text.slice(1, -1) : text;
}

/** The members of a union (parentheses and nested unions flattened); a non-union is its own only member. */
export function unionMembers(node: ts.TypeNode): ts.TypeNode[] {
  if (ts.isParenthesizedTypeNode(node)) {
    const inner = unionMembers(node.type);
    return inner.length > 1 ? inner : [node];
  }
  if (ts.isUnionTypeNode(node)) return node.types.flatMap((m) => unionMembers(m));
  return [node];
}

/** The string of a string-literal type (`'a'`), else undefined. */
function stringLiteralOf(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && (ts.isStringLiteral(node.literal) || ts.isNoSubstitutionTemplateLiteral(node.literal))
    ? node.literal.text
    : undefined;
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

/** A tree as a warning shows it: the spec text without its grouping parentheses (`'a' | 'b'[]`). */
function describeTree(node: TypeNode): string {
  return foldType<string>(node, {
    primitive: (n) => n.name,
    named: (n) => n.name,
    unknown: () => 'unknown',
    literals: (n) => n.values.map((v) => `'${v}'`).join(' | '),
    array: (element) => `${element}[]`,
    record: (value) => `Record<string, ${value}>`,
    nullable: (inner) => `${inner} | null`,
  });
}
