import fc from 'fast-check';

/**
 * Random valid CommandSpec v2 documents from the schema and the type grammar (issue 12,
 * deliverable 6): names, primitives, literal unions, arrays, records, nested declared types,
 * nullable and optional fields (optionalNullable too), `unknown`, enums, defaults that fit their type to the
 * leaf, imported UUIDs, rust-ipc and trait-only. A spec is a body without its name: `named` gives it
 * one unique in a batch, so a whole batch compiles in one host project and one crate.
 */

export type FuzzKind = 'typescript' | 'rust-ipc' | 'trait-only';

export interface FuzzSpec {
  readonly kind: FuzzKind;
  /** The spec without name, className and rust.module (see named). */
  readonly body: Record<string, unknown>;
}

/** A TypeNode-like description kept beside the type string, to build defaults that fit. */
type Shape =
  | { readonly t: 'string' | 'number' | 'integer' | 'boolean' | 'unknown' | 'uuid' }
  | { readonly t: 'literal'; readonly values: readonly string[] }
  | { readonly t: 'enum'; readonly name: string; readonly values: readonly string[] }
  | { readonly t: 'interface'; readonly name: string; readonly fields: ReadonlyArray<{ name: string; shape: Shape; optional: boolean }> }
  | { readonly t: 'array' | 'record' | 'nullable'; readonly of: Shape };

const UUID_IMPORT = { name: 'UUID', from: '@system/core/types/CrossPlatformUUID', rust: 'String' };

/** camelCase wire names: mostly ordinary words, sometimes letters and digits in any mix. */
const WORDS = [
  'count',
  'label',
  'owner',
  'items',
  'limit',
  'value',
  'state',
  'level',
  'tags',
  'score',
  'entry',
  'size',
  'kind',
  'mode',
  'note',
  'flag',
  'ratio',
  'depth',
];
const fieldName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom('', 'Id', 'Count', 'Name', '2', 'At', 'Max')).map(([a, b]) => a + b),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{1,6}([A-Z][a-z0-9]{1,5})?$/) },
);
const typeName = fc
  .tuple(fc.constantFrom('Shape', 'Item', 'Entry', 'Detail', 'Part', 'Slot'), fc.stringMatching(/^[A-Z]?[a-z0-9]{0,3}$/))
  .map(([a, b]) => a + b);
const enumValue = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/), fc.stringMatching(/^[a-z][a-z0-9]{0,4}[-_ ][a-z0-9]{1,4}$/));
/** Doc text: words, or any Unicode text that is not blank (escaping is the hostile test's; here it meets the grammar). */
const text = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...WORDS, 'the', 'of', 'a', 'is'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((s) => s.trim() !== '') },
);

function typeString(shape: Shape): string {
  switch (shape.t) {
    case 'uuid':
      return 'UUID';
    case 'literal':
      return shape.values.map((v) => `'${v}'`).join(' | ');
    case 'enum':
    case 'interface':
      return shape.name;
    case 'array':
      return shape.of.t === 'nullable' || shape.of.t === 'literal' ? `Array<${typeString(shape.of)}>` : `${typeString(shape.of)}[]`;
    case 'record':
      return `Record<string, ${typeString(shape.of)}>`;
    case 'nullable':
      return `${typeString(shape.of)} | null`;
    default:
      return shape.t;
  }
}

/** A JSON value of the shape (a default), or undefined when none can be written (UUIDs are refused as defaults). */
function valueOf(shape: Shape, depth = 0): fc.Arbitrary<unknown> | undefined {
  switch (shape.t) {
    case 'string':
      return fc.string({ maxLength: 12, unit: 'grapheme' });
    case 'integer':
      return fc.integer({ min: -1_000_000, max: 1_000_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    case 'uuid':
      return undefined;
    case 'literal':
    case 'enum':
      return fc.constantFrom(...shape.values);
    case 'nullable': {
      const inner = valueOf(shape.of, depth + 1);
      return inner && fc.option(inner, { nil: null });
    }
    case 'array': {
      const inner = valueOf(shape.of, depth + 1);
      return inner && fc.array(inner, { maxLength: depth > 1 ? 1 : 3 });
    }
    case 'record': {
      const inner = valueOf(shape.of, depth + 1);
      return inner && fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), inner, { maxKeys: 2 });
    }
    case 'interface':
      return objectValueOf(shape, depth);
  }
}

/** An object of the interface: a field without a value is left out when optional, else there is none. */
function objectValueOf(shape: Extract<Shape, { t: 'interface' }>, depth: number): fc.Arbitrary<unknown> | undefined {
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of shape.fields) {
    const inner = valueOf(f.shape, depth + 1);
    if (inner === undefined) {
      if (!f.optional) return undefined;
      continue;
    }
    entries[f.name] = inner;
  }
  return fc.record(entries, { requiredKeys: shape.fields.filter((f) => !f.optional && entries[f.name]).map((f) => f.name) });
}

