import type {
  EnumDeclaration,
  FieldModel,
  InterfaceDeclaration,
  MethodType,
  ResolvedImport,
  TaggedUnionDeclaration,
  TypeDeclaration,
} from '../model/command-model.js';
import { pascalCase, snakeCase } from '../model/naming.js';
import { foldType, throughContainers } from '../types/fold.js';
import type { TypeNode } from '../types/type-tree.js';
import { tsRsInlineType } from './ts-rs-renderer.js';
import { rustDocLines, rustIdent, rustString } from '../targets/rust/rust-text.js';

/**
 * Rust text of the resolved model, per ../shared/docs/type-mapping.md: serde for the wire,
 * ts-rs attributes for the TypeScript side. Names are decided here once (keywords, renames,
 * variant names) so every Rust template and the ts-rs text agree.
 */

export { RUST_KEYWORDS, RUST_RESERVED_TYPE_NAMES, rustDocLines, rustIdent, rustString } from '../targets/rust/rust-text.js';

/** What serde's and ts-rs's `rename_all = "camelCase"` make of a snake_case identifier (`r#` stripped). */
export function serdeCamelCase(ident: string): string {
  const bare = ident.startsWith('r#') ? ident.slice(2) : ident;
  let pascal = '';
  let capitalise = true;
  for (const ch of bare) {
    if (ch === '_') {
      capitalise = true;
    } else if (capitalise) {
      pascal += ch.toUpperCase();
      capitalise = false;
    } else {
      pascal += ch;
    }
  }
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export interface RustFieldName {
  /** The Rust identifier (`gpu_id`, `r#type`, `self_`). */
  readonly ident: string;
  /** `#[serde(rename = ...)]` value, when rename_all camelCase does not give back the wire name. */
  readonly rename?: string;
}

/** The Rust field for a wire name: snake_case, keyword-safe, renamed where camelCase does not round-trip. */
export function rustFieldName(wireName: string): RustFieldName {
  const snake = snakeCase(wireName);
  const ident = rustIdent(snake === '' || /^[0-9]/.test(snake) ? `field_${snake}` : snake);
  // serde and ts-rs agree on plain snake_case; a keyword's trailing `_` or a digit is renamed explicitly,
  // since converters differ there (older ts-rs used Inflector's camelCase).
  const plain = serdeCamelCase(ident) === wireName && !ident.endsWith('_') && !/[0-9]/.test(ident);
  return plain ? { ident } : { ident, rename: wireName };
}

/** The Rust variant name for a wire value (`'in-progress'` -> InProgress, `'2d'` -> V2d). */
export function rustVariantName(value: string): string {
  const pascal = pascalCase(value);
  if (pascal === '') return 'Empty';
  if (/^[0-9]/.test(pascal)) return `V${pascal}`;
  return pascal === 'Self' ? 'Self_' : pascal;
}

/** How named types are written in a Rust file. */
export interface RustNames {
  /** Rust text for a named type of the spec or an import. */
  nameOf(name: string): string;
}

/** Names as they are after the `use` lines of `rustUseLines`: local names stay, imports become their Rust type. */
export function rustNames(imports: readonly ResolvedImport[]): RustNames {
  const byName = new Map(imports.map((i) => [i.name, i]));
  return {
    nameOf(name: string): string {
      const imported = byName.get(name);
      if (!imported?.rust) return name;
      return imported.rust.split('::').pop()!;
    },
  };
}

/** Rust type text of a tree. `strings: 'borrowed'` writes &str (results borrowed from self, parameters). */
export function renderRustType(node: TypeNode, names: RustNames, strings: 'owned' | 'borrowed' = 'owned'): string {
  return foldType<string>(node, {
    primitive: (n) => ({ string: strings === 'borrowed' ? '&str' : 'String', number: 'f64', integer: 'i64', boolean: 'bool' })[n.name],
    named: (n) => names.nameOf(n.name),
    unknown: () => 'serde_json::Value',
    array: (element) => `Vec<${element}>`,
    record: (value) => `BTreeMap<String, ${value}>`,
    nullable: (inner) => `Option<${inner}>`,
    literals: () => {
      throw new Error('internal: literal unions are lifted to enums before rendering');
    },
  });
}

/** Rust text of a trait method's parameter or result type. */
export function renderRustMethodType(type: MethodType, names: RustNames, strings: 'owned' | 'borrowed'): string {
  if (type.kind === 'type') {
    // A parameter borrows only a top-level string (name: &str); results borrow every string.
    const borrowHere = strings === 'borrowed';
    return renderRustType(type.node, names, borrowHere ? 'borrowed' : 'owned');
  }
  const tuple = `(${type.elements.map((e) => renderRustType(e, names, strings)).join(', ')})`;
  return type.list ? `Vec<${tuple}>` : tuple;
}

/** Rust parameter type: `string` and `string | null` at the top are borrowed (&str, Option<&str>). */
export function renderRustParamType(type: MethodType, names: RustNames): string {
  if (type.kind === 'type') {
    const node = type.node;
    const topString = (n: TypeNode): boolean => n.kind === 'primitive' && n.name === 'string';
    if (topString(node)) return '&str';
    if (node.kind === 'nullable' && topString(node.inner)) return 'Option<&str>';
    return renderRustType(node, names, 'owned');
  }
  return renderRustMethodType(type, names, 'owned');
}

/**
 * Does the tree need `#[ts(type = ...)]`: an `integer` (ts-rs would say bigint for i64) or
 * `unknown` (serde_json::Value has no TS impl without ts-rs's serde-json-impl feature)?
 */
export function needsTsTypeOverride(node: TypeNode): boolean {
  return foldType<boolean>(node, {
    primitive: (n) => n.name === 'integer',
    unknown: () => true,
    named: () => false,
    literals: () => false,
    ...throughContainers(),
  });
}

/**
 * The doc text a declaration carries in Rust, which ts-rs prints above its TypeScript too: the
 * description (an inline enum without one says its values), and for a tagged union its wire shape.
 */
export function rustDocText(declaration: TypeDeclaration | TaggedUnionDeclaration, docOverride?: string): string | undefined {
  if (declaration.kind === 'union') {
    const wire = `On the wire: an object whose \`${declaration.tag}\` is ${declaration.variants.map((v) => `\`${rustString(v.name).slice(1, -1)}\``).join(', ')}.`;
    return declaration.description ? `${declaration.description}\n\n${wire}` : wire;
  }
  const text = docOverride ?? declaration.description;
  if (declaration.kind === 'enum' && declaration.origin === 'inline' && (text === undefined || text.trim() === ''))
    return `One of ${declaration.values.map((v) => `\`'${v}'\``).join(', ')}.`;
  return text;
}

/** What a type declaration's derive list can include, decided over all local declarations at once. */
export interface RustDerives {
  readonly partialEq: ReadonlySet<string>;
  readonly eq: ReadonlySet<string>;
  /** Structs whose every field has a default (so a handler can write `..Default::default()` and survive a new field). */
  readonly default?: ReadonlySet<string>;
}

/** Structs that can derive Default: every field optional, or of a type with a default (no enum has one). A fixpoint. */
function defaultStructs(types: readonly TypeDeclaration[], imports: readonly ResolvedImport[]): Set<string> {
  const structs = types.filter((t): t is InterfaceDeclaration => t.kind === 'interface');
  const importRust = new Map(imports.map((i) => [i.name, i.rust]));
  const ok = new Set(structs.map((s) => s.name));
  const supports = (node: TypeNode): boolean => {
    switch (node.kind) {
      case 'primitive':
      case 'array':
      case 'record':
      case 'nullable':
      case 'unknown': // serde_json::Value, whose default is Null
        return true;
      case 'literals':
        return false;
      case 'named': {
        const rust = importRust.get(node.name);
        // The imported primitives all have a default (the same set as PartialEq's).
        return ok.has(node.name) || (rust !== undefined && PARTIAL_EQ_RUST_TYPES.has(rust));
      }
    }
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const s of structs) {
      if (ok.has(s.name) && !s.fields.every((f) => f.optional || supports(f.type))) {
        ok.delete(s.name);
        changed = true;
      }
    }
  }
  return ok;
}

const EQ_RUST_TYPES = new Set([
  'String',
  'bool',
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'isize',
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
  'usize',
  'serde_json::Value',
]);
const PARTIAL_EQ_RUST_TYPES = new Set([...EQ_RUST_TYPES, 'f32', 'f64']);

/**
 * Which declarations can derive PartialEq and Eq: every field must support it (f64 has no Eq;
 * an imported crate type is not assumed to have either). A fixpoint over the local types.
 */
export function rustDerives(
  types: readonly TypeDeclaration[],
  unions: readonly TaggedUnionDeclaration[],
  imports: readonly ResolvedImport[],
): RustDerives {
  const enums = types.filter((t): t is EnumDeclaration => t.kind === 'enum').map((t) => t.name);
  const structured: Array<{ name: string; fields: readonly FieldModel[] }> = [
    ...types.filter((t): t is InterfaceDeclaration => t.kind === 'interface').map((t) => ({ name: t.name, fields: t.fields })),
    ...unions.map((u) => ({ name: u.name, fields: u.variants.flatMap((v) => v.fields) })),
  ];
  const importRust = new Map(imports.map((i) => [i.name, i.rust]));
  const compute = (allowed: ReadonlySet<string>, leaf: (name: 'string' | 'number' | 'integer' | 'boolean') => boolean): Set<string> => {
    const ok = new Set<string>([...enums, ...structured.map((s) => s.name)]);
    const supports = (node: TypeNode): boolean =>
      foldType<boolean>(node, {
        primitive: (n) => leaf(n.name),
        named: (n) => {
          const rust = importRust.get(n.name);
          return ok.has(n.name) || (rust !== undefined && allowed.has(rust));
        },
        literals: () => true,
        unknown: () => allowed.has('serde_json::Value'),
        ...throughContainers(),
      });
    for (let changed = true; changed;) {
      changed = false;
      for (const s of structured) {
        if (ok.has(s.name) && !s.fields.every((f) => supports(f.type))) {
          ok.delete(s.name);
          changed = true;
        }
      }
    }
    return ok;
  };
  return {
    partialEq: compute(PARTIAL_EQ_RUST_TYPES, () => true),
    eq: compute(EQ_RUST_TYPES, (name) => name !== 'number'),
    default: defaultStructs(types, imports),
  };
}

/** Local named types a field refers to directly (not through Vec or BTreeMap, which are already indirect). */
function directReferences(node: TypeNode): string[] {
  if (node.kind === 'named') return [node.name];
  if (node.kind === 'nullable') return directReferences(node.inner);
  return [];
}

/**
 * Which fields need `Box` (a struct holding itself, directly or through a cycle, has infinite
 * size in Rust), and which cycles have no finite value at all (every edge required, not null).
 */
export function recursiveFields(
  types: readonly TypeDeclaration[],
  unions: readonly TaggedUnionDeclaration[],
): { boxed: ReadonlySet<FieldModel>; infinite: Array<{ type: string; path: string[] }> } {
  const owners = new Map<string, readonly FieldModel[]>([
    ...types
      .filter((t): t is InterfaceDeclaration => t.kind === 'interface')
      .map((t): [string, readonly FieldModel[]] => [t.name, t.fields]),
    ...unions.map((u): [string, readonly FieldModel[]] => [u.name, u.variants.flatMap((v) => v.fields)]),
  ]);
  const reaches = (from: string, target: string, requiredOnly: boolean, seen = new Set<string>()): boolean => {
    if (from === target) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    for (const field of owners.get(from) ?? []) {
      if (requiredOnly && (field.optional || field.type.kind === 'nullable')) continue;
      if (directReferences(field.type).some((next) => owners.has(next) && reaches(next, target, requiredOnly, seen))) return true;
    }
    return false;
  };
  const boxed = new Set<FieldModel>();
  const infinite: Array<{ type: string; path: string[] }> = [];
  for (const [owner, fields] of owners) {
    for (const field of fields) {
      const next = directReferences(field.type).find((n) => owners.has(n));
      if (next === undefined || !reaches(next, owner, false)) continue;
      boxed.add(field);
      const required = !field.optional && field.type.kind !== 'nullable';
      // Tagged unions can always pick another variant, so only struct-only cycles are infinite.
      if (required && reaches(next, owner, true) && !unions.some((u) => u.name === owner))
        infinite.push({ type: owner, path: [`${owner}.${field.name}`, next] });
    }
  }
  return { boxed, infinite };
}

/** Everything that decides how a struct's or variant's fields are written. */
export interface RustFieldContext {
  readonly names: RustNames;
  readonly boxed: ReadonlySet<FieldModel>;
}

/** Rust type of a field: Option for optional fields, Box where recursion needs it. */
export function rustFieldType(field: FieldModel, ctx: RustFieldContext): string {
  const boxInner = (node: TypeNode): string => {
    if (node.kind === 'nullable') return `Option<${boxInner(node.inner)}>`;
    const text = renderRustType(node, ctx.names);
    return ctx.boxed.has(field) && node.kind === 'named' ? `Box<${text}>` : text;
  };
  const inner = boxInner(field.type);
  // An optional nullable field (opt-in) cannot tell absent from null: one Option holds both.
  if (field.optional && field.type.kind !== 'nullable') return `Option<${inner}>`;
  return inner;
}

/** The lines of one struct field (or struct-variant field): docs, serde and ts attributes, declaration. */
export function renderRustField(field: FieldModel, ctx: RustFieldContext, indent: string, visibility: 'pub ' | '' = 'pub '): string[] {
  const { ident, rename } = rustFieldName(field.name);
  const lines = [...rustDocLines(field.description, indent)];
  if (rename !== undefined) lines.push(`${indent}#[serde(rename = ${rustString(rename)})]`);
  if (field.optional) {
    lines.push(`${indent}#[serde(default, skip_serializing_if = "Option::is_none")]`);
    lines.push(field.type.kind === 'nullable' ? `${indent}#[ts(optional = nullable)]` : `${indent}#[ts(optional)]`);
  }
  if (needsTsTypeOverride(field.type)) {
    const tsNode = field.optional && field.type.kind === 'nullable' ? field.type.inner : field.type;
    lines.push(`${indent}#[ts(type = ${rustString(tsRsInlineType(tsNode, { nameOf: (n) => n }))})]`);
  }
  lines.push(`${indent}${visibility}${ident}: ${rustFieldType(field, ctx)},`);
  return lines;
}

