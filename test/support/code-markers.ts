import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import { Language, Parser, type Node } from 'web-tree-sitter';

/**
 * Is spec text still data in generated code? Hostile payloads carry markers (`zqx` + digits)
 * placed where they would become code if they escaped their comment or string (a declaration,
 * an interpolation, a call). A real grammar of each language (tree-sitter) parses the generated
 * file; a marker found as an identifier, outside every comment and string, escaped.
 */

export const MARKER = /^zqx\d+$/;

export type CodeLanguage = 'typescript' | 'rust' | 'swift' | 'kotlin' | 'python' | 'c';

const require = createRequire(import.meta.url);
const GRAMMARS: Readonly<Record<CodeLanguage, string>> = {
  typescript: '@repomix/tree-sitter-wasms/out/tree-sitter-typescript.wasm',
  rust: '@repomix/tree-sitter-wasms/out/tree-sitter-rust.wasm',
  swift: '@repomix/tree-sitter-wasms/out/tree-sitter-swift.wasm',
  python: '@repomix/tree-sitter-wasms/out/tree-sitter-python.wasm',
  c: '@repomix/tree-sitter-wasms/out/tree-sitter-c.wasm',
  kotlin: '@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm',
};

const parsers = new Map<CodeLanguage, Parser>();

/** Load every grammar once (call from a before hook: loading is asynchronous, checking is not). */
export async function loadGrammars(): Promise<void> {
  await Parser.init();
  for (const [language, grammar] of Object.entries(GRAMMARS) as [CodeLanguage, string][]) {
    if (parsers.has(language)) continue;
    const parser = new Parser();
    parser.setLanguage(await Language.load(require.resolve(grammar)));
    parsers.set(language, parser);
  }
}

export function languageOfPath(path: string): CodeLanguage | undefined {
  if (path.endsWith('.ts')) return 'typescript';
  if (path.endsWith('.rs')) return 'rust';
  if (path.endsWith('.swift')) return 'swift';
  if (path.endsWith('.kt')) return 'kotlin';
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('.h') || path.endsWith('.c')) return 'c';
  return undefined;
}

/** What is wrong in one file: markers that are code, and (for grammars without a compiler here) syntax errors. */
export interface CodeFindings {
  readonly escaped: string[];
  readonly syntaxErrors: string[];
}

/** Markers seen as identifiers (code) in a file, with line:column, and the file's syntax errors. */
export function codeFindings(language: CodeLanguage, text: string): CodeFindings {
  const parser = parsers.get(language);
  if (!parser) throw new Error('loadGrammars() first');
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${language}`);
  const escaped: string[] = [];
  const syntaxErrors: string[] = [];
  const at = (node: Node): string => `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
  const visit = (node: Node): void => {
    if (node.isError || node.isMissing)
      syntaxErrors.push(
        `${at(node)}: ${node.isMissing ? `missing ${node.type}` : `cannot parse ${JSON.stringify(node.text.slice(0, 60))}`}`,
      );
    if (node.childCount === 0 && /identifier/.test(node.type) && MARKER.test(node.text))
      escaped.push(`${at(node)}: ${node.text} is a ${node.type}`);
    // tree-sitter-kotlin reads a `$name` template as string content: look for one that no backslash escapes.
    if (language === 'kotlin' && node.type === 'string_literal' && /\$zqx\d/.test(node.text.replace(/\\./g, '')))
      escaped.push(`${at(node)}: a string template in ${JSON.stringify(node.text.slice(0, 60))}`);
    for (const child of node.children) if (child) visit(child);
  };
  try {
    visit(tree.rootNode);
  } finally {
    tree.delete();
  }
  return { escaped, syntaxErrors };
}

const markdown = new MarkdownIt();

/**
 * The block structure of a markdown document (each block token's type, tag and nesting, and any
 * inline HTML): spec text that stays text does not change it (inline emphasis or code may differ).
 */
export function markdownStructure(text: string): string[] {
  return markdown.parse(text, {}).map((token) => {
    const html = (token.children ?? []).filter((c) => c.type === 'html_inline').map((c) => c.content);
    return `${'  '.repeat(token.level)}${token.type}:${token.tag}${html.length > 0 ? ` html ${JSON.stringify(html)}` : ''}`;
  });
}
