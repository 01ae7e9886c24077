import type { ProjectConfig } from '../config/project-config.js';
import { describeValue, type IssueCollector, type SpecIssue } from '../errors.js';
import type { KnownTypes } from '../reverse/exported-types.js';
import type { AdapterId, CommandSpecV2, Environment, SpecTypeField } from '../spec/command-spec.js';
import { TypeSyntaxError, parseTypeString } from '../types/type-grammar.js';
import { mapLeaves } from '../types/fold.js';
import type { TypeNode } from '../types/type-tree.js';
import type { EnumDeclaration, FieldModel, ImportModel } from './command-model.js';
import { fieldNameProblem } from './field-rules.js';
import { liftedEnumName } from './naming.js';

export interface ResolveOptions {
  /** Names an adapter refuses (reserved words, global types), by adapter, checked for types and the class name. */
  readonly reservedNames?: ReadonlyMap<string, string>;
  /**
   * The project's exported types (the design's registry, projectTypeIndex: existing commands' Types
   * files, ts-rs exports, the host's RustCoreIPC.ts re-exports), consulted last: a name the spec
   * neither declares nor imports that exactly one module exports is imported from it.
   */
  readonly knownTypes?: Pick<KnownTypes, 'lookup'> & Partial<Pick<KnownTypes, 'suggestions'>>;
  /** The spec's adapter and environment as the engine chose them (chooseAdapter); absent: the built-in defaults. */
  readonly adapter?: { readonly id: AdapterId; readonly environment: Environment };
}

/**
 * What the passes of one resolution share: the spec, where to report, and the registry of names
 * as it grows (imports learned from the project, enums lifted from inline unions).
 */
export interface Resolution {
  readonly spec: CommandSpecV2;
  readonly file: string;
  readonly config: ProjectConfig;
  readonly options: ResolveOptions;
  readonly issues: IssueCollector;
  /** The names the types block declares, in spec order. */
  readonly declaredNames: readonly string[];
  /** Every importable name: the config's, then the spec's (which win), then those learned from knownTypes. */
  readonly importsByName: Map<string, ImportModel>;
  /** Imports learned from knownTypes: the saved spec carries them from now on. */
  readonly registryImports: ImportModel[];
  /** Names of the imports the command's types use. */
  readonly usedImports: Set<string>;
  /** Enums lifted from inline literal unions, in order of appearance. */
  readonly liftedEnums: EnumDeclaration[];
}

/** Report a problem of the spec being resolved (file filled in). */
export function report(r: Resolution, issue: Omit<SpecIssue, 'file' | 'line' | 'column'>): void {
  r.issues.add({ file: r.file, ...issue });
}

/**
 * Parse one type string of the spec grammar at `pointer`, lifting a literal union into the enum
 * `<owner><Field>`; undefined after reporting a syntax error.
 */
export function parseFieldType(r: Resolution, rawType: string, pointer: string, owner: string, fieldName: string): TypeNode | undefined {
  let tree: TypeNode;
  try {
    tree = parseTypeString(rawType);
  } catch (error) {
    if (!(error instanceof TypeSyntaxError)) throw error;
    report(r, {
      pointer,
      message: `type ${describeValue(rawType)}: ${error.problem} (at character ${error.offset + 1})`,
      found: describeValue(rawType),
      expected: error.suggestion,
    });
    return undefined;
  }
  return liftLiterals(r, tree, liftedEnumName(owner, fieldName), pointer);
}

/** Replace a literal union with a reference to a named enum, so every language names it once. */
function liftLiterals(r: Resolution, node: TypeNode, enumName: string, pointer: string): TypeNode {
  return mapLeaves(node, (leaf) => {
    if (leaf.kind !== 'literals') return leaf;
    if (r.declaredNames.includes(enumName) || r.importsByName.has(enumName) || r.liftedEnums.some((e) => e.name === enumName)) {
      report(r, {
        pointer,
        message: `the inline union would be named ${enumName}, which is already taken`,
        expected: `declare the union under types with another name and use that name here`,
      });
    }
    r.liftedEnums.push({ kind: 'enum', name: enumName, values: leaf.values, origin: 'inline', pointer });
    return { kind: 'named', name: enumName };
  });
}

export function checkFieldName(r: Resolution, name: string, pointer: string): void {
  const problem = fieldNameProblem(name);
  if (problem) report(r, { pointer, message: problem.problem, found: JSON.stringify(name), expected: problem.expected });
}

export function checkOptionalNullable(r: Resolution, field: SpecTypeField, tree: TypeNode, pointer: string): void {
  if (field.optional && tree.kind === 'nullable' && !field.optionalNullable) {
    report(r, {
      pointer: `${pointer}/type`,
      message: 'a field that is both optional and nullable (f?: T | null) is ambiguous: serde cannot tell absent from null',
      expected: 'either optional or | null, or set "optionalNullable": true to accept both',
    });
  }
}

/** A field of a declared type or variant (`fields: { name: { type, ... } }`) at `pointer` (its name already checked), or undefined when its type did not parse. */
export function resolveDeclaredField(
  r: Resolution,
  fieldName: string,
  field: SpecTypeField,
  pointer: string,
  owner: string,
): FieldModel | undefined {
  const tree = parseFieldType(r, field.type, `${pointer}/type`, owner, fieldName);
  if (!tree) return undefined;
  checkOptionalNullable(r, field, tree, pointer);
  return { name: fieldName, type: tree, description: field.description, optional: field.optional === true, pointer };
}
