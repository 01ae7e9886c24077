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
  /** Own members, plus those of local interfaces it also extends (listed first). */
  readonly members: readonly TypeElementTypes[];
  /** Bases other than the payload base and local interfaces: their fields cannot be read. */
  readonly foreignBases: readonly string[];
  readonly typeParameters: ReadonlyMap<string, TsTypeNode | undefined>;
}

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

/** Local names under which a host base type (CommandParams, CommandResult) is imported or declared. */
function localNamesOf(sourceFile: SourceFile, base: string): Set<string> {
  const names = new Set([base]);
  for (const declaration of sourceFile.getImportDeclarations()) {
    for (const named of declaration.getNamedImports()) {
      if (named.getName() === base) names.add(named.getAliasNode()?.getText() ?? base);
    }
  }
  return names;
}

function baseName(text: string): string {
  return text.replace(/<.*$/s, '').split('.').pop()!.trim();
}

/** Every interface extending `base` (CommandParams / CommandResult), and aliases `= base & { ... }`, in file order. */
export function payloadDeclarations(sourceFile: SourceFile, base: string): PayloadDeclaration[] {
  const baseNames = localNamesOf(sourceFile, base);
  const found: PayloadDeclaration[] = [];
  const typeParametersOf = (node: InterfaceDeclaration | TypeAliasDeclaration): Map<string, TsTypeNode | undefined> =>
    new Map(node.getTypeParameters().map((p) => [p.getName(), p.getDefault() ?? p.getConstraint()]));
  for (const declaration of sourceFile.getInterfaces()) {
    const bases = declaration.getExtends().map((e) => baseName(e.getExpression().getText()));
    if (!bases.some((b) => baseNames.has(b))) continue;
    const inherited: TypeElementTypes[] = [];
    const foreign: string[] = [];
    const visit = (names: readonly string[], seen: Set<string>): void => {
      for (const name of names) {
        if (baseNames.has(name) || seen.has(name)) continue;
        seen.add(name);
        const local = sourceFile.getInterface(name);
        if (!local) {
          foreign.push(name);
          continue;
        }
        visit(local.getExtends().map((e) => baseName(e.getExpression().getText())), seen);
        inherited.push(...local.getMembers());
      }
    };
    visit(bases, new Set());
    found.push({ name: declaration.getName(), line: declaration.getStartLineNumber(), node: declaration, members: [...inherited, ...declaration.getMembers()], foreignBases: foreign, typeParameters: typeParametersOf(declaration) });
  }
  for (const alias of sourceFile.getTypeAliases()) {
    const target = alias.getTypeNode();
    if (!target) continue;
    const parts = Node.isIntersectionTypeNode(target) ? target.getTypeNodes() : [target];
    const isBase = (part: TsTypeNode): boolean => Node.isTypeReference(part) && baseNames.has(baseName(part.getTypeName().getText()));
    if (!parts.some(isBase)) continue;
    const members: TypeElementTypes[] = [];
    const foreign: string[] = [];
    for (const part of parts) {
      if (isBase(part)) continue;
      if (Node.isTypeLiteral(part)) members.push(...part.getMembers());
      else foreign.push(part.getText());
    }
    found.push({ name: alias.getName(), line: alias.getStartLineNumber(), node: alias, members, foreignBases: foreign, typeParameters: typeParametersOf(alias) });
  }
  return found.sort((a, b) => a.node.getPos() - b.node.getPos());
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
  return candidates.find((c) => c.executeName !== undefined) ?? candidates[0];
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
    .filter((p) => !/command\s*-\s*(shared\s+)?types?$/i.test(p) && !/^(shared\s+)?types?\s+(for|of)\b/i.test(p) && !/^generated\b/i.test(p) && !p.startsWith('@'));
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
