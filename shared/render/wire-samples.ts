import type { FieldModel, ResolvedImport, TaggedUnionDeclaration, TypeDeclaration } from '../model/command-model.js';
import { foldType, type TypeFold } from '../types/fold.js';
import type { PrimitiveName, TypeNode } from '../types/type-tree.js';

/**
 * JSON documents of a wire type, as the TypeScript side would send them: what round-trip tests
 * feed to the generated Rust structs. `full` fills every field (optional ones too, non-empty
 * arrays and maps, non-null nullables, numbers that are not integers); `minimal` only the
 * required ones (nullables null). Imported types have no known shape: undefined.
 */
export type SampleMode = 'full' | 'minimal';

export interface SampleTypes {
  readonly types: readonly TypeDeclaration[];
  readonly unions: readonly TaggedUnionDeclaration[];
  /** Imported types: one whose Rust type is a primitive (UUID is String) has that primitive's samples. */
  readonly imports?: readonly ResolvedImport[];
}

/** The spec primitive an import stands for on the wire, when its Rust type is one (String, bool, i64, f64, ...). */
export function importedPrimitive(imported: ResolvedImport | undefined): PrimitiveName | undefined {
  const rust = imported?.rust;
  if (rust === 'String') return 'string';
  if (rust === 'bool') return 'boolean';
  if (rust !== undefined && /^[iu](8|16|32|64|128|size)$/.test(rust)) return 'integer';
  if (rust === 'f32' || rust === 'f64') return 'number';
  return undefined;
}

/** Where a subtree is sampled: the mode, the declarations, and those entered on the way (recursion is cut at the second visit). */
interface SampleContext {
  readonly mode: SampleMode;
  readonly known: SampleTypes;
  readonly seen: ReadonlyMap<string, number>;
}

type Sampler = (at: SampleContext) => unknown;

export function wireSample(node: TypeNode, mode: SampleMode, known: SampleTypes, seen: ReadonlyMap<string, number> = new Map()): unknown {
  return foldType(node, SAMPLERS)({ mode, known, seen });
}

function primitiveSample(name: PrimitiveName, mode: SampleMode): unknown {
  if (mode === 'minimal') return name === 'string' ? '' : name === 'boolean' ? false : 0;
  return { string: 'text', number: 1.5, integer: 7, boolean: true }[name];
}

/** Containers sample their child only when full: the minimal document of a list, map or nullable is empty. */
const SAMPLERS: TypeFold<Sampler> = {
  primitive: (node) => (at) => primitiveSample(node.name, at.mode),
  literals: (node) => (at) => node.values[at.mode === 'full' ? node.values.length - 1 : 0],
  // Untyped JSON: any document; the full one nests an array and an object.
  unknown: () => (at) => (at.mode === 'full' ? { note: 'text', items: [1, true] } : null),
  array: (element) => (at) => {
    if (at.mode === 'minimal') return [];
    const sample = element(at);
    return sample === undefined ? undefined : [sample];
  },
  record: (value) => (at) => {
    if (at.mode === 'minimal') return {};
    const sample = value(at);
    return sample === undefined ? undefined : { key: sample };
  },
  nullable: (inner) => (at) => (at.mode === 'full' ? (inner(at) ?? null) : null),
  named: (node) => (at) => namedSample(node.name, at.mode, at.known, at.seen),
};

/** A union's first document, an enum's value, an object, or an imported primitive's sample (undefined: unknown shape). */
function namedSample(name: string, mode: SampleMode, known: SampleTypes, seen: ReadonlyMap<string, number>): unknown {
  const union = known.unions.find((u) => u.name === name);
  if (union) return unionSamples(union, mode, known, seen)[0];
  const declared = known.types.find((t) => t.name === name);
  if (!declared) {
    const primitive = importedPrimitive(known.imports?.find((i) => i.name === name));
    return primitive === undefined ? undefined : primitiveSample(primitive, mode);
  }
  if (declared.kind === 'enum') return declared.values[mode === 'full' ? declared.values.length - 1 : 0];
  return objectSample(declared.name, declared.fields, mode, known, seen);
}

/** An object of the given fields, or undefined when a required field has no value (a required self-reference). */
export function objectSample(
  owner: string,
  fields: readonly FieldModel[],
  mode: SampleMode,
  known: SampleTypes,
  seen: ReadonlyMap<string, number> = new Map(),
): Record<string, unknown> | undefined {
  // A recursive type is entered twice at most: one level of nesting exercises the recursion (Box in Rust).
  const visits = seen.get(owner) ?? 0;
  if (visits >= 2) return undefined;
  const inner = new Map(seen).set(owner, visits + 1);
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.optional && mode === 'minimal') continue;
    const value = wireSample(field.type, mode, known, inner);
    if (value === undefined) {
      if (field.optional) continue;
      // A recursive nullable field ends the recursion with null; anything else has no finite value.
      if (field.type.kind === 'nullable') {
        out[field.name] = null;
        continue;
      }
      if (field.type.kind === 'array') {
        out[field.name] = [];
        continue;
      }
      if (field.type.kind === 'record') {
        out[field.name] = {};
        continue;
      }
      return undefined;
    }
    out[field.name] = value;
  }
  return out;
}

/** One document per variant (full) or the first variant that has a value (minimal). */
export function unionSamples(
  union: TaggedUnionDeclaration,
  mode: SampleMode,
  known: SampleTypes,
  seen: ReadonlyMap<string, number> = new Map(),
): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  for (const variant of union.variants) {
    const body = objectSample(`${union.name}.${variant.name}`, variant.fields, mode, known, seen);
    if (body !== undefined) docs.push({ [union.tag]: variant.name, ...body });
  }
  return docs;
}
