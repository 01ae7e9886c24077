import type { FieldModel, TypeDeclaration } from '../model/command-model.js';
import { foldType } from '../types/fold.js';
import type { TypeNode } from '../types/type-tree.js';
import { tsDocComment, tsString, tsValue } from '../targets/typescript/typescript-text.js';

export { tsDocComment };

/** TypeScript text of a resolved type tree (integer is number on the TS side; see type-mapping). */
export function renderTsType(node: TypeNode): string {
  return foldType<string>(node, {
    primitive: (n) => (n.name === 'integer' ? 'number' : n.name),
    named: (n) => n.name,
    unknown: () => 'unknown',
    literals: (n) => n.values.map(tsString).join(' | '),
    array: (element, n) => (n.element.kind === 'nullable' || n.element.kind === 'literals' ? `(${element})[]` : `${element}[]`),
    record: (value) => `Record<string, ${value}>`,
    nullable: (inner) => `${inner} | null`,
  });
}

/** The member lines of an interface body: doc comment above each field, `?` when optional. */
export function renderTsFields(fields: readonly FieldModel[], indent = '  '): string[] {
  return fields.flatMap((field) => [
    ...tsDocComment(field.description, indent),
    `${indent}${field.name}${field.optional ? '?' : ''}: ${renderTsType(field.type)};`,
  ]);
}

/** A declared or lifted type as an exported TypeScript declaration. */
export function renderTsDeclaration(declaration: TypeDeclaration): string {
  const doc = tsDocComment(declaration.description);
  if (declaration.kind === 'enum') {
    return [...doc, `export type ${declaration.name} = ${declaration.values.map(tsString).join(' | ')};`].join('\n');
  }
  return [...doc, `export interface ${declaration.name} {`, ...renderTsFields(declaration.fields), '}'].join('\n');
}

/** A TypeScript expression for a JSON value (defaults and example values). */
export const renderTsValue = tsValue;
