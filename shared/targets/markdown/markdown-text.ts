/**
 * Markdown (the generated READMEs): how spec text is printed as a paragraph, a table cell or
 * inline code, so that it stays text: no heading, list, quote, code block, HTML or table row of its own.
 */
import { oneLineText, visibleText } from '../spec-text.js';

/** What would start a block at the start of a paragraph (the same rule as rustdoc's, which is markdown too). */
const BLOCK_START = /^(?:[`~]{3}|[-+*](?:\s|$)|[-*_=]{2,}|>|#{1,6}(?:\s|$)|\||\d{1,9}[.)](?:\s|$))/;

/** Inline text: one line, no HTML tag or entity (`<` and `&` written as entities where they would start one), invisible characters written out. */
function inline(text: string): string {
  return visibleText(oneLineText(text))
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

/** A paragraph of its own (a description): one line, nothing that starts a block. */
export function markdownParagraph(text: string): string {
  const line = inline(text);
  return BLOCK_START.test(line) ? `\\${line}` : line;
}

/** A table cell: one line, `|` escaped (it would end the cell). */
export function markdownCell(text: string | undefined): string {
  return inline(text ?? '').replace(/\|/g, '\\|');
}

/**
 * Text inside an inline code span in a table cell: a span fence longer than any run of backticks in
 * the text, `|` escaped (GFM splits cells before it reads code spans).
 */
export function markdownCode(text: string): string {
  const line = visibleText(oneLineText(text)).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A line inside a fenced code block: one line; a fence of its own would close the block, so none starts one. */
export function markdownFencedLine(text: string): string {
  const line = visibleText(oneLineText(text));
  // Indented four spaces, a line is never a closing fence (and backslashes mean nothing in a code block).
  return /^\s*[`~]{3}/.test(line) ? `    ${line}` : line;
}
