/**
 * Kotlin: how spec text is printed in a generated .kt file (KDoc, string literals), and the
 * words and type names it cannot use as they are. The Kotlin adapter takes spec text through
 * here, never as it is.
 */
import { INVISIBLE, hex4, oneLineText, visibleText } from '../spec-text.js';

/**
 * Text inside a one-line KDoc: Kotlin's block comments nest, so an opening `/*` would swallow the
 * rest of the file as a comment, and a `*\/` would end the KDoc early: both are broken up.
 */
export function kotlinDocText(text: string): string {
  return visibleText(oneLineText(text)).replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*');
}

/** A one-line KDoc with its newline, or nothing. */
export function kotlinDoc(text: string | undefined, indent = ''): string {
  return text ? `${indent}/** ${kotlinDocText(text)} */\n` : '';
}

/** A Kotlin string literal holding exactly `text`: `$` is escaped, so no template runs. */
export function kotlinString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\$/g, '\\$')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u2028\u2029]/g, (ch) => `\\u${hex4(ch)}`)
    .replace(INVISIBLE, (ch) => `\\u${hex4(ch)}`);
  return `"${body}"`;
}

/** Kotlin's hard keywords: as identifiers they take backticks (type-mapping.md, pitfalls). */
export const KOTLIN_KEYWORDS: ReadonlySet<string> = new Set([
  'as',
  'break',
  'class',
  'continue',
  'do',
  'else',
  'false',
  'for',
  'fun',
  'if',
  'in',
  'interface',
  'is',
  'null',
  'object',
  'package',
  'return',
  'super',
  'this',
  'throw',
  'true',
  'try',
  'typealias',
  'typeof',
  'val',
  'var',
  'when',
  'while',
]);
