import { commentText } from './comments.js';
import {
  classesOf,
  declarationIn,
  descendantsOfKind,
  importedNames,
  interfacesOf,
  isStatic,
  leadingComments,
  lineAt,
  lineOf,
  nameOf,
  perFile,
  stringValue,
  ts,
  typeAliasesOf,
  unwrapExpression,
  variableDeclarationsOf,
} from './syntax.js';

export { stringValue };

/** The static accessor: `export const <C> = { execute(...) { return Commands.execute<P, R>('<name>', ...) }, commandName: '<name>' }`. */
export interface AccessorFacts {
  readonly className: string;
  readonly line: number;
  /** The name given to Commands.execute. */
  readonly executeName?: string;
  /** The `commandName` property. */
  readonly commandName?: string;
  /** Type arguments of Commands.execute<P, R>, when given as plain names. */
  readonly paramsType?: string;
  readonly resultType?: string;
}

/** An interface, or a type alias: what a payload or a named type is declared as. */
export type Declaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

/** A params or result declaration: an interface extending the base, or an alias `= Base & { ... }`. */
export interface PayloadDeclaration {
  readonly name: string;
  readonly line: number;
  readonly node: Declaration;
  /**
   * Own members, plus those of every interface it extends on the way to the host base, in this
   * file or imported from another (inherited first; a member redeclared lower down wins).
   */
  readonly members: readonly ts.TypeElement[];
  /** Bases whose fields could not be read (not found, or a shape other than an interface). */
  readonly foreignBases: readonly string[];
  /** Interfaces in other files whose fields were flattened in, as `Name (file)`. */
  readonly inheritedFrom: readonly { readonly name: string; readonly file: string }[];
  readonly typeParameters: ReadonlyMap<string, ts.TypeNode | undefined>;
}

/** The host's payload base names (config payload): params, result, and the base of both. */
export interface PayloadBases {
  readonly params: string;
  readonly result: string;
  readonly payload: string;
}

const DEFAULT_BASES: PayloadBases = { params: 'CommandParams', result: 'CommandResult', payload: 'JTAGPayload' };

/** Finds the declaration a name refers to from a file: a local interface or alias, or one imported from a module of the project. */
export type DeclarationResolver = (name: string, from: ts.SourceFile) => Declaration | undefined;

/** The declaration a name has in its own file (no imports followed). */
export const localDeclaration: DeclarationResolver = (name, from) => declarationIn(from, name);

/** The name a file's local name stands for: an import's original name, else itself. */
function originalName(name: string, file: ts.SourceFile): string {
  return importedNames(file).find((n) => n.local === name)?.imported ?? name;
}

function baseName(text: string): string {
  return text.replace(/<.*$/s, '').split('.').pop()!.trim();
}

type PayloadKind = 'params' | 'result' | 'payload';

/** One heritage entry: `Base`, `Base<T>`, `Omit<Base, 'k'>` or `Pick<Base, 'k'>`. */
interface Heritage {
  readonly name: string;
  readonly text: string;
  /** Member names Omit drops or Pick keeps. */
  readonly filter?: { readonly mode: 'omit' | 'pick'; readonly keys: ReadonlySet<string> };
}

function heritageOf(text: string, typeArgs: readonly ts.TypeNode[]): Heritage {
  const name = baseName(text);
  if ((name === 'Omit' || name === 'Pick') && typeArgs.length === 2 && ts.isTypeReferenceNode(typeArgs[0])) {
    const keys = new Set(unionLiterals(typeArgs[1]));
    return { name: baseName(typeArgs[0].typeName.getText()), text, filter: { mode: name === 'Omit' ? 'omit' : 'pick', keys } };
  }
  return { name, text };
}

function unionLiterals(node: ts.TypeNode): string[] {
  if (ts.isUnionTypeNode(node)) return node.types.flatMap(unionLiterals);
  if (ts.isLiteralTypeNode(node) && (ts.isStringLiteral(node.literal) || ts.isNoSubstitutionTemplateLiteral(node.literal)))
    return [node.literal.text];
  return [];
}

