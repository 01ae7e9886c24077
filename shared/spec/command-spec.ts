import type { ImportDeclaration } from '../config/project-config.js';

/** The raw shape of a CommandSpec v2 file, as the schema in schemas/command-spec-v2.schema.json allows. */
export type Environment = 'server' | 'browser' | 'both';
/** One of the project's access levels (config `accessLevels`; the host's by default). */
export type AccessLevel = string;
/** An adapter's id: a built-in's or a project plugin's (the registry knows which exist; the schema checks the pattern). */
export type AdapterId = string;

export interface SpecField {
  name: string;
  type: string;
  description?: string;
  optional?: boolean;
  default?: unknown;
  optionalNullable?: boolean;
}

export interface SpecTypeField {
  type: string;
  description?: string;
  optional?: boolean;
  optionalNullable?: boolean;
}

export interface SpecTypeDeclaration {
  description?: string;
  fields?: Record<string, SpecTypeField>;
  enum?: string[];
  /** Doc text per enum value (enums only). */
  valueDescriptions?: Record<string, string>;
  /** The enum's values are in increasing order (Rust derives PartialOrd and Ord). */
  ordered?: boolean;
  /** Tagged union: the name of the tag field (variants only). */
  tag?: string;
  /** Tagged union: variants by wire name, each with its own fields (trait-only specs). */
  variants?: Record<string, SpecVariant>;
}

/** One variant of a tagged union: `{ "<tag>": "<name>", ...fields }` on the wire. */
export interface SpecVariant {
  description?: string;
  fields?: Record<string, SpecTypeField>;
}

/** A parameter of a trait method. */
export interface SpecTraitParam {
  name: string;
  type: string;
  description?: string;
}

/** A method of a trait (trait-only specs). */
export interface SpecTraitMethod {
  name: string;
  description?: string;
  receiver?: '&self' | '&mut self';
  async?: boolean;
  params?: SpecTraitParam[];
  returns?: string;
  returnsBorrowed?: boolean;
  fallible?: boolean;
  defaultBody?: string;
  stub?: string;
  todo?: string;
}

/** A trait declaration (trait-only specs). */
export interface SpecTrait {
  description?: string;
  supertraits?: string[];
  methods: SpecTraitMethod[];
}

/** Modules the trait-only adapter can write beside the traits. */
export type RustCompanion = 'pressure' | 'supervisor';

export interface SpecExample {
  description: string;
  command: string;
  expectedResult?: string;
}

export interface RustBlock {
  module?: string;
  traits?: string[];
  command_prefix?: string;
  imports?: string[];
  companions?: RustCompanion[];
}

export interface CommandSpecV2 {
  $schema?: string;
  version: 2;
  name: string;
  className?: string;
  description: string;
  environment?: Environment;
  adapter?: AdapterId;
  accessLevel?: AccessLevel;
  /** A Types file shared with other commands or hand-written code (merged into, never overwritten). */
  typesFile?: string;
  rust?: RustBlock;
  types?: Record<string, SpecTypeDeclaration>;
  traits?: Record<string, SpecTrait>;
  params?: SpecField[];
  results?: SpecField[];
  examples?: SpecExample[];
  imports?: ImportDeclaration[];
}
