import {
  Node,
  SyntaxKind,
  ts,
  type CallExpression,
  type ClassDeclaration,
  type Expression,
  type InterfaceDeclaration,
  type ObjectLiteralExpression,
  type SourceFile,
  type TypeAliasDeclaration,
  type TypeElementTypes,
  type TypeNode as TsTypeNode,
} from 'ts-morph';
import { commentText } from './comments.js';

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

/** A params or result declaration: an interface extending the base, or an alias `= Base & { ... }`. */
export interface PayloadDeclaration {
  readonly name: string;
  readonly line: number;
  readonly node: InterfaceDeclaration | TypeAliasDeclaration;
  /**
   * Own members, plus those of every interface it extends on the way to the host base, in this
   * file or imported from another (inherited first; a member redeclared lower down wins).
   */
  readonly members: readonly TypeElementTypes[];
  /** Bases whose fields could not be read (not found, or a shape other than an interface). */
  readonly foreignBases: readonly string[];
  /** Interfaces in other files whose fields were flattened in, as `Name (file)`. */
  readonly inheritedFrom: readonly { readonly name: string; readonly file: string }[];
  readonly typeParameters: ReadonlyMap<string, TsTypeNode | undefined>;
}

/** The host's payload base names (config payload): params, result, and the base of both. */
export interface PayloadBases {
  readonly params: string;
  readonly result: string;
  readonly payload: string;
}

const DEFAULT_BASES: PayloadBases = { params: 'CommandParams', result: 'CommandResult', payload: 'JTAGPayload' };

/** Finds the declaration a name refers to from a file: a local interface or alias, or one imported from a module of the project. */
export type DeclarationResolver = (name: string, from: SourceFile) => InterfaceDeclaration | TypeAliasDeclaration | undefined;

/** The declaration a name has in its own file (no imports followed). */
export const localDeclaration: DeclarationResolver = (name, from) => from.getInterface(name) ?? from.getTypeAlias(name);

const unwrap = (expression: Expression): Expression => {
  let current: Expression = expression;
  while (Node.isAsExpression(current) || Node.isSatisfiesExpression(current) || Node.isParenthesizedExpression(current) || Node.isTypeAssertion(current)) current = current.getExpression();
  return current;
};

/** The string a string-literal expression (possibly `'x' as const`) holds. */
export function stringValue(expression: Expression | undefined): string | undefined {
  if (!expression) return undefined;
  const inner = unwrap(expression);
  return Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner) ? inner.getLiteralValue() : undefined;
}

