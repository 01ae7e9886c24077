/**
 * TypeScript: how spec text is printed in each context of a generated .ts file, and the names
 * a generated file cannot give a type. Every TypeScript template and renderer takes spec text
 * through here, never as it is.
 */
import { INVISIBLE, hex4, oneLineText, textLines, visibleText } from '../spec-text.js';

/** Text for one line inside a block or JSDoc comment: no line break, no `*\/` that would end it. */
export function tsCommentText(text: string): string {
  return visibleText(oneLineText(text)).replace(/\*\//g, '*\\/');
}

/** A one-line JSDoc comment of a text (`/** text *\/`), or nothing. */
export function tsDocComment(text: string | undefined, indent = ''): string[] {
  if (text === undefined || text.trim() === '') return [];
  return [`${indent}/** ${tsCommentText(text)} */`];
}

/**
 * The ` * line` lines of a JSDoc block for a multi-line text, each line kept (ts-rs prints docs
 * this way): no `*\/`, no invisible characters, trailing spaces trimmed.
 */
export function tsDocBlockLines(text: string): string[] {
  return textLines(text).map((line) => visibleText(line.trimEnd()).replace(/\*\//g, '*\\/'));
}

/** Text after `// `: one line (TypeScript also ends a line comment at U+2028 and U+2029). */
export function tsLineCommentText(text: string): string {
  return visibleText(oneLineText(text));
}

/** Escapes every string-literal context shares: backslash, line breaks, invisible characters. */
function escapeCommon(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(INVISIBLE, (ch) => `\\u${hex4(ch)}`);
}

/** A single-quoted TypeScript string literal holding exactly `text`. */
export function tsString(text: string): string {
  return `'${escapeCommon(text).replace(/'/g, "\\'")}'`;
}

/** Text inside a template literal (between backticks): no backtick, no `${` that would run. */
export function tsTemplateText(text: string): string {
  return escapeCommon(text).replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** A module specifier a generated import may name: no quote, backslash, space or control character. */
export function tsModuleSpecifierProblem(from: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  return /^[^'"`\\\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/.test(from)
    ? undefined
    : 'a module specifier must not hold quotes, backslashes, spaces or control characters';
}

/** Property key of an object literal: the name when it is an identifier, else a string literal. */
export function tsPropertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

/** A TypeScript expression for a JSON value (defaults and example values), exact for every string. */
export function tsValue(value: unknown): string {
  if (typeof value === 'string') return tsString(value);
  if (Array.isArray(value)) return `[${value.map(tsValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${tsPropertyKey(k)}: ${tsValue(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** The host's names the generated TypeScript imports (host-conventions.md, host-real.md): no derived name may be one. */
export const TS_HOST_NAMES: readonly string[] = [
  'CommandParams',
  'CommandResult',
  'CommandInput',
  'JTAGContext',
  'JTAGError',
  'JTAGPayload',
  'UUID',
  'Commands',
  'CommandBase',
  'ICommandDaemon',
  'ValidationError',
  'RustBackedCommand',
  'RustCoreIPCClient',
  'RustCoreIPCClientBase',
  'SYSTEM_SCOPES',
  'createPayload',
  'transformPayload',
];

/**
 * Words TypeScript reserves: not usable as a parameter or variable name (strict mode, modules),
 * so a trait method's parameter named one is refused. Property names may be any of them.
 */
export const TYPESCRIPT_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'await',
  'arguments',
  'eval',
]);

/**
 * Type names a generated TypeScript file cannot declare (the adapters' reservedNames, checked for
 * spec types and the class name): TypeScript's globals and utility types, and the host's names
 * every Types file or command imports.
 */
export const TYPESCRIPT_RESERVED_TYPE_NAMES: ReadonlyMap<string, string> = new Map<string, string>([
  ...[
    'Array',
    'Record',
    'Promise',
    'Error',
    'Date',
    'Map',
    'Set',
    'Object',
    'String',
    'Number',
    'Boolean',
    'Symbol',
    'Function',
    'JSON',
    'Math',
    'RegExp',
    'BigInt',
  ].map((n): [string, string] => [n, 'is a TypeScript global and would shadow it']),
  ...[
    'Partial',
    'Required',
    'Readonly',
    'Pick',
    'Omit',
    'Exclude',
    'Extract',
    'NonNullable',
    'ReturnType',
    'Parameters',
    'Awaited',
    'Uppercase',
    'Lowercase',
  ].map((n): [string, string] => [n, 'is a TypeScript utility type and would shadow it']),
  ...TS_HOST_NAMES.map((n): [string, string] => [n, 'is a host type the generated files import']),
]);

/** A parameter name that compiles: a reserved word (`new`, `class`) takes a trailing underscore. */
export function tsParameterName(name: string): string {
  return TYPESCRIPT_RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/** A method name in an interface: `new` is quoted, for bare `new(...)` declares a construct signature. */
export function tsMethodName(name: string): string {
  return name === 'new' || name === 'constructor' ? tsString(name) : name;
}
