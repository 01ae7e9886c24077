import type { FieldModel, TypeDeclaration } from '../model/command-model.js';
import type { TypeNode } from '../types/type-tree.js';

/** TypeScript text of a resolved type tree (integer is number on the TS side; see type-mapping). */
export function renderTsType(node: TypeNode): string {
  switch (node.kind) {
    case 'primitive':
      return node.name === 'integer' ? 'number' : node.name;
    case 'named':
      return node.name;
    case 'unknown':
      return 'unknown';
    case 'literals':
      return node.values.map((v) => `'${v}'`).join(' | ');
    case 'array': {
      const element = renderTsType(node.element);
      return node.element.kind === 'nullable' || node.element.kind === 'literals' ? `(${element})[]` : `${element}[]`;
    }
    case 'record':
      return `Record<string, ${renderTsType(node.value)}>`;
    case 'nullable':
      return `${renderTsType(node.inner)} | null`;
  }
}

/** A one-line doc comment, or nothing. Comment terminators in user text are neutralised. */
export function tsDocComment(text: string | undefined, indent = ''): string[] {
  if (!text) return [];
  return [`${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */`];
}

/** The member lines of an interface body: doc comment above each field, `?` when optional. */
export function renderTsFields(fields: readonly FieldModel[], indent = '  '): string[] {
  return fields.flatMap((field) => [...tsDocComment(field.description, indent), `${indent}${field.name}${field.optional ? '?' : ''}: ${renderTsType(field.type)};`]);
}

/** A declared or lifted type as an exported TypeScript declaration. */
export function renderTsDeclaration(declaration: TypeDeclaration): string {
  const doc = tsDocComment(declaration.description);
  if (declaration.kind === 'enum') {
    return [...doc, `export type ${declaration.name} = ${declaration.values.map((v) => `'${v}'`).join(' | ')};`].join('\n');
  }
  return [...doc, `export interface ${declaration.name} {`, ...renderTsFields(declaration.fields), '}'].join('\n');
}

/** A TypeScript expression for a JSON value (defaults and example values). */
export function renderTsValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(renderTsValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : renderTsValue(k)}: ${renderTsValue(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}