interface Context {
  readonly declared: Shape[];
  readonly uuid: boolean;
}

/** A type of the grammar over the declared types so far (no cycles), at most `depth` constructors deep. */
function shapeArb(ctx: Context, depth: number): fc.Arbitrary<Shape> {
  const leaves: Array<fc.Arbitrary<Shape>> = [
    fc.constantFrom<Shape>({ t: 'string' }, { t: 'number' }, { t: 'integer' }, { t: 'boolean' }, { t: 'unknown' }),
    fc
      .uniqueArray(
        enumValue.filter((v) => !v.includes(' ')),
        { minLength: 1, maxLength: 3 },
      )
      .map((values): Shape => ({ t: 'literal', values })),
  ];
  if (ctx.declared.length > 0) leaves.push(fc.constantFrom(...ctx.declared));
  if (ctx.uuid) leaves.push(fc.constant<Shape>({ t: 'uuid' }));
  const leaf = fc.oneof(...leaves);
  if (depth === 0) return leaf;
  const inner = shapeArb(ctx, depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: inner.filter((s) => s.t !== 'nullable').map((of): Shape => ({ t: 'nullable', of })) },
    { weight: 1, arbitrary: inner.map((of): Shape => ({ t: 'array', of })) },
    { weight: 1, arbitrary: inner.map((of): Shape => ({ t: 'record', of })) },
  );
}

interface FieldDraft {
  readonly name: string;
  readonly shape: Shape;
  readonly optional: boolean;
  readonly description?: string;
}

const fieldsArb = (ctx: Context, max: number, minLength = 0): fc.Arbitrary<FieldDraft[]> =>
  fc.uniqueArray(
    fc.record({ name: fieldName, shape: shapeArb(ctx, 2), optional: fc.boolean(), description: fc.option(text, { nil: undefined }) }),
    { minLength, maxLength: max, selector: (f) => f.name.toLowerCase() },
  );

/** A field as the spec writes it; an optional nullable one opts in with optionalNullable. */
function fieldJson(f: FieldDraft, withName: boolean): Record<string, unknown> {
  return {
    ...(withName ? { name: f.name } : {}),
    type: typeString(f.shape),
    ...(f.optional ? { optional: true } : {}),
    ...(f.optional && f.shape.t === 'nullable' ? { optionalNullable: true } : {}),
    ...(f.description !== undefined ? { description: f.description } : {}),
  };
}

/** Declared types: enums and interfaces, each able to use those before it. */
function declaredArb(uuid: boolean, suffix = ''): fc.Arbitrary<{ types: Record<string, unknown>; shapes: Shape[] }> {
  return fc.gen().map((g) => {
    const names = g(() => fc.uniqueArray(typeName, { maxLength: 3 })).map((n) => n + suffix);
    const shapes: Shape[] = [];
    const types: Record<string, unknown> = {};
    for (const name of names) {
      const description = g(fc.option, text, { nil: undefined });
      if (g(fc.boolean)) {
        const values: string[] = g(() => fc.uniqueArray(enumValue, { minLength: 1, maxLength: 4 }));
        shapes.push({ t: 'enum', name, values });
        types[name] = { ...(description ? { description } : {}), enum: values };
      } else {
        const fields = g(() => fieldsArb({ declared: [...shapes], uuid }, 3, 1));
        shapes.push({ t: 'interface', name, fields });
        types[name] = {
          ...(description ? { description } : {}),
          fields: Object.fromEntries(fields.map((f) => [f.name, fieldJson(f, false)])),
        };
      }
    }
    return { types, shapes };
  });
}

/** A TypeScript-side or rust-ipc command spec. */
function commandArb(kind: 'typescript' | 'rust-ipc'): fc.Arbitrary<FuzzSpec> {
  return fc.gen().map((g) => {
    const uuid = g(fc.boolean);
    const { types, shapes } = g(() => declaredArb(uuid));
    const ctx: Context = { declared: shapes, uuid };
    const params = g(() => fieldsArb(ctx, 4));
    const results = g(() => fieldsArb(ctx, 4));
    const paramJson = params.map((p) => {
      const json = fieldJson(p, true);
      const value = p.optional && g(fc.boolean) ? valueOf(p.shape) : undefined;
      return value ? { ...json, default: g(() => value) } : json;
    });
    const adapter = kind === 'rust-ipc' ? 'rust-ipc' : g(fc.constantFrom, 'server-only', 'browser-only', 'full-stack');
    const body: Record<string, unknown> = {
      version: 2,
      description: g(() => text),
      adapter,
      ...(uuid ? { imports: [UUID_IMPORT] } : {}),
      ...(shapes.length > 0 ? { types } : {}),
      params: paramJson,
      results: results.map((r) => fieldJson(r, true)),
    };
    return { kind, body };
  });
}