/** The derive list of a declaration. */
export function rustDeriveList(name: string, kind: 'struct' | 'enum' | 'union', derives: RustDerives, ordered = false): string {
  if (kind === 'enum')
    return [
      'Debug',
      'Clone',
      'Copy',
      'PartialEq',
      'Eq',
      'Hash',
      ...(ordered ? ['PartialOrd', 'Ord'] : []),
      'Serialize',
      'Deserialize',
      'TS',
    ].join(', ');
  const eq = derives.partialEq.has(name) ? ['PartialEq', ...(derives.eq.has(name) ? ['Eq'] : [])] : [];
  const defaulted = kind === 'struct' && derives.default?.has(name) ? ['Default'] : [];
  return ['Debug', 'Clone', ...defaulted, ...eq, 'Serialize', 'Deserialize', 'TS'].join(', ');
}

/** `#[ts(export, export_to = "...")]`, on one line or wrapped the way rustfmt wraps a long one. */
export function tsExportAttribute(exportTo: string): string {
  const oneLine = `#[ts(export, export_to = ${rustString(exportTo)})]`;
  return oneLine.length <= 100 ? oneLine : ['#[ts(', '    export,', `    export_to = ${rustString(exportTo)}`, ')]'].join('\n');
}

export interface RustDeclarationContext extends RustFieldContext {
  readonly derives: RustDerives;
  /** `export_to` of each declared type (relative to ts-rs's export dir). */
  exportTo(name: string): string;
}

