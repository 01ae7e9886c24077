import type { AccessLevel, AdapterId, CommandSpecV2, Environment, RustBlock, SpecExample } from '../spec/command-spec.js';
import type { TypeNode } from '../types/type-tree.js';

/** One field of params, results or a declared interface, with its type fully resolved. */
export interface FieldModel {
  /** Name exactly as on the wire. */
  readonly name: string;
  readonly type: TypeNode;
  readonly description?: string;
  /** May be absent (f?: T). */
  readonly optional: boolean;
  /** Value an optional param takes when absent (params factory). */
  readonly default?: unknown;
}

export interface InterfaceDeclaration {
  readonly kind: 'interface';
  readonly name: string;
  readonly description?: string;
  readonly fields: readonly FieldModel[];
}

export interface EnumDeclaration {
  readonly kind: 'enum';
  readonly name: string;
  readonly description?: string;
  readonly values: readonly string[];
  /** 'spec' when declared in the types block, 'inline' when lifted from a field's literal union. */
  readonly origin: 'spec' | 'inline';
}

export type TypeDeclaration = InterfaceDeclaration | EnumDeclaration;

export interface ResolvedImport {
  readonly name: string;
  readonly from: string;
  readonly rust?: string;
}

/**
 * The one immutable, fully resolved description of a command that every adapter reads.
 * Nothing downstream re-parses a type string or re-derives a name.
 */
export interface CommandModel {
  /** Command name, e.g. gpu/stats. */
  readonly name: string;
  readonly segments: readonly string[];
  /** Class-name stem, e.g. GpuStats. */
  readonly className: string;
  readonly description: string;
  readonly environment: Environment;
  readonly adapter: AdapterId;
  readonly accessLevel: AccessLevel;
  readonly params: readonly FieldModel[];
  readonly results: readonly FieldModel[];
  /** Declared types in spec order, then enums lifted from inline unions in order of appearance. */
  readonly types: readonly TypeDeclaration[];
  /** Imported types the command uses, sorted by name. */
  readonly imports: readonly ResolvedImport[];
  readonly examples: readonly SpecExample[];
  readonly rust?: RustBlock;
  /** The spec in canonical v2 form (what is saved into the specs folder). */
  readonly spec: CommandSpecV2;
  /** Spec file the model came from, as given (for messages). */
  readonly specFile: string;
}
