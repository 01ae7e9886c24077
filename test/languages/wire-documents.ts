import { strict as assert } from 'node:assert';
import canonicalize from 'canonicalize';
import type { CommandModel, FieldModel, TypeDeclaration } from '../../shared/model/command-model.js';
import { objectSample, type SampleMode } from '../../shared/render/wire-samples.js';
import type { TypeNode } from '../../shared/types/type-tree.js';

/**
 * The wire documents of a command, one set per spec: params and result, full (every field,
 * optional ones too) and minimal (only the required ones), built from the spec's types by the
 * engine's sample builder (the same one the generated Rust tests use). Every language's round
 * trip starts from these and must give them back as the same canonical JSON (RFC 8785).
 */
export interface WireDocument {
  /** e.g. "full Params" */
  readonly label: string;
  readonly owner: 'Params' | 'Result';
  readonly mode: SampleMode;
  /** The struct's name in every language: <ClassName>Params / <ClassName>Result. */
  readonly type: string;
  readonly document: Record<string, unknown>;
}

/** Imported names have no shape in the spec; every default mapping of the host's UUID is a string. */
function importsAsStrings(node: TypeNode, model: CommandModel): TypeNode {
  switch (node.kind) {
    case 'named':
      return model.imports.some((i) => i.name === node.name) ? { kind: 'primitive', name: 'string' } : node;
    case 'array':
      return { kind: 'array', element: importsAsStrings(node.element, model) };
    case 'record':
      return { kind: 'record', value: importsAsStrings(node.value, model) };
    case 'nullable':
      return { kind: 'nullable', inner: importsAsStrings(node.inner, model) };
    default:
      return node;
  }
}

export function wireDocuments(model: CommandModel): WireDocument[] {
  const fix = (fields: readonly FieldModel[]): FieldModel[] => fields.map((f) => ({ ...f, type: importsAsStrings(f.type, model) }));
  const types: TypeDeclaration[] = model.types.map((t) => (t.kind === 'interface' ? { ...t, fields: fix(t.fields) } : t));
  const known = { types, unions: model.unions ?? [] };
  const out: WireDocument[] = [];
  for (const mode of ['minimal', 'full'] as SampleMode[]) {
    for (const [owner, fields] of [
      ['Params', model.params],
      ['Result', model.results],
    ] as const) {
      const type = `${model.className}${owner}`;
      const document = objectSample(type, fix(fields), mode, known);
      assert.ok(document, `${model.name}: no ${mode} ${owner} document`);
      out.push({ label: `${mode} ${owner}`, owner, mode, type, document });
    }
  }
  return out;
}

/** RFC 8785 canonical JSON: sorted keys, ECMAScript number form (Kotlin's 1.0 and JS's 1 are one value). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  assert.ok(text !== undefined, 'not a JSON value');
  return text;
}

/** The spec field an assertion can rename or retype in a control: the first required field of a scalar type. */
export function plainRequiredField(fields: readonly FieldModel[]): FieldModel | undefined {
  return fields.find((f) => !f.optional && f.type.kind === 'primitive');
}
