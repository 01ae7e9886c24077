import type { SpecIssue } from '../../errors.js';
import { rustJsonLiteral, tsRsValueProblem } from '../../targets/rust/rust-text.js';
import type {
  CommandModel,
  EnumDeclaration,
  FieldModel,
  ImportModel,
  InterfaceDeclaration,
  ResolvedImport,
  TaggedUnionDeclaration,
  TypeDeclaration,
} from '../../model/command-model.js';
import { snakeCase } from '../../model/naming.js';
import {
  recursiveFields,
  renderRustDeclaration,
  renderRustStruct,
  renderRustUnion,
  rustDerives,
  rustDocLines,
  rustDocText,
  rustFieldName,
  rustNames,
  rustString,
  rustVariantName,
  type RustDeclarationContext,
  type RustNames,
} from '../../render/rust-renderer.js';
import { adapterTemplates } from '../../package-root.js';
import { renderTemplate } from '../../render/template-engine.js';
import { TS_RS_NOTE, tsRsDeclaration, tsRsDependencies, tsRsDocs } from '../../render/ts-rs-renderer.js';
import { unionSamples, wireSample, type SampleTypes } from '../../render/wire-samples.js';
import { namedReferences, typeNodes } from '../../types/type-tree.js';
import type { PlannedFile } from '../adapter.js';
import {
  exportTo,
  importedTypeFile,
  jsonValueFile as jsonValuePath,
  relativeSpecifier,
  wireTypeFile,
  type RustLayout,
} from './rust-layout.js';

/** ts-rs-type and the wire tests both Rust adapters print. */
const TEMPLATES = adapterTemplates('rust-shared');

/** Rust types that ts-rs prints as a TypeScript primitive (the 64-bit integers need `#[ts(type)]`). */
const RUST_PRIMITIVE_TS: Readonly<Record<string, string>> = {
  String: 'string',
  bool: 'boolean',
  f64: 'number',
  f32: 'number',
  i8: 'number',
  i16: 'number',
  i32: 'number',
  u8: 'number',
  u16: 'number',
  u32: 'number',
};
const RUST_PATH = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$/;

/** One wire type to write: a spec declaration, a tagged union, or a derived struct (Params, Result). */
export type WireDeclaration = TypeDeclaration | TaggedUnionDeclaration;

/**
 * Everything about one set of wire types written as Rust structs with ts-rs bindings: the Rust
 * declarations, the TS files ts-rs would export, and the round-trip tests.
 */
export interface RustWire {
  readonly declarations: readonly WireDeclaration[];
  readonly names: RustNames;
  /** Rust text of each declaration, in order. */
  readonly rust: readonly string[];
  /** ts-rs's text of each declaration (plus JsonValue when serde_json::Value is used). */
  readonly tsFiles: readonly PlannedFile[];
  /** `use` paths the declarations need. */
  readonly usePaths: readonly string[];
  readonly usesBTreeMap: boolean;
  /** Data of the `_wire-tests` partial. */
  readonly tests: WireTests;
}

export interface WireTests {
  readonly roundTrips: ReadonlyArray<{ readonly fn: string; readonly type: string; readonly docs: readonly string[] }>;
  readonly enums: ReadonlyArray<{
    readonly fn: string;
    readonly type: string;
    readonly pairs: ReadonlyArray<{ readonly variant: string; readonly wire: string }>;
  }>;
  readonly any: boolean;
}

/** A JSON document as a Rust raw string literal. */
export const rustRawString = rustJsonLiteral;

function fieldsOf(declaration: WireDeclaration): readonly FieldModel[] {
  return declaration.kind === 'interface'
    ? declaration.fields
    : declaration.kind === 'union'
      ? declaration.variants.flatMap((v) => v.fields)
      : [];
}

export interface RustWireOptions {
  readonly layout: RustLayout;
  /** Folder under generatedTypes: the module name (gpu), or system for trait specs. */
  readonly folder: string;
  /** Doc text of derived declarations (Params, Result), by name. */
  readonly docs?: ReadonlyMap<string, string>;
}

