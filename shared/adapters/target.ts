/**
 * The two-phase target contract (quicktype's shape): a target first names everything it will
 * print (`name`: keywords, escaping, casing, collisions, type spellings, decided once, with the
 * issues found on the way), then lays the names out (`render`: files and edits, which cannot
 * fail). `defineTarget` builds a GeneratorAdapter from the two phases: its `check` is the
 * unsupported declarations plus the naming pass's issues, its `plan` the rendered files with
 * their templates filled in. A target is one folder, shared/adapters/<folder>: index.ts (this
 * definition), type-mapping.ts, namer.ts, view.ts and templates/ (docs/adapters.md, "Adding a
 * target language").
 *
 * A vertical that writes several parts (rust-ipc: a Rust module and a TypeScript command) is a
 * composition (`defineComposition`): each part is a `TargetPart` with its own folder, namer and
 * renderer; the composition joins their names, issues, files and edits in the order of its parts.
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
  PlanContext,
  PlannedEdit,
  PlannedFile,
  RelatedSpec,
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

/**
 * One part of what a target writes, in its own folder (shared/adapters/<folder>/templates): a
 * target is one part; a composition joins several.
 */
export interface TargetPart<Names> {
  /** Its folder under shared/adapters/ (where its templates/ is). */
  readonly folder: string;
  /**
   * Phase one: every identifier and type spelling the part prints, with what it cannot name.
   * `config` is for a part whose paths come from the project's layout (the Rust crate, the
   * commands folder); `context` for one whose output depends on the project (its files, its other
   * specs, the run's traits): empty when the engine gives none. A language target names from the
   * model and its options alone.
   */
  name(model: CommandModel, options: AdapterOptions, config: ProjectConfig, context: PlanContext): Naming<Names>;
  /** Phase two, given names without issues: the files and edits, reading identifiers from `names` only. */
  render(model: CommandModel, names: Names, options: AdapterOptions): Rendering;
}

export interface TargetDefinition<Names> extends TargetPart<Names> {
  /** Identifier used in specs and on the command line (`--adapter=<id>`). */
  readonly id: string;
  readonly description: string;
  readonly writes: readonly string[];
  readonly reservedNames?: ReadonlyMap<string, string>;
  /** The options it takes; absent: it declares none and receives its configured object unchecked. */
  readonly options?: readonly AdapterOptionDeclaration[];
  readonly typeMapping?: AdapterTypeMapping;
  /** Default: neither tagged unions nor traits. Only a target writing no command reports the others (see check). */
  readonly renders?: RenderedDeclarations;
  /** The spec blocks it reads (GeneratorAdapter.accepts); absent: none. */
  readonly accepts?: GeneratorAdapter['accepts'];
  /** The environments of the command it writes (GeneratorAdapter.environments); absent: it writes no command. */
  readonly environments?: GeneratorAdapter['environments'];
  readonly defaultFor?: GeneratorAdapter['defaultFor'];
  readonly writesRustModule?: boolean;
  /** The other specs its names were made from (a Rust module's other commands), for the generation records. */
  relatedSpecs?(model: CommandModel, names: Names): readonly RelatedSpec[];
  /** Checks against the project after the run (GeneratorAdapter.checkProject), e.g. Rust use paths. */
  readonly checkProject?: GeneratorAdapter['checkProject'];
  /** What the user must still do by hand (GeneratorAdapter.nextSteps). */
  readonly nextSteps?: GeneratorAdapter['nextSteps'];
}

