import { foldType, throughContainers } from './fold.js';

/**
 * The type tree every language renders from. A spec's type string is parsed once into this
 * form; after resolution, inline literal unions have been lifted into named enum declarations,
 * so renderers only ever see primitives, named references, arrays, records and nullables.
 */
export type PrimitiveName = 'string' | 'number' | 'integer' | 'boolean';

export type TypeNode =
  | { readonly kind: 'primitive'; readonly name: PrimitiveName }
  | { readonly kind: 'literals'; readonly values: readonly string[] }
  | { readonly kind: 'array'; readonly element: TypeNode }
  | { readonly kind: 'record'; readonly value: TypeNode }
  | { readonly kind: 'nullable'; readonly inner: TypeNode }
  | { readonly kind: 'named'; readonly name: string }
  /** Untyped JSON (spec `unknown`, or its spelling `object`): the escape for data with no declared shape. */
  | { readonly kind: 'unknown' };

/** Every named reference in a tree (used by the registry and by import collection). */
export function namedReferences(node: TypeNode): string[] {
  return foldType<string[]>(node, {
    primitive: () => [],
    literals: () => [],
    unknown: () => [],
    named: (n) => [n.name],
    ...throughContainers(),
  });
}

/** Does the tree hold untyped JSON (`unknown`) anywhere? */
export function containsUnknown(node: TypeNode): boolean {
  return foldType<boolean>(node, {
    primitive: () => false,
    literals: () => false,
    named: () => false,
    unknown: () => true,
    ...throughContainers(),
  });
}

/** Canonical TypeScript-syntax text of a tree: the form specs are normalised to. */
export function typeToSpecText(node: TypeNode): string {
  return foldType<string>(node, {
    primitive: (n) => n.name,
    literals: (n) => n.values.map((v) => `'${v}'`).join(' | '),
    named: (n) => n.name,
    unknown: () => 'unknown',
    array: (inner, n) => (n.element.kind === 'literals' || n.element.kind === 'nullable' ? `(${inner})[]` : `${inner}[]`),
    record: (value) => `Record<string, ${value}>`,
    nullable: (inner) => `${inner} | null`,
  });
}

/** Every node of a tree, outermost first (`string[] | null`: the nullable, the array, the string). */
export function typeNodes(node: TypeNode): TypeNode[] {
  return foldType<TypeNode[]>(node, {
    primitive: (n) => [n],
    literals: (n) => [n],
    named: (n) => [n],
    unknown: (n) => [n],
    array: (inner, n) => [n, ...inner],
    record: (inner, n) => [n, ...inner],
    nullable: (inner, n) => [n, ...inner],
  });
}

/** The one leaf of a tree (a tree has one: every container holds one child). */
export function typeLeaf(node: TypeNode): TypeNode {
  return foldType<TypeNode>(node, { primitive: (n) => n, literals: (n) => n, named: (n) => n, unknown: (n) => n, ...throughContainers() });
}
