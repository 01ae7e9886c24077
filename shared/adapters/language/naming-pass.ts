/**
 * What the language namers share: a pass that names the model's structs and enums once,
 * turning each type the language cannot spell into an issue naming the adapter and the type,
 * and each pair of sources that fold into one identifier into an issue (distinctNames).
 */
import type { SpecIssue } from '../../errors.js';
import type { CommandModel, EnumDeclaration, FieldModel } from '../../model/command-model.js';
import { typeToSpecText } from '../../types/type-tree.js';
import type { Naming } from '../target.js';
import {
  UnmappableType,
  commandDerivedNames,
  derivedNameIssues,
  distinctNames,
  enums,
  paramsTypeName,
  resultTypeName,
  structSources,
} from './language-support.js';

/** One field as the target prints it: its identifier and its type. */
export interface NamedField {
  readonly field: FieldModel;
  /** JSON pointer of the field in the spec (its type is at `${pointer}/type`). */
  readonly pointer: string;
  readonly name: string;
  /** The spelled type ('' when the language cannot map it: the pass holds the issue). */
  readonly type: string;
}

/** A struct of the model (a spec interface, the params, the result) with its fields named. */
export interface NamedStruct<Field extends NamedField = NamedField> {
  readonly name: string;
  readonly description?: string;
  readonly fields: readonly Field[];
}

/** One enum with a target identifier for each of its values. */
export interface NamedEnum {
  readonly declaration: EnumDeclaration;
  readonly cases: readonly { readonly value: string; readonly name: string }[];
}

/** The command's own type names every language target prints. */
export interface CommandTypeNames {
  readonly params: string;
  readonly result: string;
}

export class NamingPass {
  private readonly reported: SpecIssue[] = [];
  private readonly unmappable: SpecIssue[] = [];
  private readonly collisions: SpecIssue[] = [];

  constructor(
    readonly adapterId: string,
    readonly model: CommandModel,
  ) {}

  /** An issue found by the target itself (an option that is not a package name, a cycle). */
  report(...issues: SpecIssue[]): void {
    this.reported.push(...issues);
  }

  /** The params and result names, with the spec types that take them (or any of `extra`) reported. */
  commandTypes(extra: ReadonlyMap<string, string> = new Map()): CommandTypeNames {
    this.report(...derivedNameIssues(this.adapterId, this.model, new Map([...commandDerivedNames(this.model), ...extra])));
    return { params: paramsTypeName(this.model), result: resultTypeName(this.model) };
  }

  /** Every struct in rendering order, each field named by `name` and typed by `spell` (which may throw UnmappableType). */
  structs<Field extends NamedField>(
    name: (field: FieldModel) => Omit<Field, 'field' | 'pointer' | 'type'>,
    spell: (field: FieldModel) => string,
  ): NamedStruct<Field>[] {
    return structSources(this.model).map((source) => ({
      name: source.name,
      ...(source.description !== undefined ? { description: source.description } : {}),
      fields: source.fields.map((field, i) => {
        const typePointer = source.pointers[i];
        return {
          ...name(field),
          field,
          pointer: typePointer.replace(/\/type$/, ''),
          type: this.spell(source.name, field, typePointer, spell),
        } as Field;
      }),
    }));
  }

  /** Every enum with its values named by `caseName`. */
  enums(caseName: (value: string, declaration: EnumDeclaration) => string): NamedEnum[] {
    return enums(this.model).map((declaration) => ({
      declaration,
      cases: declaration.values.map((value) => ({ value, name: caseName(value, declaration) })),
    }));
  }

  /** Sources that must have distinct identifiers in one scope (see distinctNames). */
  distinct(scope: string, sources: readonly { readonly source: string; readonly name: string; readonly pointer: string }[]): void {
    this.collision(...distinctNames(this.adapterId, this.model.specFile, scope, sources));
  }

  /** Identifiers that meet in another way (protoc's JSON names, a C macro); reported with the collisions. */
  collision(...issues: SpecIssue[]): void {
    this.collisions.push(...issues);
  }

  result<Names>(names: Names): Naming<Names> {
    return { names, issues: [...this.reported, ...this.unmappable, ...this.collisions] };
  }

  private spell(owner: string, field: FieldModel, pointer: string, spell: (field: FieldModel) => string): string {
    try {
      return spell(field);
    } catch (error) {
      if (!(error instanceof UnmappableType)) throw error;
      const text = typeToSpecText(field.type);
      this.unmappable.push({
        file: this.model.specFile,
        pointer,
        message: `adapter ${this.adapterId} cannot map type ${text} (${owner}.${field.name}): ${error.reason}`,
        found: JSON.stringify(text),
        expected: error.expected,
      });
      return '';
    }
  }
}
