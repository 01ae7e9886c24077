import { foldType } from '../../types/fold.js';
import type { PrimitiveName, TypeNode } from '../../types/type-tree.js';
import type { AdapterTypeMapping } from '../adapter.js';
import { UnmappableType } from './language-support.js';

/**
 * How a language spells a type tree, node by node (typeshare's `format_type`, in small). The
 * container forms come from the adapter's declared AdapterTypeMapping, so the table an adapter
 * shows in `continuum-gen adapters` is the table it renders with.
 */
export interface TypeSpelling {
  readonly primitive: Readonly<Record<PrimitiveName, string>>;
  /** Untyped JSON (spec `unknown`), when the language has a spelling for it. */
  readonly unknown?: string;
  array(inner: string, node: TypeNode): string;
  record(inner: string, node: TypeNode): string;
  nullable(inner: string, node: TypeNode): string;
  named(name: string): string;
}

/** Put the inner type into a mapping form: `[T]` + `Int` -> `[Int]`. */
export function fillTemplate(template: string, inner: string): string {
  return template.replace(/\bT\b/, inner);
}

/** A spelling whose primitives and container forms are the mapping's own entries. */
export function spellingFromMapping(mapping: AdapterTypeMapping, named: (name: string) => string): TypeSpelling {
  return {
    primitive: { string: mapping.string, number: mapping.number, integer: mapping.integer, boolean: mapping.boolean },
    unknown: mapping.unknown,
    array: (inner) => fillTemplate(mapping.array, inner),
    record: (inner) => fillTemplate(mapping.record, inner),
    nullable: (inner) => fillTemplate(mapping.nullable, inner),
    named,
  };
}

export function spellType(node: TypeNode, spelling: TypeSpelling): string {
  // Issue 13's `unknown` (any JSON value) gets its case here and a TypeSpelling entry: Python
  // `JsonValue` (from pydantic), Kotlin `JsonElement` (kotlinx.serialization.json), Swift a Codable
  // JSON enum the adapter writes, proto `google.protobuf.Value` (protoElement in the proto adapter).
  return foldType<string>(node, {
    primitive: (n) => spelling.primitive[n.name],
    named: (n) => spelling.named(n.name),
    unknown: () => {
      if (spelling.unknown === undefined)
        throw new UnmappableType('untyped JSON (unknown) has no spelling in this language', "a named type under the spec's types");
      return spelling.unknown;
    },
    array: (element, n) => spelling.array(element, n),
    record: (value, n) => spelling.record(value, n),
    nullable: (inner, n) => spelling.nullable(inner, n),
    literals: () => {
      // Resolution lifts every literal union into a named enum; a bare one means a model built by hand.
      throw new UnmappableType('an inline string union was not lifted into a named enum', 'a model from resolveCommandModel');
    },
  });
}
