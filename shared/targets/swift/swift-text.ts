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
