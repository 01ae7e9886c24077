import type { TypeDeclaration } from '../model/command-model.js';
import { foldType } from '../types/fold.js';
import type { TypeNode } from '../types/type-tree.js';

/**
 * A small, valid JSON value of a type: what placeholder bodies and test scaffolds use.
 * Returns undefined for imported types, whose shape the generator does not know.
 */
export function sampleValue(node: TypeNode, types: readonly TypeDeclaration[], seen: ReadonlySet<string> = new Set()): unknown {
  // Containers are sampled empty, so only a named leaf at the top is entered: the fold's children go unused.
  return foldType<(seen: ReadonlySet<string>) => unknown>(node, {
    primitive: (n) => () => (n.name === 'string' ? '' : n.name === 'boolean' ? false : 0),
    literals: (n) => () => n.values[0],
    array: () => () => [],
    record: () => () => ({}),
    nullable: () => () => null,
    unknown: () => () => null,
    named: (n) => (entered) => namedSampleValue(n.name, types, entered),
  })(seen);
}

/** An enum's first value, or an object of the required fields (undefined: an import, or a required self-reference). */
function namedSampleValue(name: string, types: readonly TypeDeclaration[], seen: ReadonlySet<string>): unknown {
  const declared = types.find((t) => t.name === name);
  if (!declared) return undefined;
  if (declared.kind === 'enum') return declared.values[0];
  // A required self-reference has no finite value.
  if (seen.has(declared.name)) return undefined;
  const inner = new Set(seen).add(declared.name);
  const out: Record<string, unknown> = {};
  for (const field of declared.fields) {
    if (field.optional) continue;
    const value = sampleValue(field.type, types, inner);
    if (value === undefined) return undefined;
    out[field.name] = value;
  }
  return out;
}
