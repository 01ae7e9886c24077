import type { ResolveOptions } from '../model/resolve-model.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { SpecIssue } from '../errors.js';
import type { CommandModel } from '../model/command-model.js';
import type { TraitCatalog } from './trait-only/trait-catalog.js';
import type { Environment } from '../spec/command-spec.js';

/** An adapter id (in a spec's `adapter`, on the command line, in the config): the schema's `adapter` pattern. */
export const ADAPTER_ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/**
 * The spec blocks only some adapters read: `rust` (the Rust block), `traits`, `companions`
 * (rust.companions) and `variants` (tagged unions in types). A spec holding one its adapter does not
 * accept is refused at the block, naming the adapters that accept it.
 */
export const SPEC_BLOCKS = ['rust', 'traits', 'companions', 'variants'] as const;
export type SpecBlock = (typeof SPEC_BLOCKS)[number];

/** One file the generator wants to exist: a project-relative POSIX path and its full content. */
export interface PlannedFile {
  readonly path: string;
  readonly content: string;
  /**
   * Created when missing and never rewritten, not even under --force: the developer's file from
   * then on (a Rust command handler). The generation-gap half of a module: the generator owns the
   * rest.
   */
  readonly once?: boolean;
  /**
   * The commands whose generation records list this file (default: the spec's own). A file made
   * from several specs (a Rust module of many commands) is listed by each, so every record stays
   * true to the file whichever command is generated next.
   */
  readonly owners?: readonly string[];
}

/** A spec file's text and the name to cite it by. */
export interface SpecText {
  readonly file: string;
  readonly text: string;
}

/** Another spec a generation read (a command that shares its Rust module), in canonical form. */
export interface RelatedSpec {
  readonly command: string;
  readonly file: string;
  /** The canonical v2 text (what a generation record holds and hashes). */
  readonly canonical: string;
}

/**
 * What an adapter may read of the project while it checks and plans. The engine stays pure: the
 * front end supplies these (over the disk), a reproduction the recorded specs, tests a map.
 */
export interface PlanContext {
  /** The project's current files (undefined: an empty project). */
  readonly project?: ProjectReader;
  /**
   * The project's specs (its specs folder, the run's own specs first), read only by an adapter
   * whose output depends on several specs: every spec naming one Rust module makes one module.
   */
  readonly specs?: () => readonly SpecText[];
  /** The project's exported types, for names a sibling spec uses without declaring them (as the run's own spec). */
  readonly knownTypes?: ResolveOptions['knownTypes'];
  /**
   * The traits rust-ipc specs may implement (the project's trait specs and the shipped ones),
   * resolved by the engine once per run on first use (projectTraits); undefined: the adapter's own default.
   */
  readonly traits?: () => TraitCatalog;
}

/** What a generation run writes. Paths are unique and sorted so output order is deterministic. */
export type FilePlan = readonly PlannedFile[];

/**
 * A change to a file the generator does not own (a `mod.rs`, the IPC composition file): a pure
 * function from the file's current text (undefined when it does not exist) to its new text. The
 * engine cannot read files, so the front end applies it through its file system (mem-fs-editor)
 * and writes the result when it differs. Edits are idempotent: applying one to its own output
 * changes nothing, so a second generation run adds nothing.
 */
export interface PlannedEdit {
  /** Project-relative POSIX path of the file to edit. */
  readonly path: string;
  /** What the edit adds, for logs (`pub mod gpu;`). */
  readonly description: string;
  apply(existing: string | undefined): string;
}

/**
 * Read access to the project for checks and edits that depend on what is there: a project-relative
 * POSIX path to the file's text (undefined when there is none). The engine stays pure: the front
 * end supplies it (mem-fs-editor over the disk, plus what the run plans), tests a map.
 */
export type ProjectReader = (path: string) => string | undefined;

/**
 * One option an adapter accepts, declared once: `continuum-gen adapters` lists it, the engine
 * checks the configured value against `type` and fills in `default`. Values come from the
 * project config (`adapterOptions.<id>`, and for plugins the `options` of their `adapters` entry).
 */
export interface AdapterOptionDeclaration {
  readonly name: string;
  /**
   * `path`: a project-relative folder (checked like the config roots); `string-map`: an object of
   * strings; `type-map`: imported type name -> target type, or { type, import } (see docs/adapters.md).
   */
  readonly type: 'string' | 'path' | 'boolean' | 'string-map' | 'type-map';
  readonly description: string;
  readonly default: AdapterOptionValue;
}

/** `type-map` entries: a target type, or a target type and what must be imported for it. */
export type ImportedTypeMapping = string | { readonly type: string; readonly import?: string };
export type AdapterOptionValue = string | boolean | Readonly<Record<string, string>> | Readonly<Record<string, ImportedTypeMapping>>;