const snake = fc
  .stringMatching(/^[a-z]{2,6}(_[a-z]{2,5})?$/)
  .filter(
    (n) =>
      ![
        'as',
        'do',
        'fn',
        'if',
        'in',
        'use',
        'mod',
        'ref',
        'let',
        'for',
        'box',
        'dyn',
        'pub',
        'mut',
        'try',
        'type',
        'impl',
        'loop',
        'move',
        'self',
        'true',
        'enum',
        'else',
        'crate',
        'async',
        'await',
        'break',
        'const',
        'false',
        'macro',
        'match',
        'super',
        'trait',
        'where',
        'while',
        'yield',
        'final',
        'priv',
        'unsafe',
        'static',
        'struct',
        'typeof',
        'extern',
        'return',
        'unsized',
        'virtual',
        'become',
        'abstract',
        'override',
        'continue',
        'gen',
      ].includes(n),
  );

/** A trait-only spec: enums, structs and a tagged union, and a trait whose methods use them. */
function traitArb(): fc.Arbitrary<FuzzSpec> {
  return fc.gen().map((g) => {
    const { types, shapes } = g(() => declaredArb(false, BATCH_MARK));
    const allTypes: Record<string, unknown> = { ...types };
    if (g(fc.boolean)) {
      const variants = g(fc.uniqueArray, fc.stringMatching(/^[A-Z][a-z]{1,6}$/), { minLength: 1, maxLength: 3 });
      const variantFields = variants.map(() => g(() => fieldsArb({ declared: shapes, uuid: false }, 2)));
      allTypes[`Outcome${BATCH_MARK}`] = {
        tag: 'status',
        variants: Object.fromEntries(
          variants.map((v, i) => [
            v,
            variantFields[i].length > 0
              ? {
                  fields: Object.fromEntries(variantFields[i].filter((f) => f.name !== 'status').map((f) => [f.name, fieldJson(f, false)])),
                }
              : {},
          ]),
        ),
      };
    }
    const typeOf = (): string => typeString(g(() => shapeArb({ declared: shapes, uuid: false }, 1)));
    const methodNames = g(fc.uniqueArray, snake, { minLength: 1, maxLength: 3 });
    const methods = methodNames.map((name) => ({
      name,
      ...(g(fc.boolean) ? { description: g(() => text) } : {}),
      ...(g(fc.boolean) ? { async: true } : {}),
      ...(g(fc.boolean) ? { fallible: true } : {}),
      params: g(fc.uniqueArray, snake, { maxLength: 2 }).map((p) => ({ name: p, type: typeOf() })),
      ...(g(fc.boolean) ? { returns: allTypes[`Outcome${BATCH_MARK}`] && g(fc.boolean) ? `Outcome${BATCH_MARK}` : typeOf() } : {}),
    }));
    const body: Record<string, unknown> = {
      version: 2,
      description: g(() => text),
      adapter: 'trait-only',
      ...(Object.keys(allTypes).length > 0 ? { types: allTypes } : {}),
      traits: { Contract: { description: g(() => text), methods } },
    };
    return { kind: 'trait-only', body };
  });
}

/** Trait-only types share one TypeScript folder across specs: their names carry this mark, which named() replaces with the spec's number. */
const BATCH_MARK = 'Qqk';

export const specArbitrary: fc.Arbitrary<FuzzSpec> = fc.oneof(
  { weight: 3, arbitrary: commandArb('typescript') },
  { weight: 2, arbitrary: commandArb('rust-ipc') },
  { weight: 1, arbitrary: traitArb() },
);

/**
 * The spec with a name unique in its batch (`fz<k>/...`): the command folder, the class name, the
 * Rust module and the trait name all carry k, so a compiler's message names the spec it came from.
 */
export function named(spec: FuzzSpec, k: number): Record<string, unknown> {
  const body = { ...spec.body };
  if (spec.kind === 'trait-only') {
    const traits = body.traits as Record<string, unknown>;
    const types =
      body.types === undefined ? {} : { types: JSON.parse(JSON.stringify(body.types).replaceAll(BATCH_MARK, `Fz${k}`)) as unknown };
    const traitText = JSON.parse(JSON.stringify(traits.Contract).replaceAll(BATCH_MARK, `Fz${k}`)) as unknown;
    return { ...body, ...types, name: `traits/fz${k}`, rust: { module: `system/traits/fz${k}` }, traits: { [`Contract${k}`]: traitText } };
  }
  return { ...body, name: `fz${k}/run`, ...(spec.kind === 'rust-ipc' ? { rust: { module: `modules/fz${k}` } } : {}) };
}
