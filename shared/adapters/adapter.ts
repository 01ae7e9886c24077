import type { ProjectConfig } from '../config/project-config.js';
import type { SpecIssue } from '../errors.js';
import type { CommandModel } from '../model/command-model.js';

/** One file the generator wants to exist: a project-relative POSIX path and its full content. */
export interface PlannedFile {
  readonly path: string;
  readonly content: string;
}

/** What a generation run writes. Paths are unique and sorted so output order is deterministic. */
export type FilePlan = readonly PlannedFile[];

/**
 * An adapter turns a resolved CommandModel into files for one output shape or language.
 * It never touches the file system and never re-parses the spec: it reads the model only.
 */
export interface GeneratorAdapter {
  /** Identifier used in specs (`adapter`) and on the command line. */
  readonly id: string;
  /** One line for `continuum-gen adapters` and the wizard. */
  readonly description: string;
  /** Human-readable list of what it writes (paths use <C> for the class name). */
  readonly writes: readonly string[];
  /** Names (types, class names) this adapter's target language cannot use, with the reason. */
  readonly reservedNames?: ReadonlyMap<string, string>;
  /** Adapter-specific checks of a model; an issue here stops generation before anything is written. */
  check?(model: CommandModel, config: ProjectConfig): SpecIssue[];
  /** The files for this model. */
  plan(model: CommandModel, config: ProjectConfig): FilePlan;
}
