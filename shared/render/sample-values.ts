import type { TypeDeclaration } from '../model/command-model.js';
import type { TypeNode } from '../types/type-tree.js';

/**
 * A small, valid JSON value of a type: what placeholder bodies and test scaffolds use.
 * Returns undefined for imported types, whose shape the generator does not know.
 */
export function sampleValue(node: TypeNode, types: readonly TypeDeclaration[], seen: ReadonlySet<string> = new Set()): unknown {
  switch (node.kind) {
    case 'primitive':
      return node.name === 'string' ? '' : node.name === 'boolean' ? false : 0;
    case 'literals':
      return node.values[0];
    case 'array':
      return [];
    case 'record':
      return {};
    case 'nullable':
    case 'unknown':
      return null;
    case 'named': {
      const declared = types.find((t) => t.name === node.name);
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
  }
}
