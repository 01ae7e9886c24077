import type { TypeNode } from './type-tree.js';

type NodeOf<K extends TypeNode['kind']> = Extract<TypeNode, { readonly kind: K }>;

/**
 * What to make of each kind of type node. Leaves get the node; containers get the folded result
 * of their one child first (bottom-up), and the node itself when the child's kind matters.
 */
export interface TypeFold<R> {
  primitive(node: NodeOf<'primitive'>): R;
  literals(node: NodeOf<'literals'>): R;
  named(node: NodeOf<'named'>): R;
  unknown(node: NodeOf<'unknown'>): R;
  array(element: R, node: NodeOf<'array'>): R;
  record(value: R, node: NodeOf<'record'>): R;
  nullable(inner: R, node: NodeOf<'nullable'>): R;
}

/** The one walk over a type tree: every recursive question about a type is a fold. */
export function foldType<R>(node: TypeNode, fold: TypeFold<R>): R {
  switch (node.kind) {
    case 'primitive':
      return fold.primitive(node);
    case 'literals':
      return fold.literals(node);
    case 'named':
      return fold.named(node);
    case 'unknown':
      return fold.unknown(node);
    case 'array':
      return fold.array(foldType(node.element, fold), node);
    case 'record':
      return fold.record(foldType(node.value, fold), node);
    case 'nullable':
      return fold.nullable(foldType(node.inner, fold), node);
  }
}

/** Containers that answer what their child answers (array, record, nullable): for questions about leaves. */
export function throughContainers<R>(): Pick<TypeFold<R>, 'array' | 'record' | 'nullable'> {
  return { array: (element) => element, record: (value) => value, nullable: (inner) => inner };
}

/** The same tree with each leaf replaced as `leaf` says (containers rebuilt around the new leaves). */
export function mapLeaves(node: TypeNode, leaf: (node: NodeOf<'primitive' | 'literals' | 'named' | 'unknown'>) => TypeNode): TypeNode {
  return foldType<TypeNode>(node, {
    primitive: leaf,
    literals: leaf,
    named: leaf,
    unknown: leaf,
    array: (element) => ({ kind: 'array', element }),
    record: (value) => ({ kind: 'record', value }),
    nullable: (inner) => ({ kind: 'nullable', inner }),
  });
}
