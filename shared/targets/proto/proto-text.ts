/**
 * Protocol Buffers: how spec text is printed in a generated .proto file (comments, string
 * literals), and the names it cannot use. The proto adapter takes spec text through here.
 */
import { INVISIBLE, hex4, oneLineText, visibleText } from '../spec-text.js';

/** Text after `// `: one line, no NUL or other invisible character (protoc refuses them). */
export function protoCommentText(text: string): string {
  return visibleText(oneLineText(text));
}

/** A `// ` comment line with its newline, or nothing. */
export function protoComment(text: string | undefined, indent = ''): string {
  return text ? `${indent}// ${protoCommentText(text)}\n` : '';
}

/** A proto string literal (options, trailing notes) holding exactly `text`, as octal escapes where needed. */
export function protoString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(INVISIBLE, (ch) => `\\u${hex4(ch)}`);
  return `"${body}"`;
}
