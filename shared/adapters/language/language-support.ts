/**
 * What every language target shares: the model's structs with their JSON pointers, imported-type
 * mappings from the adapter's options, casing, and collision checks (naming-pass.ts runs them).
 * Each language keeps its own namer and type spelling in its own folder (quicktype's shape).
 */
import type { SpecIssue } from '../../errors.js';
import { pointerOf } from '../../errors.js';
import type { CommandModel, EnumDeclaration, FieldModel, InterfaceDeclaration } from '../../model/command-model.js';
import { words } from '../../model/naming.js';
import { containsUnknown } from '../../types/type-tree.js';
import type { AdapterOptions, ImportedTypeMapping } from '../adapter.js';

/** Thrown by a language's type spelling when the language has no form for a type. */
export class UnmappableType extends Error {
  constructor(
    readonly reason: string,
    readonly expected: string,
  ) {
    super(reason);
    this.name = 'UnmappableType';
  }
}

export const paramsTypeName = (model: CommandModel): string => model.paramsTypeName;
export const resultTypeName = (model: CommandModel): string => model.resultTypeName;

/** A struct a language renders: the spec's interfaces, then the command's params and result. */
export interface StructSource {
  readonly name: string;
  readonly description?: string;
  readonly fields: readonly FieldModel[];
  /** JSON pointer of each field's type, index-aligned with fields. */
  readonly pointers: readonly string[];
}

export function interfaces(model: CommandModel): InterfaceDeclaration[] {
  return model.types.filter((t): t is InterfaceDeclaration => t.kind === 'interface');
}

/** Does any struct of the model hold untyped JSON (spec `unknown`)? Languages that need an import or a declaration for it ask. */
export function usesUnknown(model: CommandModel): boolean {
  return structSources(model).some((s) => s.fields.some((f) => containsUnknown(f.type)));
}

export function enums(model: CommandModel): EnumDeclaration[] {
  return model.types.filter((t): t is EnumDeclaration => t.kind === 'enum');
}

/** Where a field's type is in the spec: from the field's origin pointer (a field the model dropped shifts no index). */
const typePointer = (field: FieldModel): string => `${field.pointer}/type`;

/** Every struct of the model in rendering order: spec interfaces (spec order), params, result. */
export function structSources(model: CommandModel): StructSource[] {
  return [
    ...interfaces(model).map((t) => ({
      name: t.name,
      description: t.description,
      fields: t.fields,
      pointers: t.fields.map(typePointer),
    })),
    {
      name: paramsTypeName(model),
      description: `Params of ${model.name}: ${model.description}`,
      fields: model.params,
      pointers: model.params.map(typePointer),
    },
    {
      name: resultTypeName(model),
      description: `Result of ${model.name}`,
      fields: model.results,
      pointers: model.results.map(typePointer),
    },
  ];
}

/** What a named reference resolves to. */
export type NamedTarget =
  | { readonly kind: 'interface'; readonly declaration: InterfaceDeclaration }
  | { readonly kind: 'enum'; readonly declaration: EnumDeclaration }
  | { readonly kind: 'imported'; readonly mapping: { readonly type: string; readonly import?: string } };

/**
 * Resolve a named reference for an adapter. An imported name needs an entry in the adapter's
 * `importedTypes` option; anything else it cannot render is an UnmappableType.
 */
export function resolveNamed(adapterId: string, model: CommandModel, options: AdapterOptions | undefined, name: string): NamedTarget {
  const declared = model.types.find((t) => t.name === name);
  if (declared?.kind === 'interface') return { kind: 'interface', declaration: declared };
  if (declared?.kind === 'enum') return { kind: 'enum', declaration: declared };
  if (model.unions?.some((u) => u.name === name))
    throw new UnmappableType(`${name} is a tagged union, which this adapter does not render`, 'a type with fields or an enum');
  const mapping = importedTypes(options)[name];
  if (mapping !== undefined) return { kind: 'imported', mapping: typeof mapping === 'string' ? { type: mapping } : mapping };
  throw new UnmappableType(
    `imported type ${name} has no ${adapterId} mapping`,
    `an entry for ${name} in .yo-rc.json adapterOptions.${adapterId}.importedTypes, e.g. { "${name}": "<${adapterId} type>" }`,
  );
}

