import type { AccessLevel, AdapterId, CommandSpecV2, Environment, RustBlock, RustCompanion, SpecExample } from '../spec/command-spec.js';
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
  /** JSON pointer of the field in the spec (/params/0, /types/T/fields/f); '' for a result convention of the project config. */
  readonly pointer: string;
}

export interface InterfaceDeclaration {
  readonly kind: 'interface';
  readonly name: string;
  readonly description?: string;
  /** JSON pointer of the declaration in the spec (/types/T). */
  readonly pointer: string;
  readonly fields: readonly FieldModel[];
}

export interface EnumDeclaration {
  readonly kind: 'enum';
  readonly name: string;
  readonly description?: string;
  readonly values: readonly string[];
  /** 'spec' when declared in the types block, 'inline' when lifted from a field's literal union. */
  readonly origin: 'spec' | 'inline';
  /** JSON pointer of the declaration (/types/E), or of the field type it was lifted from (/params/0/type). */
  readonly pointer: string;
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
  /** JSON pointer of the variant in the spec (/types/U/variants/V). */
  readonly pointer: string;
}

/**
 * A tagged union (spec `variants`, trait-only specs), e.g. HealthStatus. Kept apart from
 * `types` so that adapters which do not render unions never meet one.
 */
export interface TaggedUnionDeclaration {
  readonly kind: 'union';
  readonly name: string;
  readonly description?: string;
  /** JSON pointer of the declaration in the spec (/types/U). */
  readonly pointer: string;
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
  /** JSON pointer of the method in the spec (/traits/T/methods/0). */
  readonly pointer: string;
}

/** A trait declared by a trait-only spec. */
export interface TraitModel {
  readonly name: string;
  readonly description?: string;
  readonly supertraits: readonly string[];
  readonly methods: readonly TraitMethodModel[];
  /** JSON pointer of the trait in the spec (/traits/T). */
  readonly pointer: string;
}

export interface ResolvedImport {
  readonly name: string;
  readonly from: string;
  readonly rust?: string;
}

/** An import the command uses, and where the spec lists it. */
export interface ImportModel extends ResolvedImport {
  /** JSON pointer of the spec's entry (/imports/0); undefined for an import of the project config or one learned from the project's exports. */
  readonly pointer?: string;
}

/** A spec's interface, enum or tagged union, as `typesByName` finds it. */
export type NamedDeclaration = TypeDeclaration | TaggedUnionDeclaration;

/** The rust block of a Rust-backed spec, with the defaults applied (one place: spec-defaults.ts). */
export interface RustModel {
  /** Module path under the crate's src (modules/gpu): rust.module, else the adapter's default. */
  readonly module: string;
  /** The commands the module answers (gpu/): rust.command_prefix, else the command's first segment and a slash. */
  readonly commandPrefix: string;
  readonly traits: readonly string[];
  readonly imports: readonly string[];
  readonly companions: readonly RustCompanion[];
  /** Where module and prefix come from: their key under /rust, or /name when derived from the command name. */
  readonly modulePointer: string;
  readonly commandPrefixPointer: string;
  /** The block as the spec writes it, for checks that refuse a key (empty when the spec has none). */
  readonly declared: RustBlock;
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
  /** Where the class name comes from: /className when the spec writes one, else /name. */
  readonly classNamePointer: string;
  /** The params and result types every target declares (GpuStatsParams, GpuStatsResult). */
  readonly paramsTypeName: string;
  readonly resultTypeName: string;
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
  /** Every declaration (types and unions) by name. */
  readonly typesByName: ReadonlyMap<string, NamedDeclaration>;
  /** Imported types the command uses, sorted by name. */
  readonly imports: readonly ImportModel[];
  readonly examples: readonly SpecExample[];
  /** The rust block with its defaults, for a Rust adapter's spec (rust-ipc, trait-only); undefined for others. */
  readonly rust?: RustModel;
  /** Project-relative Types file shared with other commands or hand-written code (spec typesFile); undefined: the command's own. */
  readonly typesFile?: string;
  /** Tagged unions (trait-only specs), in spec order; empty for other specs. */
  readonly unions?: readonly TaggedUnionDeclaration[];
  /** Traits (trait-only specs), in spec order; empty for other specs. */
  readonly traits?: readonly TraitModel[];
  /** The spec in canonical v2 form (what is saved into the specs folder): the engine's to save, no adapter's to read. */
  readonly spec: CommandSpecV2;
  /** `spec` as saved (serialiseSpec): what generation records hold and hash. */
  readonly canonicalText: string;
  /** Spec file the model came from, as given (for messages). */
  readonly specFile: string;
}
