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

/** Visit every named reference in a tree (used by the registry and by import collection). */
export function namedReferences(node: TypeNode): string[] {
  switch (node.kind) {
    case 'named':
      return [node.name];
    case 'array':
      return namedReferences(node.element);
    case 'record':
      return namedReferences(node.value);
    case 'nullable':
      return namedReferences(node.inner);
    default:
      return [];
  }
}

/** Does the tree hold untyped JSON (`unknown`) anywhere? */
export function containsUnknown(node: TypeNode): boolean {
  switch (node.kind) {
    case 'unknown':
      return true;
    case 'array':
      return containsUnknown(node.element);
    case 'record':
      return containsUnknown(node.value);
    case 'nullable':
      return containsUnknown(node.inner);
    default:
      return false;
  }
}

/** Canonical TypeScript-syntax text of a tree: the form specs are normalised to. */
export function typeToSpecText(node: TypeNode): string {
  switch (node.kind) {
    case 'primitive':
      return node.name;
    case 'literals':
      return node.values.map((v) => `'${v}'`).join(' | ');
    case 'named':
      return node.name;
    case 'unknown':
      return 'unknown';
    case 'array': {
      const inner = typeToSpecText(node.element);
      return node.element.kind === 'literals' || node.element.kind === 'nullable' ? `(${inner})[]` : `${inner}[]`;
    }
    case 'record':
      return `Record<string, ${typeToSpecText(node.value)}>`;
    case 'nullable':
      return `${typeToSpecText(node.inner)} | null`;
  }
}
