/**
 * C: how spec text is printed in a generated header (comments, string literals), and the
 * names it cannot use. The C adapter takes spec text through here, never as it is.
 */
import { INVISIBLE, hex4, oneLineText } from '../spec-text.js';

/**
 * Text inside a one-line block comment, as gcc -Wall -Werror takes it: no `*\/` (the end), no `/*`
 * (-Wcomment), no `??` (a trigraph under -std=c11: `??/` is a backslash), no backslash at the end
 * (a line splice), and invisible characters written as `\u{XXXX}`.
 */
export function cCommentText(text: string): string {
  return oneLineText(text)
    .replace(INVISIBLE, (ch) => `\\u{${hex4(ch)}}`)
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/\?\?/g, '?\\?')
    .replace(/\\$/, '\\ ');
}

/** A one-line `/** ... *\/` comment with its newline, or nothing. */
export function cComment(text: string | undefined, indent = ''): string {
  return text ? `${indent}/** ${cCommentText(text)} */\n` : '';
}

/** A C string literal holding exactly the UTF-8 of `text`: octal escapes for controls, `?\?` against trigraphs. */
export function cString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\?/g, '\\?')
    .replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`)
    .replace(/[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/g, (ch) => `\\u${hex4(ch)}`);
  return `"${body}"`;
}
