import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { filesOf, generateLanguageCase, languageCases } from './language-cases.js';
import { mutate } from './round-trips.js';

/**
 * No Swift toolchain is packaged for this machine kind, so generated Swift is parsed with a real
 * Swift grammar: tree-sitter-swift 0.7 (alex-pinkus), built to WebAssembly by
 * @repomix/tree-sitter-wasms and run by web-tree-sitter. A syntax error (an ERROR node or a node
 * the parser had to insert, MISSING) fails the test with its line and column. This proves the
 * files parse, not that they type-check: the golden files and rules.test.ts cover the rest.
 */

const require = createRequire(import.meta.url);

let parser: Parser | undefined;

async function swiftParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const swift = await Language.load(require.resolve('@repomix/tree-sitter-wasms/out/tree-sitter-swift.wasm'));
  parser = new Parser();
  parser.setLanguage(swift);
  return parser;
}

/** Every ERROR and MISSING node, as line:column (1-based) and what is there. */
function syntaxErrors(tree: Tree): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.isError || node.isMissing) {
      const at = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      out.push(node.isMissing ? `${at}: missing ${node.type}` : `${at}: cannot parse ${JSON.stringify(node.text.slice(0, 60))}`);
      if (node.isError) return;
    }
    if (node.hasError) for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return out;
}

async function parseErrors(text: string): Promise<string[]> {
  const tree = (await swiftParser()).parse(text);
  assert.ok(tree, 'tree-sitter returned no tree');
  try {
    return syntaxErrors(tree);
  } finally {
    tree.delete();
  }
}

describe('Swift: every generated file parses with the tree-sitter Swift grammar (no Swift toolchain here)', () => {
  const files = languageCases().flatMap((c) =>
    filesOf(generateLanguageCase(c, ['swift']), 'swift').map((f) => ({ label: `${c.name}: ${f.path}`, content: f.content })),
  );

  it('covers every case: the command file and CommandTransport.swift of each', () => {
    assert.equal(files.length, languageCases().length * 2);
  });

  for (const file of files) {
    it(`${file.label} has no syntax error`, async () => {
      assert.deepEqual(await parseErrors(file.content), [], file.label);
    });
  }

  it('the parse is a real check: planted syntax errors are found, with their line', async () => {
    const source = files.find((f) => f.label.startsWith('vhsm-encrypt') && f.label.endsWith('/VhsmEncrypt.swift'))!.content;
    const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const planted: { what: string; text: string; line: number }[] = [];
    const addPlanted = (what: string, from: RegExp, to: string, marker: string): void => {
      const text = mutate(source, from, to, what);
      planted.push({ what, text, line: lineOf(text, marker) });
    };
    addPlanted(
      'a missing closing parenthesis',
      /usages: \[KeyHandleUsages\]\) \{/,
      'usages: [KeyHandleUsages] {',
      'usages: [KeyHandleUsages] {',
    );
    addPlanted('a missing colon in a property', /public var keyId: String\n/, 'public var keyId String\n', 'public var keyId String');
    addPlanted(
      'an unterminated string',
      /case aes256Gcm = "aes-256-gcm"/,
      'case aes256Gcm = "aes-256-gcm',
      'case aes256Gcm = "aes-256-gcm',
    );
    for (const p of planted) {
      const errors = await parseErrors(p.text);
      assert.ok(errors.length > 0, `${p.what} was not found`);
      assert.ok(
        errors.some((e) => Math.abs(Number(e.split(':')[0]) - p.line) <= 1),
        `${p.what} (line ${p.line}): ${errors.join('; ')}`,
      );
    }
  });
});