/** A spec declaration (struct or string enum) as Rust. */
export function renderRustDeclaration(declaration: TypeDeclaration, ctx: RustDeclarationContext, docOverride?: string): string {
  const doc = rustDocLines(rustDocText(declaration, docOverride));
  if (declaration.kind === 'enum') {
    const variants = declaration.values.flatMap((value, i) => [
      ...rustDocLines(declaration.valueDescriptions?.[i], '    '),
      `    #[serde(rename = ${rustString(value)})]`,
      `    ${rustVariantName(value)},`,
    ]);
    return [
      ...doc,
      `#[derive(${rustDeriveList(declaration.name, 'enum', ctx.derives, declaration.ordered)})]`,
      tsExportAttribute(ctx.exportTo(declaration.name)),
      `pub enum ${declaration.name} {`,
      ...variants,
      '}',
    ].join('\n');
  }
  return renderRustStruct(declaration.name, declaration.fields, ctx, doc);
}

/** A struct with the wire conventions (rename_all camelCase, per-field renames). */
export function renderRustStruct(name: string, fields: readonly FieldModel[], ctx: RustDeclarationContext, doc: readonly string[]): string {
  const body = fields.flatMap((f) => renderRustField(f, ctx, '    '));
  return [
    ...doc,
    `#[derive(${rustDeriveList(name, 'struct', ctx.derives)})]`,
    '#[serde(rename_all = "camelCase")]',
    tsExportAttribute(ctx.exportTo(name)),
    body.length > 0 ? `pub struct ${name} {` : `pub struct ${name} {}`,
    ...(body.length > 0 ? [...body, '}'] : []),
  ].join('\n');
}

