/**
 * What every target's escaping shares: how spec text is split into lines, and which characters
 * no generated comment may hold as they are. Each target's own module (shared/targets/<lang>/)
 * decides per context (comment, doc comment, string literal, identifier) what the rest becomes.
 */

/** Every line break a spec string may hold: CR LF, a bare CR, LF, NEL, and Unicode's line and paragraph separators. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** The lines of a text, whatever its line breaks. */
export function textLines(text: string): string[] {
  return text.split(LINE_BREAKS);
}

/** The text on one line: every line break, and the spaces around it, become one space. */
export function oneLineText(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|[\r\n\u0085\u2028\u2029])[ \t]*/g, ' ').trim();
}

/**
 * Characters shown as `\u{XXXX}` wherever spec text is printed as it is (comments, docs): control
 * characters other than tab (a NUL stops Python and protoc, gcc -Werror refuses it), and the
 * bidirectional controls that let a comment display as code (Trojan Source; rustc denies them in
 * comments and literals).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
export const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The code point of a one-unit character as upper-case hex, at least 4 digits. */
export const hex4 = (ch: string): string => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** Text with every INVISIBLE character written as `\u{XXXX}` (one line's worth: line breaks are the caller's). */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (ch) => `\\u{${hex4(ch)}}`);
}