/** The `extends` entries of an interface. */
export function extendsOf(node: ts.InterfaceDeclaration): ts.ExpressionWithTypeArguments[] {
  return (node.heritageClauses ?? []).filter((c) => c.token === ts.SyntaxKind.ExtendsKeyword).flatMap((c) => [...c.types]);
}

function heritagesOf(node: Declaration): { heritages: Heritage[]; literals: ts.TypeElement[]; others: string[] } {
  if (ts.isInterfaceDeclaration(node)) {
    return {
      heritages: extendsOf(node).map((e) => heritageOf(e.expression.getText(), e.typeArguments ?? [])),
      literals: [...node.members],
      others: [],
    };
  }
  const target = node.type;
  const parts = ts.isIntersectionTypeNode(target) ? target.types : [target];
  const heritages: Heritage[] = [];
  const literals: ts.TypeElement[] = [];
  const others: string[] = [];
  for (const part of parts) {
    if (ts.isTypeReferenceNode(part)) heritages.push(heritageOf(part.typeName.getText(), part.typeArguments ?? []));
    else if (ts.isTypeLiteralNode(part)) literals.push(...part.members);
    else others.push(part.getText());
  }
  return { heritages, literals, others };
}

/**
 * Every params (or result) declaration of a Types file, in file order: an interface or an alias
 * `= Base & { ... }` whose extends chain reaches the host's params (result) base, in this file or
 * through interfaces imported from others (`resolve` follows the imports). A declaration reaching
 * only the payload base both share (JTAGPayload) counts by its name (`...Params`, `...Result`).
 */
export function payloadDeclarations(
  sourceFile: ts.SourceFile,
  kind: 'params' | 'result',
  options: { readonly bases?: PayloadBases; readonly resolve?: DeclarationResolver } = {},
): PayloadDeclaration[] {
  const bases = options.bases ?? DEFAULT_BASES;
  const resolve = options.resolve ?? localDeclaration;
  const hostKind = (name: string, file: ts.SourceFile): PayloadKind | undefined => {
    const original = originalName(name, file);
    return original === bases.params ? 'params' : original === bases.result ? 'result' : original === bases.payload ? 'payload' : undefined;
  };
  const kinds = new Map<ts.Node, PayloadKind | null>();
  const classify = (node: Declaration): PayloadKind | undefined => {
    if (kinds.has(node)) return kinds.get(node) ?? undefined;
    kinds.set(node, null);
    let found: PayloadKind | undefined;
    for (const heritage of heritagesOf(node).heritages) {
      const direct = hostKind(heritage.name, node.getSourceFile());
      const reached =
        direct ??
        (() => {
          const next = resolve(heritage.name, node.getSourceFile());
          return next ? classify(next) : undefined;
        })();
      // Params or result beats the shared payload base.
      if (reached && (found === undefined || found === 'payload')) found = reached;
    }
    kinds.set(node, found ?? null);
    return found;
  };
  const suffix = kind === 'params' ? 'Params' : 'Result';
  const found: PayloadDeclaration[] = [];
  for (const declaration of [...interfacesOf(sourceFile), ...typeAliasesOf(sourceFile)]) {
    const reached = classify(declaration);
    const name = declaration.name.text;
    if (reached !== kind && !(reached === 'payload' && name.endsWith(suffix))) continue;
    const { members, foreignBases, inheritedFrom } = flattenedMembers(
      declaration,
      resolve,
      (base, file) => hostKind(base, file) !== undefined,
    );
    const typeParameters = new Map((declaration.typeParameters ?? []).map((p) => [p.name.text, p.default ?? p.constraint]));
    found.push({ name, line: lineOf(declaration, sourceFile), node: declaration, members, foreignBases, inheritedFrom, typeParameters });
  }
  return found.sort((a, b) => a.node.pos - b.node.pos);
}

/**
 * The members of an interface (or intersection alias) with everything it inherits, bases first,
 * followed into other files by `resolve`; a name declared again lower down wins. `skip` names
 * bases not to read (the host's payload bases). `Omit<B, 'k'>` and `Pick<B, 'k'>` filter B.
 */
