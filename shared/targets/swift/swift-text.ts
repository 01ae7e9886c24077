/**
 * Swift: how spec text is printed in a generated .swift file (doc comments, string literals),
 * and the words and type names it cannot use as they are. The Swift adapter takes spec text
 * through here, never as it is.
 */
import { INVISIBLE, hex4, oneLineText, visibleText } from '../spec-text.js';

/** Text after `/// `: one line (a line break would end the comment), no invisible characters. */
export function swiftDocText(text: string): string {
  return visibleText(oneLineText(text));
}

/** A `///` doc line with its newline, or nothing (templates print it with `<%- doc -%>`). */
export function swiftDoc(text: string | undefined, indent = ''): string {
  return text ? `${indent}/// ${swiftDocText(text)}\n` : '';
}

/** A Swift string literal holding exactly `text`: `\(` never interpolates, since every backslash is escaped. */
export function swiftString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u2028\u2029]/g, (ch) => `\\u{${hex4(ch)}}`)
    .replace(INVISIBLE, (ch) => `\\u{${hex4(ch)}}`);
  return `"${body}"`;
}

/** Words Swift reserves; as identifiers they take backticks (type-mapping.md, pitfalls). */
export const SWIFT_KEYWORDS: ReadonlySet<string> = new Set([
  'associatedtype',
  'class',
  'deinit',
  'enum',
  'extension',
  'fileprivate',
  'func',
  'import',
  'init',
  'inout',
  'internal',
  'let',
  'open',
  'operator',
  'private',
  'precedencegroup',
  'protocol',
  'public',
  'rethrows',
  'static',
  'struct',
  'subscript',
  'typealias',
  'var',
  'break',
  'case',
  'catch',
  'continue',
  'default',
  'defer',
  'do',
  'else',
  'fallthrough',
  'for',
  'guard',
  'if',
  'in',
  'repeat',
  'return',
  'throw',
  'switch',
  'where',
  'while',
  'Any',
  'as',
  'await',
  'false',
  'is',
  'nil',
  'super',
  'throws',
  'true',
  'try',
]);

/** Keywords that cannot be identifiers even in backticks: the property is renamed and keeps its key through CodingKeys. */
export const SWIFT_UNUSABLE: ReadonlySet<string> = new Set(['self', 'Self', '_']);
