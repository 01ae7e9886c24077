import { strict as assert } from 'node:assert';
import { foldType, mapLeaves, throughContainers, type TypeFold } from '../../shared/types/fold.js';
import { parseTypeString } from '../../shared/types/type-grammar.js';
import { containsUnknown, namedReferences, typeLeaf, typeNodes, typeToSpecText, type TypeNode } from '../../shared/types/type-tree.js';

/** Each node's kind, the child folded first: `array(nullable(named))` for `(T | null)[]`. */
const shape: TypeFold<string> = {
  primitive: (n) => n.name,
  literals: (n) => `literals(${n.values.join(',')})`,
  named: (n) => `named(${n.name})`,
  unknown: () => 'unknown',
  array: (element) => `array(${element})`,
  record: (value) => `record(${value})`,
  nullable: (inner) => `nullable(${inner})`,
};

describe('the fold over the type tree', () => {
  it('visits every kind, containers after their child', () => {
    assert.equal(foldType(parseTypeString('Record<string, (Reading | null)[]>'), shape), 'record(array(nullable(named(Reading))))');
    assert.equal(foldType(parseTypeString("('a' | 'b')[]"), shape), 'array(literals(a,b))');
    assert.equal(foldType(parseTypeString('unknown | null'), shape), 'nullable(unknown)');
    assert.equal(foldType(parseTypeString('integer'), shape), 'integer');
  });

  it('hands containers their node, for answers that depend on the child kind', () => {
    const parenthesised = foldType(parseTypeString("('a' | 'b')[]"), {
      ...shape,
      array: (element, node) => (node.element.kind === 'literals' ? `(${element})[]` : `${element}[]`),
    });
    assert.equal(parenthesised, '(literals(a,b))[]');
  });

  it('throughContainers answers what the leaf answers', () => {
    const isNamed = foldType<boolean>(parseTypeString('Record<string, Reading[]>'), {
      primitive: () => false,
      literals: () => false,
      unknown: () => false,
      named: () => true,
      ...throughContainers(),
    });
    assert.equal(isNamed, true);
  });

  it('mapLeaves rebuilds the containers around the new leaf and leaves the input as it was', () => {
    const input = parseTypeString("Record<string, 'a' | 'b'> | null");
    const mapped = mapLeaves(input, (leaf) => (leaf.kind === 'literals' ? { kind: 'named', name: 'Lifted' } : leaf));
    assert.equal(typeToSpecText(mapped), 'Record<string, Lifted> | null');
    assert.equal(typeToSpecText(input), "Record<string, 'a' | 'b'> | null");
  });

  it('the walks of type-tree.ts are folds: references, unknown, nodes, leaf, spec text', () => {
    const tree: TypeNode = parseTypeString('Record<string, Reading[] | null>');
    assert.deepEqual(namedReferences(tree), ['Reading']);
    assert.deepEqual(namedReferences(parseTypeString('string[]')), []);
    assert.equal(containsUnknown(parseTypeString('Record<string, unknown[]>')), true);
    assert.equal(containsUnknown(tree), false);
    assert.deepEqual(
      typeNodes(tree).map((n) => n.kind),
      ['record', 'nullable', 'array', 'named'],
    );
    assert.deepEqual(typeLeaf(tree), { kind: 'named', name: 'Reading' });
    assert.equal(typeToSpecText(parseTypeString("('a' | 'b' | null)[]")), "('a' | 'b' | null)[]");
  });
});
