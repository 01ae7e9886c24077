/**
 * The Rust parser for syntax-aware edits of hand-written host code: tree-sitter's Rust grammar
 * (the WebAssembly build of @repomix/tree-sitter-wasms) run by web-tree-sitter. Loaded only when
 * such an edit is needed: a run that edits no hand-written Rust never imports it. Loading is
 * asynchronous (WebAssembly), parsing is not: the planner loads it (loadRustSyntax) when a plan
 * asks for it (RustSyntaxNotLoaded), then plans again.
 */
import { createRequire } from 'node:module';
import type { Node, Parser, Tree } from 'web-tree-sitter';

export type { Node as RustNode } from 'web-tree-sitter';

let parser: Parser | undefined;

/** Planning needs the Rust parser, which is not loaded yet: load it (loadRustSyntax) and plan again. */
export class RustSyntaxNotLoaded extends Error {
  constructor() {
    super('internal: the Rust parser is not loaded (await loadRustSyntax() first)');
    this.name = 'RustSyntaxNotLoaded';
  }
}

/** Load the parser once per process. */
export async function loadRustSyntax(): Promise<void> {
  if (parser) return;
  const require = createRequire(import.meta.url);
  // Its CommonJS build, by require: the bin's bundle must not hold it (code run from V8's code cache cannot import() on Node 20).
  const { Parser: TreeSitter, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
  await TreeSitter.init();
  const rust = await Language.load(require.resolve('@repomix/tree-sitter-wasms/out/tree-sitter-rust.wasm'));
  const created = new TreeSitter();
  created.setLanguage(rust);
  parser = created;
}

export function rustSyntaxLoaded(): boolean {
  return parser !== undefined;
}

/** Parse Rust source; throws RustSyntaxNotLoaded before loadRustSyntax. The caller deletes the tree. */
export function parseRust(text: string): Tree {
  if (!parser) throw new RustSyntaxNotLoaded();
  const tree = parser.parse(text);
  if (!tree) throw new Error('internal: tree-sitter returned no tree');
  return tree;
}

/** The first syntax error (an ERROR or MISSING node), as a node, or undefined. */
export function firstSyntaxError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const found = child ? firstSyntaxError(child) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** 1-based line and column of a node's start. */
export function positionOf(node: Node): { readonly line: number; readonly column: number } {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}
