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
  /** Doc text of each value, index-aligned with `values` (spec `valueDescriptions`). */
  readonly valueDescriptions?: readonly (string | undefined)[];
  /** The values are in increasing order (spec `ordered`). */
  readonly ordered?: boolean;
}

export type TypeDeclaration = InterfaceDeclaration | EnumDeclaration;

/** One variant of a tagged union: `{ <tag>: <name>, ...fields }` on the wire. */
export interface VariantModel {
  /** Name exactly as on the wire (the tag's value). */
  readonly name: string;
  readonly description?: string;
  readonly fields: readonly FieldModel[];
}

/**
 * A tagged union (spec `variants`, trait-only specs), e.g. HealthStatus. Kept apart from
 * `types` so that adapters which do not render unions never meet one.
 */
export interface TaggedUnionDeclaration {
  readonly kind: 'union';
  readonly name: string;
  readonly description?: string;
  readonly tag: string;
  readonly variants: readonly VariantModel[];
}

/** The type of a trait method's parameter or result: a wire type, or a tuple (list) of them. */
export type MethodType =
  | { readonly kind: 'type'; readonly node: TypeNode }
  | { readonly kind: 'tuple'; readonly elements: readonly TypeNode[]; readonly list: boolean };

export interface TraitMethodParam {
  readonly name: string;
  readonly type: MethodType;
  readonly description?: string;
}

export interface TraitMethodModel {
  /** snake_case, as in Rust. */
  readonly name: string;
  readonly description?: string;
  readonly receiver: '&self' | '&mut self';
  readonly async: boolean;
  readonly params: readonly TraitMethodParam[];
  /** Undefined when the method returns nothing. */
  readonly returns?: MethodType;
  /** Strings in the result are borrowed from self (&str). */
  readonly returnsBorrowed: boolean;
  /** Result<T, String> in Rust; throws in TypeScript. */
  readonly fallible: boolean;
  /** Rust statements of the trait's default implementation. */
  readonly defaultBody?: string;
  /** Rust expression generated implementations return. */
  readonly stub?: string;
  /** What an implementer must do (TODO comment). */
  readonly todo?: string;
}

/** A trait declared by a trait-only spec. */
export interface TraitModel {
  readonly name: string;
  readonly description?: string;
  readonly supertraits: readonly string[];
  readonly methods: readonly TraitMethodModel[];
}

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
  /**
   * The result fields of the host's conventions (config payload.resultConventions: success, error),
   * each with the spec's own type when a spec result has its name. Only TypeScript renders them.
   */
  readonly resultConventions: readonly FieldModel[];
  /** Declared types in spec order, then enums lifted from inline unions in order of appearance. */
  readonly types: readonly TypeDeclaration[];
  /** Imported types the command uses, sorted by name. */
  readonly imports: readonly ResolvedImport[];
  readonly examples: readonly SpecExample[];
  readonly rust?: RustBlock;
  /** Project-relative Types file shared with other commands or hand-written code (spec typesFile); undefined: the command's own. */
  readonly typesFile?: string;
  /** Tagged unions (trait-only specs), in spec order; empty for other specs. */
  readonly unions?: readonly TaggedUnionDeclaration[];
  /** Traits (trait-only specs), in spec order; empty for other specs. */
  readonly traits?: readonly TraitModel[];
  /** The spec in canonical v2 form (what is saved into the specs folder). */
  readonly spec: CommandSpecV2;
  /** Spec file the model came from, as given (for messages). */
  readonly specFile: string;
}