export function flattenedMembers(
  declaration: Declaration,
  resolve: DeclarationResolver,
  skip: (name: string, file: ts.SourceFile) => boolean = () => false,
): { members: ts.TypeElement[]; foreignBases: string[]; inheritedFrom: { name: string; file: string }[] } {
  const inheritedFrom: { name: string; file: string }[] = [];
  const foreignBases: string[] = [];
  const seen = new Set<ts.Node>();
  const home = declaration.getSourceFile();
  const collect = (node: Declaration, filter?: Heritage['filter']): ts.TypeElement[] => {
    if (seen.has(node)) return [];
    seen.add(node);
    const { heritages, literals, others } = heritagesOf(node);
    const out: ts.TypeElement[] = [];
    for (const heritage of heritages) {
      if (skip(heritage.name, node.getSourceFile())) continue;
      const next = resolve(heritage.name, node.getSourceFile());
      if (!next) {
        foreignBases.push(heritage.text);
        continue;
      }
      if (next.getSourceFile() !== home) inheritedFrom.push({ name: next.name.text, file: next.getSourceFile().fileName });
      out.push(...collect(next, heritage.filter));
    }
    foreignBases.push(...others);
    out.push(...literals);
    return filter ? out.filter((m) => !ts.isPropertySignature(m) || filter.keys.has(memberName(m)) === (filter.mode === 'pick')) : out;
  };
  const all = collect(declaration);
  const last = new Map<string, ts.TypeElement>();
  for (const member of all) if (ts.isPropertySignature(member)) last.set(memberName(member), member);
  return { members: all.filter((m) => !ts.isPropertySignature(m) || last.get(memberName(m)) === m), foreignBases, inheritedFrom };
}