/** A GeneratorAdapter made by defineTarget: it knows its folder (a test lists the folders against the registry). */
export interface TargetAdapter extends GeneratorAdapter {
  readonly folder: string;
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

/** A part's files with its templates (its folder's templates/) filled in. */
function filledFiles(folder: string, rendering: Rendering): PlannedFile[] {
  const templates = adapterTemplates(folder);
  return rendering.files.map((file) =>
    isTemplateFile(file)
      ? {
          path: file.path,
          content: renderTemplate(templates, file.template, file.data, {
            ...(file.maxBlankLines === undefined ? {} : { maxBlankLines: file.maxBlankLines }),
            ...(file.verbatim ? { verbatim: true } : {}),
          }),
        }
      : file,
  );
}

/** A run without a context, whether it was given none or an empty one (extra adapters get `{}`). */
const NO_CONTEXT: PlanContext = {};
const contextKey = (context: PlanContext | undefined): PlanContext =>
  context === undefined || Object.keys(context).length === 0 ? NO_CONTEXT : context;

interface TargetRun<Names> {
  readonly naming: Naming<Names>;
  rendering?: { readonly files: FilePlan; readonly edits: readonly PlannedEdit[] };
}

export function defineTarget<Names>(definition: TargetDefinition<Names>): TargetAdapter {
  const declared = definition.options ?? [];
  // check, plan and edits see one model, options object and context per run: name and render once.
  const runs = new WeakMap<CommandModel, Map<AdapterOptions | undefined, Map<PlanContext, TargetRun<Names>>>>();
  // A model is resolved under one project config, so the model, the options and the context key a run.
  const runOf = (model: CommandModel, config: ProjectConfig, configured: AdapterOptions | undefined, context?: PlanContext) => {
    const byOptions = runs.get(model) ?? new Map<AdapterOptions | undefined, Map<PlanContext, TargetRun<Names>>>();
    runs.set(model, byOptions);
    const byContext = byOptions.get(configured) ?? new Map<PlanContext, TargetRun<Names>>();
    byOptions.set(configured, byContext);
    const key = contextKey(context);
    let run = byContext.get(key);
    if (!run) byContext.set(key, (run = { naming: definition.name(model, withOptionDefaults(declared, configured), config, key) }));
    return run;
  };
  const rendered = (model: CommandModel, config: ProjectConfig, configured: AdapterOptions | undefined, context?: PlanContext) => {
    const run = runOf(model, config, configured, context);
    if (run.naming.issues.length > 0) throw new SpecError(run.naming.issues);
    if (!run.rendering) {
      const rendering = definition.render(model, run.naming.names, withOptionDefaults(declared, configured));
      run.rendering = { files: filledFiles(definition.folder, rendering), edits: rendering.edits ?? [] };
    }
    return run.rendering;
  };
  const { relatedSpecs } = definition;
  return {
    id: definition.id,
    folder: definition.folder,
    description: definition.description,
    writes: definition.writes,
    ...(definition.environments ? { environments: definition.environments } : {}),
    ...(definition.defaultFor ? { defaultFor: definition.defaultFor } : {}),
    ...(definition.writesRustModule ? { writesRustModule: true } : {}),
    ...(definition.reservedNames ? { reservedNames: definition.reservedNames } : {}),
    ...(definition.options ? { options: definition.options } : {}),
    ...(definition.typeMapping ? { typeMapping: definition.typeMapping } : {}),
    ...(definition.accepts ? { accepts: definition.accepts } : {}),
    check: (model, config, options, context) => [
      // A command target is a spec's own adapter: the engine refuses at the block what it does not accept.
      ...(definition.environments ? [] : unsupportedDeclarations(definition.id, model, definition.renders)),
      ...runOf(model, config, options, context).naming.issues,
    ],
    plan: (model, config, options, context) => rendered(model, config, options, context).files,
    ...(relatedSpecs
      ? { relatedSpecs: (model, config, options, context) => relatedSpecs(model, runOf(model, config, options, context).naming.names) }
      : {}),
    // The edits read the project through the context (the engine passes the same reader as `project`).
    edits: (model, config, options, project, context) =>
      rendered(model, config, options, context ?? (project === undefined ? undefined : { project })).edits,
    ...(definition.checkProject ? { checkProject: definition.checkProject } : {}),
    ...(definition.nextSteps ? { nextSteps: definition.nextSteps } : {}),
  };
}

/** What a composition decided: its core part's names, and each further part with its own. */
export interface CompositionNames<CoreNames> {
  readonly core: CoreNames;
  readonly parts: ReadonlyArray<{ readonly part: TargetPart<unknown>; readonly names: unknown }>;
}

export interface CompositionDefinition<CoreNames> extends Omit<TargetDefinition<CoreNames>, 'folder' | 'name' | 'render' | 'relatedSpecs'> {
  /** The part the others build on (rust-ipc's Rust module); its folder is the composition's. */
  readonly core: TargetPart<CoreNames>;
  /** The parts made for one run from the core's names (a TypeScript command whose server slot calls the core), in order. */
  parts(model: CommandModel, config: ProjectConfig, core: CoreNames): readonly TargetPart<unknown>[];
  relatedSpecs?(model: CommandModel, core: CoreNames): readonly RelatedSpec[];
}

/**
 * A target made of parts: the core named first, then the parts made from its names. Issues,
 * files and edits join in part order (core first), each part's templates from its own folder.
 */
export function defineComposition<CoreNames>(definition: CompositionDefinition<CoreNames>): TargetAdapter {
  const { core, parts, relatedSpecs, ...rest } = definition;
  return defineTarget<CompositionNames<CoreNames>>({
    ...rest,
    folder: core.folder,
    name: (model, options, config, context) => {
      const own = core.name(model, options, config, context);
      const named = parts(model, config, own.names).map((part) => ({ part, naming: part.name(model, options, config, context) }));
      return {
        names: { core: own.names, parts: named.map(({ part, naming }) => ({ part, names: naming.names })) },
        issues: [...own.issues, ...named.flatMap(({ naming }) => naming.issues)],
      };
    },
    render: (model, names, options) => {
      const renderings = [
        { folder: core.folder, rendering: core.render(model, names.core, options) },
        ...names.parts.map(({ part, names: partNames }) => ({ folder: part.folder, rendering: part.render(model, partNames, options) })),
      ];
      return {
        files: renderings.flatMap(({ folder, rendering }) => filledFiles(folder, rendering)),
        edits: renderings.flatMap(({ rendering }) => rendering.edits ?? []),
      };
    },
    ...(relatedSpecs ? { relatedSpecs: (model, names) => relatedSpecs(model, names.core) } : {}),
  });
}

/** One part's files and edits on its own, outside a target (a test of a part; a tool that plans one part): naming issues throw. */
export function planPart<Names>(
  part: TargetPart<Names>,
  model: CommandModel,
  config: ProjectConfig,
  options: AdapterOptions = {},
  context: PlanContext = {},
): { readonly files: PlannedFile[]; readonly edits: readonly PlannedEdit[] } {
  const naming = part.name(model, options, config, context);
  if (naming.issues.length > 0) throw new SpecError(naming.issues);
  const rendering = part.render(model, naming.names, options);
  return { files: filledFiles(part.folder, rendering), edits: rendering.edits ?? [] };
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