/** The name a file's local name stands for: an import's original name, else itself. */
function originalName(name: string, file: SourceFile): string {
  for (const declaration of file.getImportDeclarations()) {
    for (const named of declaration.getNamedImports()) {
      if ((named.getAliasNode()?.getText() ?? named.getName()) === name) return named.getName();
    }
  }
  return name;
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

function heritageOf(text: string, typeArgs: readonly TsTypeNode[]): Heritage {
  const name = baseName(text);
  if ((name === 'Omit' || name === 'Pick') && typeArgs.length === 2 && Node.isTypeReference(typeArgs[0])) {
    const keys = new Set(unionLiterals(typeArgs[1]));
    return { name: baseName(typeArgs[0].getTypeName().getText()), text, filter: { mode: name === 'Omit' ? 'omit' : 'pick', keys } };
  }
  return { name, text };
}

function unionLiterals(node: TsTypeNode): string[] {
  if (Node.isUnionTypeNode(node)) return node.getTypeNodes().flatMap(unionLiterals);
  if (Node.isLiteralTypeNode(node)) {
    const literal = node.getLiteral();
    if (Node.isStringLiteral(literal) || Node.isNoSubstitutionTemplateLiteral(literal)) return [literal.getLiteralValue()];
  }
  return [];
}

function heritagesOf(node: InterfaceDeclaration | TypeAliasDeclaration): { heritages: Heritage[]; literals: TypeElementTypes[]; others: string[] } {
  if (Node.isInterfaceDeclaration(node)) {
    return { heritages: node.getExtends().map((e) => heritageOf(e.getExpression().getText(), e.getTypeArguments())), literals: [...node.getMembers()], others: [] };
  }
  const target = node.getTypeNode();
  const parts = target ? (Node.isIntersectionTypeNode(target) ? target.getTypeNodes() : [target]) : [];
  const heritages: Heritage[] = [];
  const literals: TypeElementTypes[] = [];
  const others: string[] = [];
  for (const part of parts) {
    if (Node.isTypeReference(part)) heritages.push(heritageOf(part.getTypeName().getText(), part.getTypeArguments()));
    else if (Node.isTypeLiteral(part)) literals.push(...part.getMembers());
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
export function payloadDeclarations(sourceFile: SourceFile, kind: 'params' | 'result', options: { readonly bases?: PayloadBases; readonly resolve?: DeclarationResolver } = {}): PayloadDeclaration[] {
  const bases = options.bases ?? DEFAULT_BASES;
  const resolve = options.resolve ?? localDeclaration;
  const hostKind = (name: string, file: SourceFile): PayloadKind | undefined => {
    const original = originalName(name, file);
    return original === bases.params ? 'params' : original === bases.result ? 'result' : original === bases.payload ? 'payload' : undefined;
  };
  const kinds = new Map<Node, PayloadKind | null>();
  const classify = (node: InterfaceDeclaration | TypeAliasDeclaration): PayloadKind | undefined => {
    if (kinds.has(node)) return kinds.get(node) ?? undefined;
    kinds.set(node, null);
    let found: PayloadKind | undefined;
    for (const heritage of heritagesOf(node).heritages) {
      const direct = hostKind(heritage.name, node.getSourceFile());
      const reached = direct ?? (() => {
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
  for (const declaration of [...sourceFile.getInterfaces(), ...sourceFile.getTypeAliases()]) {
    const reached = classify(declaration);
    if (reached !== kind && !(reached === 'payload' && declaration.getName().endsWith(suffix))) continue;
    const { members, foreignBases, inheritedFrom } = flattenedMembers(declaration, resolve, (name, file) => hostKind(name, file) !== undefined);
    const typeParameters = new Map(declaration.getTypeParameters().map((p) => [p.getName(), p.getDefault() ?? p.getConstraint()]));
    found.push({ name: declaration.getName(), line: declaration.getStartLineNumber(), node: declaration, members, foreignBases, inheritedFrom, typeParameters });
  }
  return found.sort((a, b) => a.node.getPos() - b.node.getPos());
}

/**
 * The members of an interface (or intersection alias) with everything it inherits, bases first,
 * followed into other files by `resolve`; a name declared again lower down wins. `skip` names
 * bases not to read (the host's payload bases). `Omit<B, 'k'>` and `Pick<B, 'k'>` filter B.
 */
export function flattenedMembers(
  declaration: InterfaceDeclaration | TypeAliasDeclaration,
  resolve: DeclarationResolver,
  skip: (name: string, file: SourceFile) => boolean = () => false,
): { members: TypeElementTypes[]; foreignBases: string[]; inheritedFrom: { name: string; file: string }[] } {
  const inheritedFrom: { name: string; file: string }[] = [];
  const foreignBases: string[] = [];
  const seen = new Set<Node>();
  const collect = (node: InterfaceDeclaration | TypeAliasDeclaration, filter?: Heritage['filter']): TypeElementTypes[] => {
    if (seen.has(node)) return [];
    seen.add(node);
    const { heritages, literals, others } = heritagesOf(node);
    const out: TypeElementTypes[] = [];
    for (const heritage of heritages) {
      if (skip(heritage.name, node.getSourceFile())) continue;
      const next = resolve(heritage.name, node.getSourceFile());
      if (!next) {
        foreignBases.push(heritage.text);
        continue;
      }
      if (next.getSourceFile() !== declaration.getSourceFile()) inheritedFrom.push({ name: next.getName(), file: next.getSourceFile().getFilePath() });
      out.push(...collect(next, heritage.filter));
    }
    foreignBases.push(...others);
    out.push(...literals);
    return filter ? out.filter((m) => !Node.isPropertySignature(m) || filter.keys.has(memberName(m)) === (filter.mode === 'pick')) : out;
  };
  const all = collect(declaration);
  const last = new Map<string, TypeElementTypes>();
  for (const member of all) if (Node.isPropertySignature(member)) last.set(memberName(member), member);
  return { members: all.filter((m) => !Node.isPropertySignature(m) || last.get(memberName(m)) === m), foreignBases, inheritedFrom };
}

/** A property's wire name (quotes dropped). */
export function memberName(member: TypeElementTypes): string {
  return Node.isPropertySignature(member) ? member.getName().replace(/^['"]|['"]$/g, '') : member.getText();
}

/** Is this call `Commands.execute(...)` (or `x.Commands.execute(...)`)? Decided on the syntax tree, not the text. */
export function isCommandsExecuteCall(call: CallExpression): boolean {
  return isCommandsExecuteNode(call.compilerNode, call.getSourceFile().compilerNode);
}

/** The same question on the compiler's own node (for scans that walk the raw tree without wrapping every node). */
export function isCommandsExecuteNode(call: ts.CallExpression, sourceFile: ts.SourceFile): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'execute' && /(^|\.)Commands$/.test(callee.expression.getText(sourceFile));
}

/** Find `Commands.execute<P, R>('<name>', ...)` calls under a node. */
function executeCalls(node: Node): { name?: string; paramsType?: string; resultType?: string }[] {
  return node
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter(isCommandsExecuteCall)
    .map((call) => {
      const typeArgs = call.getTypeArguments().map((t) => t.getText());
      return { name: stringValue(call.getArguments()[0] as Expression | undefined), paramsType: typeArgs[0], resultType: typeArgs[1] };
    });
}

/**
 * The static accessor: an exported const holding an object literal (or a class with statics)
 * whose `execute` calls Commands.execute, or that carries a `commandName` string.
 */
export function findAccessor(sourceFile: SourceFile): AccessorFacts | undefined {
  const candidates = findAccessors(sourceFile);
  return candidates.find((c) => c.executeName !== undefined) ?? candidates[0];
}

/** Every static accessor of a file, in file order (a shared Types file holds one per command). */
export function findAccessors(sourceFile: SourceFile): AccessorFacts[] {
  const candidates: AccessorFacts[] = [];
  for (const statement of sourceFile.getVariableStatements()) {
    for (const declaration of statement.getDeclarations()) {
      const initializer = declaration.getInitializer();
      if (!initializer) continue;
      const value = unwrap(initializer);
      if (!Node.isObjectLiteralExpression(value)) continue;
      const facts = accessorOfObject(declaration.getName(), value, declaration.getStartLineNumber());
      if (facts) candidates.push(facts);
    }
  }
  for (const declaration of sourceFile.getClasses()) {
    const facts = accessorOfClass(declaration);
    if (facts) candidates.push(facts);
  }
  return candidates.sort((a, b) => a.line - b.line);
}

function accessorOfObject(name: string, object: ObjectLiteralExpression, line: number): AccessorFacts | undefined {
  const execute = object.getProperty('execute');
  const call = execute ? executeCalls(execute)[0] : undefined;
  const commandNameProperty = object.getProperty('commandName');
  const commandName = commandNameProperty && Node.isPropertyAssignment(commandNameProperty) ? stringValue(commandNameProperty.getInitializer()) : undefined;
  if (!call && commandName === undefined) return undefined;
  return { className: name, line, executeName: call?.name, commandName, paramsType: call?.paramsType, resultType: call?.resultType };
}

function accessorOfClass(declaration: ClassDeclaration): AccessorFacts | undefined {
  const name = declaration.getName();
  if (!name) return undefined;
  const execute = declaration.getStaticMethod('execute');
  const call = execute ? executeCalls(execute)[0] : undefined;
  const property = declaration.getStaticProperty('commandName');
  const commandName = property && Node.isPropertyDeclaration(property) ? stringValue(property.getInitializer()) : undefined;
  if (!call && commandName === undefined) return undefined;
  return { className: name, line: declaration.getStartLineNumber(), executeName: call?.name, commandName, paramsType: call?.paramsType, resultType: call?.resultType };
}

/** The command name a command class passes to its base: `super('<name>', context, ...)`. */
export function superCommandName(sourceFile: SourceFile): string | undefined {
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getExpression().getKind() !== SyntaxKind.SuperKeyword) continue;
    const name = stringValue(call.getArguments()[0] as Expression | undefined);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** The class names a file declares with a given suffix (GpuStatsServerCommand -> GpuStats). */
export function classStems(sourceFile: SourceFile, suffix: string): string[] {
  return sourceFile
    .getClasses()
    .map((c) => c.getName() ?? '')
    .filter((n) => n.endsWith(suffix) && n.length > suffix.length)
    .map((n) => n.slice(0, -suffix.length));
}

/** The description in the file's header comment: its prose minus the title line and the generator's note. */
export function headerDescription(sourceFile: SourceFile): string | undefined {
  const first = sourceFile.getStatements()[0];
  const ranges = first ? first.getLeadingCommentRanges() : sourceFile.getLeadingCommentRanges();
  const header = ranges.find((r) => r.getText().startsWith('/*'));
  if (!header) return undefined;
  const lines = header
    .getText()
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
    .filter((p) => !/commands?\s*-\s*(shared\s+)?types?$/i.test(p) && !/^(shared\s+)?types?\s+(for|of)\b/i.test(p) && !/^generated\b/i.test(p) && !p.startsWith('@'));
  return prose.length > 0 ? commentText(`// ${prose[0]}`) : undefined;
}

/** Syntax errors of a file: the first one's line and message, or undefined when it parses. */
export function syntaxError(sourceFile: SourceFile): { line: number; message: string } | undefined {
  const diagnostics = (sourceFile.compilerNode as unknown as { parseDiagnostics?: { start?: number; messageText: unknown }[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const line = first.start !== undefined ? sourceFile.getLineAndColumnAtPos(first.start).line : 1;
  const message = typeof first.messageText === 'string' ? first.messageText : String((first.messageText as { messageText?: string }).messageText ?? 'syntax error');
  return { line, message };
}