export function buildRustWire(
  declarations: readonly WireDeclaration[],
  imports: readonly ResolvedImport[],
  options: RustWireOptions,
): RustWire {
  const { layout, folder } = options;
  const types = declarations.filter((d): d is TypeDeclaration => d.kind !== 'union');
  const unions = declarations.filter((d): d is TaggedUnionDeclaration => d.kind === 'union');
  const names = rustNames(imports);
  const { boxed } = recursiveFields(types, unions);
  const ctx: RustDeclarationContext = {
    names,
    boxed,
    derives: rustDerives(types, unions, imports),
    exportTo: (name) => exportTo(layout, folder, name),
  };

  const rust = declarations.map((d) => {
    if (d.kind === 'union') return renderRustUnion(d, ctx);
    if (d.kind === 'interface') return renderRustStruct(d.name, d.fields, ctx, rustDocLines(rustDocText(d, options.docs?.get(d.name))));
    return renderRustDeclaration(d, ctx);
  });

  const usedNames = new Set<string>();
  let usesBTreeMap = false;
  for (const d of declarations) {
    for (const f of fieldsOf(d)) {
      for (const n of typeNodes(f.type)) {
        if (n.kind === 'named') usedNames.add(n.name);
        if (n.kind === 'record') usesBTreeMap = true;
      }
    }
  }
  const usedImports = imports.filter((i) => usedNames.has(i.name));
  const usePaths = usedImports.filter((i) => i.rust?.includes('::')).map((i) => i.rust!);

  // ts-rs files: the name each type has in TypeScript, and the file ts-rs imports it from.
  const importByName = new Map(imports.map((i) => [i.name, i]));
  const tsName = (name: string): string => {
    const imported = importByName.get(name);
    if (!imported?.rust) return name;
    if (imported.rust === 'serde_json::Value') return 'JsonValue';
    return (
      RUST_PRIMITIVE_TS[imported.rust] ??
      (['i64', 'u64', 'i128', 'u128', 'isize', 'usize'].includes(imported.rust) ? 'number' : imported.rust.split('::').pop()!)
    );
  };
  const tsImportOf = (fromFile: string, name: string): { name: string; from: string } | undefined => {
    const imported = importByName.get(name);
    if (!imported) return { name, from: relativeSpecifier(fromFile, wireTypeFile(layout, folder, name)) };
    if (!imported.rust) return undefined;
    if (
      imported.rust !== 'serde_json::Value' &&
      (tsName(name) !== imported.rust.split('::').pop() || RUST_PRIMITIVE_TS[imported.rust] !== undefined)
    )
      return undefined;
    const file = importedTypeFile(layout, imported);
    return { name: tsName(name), from: file === undefined ? imported.from : relativeSpecifier(fromFile, file) };
  };
  const tsFiles: PlannedFile[] = declarations.map((d) => {
    const path = wireTypeFile(layout, folder, d.name);
    // ts-rs sorts its imports by path ("../system/X" before "./Y"), not by name.
    const depImports = tsRsDependencies(d)
      .map((name) => tsImportOf(path, name))
      .filter((i): i is { name: string; from: string } => i !== undefined)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const docs = tsRsDocs(rustDocText(d, d.kind === 'interface' ? options.docs?.get(d.name) : undefined));
    return {
      path,
      content: renderTemplate(
        TEMPLATES,
        'ts-rs-type.ts',
        {
          note: TS_RS_NOTE,
          imports: depImports.map((i) => `import type { ${i.name} } from ${JSON.stringify(i.from)};`),
          docs,
          declaration: tsRsDeclaration(d, { nameOf: tsName }),
        },
        { verbatim: true },
      ),
    };
  });
  if (usedImports.some((i) => i.rust === 'serde_json::Value')) tsFiles.push(jsonValueFile(layout));

  return { declarations, names, rust, tsFiles, usePaths, usesBTreeMap, tests: wireTests(declarations, imports) };
}

/** ts-rs's export of serde_json::Value (feature serde-json-impl), in the crate's bindings folder. */
export function jsonValueFile(layout: RustLayout): PlannedFile {
  return {
    path: jsonValuePath(layout),
    content: renderTemplate(
      TEMPLATES,
      'ts-rs-type.ts',
      {
        note: TS_RS_NOTE,
        imports: [],
        docs: '',
        declaration: 'type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;',
      },
      { verbatim: true },
    ),
  };
}