/**
 * A tagged union: internally tagged (`#[serde(tag = ...)]`), a per-variant rename, and on each
 * struct variant its own `rename_all` (Debian's serde 1.0.152 has no `rename_all_fields`).
 */
export function renderRustUnion(union: TaggedUnionDeclaration, ctx: RustDeclarationContext): string {
  const variants = union.variants.flatMap((variant) => {
    const head = [...rustDocLines(variant.description, '    ')];
    const rustName = rustVariantName(variant.name);
    if (variant.fields.length === 0) return [...head, `    #[serde(rename = ${rustString(variant.name)})]`, `    ${rustName},`];
    return [
      ...head,
      `    #[serde(rename = ${rustString(variant.name)}, rename_all = "camelCase")]`,
      `    ${rustName} {`,
      ...variant.fields.flatMap((f) => renderRustField(f, ctx, '        ', '')),
      '    },',
    ];
  });
  const helpers = union.variants.map((variant) =>
    [
      `    /// Is this ${rustString(variant.name).slice(1, -1)}?`,
      `    pub fn is_${snakeCase(variant.name)}(&self) -> bool {`,
      `        matches!(self, ${union.name}::${rustVariantName(variant.name)}${variant.fields.length > 0 ? ' { .. }' : ''})`,
      '    }',
    ].join('\n'),
  );
  return [
    ...rustDocLines(rustDocText(union)),
    `#[derive(${rustDeriveList(union.name, 'union', ctx.derives)})]`,
    `#[serde(tag = ${rustString(union.tag)})]`,
    tsExportAttribute(ctx.exportTo(union.name)),
    `pub enum ${union.name} {`,
    ...variants,
    '}',
    '',
    `impl ${union.name} {`,
    helpers.join('\n\n'),
    '}',
  ].join('\n');
}