/** A property's wire name (quotes dropped). */
export function memberName(member: ts.TypeElement): string {
  return ts.isPropertySignature(member) ? member.name.getText().replace(/^['"]|['"]$/g, '') : member.getText();
}

/** Is this call `Commands.execute(...)` (or `x.Commands.execute(...)`)? Decided on the syntax tree, not the text. */
export function isCommandsExecuteNode(call: ts.CallExpression, sourceFile: ts.SourceFile): boolean {
  const callee = call.expression;
  return (
    ts.isPropertyAccessExpression(callee) && callee.name.text === 'execute' && /(^|\.)Commands$/.test(callee.expression.getText(sourceFile))
  );
}

/** Find `Commands.execute<P, R>('<name>', ...)` calls under a node. */
function executeCalls(node: ts.Node): { name?: string; paramsType?: string; resultType?: string }[] {
  const file = node.getSourceFile();
  return descendantsOfKind(node, ts.isCallExpression)
    .filter((call) => isCommandsExecuteNode(call, file))
    .map((call) => {
      const typeArgs = (call.typeArguments ?? []).map((t) => t.getText(file));
      return { name: stringValue(call.arguments[0]), paramsType: typeArgs[0], resultType: typeArgs[1] };
    });
}

/**
 * The static accessor: an exported const holding an object literal (or a class with statics)
 * whose `execute` calls Commands.execute, or that carries a `commandName` string.
 */
export function findAccessor(sourceFile: ts.SourceFile): AccessorFacts | undefined {
  const candidates = findAccessors(sourceFile);
  return candidates.find((c) => c.executeName !== undefined) ?? candidates[0];
}

/** Every static accessor of a file, in file order (a shared Types file holds one per command); read once per parsed file. */
export const findAccessors: (sourceFile: ts.SourceFile) => readonly AccessorFacts[] = perFile(readAccessors);

function readAccessors(sourceFile: ts.SourceFile): AccessorFacts[] {
  const candidates: AccessorFacts[] = [];
  for (const declaration of variableDeclarationsOf(sourceFile)) {
    if (!declaration.initializer) continue;
    const value = unwrapExpression(declaration.initializer);
    if (!ts.isObjectLiteralExpression(value)) continue;
    const facts = accessorOfObject(declaration.name.getText(sourceFile), value, lineOf(declaration, sourceFile));
    if (facts) candidates.push(facts);
  }
  for (const declaration of classesOf(sourceFile)) {
    const facts = accessorOfClass(declaration, sourceFile);
    if (facts) candidates.push(facts);
  }
  return candidates.sort((a, b) => a.line - b.line);
}

/** An object literal's property by its written name (`execute`, `commandName`). */
const propertyNamed = (object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined =>
  object.properties.find((p) => p.name?.getText() === name);

function accessorOfObject(name: string, object: ts.ObjectLiteralExpression, line: number): AccessorFacts | undefined {
  const execute = propertyNamed(object, 'execute');
  const call = execute ? executeCalls(execute)[0] : undefined;
  const commandNameProperty = propertyNamed(object, 'commandName');
  const commandName =
    commandNameProperty && ts.isPropertyAssignment(commandNameProperty) ? stringValue(commandNameProperty.initializer) : undefined;
  if (!call && commandName === undefined) return undefined;
  return { className: name, line, executeName: call?.name, commandName, paramsType: call?.paramsType, resultType: call?.resultType };
}

/** A static member of a class by name: a method (the implementation over its overloads) or a property or accessor. */
function staticMember(declaration: ts.ClassDeclaration, name: string, kind: 'method' | 'property'): ts.ClassElement | undefined {
  const members = declaration.members.filter((m) => isStatic(m) && m.name?.getText() === name);
  if (kind === 'method') {
    const methods = members.filter(ts.isMethodDeclaration);
    return methods.find((m) => m.body !== undefined) ?? methods[0];
  }
  return members.find((m) => ts.isPropertyDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m));
}

function accessorOfClass(declaration: ts.ClassDeclaration, file: ts.SourceFile): AccessorFacts | undefined {
  const name = declaration.name?.text;
  if (!name) return undefined;
  const execute = staticMember(declaration, 'execute', 'method');
  const call = execute ? executeCalls(execute)[0] : undefined;
  const property = staticMember(declaration, 'commandName', 'property');
  const commandName = property && ts.isPropertyDeclaration(property) ? stringValue(property.initializer) : undefined;
  if (!call && commandName === undefined) return undefined;
  return {
    className: name,
    line: lineOf(declaration, file),
    executeName: call?.name,
    commandName,
    paramsType: call?.paramsType,
    resultType: call?.resultType,
  };
}

/** The command name a command class passes to its base: `super('<name>', context, ...)`. */
export function superCommandName(sourceFile: ts.SourceFile): string | undefined {
  for (const call of descendantsOfKind(sourceFile, ts.isCallExpression)) {
    if (call.expression.kind !== ts.SyntaxKind.SuperKeyword) continue;
    const name = stringValue(call.arguments[0]);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** The class names a file declares with a given suffix (GpuStatsServerCommand -> GpuStats). */
export function classStems(sourceFile: ts.SourceFile, suffix: string): string[] {
  return classesOf(sourceFile)
    .map((c) => nameOf(c) ?? '')
    .filter((n) => n.endsWith(suffix) && n.length > suffix.length)
    .map((n) => n.slice(0, -suffix.length));
}

/** The description in the file's header comment: its prose minus the title line and the generator's note. */
export function headerDescription(sourceFile: ts.SourceFile): string | undefined {
  const first = sourceFile.statements[0];
  const ranges = first ? leadingComments(first, sourceFile) : [];
  const header = ranges.find((r) => r.text.startsWith('/*'));
  if (!header) return undefined;
  const lines = header.text
    .replace(/^\/\*+/, '')
    .replace(/\*+\/$/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\*(?!\\\/)\s?/, '').trim());
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === '') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1].push(line);
  }
  const prose = paragraphs
    .map((p) => p.join(' '))
    .filter((p) => p !== '')
    .filter(
      (p) =>
        !/commands?\s*-\s*(shared\s+)?types?$/i.test(p) &&
        !/^(shared\s+)?types?\s+(for|of)\b/i.test(p) &&
        !/^generated\b/i.test(p) &&
        !p.startsWith('@'),
    );
  return prose.length > 0 ? commentText(`// ${prose[0]}`) : undefined;
}

/** Syntax errors of a file: the first one's line and message, or undefined when it parses. */
export function syntaxError(sourceFile: ts.SourceFile): { line: number; message: string } | undefined {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: { start?: number; messageText: unknown }[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const line = first.start !== undefined ? lineAt(sourceFile, first.start) : 1;
  const message =
    typeof first.messageText === 'string'
      ? first.messageText
      : String((first.messageText as { messageText?: string }).messageText ?? 'syntax error');
  return { line, message };
}
