/**
 * Rust: how spec text is printed in each context of a generated .rs file (doc comments, string
 * literals, raw strings), and the identifiers and type names a generated file cannot use. Every
 * Rust template and renderer takes spec text through here, never as it is.
 */
import { INVISIBLE, hex4, oneLineText, textLines, visibleText } from '../spec-text.js';

/** A Rust string literal (with quotes) holding exactly `text`. */
export function rustString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // rustc refuses a bare CR and denies bidirectional controls in literals; \u{..} says the same.
    .replace(INVISIBLE, (ch) => `\\u{${hex4(ch)}}`);
  return `"${body}"`;
}

/** A literal for `format!`: a rustString whose braces stay text (`{{`, `}}`), never an argument. */
export function rustFormatString(text: string): string {
  return rustString(text).replace(/\{/g, '{{').replace(/\}/g, '}}');
}

/**
 * A raw string literal (`r#"..."#`) of a JSON document: the document is written with every
 * non-ASCII character as a \u escape (the same JSON value), so no bare CR, bidirectional control
 * or line separator reaches the Rust source.
 */
export function rustJsonLiteral(json: string): string {
  const ascii = json.replace(/[^\x20-\x7e]/g, (ch) => `\\u${hex4(ch)}`);
  let hashes = '';
  while (ascii.includes(`"${hashes}`)) hashes += '#';
  return `r${hashes}"${ascii}"${hashes}`;
}

/**
 * Markdown that would start a block at the start of a doc line: a code fence or an indented code
 * block (rustdoc compiles and runs those as doctests), a list or quote (which may hold a fence),
 * a heading, an HTML block. Escaped with a backslash, the line is plain paragraph text.
 */
const BLOCK_START = /^(?:[`~]{3}|[-+*](?:\s|$)|[-*_=]{2,}|>|#{1,6}(?:\s|$)|<|\||\d{1,9}[.)](?:\s|$))/;

/**
 * The text of one doc line: no leading indentation (an indented code block), no block-starting
 * markdown, no `*\/` (ts-rs copies doc lines into a JSDoc block verbatim), no invisible characters.
 */
export function rustDocLineText(line: string): string {
  const text = visibleText(line.trim()).replace(/\*\//g, '*\\/');
  return BLOCK_START.test(text) ? `\\${text}` : text;
}

/**
 * `/// ` lines (or `//! ` with `marker`) of a doc text, one per line of the text, whatever its line
 * breaks: a line break can never end the comment, and no line is code rustdoc would run.
 */
export function rustDocLines(text: string | undefined, indent = '', marker: '///' | '//!' = '///'): string[] {
  if (text === undefined || text.trim() === '') return [];
  return textLines(text).map((line) => {
    const body = rustDocLineText(line);
    return body === '' ? `${indent}${marker}` : `${indent}${marker} ${body}`;
  });
}

/** Doc text in the middle of a doc line (after `//! ... module: `): one line, no `*\/`, no invisible characters. */
export function rustDocInlineText(text: string): string {
  return visibleText(oneLineText(text)).replace(/\*\//g, '*\\/');
}

/** Text after `// ` in a plain line comment: one line, no invisible characters. */
export function rustLineCommentText(text: string): string {
  return textLines(text)
    .map((l) => visibleText(l.trim()))
    .filter((l) => l !== '')
    .join(' ');
}

/** Strict, reserved and edition-2024 keywords: not usable as plain identifiers. */
export const RUST_KEYWORDS: ReadonlySet<string> = new Set([
  'as',
  'async',
  'await',
  'break',
  'const',
  'continue',
  'crate',
  'dyn',
  'else',
  'enum',
  'extern',
  'false',
  'fn',
  'for',
  'if',
  'impl',
  'in',
  'let',
  'loop',
  'match',
  'mod',
  'move',
  'mut',
  'pub',
  'ref',
  'return',
  'self',
  'Self',
  'static',
  'struct',
  'super',
  'trait',
  'true',
  'type',
  'unsafe',
  'use',
  'where',
  'while',
  'abstract',
  'become',
  'box',
  'do',
  'final',
  'gen',
  'macro',
  'override',
  'priv',
  'try',
  'typeof',
  'unsized',
  'virtual',
  'yield',
]);

/** Keywords that cannot be raw identifiers (`r#self` is an error): they take a trailing underscore. */
const NOT_RAW = new Set(['self', 'Self', 'super', 'crate']);

/** A snake_case identifier that compiles: keywords become `r#type`, or `self_` where raw identifiers are refused. */
export function rustIdent(snake: string): string {
  if (NOT_RAW.has(snake)) return `${snake}_`;
  return RUST_KEYWORDS.has(snake) ? `r#${snake}` : snake;
}

/** Type names a generated Rust file cannot declare, with the reason (the adapters' reservedNames). */
export const RUST_RESERVED_TYPE_NAMES: ReadonlyMap<string, string> = new Map<string, string>([
  ['Self', 'is a Rust keyword'],
  ...[
    'String',
    'Vec',
    'Option',
    'Result',
    'Box',
    'Some',
    'None',
    'Ok',
    'Err',
    'Copy',
    'Clone',
    'Send',
    'Sync',
    'Sized',
    'Drop',
    'Fn',
    'FnMut',
    'FnOnce',
    'Default',
    'Eq',
    'PartialEq',
    'Ord',
    'PartialOrd',
    'Iterator',
    'IntoIterator',
    'Extend',
    'ToString',
    'ToOwned',
    'Into',
    'From',
    'AsRef',
    'AsMut',
  ].map((n): [string, string] => [n, 'is in the Rust prelude and would shadow it']),
  ...[
    'Serialize',
    'Deserialize',
    'TS',
    'Value',
    'BTreeMap',
    'Any',
    'Debug',
    'CommandResult',
    'CommandSchema',
    'ParamSchema',
    'ModuleConfig',
    'ModuleContext',
    'ModulePriority',
    'ServiceModule',
    'ModuleRegistry',
    'Arc',
  ].map((n): [string, string] => [n, 'is a name the generated Rust module imports']),
]);

/**
 * Why ts-rs cannot print an enum value, or undefined: it writes each value between double quotes
 * as it is (ts-rs 12, `format!("\"{}\"", name)`), so a quote, a backslash or a line break would
 * make the TypeScript that `cargo test` exports differ from the generated one, or not parse.
 */
export function tsRsValueProblem(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  return /["\\\u0000-\u001f\u007f\u2028\u2029]/.test(value)
    ? 'ts-rs prints enum values between double quotes without escaping, so a value cannot hold a double quote, a backslash, a line break or a control character'
    : undefined;
}
