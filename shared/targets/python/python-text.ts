/**
 * Python: how spec text is printed in a generated .py file (comments, docstrings, string
 * literals), and the words and names it cannot use as they are. The Python adapter takes spec
 * text through here, never as it is.
 */
import { INVISIBLE, hex4, oneLineText, visibleText } from '../spec-text.js';

/** Escapes for a non-raw Python literal: backslash first, then line breaks and every invisible character. */
function escapeBody(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u0085\u2028\u2029]/g, (ch) => `\\u${hex4(ch)}`)
    .replace(INVISIBLE, (ch) => (ch.charCodeAt(0) < 0x100 ? `\\x${hex4(ch).slice(2).toLowerCase()}` : `\\u${hex4(ch).toLowerCase()}`));
}

/** A Python string literal the way repr() quotes it: single quotes unless the text holds one and no double quote. */
export function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return `${quote}${escapeBody(text).replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}

/** A one-line docstring (`"""text"""`) with its newline: no `"""` can end it early, no NUL reaches the source. */
export function pythonDocstring(text: string, indent: string): string {
  return `${indent}"""${escapeBody(oneLineText(text)).replace(/"/g, '\\"')}"""\n`;
}

/** Text after `# `: one line, no invisible characters (Python refuses a NUL anywhere in a source file). */
export function pythonCommentText(text: string): string {
  return visibleText(oneLineText(text));
}
