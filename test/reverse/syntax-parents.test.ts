/**
 * parseSource sets each node's parent with a walk of its own (the compiler's setParentNodes
 * allocates a queue per node): the parents must be the ones the compiler would set, on every
 * TypeScript file of the fixtures (the host's stand-in, the reverse trees, the goldens' inputs).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARSE_OPTIONS, parseSource, ts } from '../../shared/reverse/syntax.js';
import { fixturesDir } from '../support/paths.js';

const fixtureSources = readdirSync(fixturesDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

/** Every node in walk order, with where it is and where its parent is. */
function parentsOf(file: ts.SourceFile): string[] {
  const out: string[] = [];
  const walk = (node: ts.Node): void => {
    const parent = node.parent as ts.Node | undefined;
    out.push(
      `${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end} in ${parent ? `${ts.SyntaxKind[parent.kind]} ${parent.pos}-${parent.end}` : 'none'}`,
    );
    ts.forEachChild(node, walk);
  };
  walk(file);
  return out;
}

const compilerParse = (path: string, text: string, setParentNodes: boolean): ts.SourceFile =>
  ts.createSourceFile(path, text, PARSE_OPTIONS, setParentNodes);

describe('parseSource sets the parents the compiler would', function () {
  it(`on each of the fixtures' TypeScript files, every node has the parent the compiler's setParentNodes gives it`, () => {
    assert.ok(fixtureSources.length > 100, `found ${fixtureSources.length} fixture sources`);
    let nodes = 0;
    for (const path of fixtureSources) {
      const text = readFileSync(path, 'utf8');
      const ours = parentsOf(parseSource(path, text));
      assert.deepEqual(ours, parentsOf(compilerParse(path, text, true)), path);
      nodes += ours.length;
    }
    assert.ok(nodes > 10_000, `compared ${nodes} nodes`);
  });

  it('the comparison tells a tree without parents apart (the check can fail)', () => {
    const path = fixtureSources.find((p) => p.endsWith('Types.ts'))!;
    const text = readFileSync(path, 'utf8');
    const without = parentsOf(compilerParse(path, text, false));
    assert.notDeepEqual(without, parentsOf(parseSource(path, text)));
    assert.ok(
      without.slice(1).some((line) => line.endsWith(' in none')),
      'a node without its parent shows as such',
    );
  });
});
