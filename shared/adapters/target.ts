/**
 * The two-phase target contract (quicktype's shape): a target first names everything it will
 * print (`name`: keywords, escaping, casing, collisions, type spellings, decided once, with the
 * issues found on the way), then lays the names out (`render`: files and edits, which cannot
 * fail). `defineTarget` builds a GeneratorAdapter from the two phases: its `check` is the
 * unsupported declarations plus the naming pass's issues, its `plan` the rendered files with
 * their templates filled in. A target is one folder, shared/adapters/<folder>: index.ts (this
 * definition), type-mapping.ts, namer.ts, view.ts and templates/ (docs/adapters.md, "Adding a
 * target language").
 */
import type { ProjectConfig } from '../config/project-config.js';
import { SpecError, pointerOf, type SpecIssue } from '../errors.js';
import type { CommandModel } from '../model/command-model.js';
import { adapterTemplates } from '../package-root.js';
import { renderTemplate } from '../render/template-engine.js';
import type {
  AdapterOptionDeclaration,
  AdapterOptions,
  AdapterTypeMapping,
  FilePlan,
  GeneratorAdapter,
  PlannedEdit,
  PlannedFile,
} from './adapter.js';

/** What a naming pass decided, and what it could not name (an issue stops the run before rendering). */
export interface Naming<Names> {
  readonly names: Names;
  readonly issues: readonly SpecIssue[];
}

/** A file made from one of the target's templates (templates/<template>.ejs) and the data it lays out. */
export interface TemplateFile {
  readonly path: string;
  readonly template: string;
  readonly data: Record<string, unknown>;
  /** Longest run of blank lines kept (default 1). */
  readonly maxBlankLines?: number;
  /** The template's output as is, untidied (text whose exact bytes another tool prints, ts-rs's). */
  readonly verbatim?: boolean;
}

/** What `render` returns: the files (from templates, or with their content) and edits of shared files. */
export interface Rendering {
  readonly files: readonly (TemplateFile | PlannedFile)[];
  readonly edits?: readonly PlannedEdit[];
}

/** The declarations beyond plain structs and enums a target renders; the others are reported as unsupported. */
export interface RenderedDeclarations {
  readonly unions?: boolean;
  readonly traits?: boolean;
}

export interface TargetDefinition<Names> {
  /** Identifier used in specs and on the command line (`--adapter=<id>`). */
  readonly id: string;
  /** Its folder under shared/adapters/ (where templates/ is). */
  readonly folder: string;
  readonly description: string;
  readonly writes: readonly string[];
  readonly reservedNames?: ReadonlyMap<string, string>;
  readonly options: readonly AdapterOptionDeclaration[];
  readonly typeMapping?: AdapterTypeMapping;
  /** Default: neither tagged unions nor traits. */
  readonly renders?: RenderedDeclarations;
  /** The spec blocks it reads (GeneratorAdapter.accepts); absent: none. */
  readonly accepts?: GeneratorAdapter['accepts'];
  /** Checks against the project after the run (GeneratorAdapter.checkProject), e.g. Rust use paths. */
  readonly checkProject?: GeneratorAdapter['checkProject'];
  /**
   * Phase one: every identifier and type spelling the target prints, with what it cannot name.
   * `config` is for a target whose paths come from the project's layout (the Rust crate); a
   * language target names from the model and its options alone.
   */
  name(model: CommandModel, options: AdapterOptions, config: ProjectConfig): Naming<Names>;
  /** Phase two, given names without issues: the files and edits, reading identifiers from `names` only. */
  render(model: CommandModel, names: Names, options: AdapterOptions): Rendering;
}

/** A GeneratorAdapter made by defineTarget: it knows its folder (a test lists the folders against the registry). */
export interface TargetAdapter extends GeneratorAdapter {
  readonly folder: string;
  readonly options: readonly AdapterOptionDeclaration[];
}

/**
 * Every declared option with its configured value or its default. The engine passes resolved
 * options already; a direct call (a test, a plugin) may pass none.
 */