/** Round-trip documents (full and minimal) for every struct and union; value tables for enums. */
function wireTests(declarations: readonly WireDeclaration[], imports: readonly ResolvedImport[]): WireTests {
  const known: SampleTypes = {
    types: declarations.filter((d): d is TypeDeclaration => d.kind !== 'union'),
    unions: declarations.filter((d): d is TaggedUnionDeclaration => d.kind === 'union'),
    imports,
  };
  const roundTrips: Array<{ fn: string; type: string; docs: string[] }> = [];
  const enums: Array<{ fn: string; type: string; pairs: Array<{ variant: string; wire: string }> }> = [];
  for (const d of declarations) {
    const fn = snakeCase(d.name);
    if (d.kind === 'enum') {
      enums.push({
        fn: `${fn}_wire_values`,
        type: d.name,
        pairs: d.values.map((v) => ({ variant: `${d.name}::${rustVariantName(v)}`, wire: rustString(v) })),
      });
      continue;
    }
    const docs =
      d.kind === 'union'
        ? [...unionSamples(d, 'full', known), ...unionSamples(d, 'minimal', known)]
        : [wireSample({ kind: 'named', name: d.name }, 'full', known), wireSample({ kind: 'named', name: d.name }, 'minimal', known)];
    const texts = [...new Set(docs.filter((doc) => doc !== undefined).map((doc) => JSON.stringify(doc)))];
    if (texts.length > 0) roundTrips.push({ fn: `${fn}_round_trips`, type: d.name, docs: texts.map(rustRawString) });
  }
  return { roundTrips, enums, any: roundTrips.length > 0 || enums.length > 0 };
}

/** Sample documents of a type (what the TypeScript side sends), for tests outside Rust. */
export function sampleDocuments(
  name: string,
  declarations: readonly WireDeclaration[],
  imports: readonly ResolvedImport[] = [],
): unknown[] {
  const known: SampleTypes = {
    types: declarations.filter((d): d is TypeDeclaration => d.kind !== 'union'),
    unions: declarations.filter((d): d is TaggedUnionDeclaration => d.kind === 'union'),
    imports,
  };
  const union = known.unions.find((u) => u.name === name);
  const docs = union
    ? [...unionSamples(union, 'full', known), ...unionSamples(union, 'minimal', known)]
    : [wireSample({ kind: 'named', name }, 'full', known), wireSample({ kind: 'named', name }, 'minimal', known)];
  return docs.filter((d) => d !== undefined);
}

/** Where an enum value is written: its entry in the types block, or the field type it was lifted from. */
function enumValuePointer(declaration: EnumDeclaration, value: string): string {
  return declaration.origin === 'spec' ? `${declaration.pointer}/enum/${declaration.values.indexOf(value)}` : declaration.pointer;
}

/**
 * What Rust cannot express or would refuse to compile, as spec issues: imports without a Rust
 * type, names that collide once in Rust form, structs that contain themselves with no way out.
 */
export function rustWireIssues(
  model: CommandModel,
  declarations: readonly WireDeclaration[],
  fieldPointer: (owner: string, field: FieldModel) => string,
): SpecIssue[] {
  return [
    ...importIssues(model, declarations),
    ...fieldNameIssues(model.specFile, declarations, fieldPointer),
    ...variantNameIssues(model.specFile, declarations),
    ...infiniteStructIssues(model.specFile, declarations, fieldPointer),
  ];
}

/** Imports the wire types use must say what they are in Rust, as a path whose last name is free in the module. */
function importIssues(model: CommandModel, declarations: readonly WireDeclaration[]): SpecIssue[] {
  const file = model.specFile;
  const issues: SpecIssue[] = [];
  // An import of the project config (or learned from the project's exports) has no place in the spec.
  const importPointer = (imported: ImportModel): string => imported.pointer ?? '';
  const used = new Set<string>();
  for (const d of declarations) for (const f of fieldsOf(d)) for (const name of namedReferences(f.type)) used.add(name);
  const localNames = new Set(declarations.map((d) => d.name));
  const rustNamesSeen = new Map<string, string>();
  for (const imported of model.imports) {
    if (!used.has(imported.name)) continue;
    if (!imported.rust) {
      issues.push({
        file,
        pointer: importPointer(imported),
        message: `import ${imported.name} has no Rust type, so the Rust structs cannot use it`,
        found: JSON.stringify(imported.name),
        expected: 'a "rust" entry on the import (e.g. "rust": "crate::system::pressure::PressureLevel", or "String")',
      });
      continue;
    }
    if (!RUST_PATH.test(imported.rust)) {
      issues.push({
        file,
        pointer: importPointer(imported),
        message: `the Rust type of import ${imported.name} is not a Rust path`,
        found: JSON.stringify(imported.rust),
        expected: 'a path such as crate::system::pressure::PressureLevel, or a type such as String',
      });
      continue;
    }
    const rustName = imported.rust.split('::').pop()!;
    const other = rustNamesSeen.get(rustName);
    if (localNames.has(rustName) || (other !== undefined && other !== imported.rust)) {
      issues.push({
        file,
        pointer: importPointer(imported),
        message: `import ${imported.name} is ${rustName} in Rust, a name already used in this module`,
        found: JSON.stringify(imported.rust),
        expected: 'a distinct Rust type name',
      });
    }
    rustNamesSeen.set(rustName, imported.rust);
  }
  return issues;
}