/** An adapter's resolved options: every declared option, with its configured value or its default. */
export type AdapterOptions = Readonly<Record<string, AdapterOptionValue>>;

/**
 * How an adapter spells the spec's types (the rows of docs/type-mapping.md), declared so that
 * `continuum-gen adapters` and docs/adapters.md can show it. `T` stands for the inner type.
 */
export interface AdapterTypeMapping {
  /** Target language, e.g. Swift. */
  readonly language: string;
  readonly string: string;
  readonly number: string;
  readonly integer: string;
  readonly boolean: string;
  /** Untyped JSON (spec `unknown`); an adapter without it refuses such fields. */
  readonly unknown?: string;
  /** A string-literal union or spec enum. */
  readonly enum: string;
  readonly array: string;
  readonly record: string;
  /** An optional field (f?: T). */
  readonly optional: string;
  /** A nullable field (f: T | null). */
  readonly nullable: string;
  /** A spec type with fields. */
  readonly interface: string;
  /** How imported types are mapped, e.g. 'adapterOptions.swift.importedTypes'. */
  readonly imported: string;
  /** What the adapter refuses (each refusal is a generation error naming the adapter and the type). */
  readonly refuses?: readonly string[];
}

/**
 * An adapter turns a resolved CommandModel into files for one output shape or language.
 * It never touches the file system and never re-parses the spec: it reads the model only.
 * Built-in adapters are registered in builtin-adapters.ts; project-local ones are loaded from
 * the project config's `adapters` list by plugin-loader.ts. See docs/adapters.md.
 */
export interface GeneratorAdapter {
  /** Identifier used in specs (`adapter`) and on the command line (ADAPTER_ID_PATTERN). */
  readonly id: string;
  /**
   * The environments the command it writes may run in, the one a spec without `environment` gets
   * first. Absent: it writes no command (trait-only), and a spec's environment is not its concern.
   */
  readonly environments?: readonly Environment[];
  /** The environments for which it is the adapter of a spec that names none (one adapter per environment). */
  readonly defaultFor?: readonly Environment[];
  /** The spec blocks it reads (see SpecBlock); absent: none of them. */
  readonly accepts?: readonly SpecBlock[];
  /**
   * It writes the spec's Rust IPC module (rust.module): the audit reads that module back and checks
   * its traits and dispatch arms. Absent: it writes no such module.
   */
  readonly writesRustModule?: boolean;
  /** One line for `continuum-gen adapters` and the wizard. */
  readonly description: string;
  /** Human-readable list of what it writes (paths use <C> for the class name). */
  readonly writes: readonly string[];
  /** Names (types, class names) this adapter's target language cannot use, with the reason. */
  readonly reservedNames?: ReadonlyMap<string, string>;
  /** Options it accepts (output folders, imported type mappings, ...); resolved values reach check and plan. */
  readonly options?: readonly AdapterOptionDeclaration[];
  /** How it maps the spec's types, for listings and docs. */
  readonly typeMapping?: AdapterTypeMapping;
  /**
   * Adapter-specific checks of a model; an issue here stops generation before anything is written.
   * A type the adapter cannot map is reported here, naming the adapter and the type. The engine
   * always passes `options` (the resolved values of `options`); it is optional for older adapters.
   */
  check?(model: CommandModel, config: ProjectConfig, options?: AdapterOptions, context?: PlanContext): SpecIssue[];
  /** The files for this model (project-relative POSIX paths). */
  plan(model: CommandModel, config: ProjectConfig, options?: AdapterOptions, context?: PlanContext): FilePlan;
  /** The other specs the plan was made from (the other commands of a Rust module), for the generation records. */
  relatedSpecs?(model: CommandModel, config: ProjectConfig, options?: AdapterOptions, context?: PlanContext): readonly RelatedSpec[];
  /**
   * Edits of shared files (module registration, IPC composition); applied in order, after the plan
   * is written. `project` (when the front end has one) reads what is already there.
   */
  edits?(
    model: CommandModel,
    config: ProjectConfig,
    options?: AdapterOptions,
    project?: ProjectReader,
    context?: PlanContext,
  ): readonly PlannedEdit[];
  /**
   * Checks against the project as it will be once the whole run's files and edits are in (a Rust
   * `use` path must resolve in the crate); an issue stops the run before anything is written.
   */
  checkProject?(model: CommandModel, config: ProjectConfig, project: ProjectReader, context?: PlanContext): SpecIssue[];
  /** What the user must still do by hand after the run (printed with the summary). */
  nextSteps?(model: CommandModel, config: ProjectConfig, project?: ProjectReader): string[];
}