export function importedTypes(options: AdapterOptions | undefined): Readonly<Record<string, ImportedTypeMapping>> {
  const value = options?.importedTypes;
  // Null prototype: a spec's type named constructor must find no inherited mapping.
  return Object.assign(
    Object.create(null) as Record<string, ImportedTypeMapping>,
    value !== undefined && typeof value === 'object' ? value : {},
  );
}

/** The import lines an adapter needs for the imported types the model uses (deduplicated, sorted). */
export function importsUsed(model: CommandModel, options: AdapterOptions | undefined): string[] {
  const out = new Set<string>();
  for (const used of model.imports) {
    const mapping = importedTypes(options)[used.name];
    if (mapping !== undefined && typeof mapping !== 'string' && mapping.import) out.add(mapping.import);
  }
  return [...out].sort();
}

/** lowerCamelCase from words (gpu-stats -> gpuStats), keeping a leading acronym lower (ID -> id). */
export function lowerCamel(text: string): string {
  return words(text)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

export function upperSnake(text: string): string {
  return words(text)
    .map((w) => w.toUpperCase())
    .join('_');
}

export function lowerSnake(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join('_');
}

/**
 * Names for things that must be distinct in one scope (enum cases, fields of one struct). Returns
 * the names, or the issues when two sources give one name or a source gives none.
 */
export function distinctNames(
  adapterId: string,
  file: string,
  scope: string,
  sources: readonly { readonly source: string; readonly name: string; readonly pointer: string }[],
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const seen = new Map<string, string>();
  for (const { source, name, pointer } of sources) {
    if (name === '' || !/^[A-Za-z_`]/.test(name)) {
      issues.push({
        file,
        pointer,
        message: `adapter ${adapterId} cannot name ${JSON.stringify(source)} in ${scope}: it has no letters or digits to make an identifier from`,
        found: JSON.stringify(source),
        expected: 'a value or name containing letters',
      });
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      issues.push({
        file,
        pointer,
        message: `adapter ${adapterId} gives ${JSON.stringify(first)} and ${JSON.stringify(source)} the same name ${name} in ${scope}`,
        found: JSON.stringify(source),
        expected: 'names that differ by more than case or separators',
      });
    }
    seen.set(name, source);
  }
  return issues;
}

/** Identifiers can't start with a digit: prefix an underscore (1x -> _1x). */
export const notLeadingDigit = (name: string): string => (/^[0-9]/.test(name) ? `_${name}` : name);

/** A one-line doc text: newlines collapsed. */
export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** A field's doc text for every language: its description, and the default the command applies when it is absent. */
export function fieldDocText(field: FieldModel): string | undefined {
  const defaultNote = field.default !== undefined ? `(default when absent: ${JSON.stringify(field.default)})` : undefined;
  const text = [field.description, defaultNote].filter((t): t is string => t !== undefined && t !== '').join(' ');
  return text === '' ? undefined : oneLine(text);
}

/** The reserved type names of an adapter, as the engine's reservedNames map. */
export function reservedNameMap(entries: readonly (readonly [readonly string[], string])[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [names, reason] of entries) for (const name of names) map.set(name, reason);
  return map;
}

/** Issues for spec types that collide with the names an adapter derives (XParams, XResult, ...). */
export function derivedNameIssues(adapterId: string, model: CommandModel, derived: ReadonlyMap<string, string>): SpecIssue[] {
  return model.types
    .filter((t) => derived.has(t.name))
    .map((t) => ({
      file: model.specFile,
      pointer: pointerOf('types', t.name),
      message: `adapter ${adapterId}: type name ${t.name} collides with ${derived.get(t.name)}`,
      found: JSON.stringify(t.name),
      expected: 'another name',
    }));
}

/** The usual derived names: the params and result structs. */
export function commandDerivedNames(model: CommandModel): Map<string, string> {
  return new Map([
    [paramsTypeName(model), 'the params type'],
    [resultTypeName(model), 'the result type'],
  ]);
}
