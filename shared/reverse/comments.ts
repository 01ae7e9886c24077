import { leadingComments, lineAt, trailingComments, type ts } from './syntax.js';

/** Comments that are tooling or layout, never a description. */
function isNoise(text: string): boolean {
  return /^\s*(eslint-|@ts-|prettier-|istanbul |c8 |TODO\b|FIXME\b)/.test(text) || /──|^[\s=\-#*_~]+$/.test(text) || text.trim() === '';
}

/** The prose of one comment: JSDoc stars, tags and comment markers removed; `*\/` (escaped by the generator) restored. */
export function commentText(raw: string): string {
  let body: string;
  if (raw.startsWith('/*')) {
    const lines = raw
      .replace(/^\/\*+/, '')
      .replace(/\*+\/$/, '')
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*\*(?!\\\/)\s?/, '').trim());
    const untilTags = lines.findIndex((line) => line.startsWith('@'));
    body = (untilTags >= 0 ? lines.slice(0, untilTags) : lines).join('\n');
  } else {
    body = raw.replace(/^\/\/+\s?/, '');
  }
  return body
    .replace(/\*\\\//g, '*/')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/**
 * The description written directly above a declaration or field: the JSDoc or the run of line
 * comments that ends on the line just before it (a blank line in between means the comment
 * belongs to something else, such as a file header or a section divider); else a comment
 * trailing it on the same line.
 */
export function descriptionOf(node: ts.Node): string | undefined {
  const sourceFile = node.getSourceFile();
  const lineOf = (pos: number): number => lineAt(sourceFile, pos);
  const ranges = leadingComments(node, sourceFile);
  let expectedEndLine = lineOf(node.getStart(sourceFile)) - 1;
  const picked: string[] = [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i];
    const endLine = lineOf(range.end);
    if (endLine !== expectedEndLine && !(picked.length === 0 && endLine === expectedEndLine + 1)) break;
    const raw = range.text;
    const text = commentText(raw);
    if (isNoise(text)) break;
    picked.unshift(text);
    // A JSDoc or block comment is a whole description; line comments may continue upwards.
    if (raw.startsWith('/*')) break;
    expectedEndLine = lineOf(range.pos) - 1;
  }
  if (picked.length > 0) return picked.join(' ');
  const trailing = trailingComments(node, sourceFile)[0];
  if (trailing && lineOf(trailing.pos) === lineOf(node.end)) {
    const text = commentText(trailing.text);
    if (!isNoise(text)) return text;
  }
  return undefined;
}