export function withOptionDefaults(declarations: readonly AdapterOptionDeclaration[], options: AdapterOptions | undefined): AdapterOptions {
  return Object.fromEntries(declarations.map((d) => [d.name, options?.[d.name] ?? d.default]));
}

/** A string option of resolved options (withOptionDefaults gives every declared one). */
export function stringOption(options: AdapterOptions, name: string): string {
  const value = options[name];
  if (typeof value !== 'string') throw new Error(`option ${name} is not a resolved string option`);
  return value;
}

const isTemplateFile = (file: TemplateFile | PlannedFile): file is TemplateFile => 'template' in file;

export function defineTarget<Names>(definition: TargetDefinition<Names>): TargetAdapter {
  const templates = adapterTemplates(definition.folder);
  // check, plan and edits see one model and one options object per run: name and render once.
  const runs = new WeakMap<CommandModel, Map<AdapterOptions | undefined, { naming: Naming<Names>; rendering?: Rendering }>>();
  // A model is resolved under one project config, so the model and the options key a run.
  const runOf = (model: CommandModel, config: ProjectConfig, configured: AdapterOptions | undefined) => {
    const byOptions = runs.get(model) ?? new Map();
    runs.set(model, byOptions);
    let run = byOptions.get(configured);
    if (!run)
      byOptions.set(configured, (run = { naming: definition.name(model, withOptionDefaults(definition.options, configured), config) }));
    return run;
  };
  const rendered = (model: CommandModel, config: ProjectConfig, configured: AdapterOptions | undefined): Rendering => {
    const run = runOf(model, config, configured);
    if (run.naming.issues.length > 0) throw new SpecError(run.naming.issues);
    run.rendering ??= definition.render(model, run.naming.names, withOptionDefaults(definition.options, configured));
    return run.rendering;
  };
  const fill = (file: TemplateFile | PlannedFile): PlannedFile =>
    isTemplateFile(file)
      ? {
          path: file.path,
          content: renderTemplate(templates, file.template, file.data, {
            ...(file.maxBlankLines === undefined ? {} : { maxBlankLines: file.maxBlankLines }),
            ...(file.verbatim ? { verbatim: true } : {}),
          }),
        }
      : file;
  return {
    id: definition.id,
    folder: definition.folder,
    description: definition.description,
    writes: definition.writes,
    ...(definition.reservedNames ? { reservedNames: definition.reservedNames } : {}),
    options: definition.options,
    ...(definition.typeMapping ? { typeMapping: definition.typeMapping } : {}),
    ...(definition.accepts ? { accepts: definition.accepts } : {}),
    check: (model, config, options) => [
      ...unsupportedDeclarations(definition.id, model, definition.renders),
      ...runOf(model, config, options).naming.issues,
    ],
    plan: (model, config, options): FilePlan => rendered(model, config, options).files.map(fill),
    edits: (model, config, options) => rendered(model, config, options).edits ?? [],
    ...(definition.checkProject ? { checkProject: definition.checkProject } : {}),
  };
}

/** The tagged unions and traits of a model that a target does not render, each an issue naming the adapter. */
export function unsupportedDeclarations(adapterId: string, model: CommandModel, renders: RenderedDeclarations = {}): SpecIssue[] {
  const unions = renders.unions ? [] : (model.unions ?? []);
  const traits = renders.traits ? [] : (model.traits ?? []);
  return [
    ...unions.map((union) => ({
      file: model.specFile,
      pointer: pointerOf('types', union.name),
      message: `adapter ${adapterId} cannot map type ${union.name}: tagged unions are not supported by this adapter`,
      found: JSON.stringify(union.name),
      expected: 'a spec without variants for this adapter, or an adapter that renders tagged unions',
    })),
    ...traits.map((trait) => ({
      file: model.specFile,
      pointer: pointerOf('traits', trait.name),
      message: `adapter ${adapterId} does not render traits (${trait.name})`,
      expected: 'a command spec (params and results) for this adapter',
    })),
  ];
}