/** Field names that meet in Rust form (gpuId and gpuID are both gpu_id). */
function fieldNameIssues(
  file: string,
  declarations: readonly WireDeclaration[],
  fieldPointer: (owner: string, field: FieldModel) => string,
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const d of declarations) {
    const groups =
      d.kind === 'interface'
        ? [{ owner: d.name, fields: d.fields }]
        : d.kind === 'union'
          ? d.variants.map((v) => ({ owner: `${d.name}.${v.name}`, fields: v.fields }))
          : [];
    for (const { owner, fields } of groups) {
      const seen = new Map<string, string>();
      for (const field of fields) {
        const { ident } = rustFieldName(field.name);
        const previous = seen.get(ident);
        if (previous !== undefined) {
          issues.push({
            file,
            pointer: fieldPointer(owner, field),
            message: `fields '${previous}' and '${field.name}' of ${owner} are both ${ident} in Rust`,
            found: JSON.stringify(field.name),
            expected: 'field names that differ in more than letter case or underscores',
          });
        }
        seen.set(ident, field.name);
      }
    }
  }
  return issues;
}

/** Enum values and variants that ts-rs cannot print, or that meet as Rust variant names. */
function variantNameIssues(file: string, declarations: readonly WireDeclaration[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const d of declarations) {
    const values = d.kind === 'enum' ? (d as EnumDeclaration).values : d.kind === 'union' ? d.variants.map((v) => v.name) : [];
    const seen = new Map<string, string>();
    for (const value of values) {
      const unprintable = tsRsValueProblem(value);
      if (unprintable)
        issues.push({
          file,
          pointer: enumValuePointer(d as EnumDeclaration, value),
          message: `the value ${JSON.stringify(value)} of ${d.name}: ${unprintable}`,
          found: JSON.stringify(value),
          expected: 'a value without " \\ or control characters',
        });
      const variant = rustVariantName(value);
      const previous = seen.get(variant);
      if (previous !== undefined) {
        issues.push({
          file,
          pointer: d.pointer,
          message: `the values '${previous}' and '${value}' of ${d.name} are both the Rust variant ${variant}`,
          found: JSON.stringify(value),
          expected: 'values that differ in more than punctuation or letter case',
        });
      }
      seen.set(variant, value);
    }
  }
  return issues;
}

/** A struct that must contain itself has no finite value, in any language. */
function infiniteStructIssues(
  file: string,
  declarations: readonly WireDeclaration[],
  fieldPointer: (owner: string, field: FieldModel) => string,
): SpecIssue[] {
  const { infinite } = recursiveFields(
    declarations.filter((d): d is TypeDeclaration => d.kind !== 'union'),
    declarations.filter((d): d is TaggedUnionDeclaration => d.kind === 'union'),
  );
  return infinite.map((cycle) => {
    const declaration = declarations.find((d): d is InterfaceDeclaration => d.kind === 'interface' && d.name === cycle.type);
    const fieldName = cycle.path[0].split('.')[1];
    const field = declaration?.fields.find((f) => f.name === fieldName);
    return {
      file,
      pointer: field ? fieldPointer(cycle.type, field) : (declarations.find((d) => d.name === cycle.type)?.pointer ?? ''),
      message: `${cycle.path[0]} makes ${cycle.type} contain itself through required fields: no finite value exists (Rust would also refuse the infinite size)`,
      expected: 'make one field of the cycle optional, nullable (T | null) or an array',
    };
  });
}
