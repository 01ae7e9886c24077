import type {
  AdapterOptions,
  FilePlan,
  GeneratorAdapter,
  PlanContext,
  PlannedEdit,
  PlannedFile,
  ProjectReader,
  RelatedSpec,
  SpecText,
} from './adapters/adapter.js';
import { builtinAdapters } from './adapters/builtin-adapters.js';
import { chooseAdapter, specFitIssues, type AdapterChoice } from './adapters/choose-adapter.js';
import { resolveProjectTraits, type TraitCatalog } from './adapters/trait-only/trait-catalog.js';
import type { AdapterRegistry } from './adapters/registry.js';
import {
  mergePlans,
  reservedNameIssues,
  resolveRunOptions,
  selectExtraAdapters,
  sortedPlan,
  type AdapterPlan,
} from './adapters/run-adapters.js';
import { unsafeRelativePath, type ProjectConfig } from './config/project-config.js';
import { SpecError, inFileOrder, type SpecIssue } from './errors.js';
import type { CommandModel } from './model/command-model.js';
import { specFileName } from './model/naming.js';
import { resolveCommandModelWithIssues, type ResolveOptions } from './model/resolve-model.js';
import { serialiseSpec } from './spec/canonical-spec.js';
import type { CommandSpecV2 } from './spec/command-spec.js';
import type { JsonSource } from './spec/json-source.js';
import { inspectSpec } from './spec/load-spec.js';

export interface GenerateRequest {
  /** The spec file's text, or its bytes (refused unless UTF-8; a BOM is accepted). */
  readonly specText: string | Uint8Array;
  /** How to name the spec file in messages (project-relative when possible). */
  readonly specFile: string;
  /** The spec's project-relative POSIX path when it lives inside the project, else undefined. */
  readonly specPathInProject?: string;
  readonly config: ProjectConfig;
  readonly registry?: AdapterRegistry;
  /** Write a v1 spec back as v2 (`--migrate`). */
  readonly migrate?: boolean;
  /** More adapters to run on the same model (`--adapter=swift`); the spec's own adapter still runs. */
  readonly extraAdapters?: readonly string[];
  /** The project's current files, for edits that depend on what is there (see ProjectReader). */
  readonly project?: ProjectReader;
  /** The project's specs, the run's own first (see PlanContext.specs): a Rust module holds every command that names it. */
  readonly specs?: () => readonly SpecText[];
  /** The project's exported types (projectTypeIndex), for names the spec uses without declaring or importing them. */
  readonly knownTypes?: ResolveOptions['knownTypes'];
  /** The run's traits (projectTraits over the project's specs folder), resolved once for every spec of the run. */
  readonly traits?: () => TraitCatalog;
}

export interface GenerationResult {
  readonly model: CommandModel;
  readonly adapter: GeneratorAdapter;
  /** Every file to write, sorted by path; includes the saved spec when it must be saved. */
  readonly files: FilePlan;
  /**
   * Edits of files the adapter shares with others (`mod.rs`, `RustCoreIPC.ts`), in the order to
   * apply them; empty for TypeScript-only adapters. Apply each to the file's current text.
   */
  readonly edits: readonly PlannedEdit[];
  readonly migratedFromV1: boolean;
  /** Every adapter that ran: the spec's own first, then the extra ones. */
  readonly adapters: readonly GeneratorAdapter[];
  /** What each adapter planned (without the saved spec), in the order the adapters ran. */
  readonly plans: readonly AdapterPlan[];
  /** What the user must still do by hand (printed after the run). */
  readonly nextSteps: readonly string[];
  /** The other specs the plan was made from (the other commands of its Rust module), sorted by command. */
  readonly related: readonly RelatedSpec[];
  /** What the adapters read of the project (checkAgainstProject passes it on). */
  readonly context: PlanContext;
  /** Line and column of a JSON pointer in the spec file, for issues found after planning. */
  locate(pointer: string): { line: number; column: number } | undefined;
}

/**
 * The project's traits for one run: its own trait specs (among `specs`, the specs folder) and the
 * shipped ones, resolved on first use and then shared by every spec of the run.
 */
export function projectTraits(specs: () => readonly SpecText[], config: ProjectConfig): () => TraitCatalog {
  let catalog: TraitCatalog | undefined;
  return () => (catalog ??= resolveProjectTraits(specs(), config));
}

/** Is `path` inside `folder` (both project-relative POSIX paths)? */
function isInside(path: string, folder: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(prefix);
}

/**
 * The whole pure pipeline for one spec: load and validate, resolve the model, run the adapter,
 * and add the spec itself to the plan when it is not already managed. Throws SpecError with every
 * problem found; nothing here touches the file system beyond the package's own templates.
 */
export function generateCommand(request: GenerateRequest): GenerationResult {
  const checked = checkedCommand(request);
  const { model, adapter, extras, options, context, loaded } = checked;
  const plans: AdapterPlan[] = [adapter, ...extras].map((a) => ({
    adapter: a.id,
    files: sortedPlan(a.plan(model, request.config, options.get(a.id), a === adapter ? context : {})),
  }));
  const related = [...(adapter.relatedSpecs?.(model, request.config, options.get(adapter.id), context) ?? [])].sort((a, b) =>
    a.command < b.command ? -1 : a.command > b.command ? 1 : 0,
  );
  const files: PlannedFile[] = mergePlans(plans, request.specFile);
  const savedSpec = savedSpecFile(request, model, loaded.migratedFromV1);
  if (savedSpec) files.push(savedSpec);
  const plan = checkPlan(files, adapter.id, request.specFile);
  const edits = checkEdits(
    adapter.edits?.(model, request.config, options.get(adapter.id), request.project, context) ?? [],
    plan,
    adapter.id,
    request.specFile,
  );
  const extraEdits = extras.flatMap((extra) =>
    checkEdits(extra.edits?.(model, request.config, options.get(extra.id), request.project) ?? [], plan, extra.id, request.specFile),
  );
  const nextSteps = [adapter, ...extras].flatMap((a) => a.nextSteps?.(model, request.config, request.project) ?? []);
  const locate = (pointer: string): { line: number; column: number } | undefined => loaded.source.locate(pointer);
  return {
    model,
    adapter,
    files: plan,
    edits: [...edits, ...extraEdits],
    migratedFromV1: loaded.migratedFromV1,
    adapters: [adapter, ...extras],
    plans,
    nextSteps,
    related,
    context,
    locate,
  };
}

/** A spec that passed every check: its model, adapter (and extra adapters) with their options, and the plan context. */
interface CheckedCommand {
  readonly loaded: NonNullable<ReturnType<typeof inspectSpec>['loaded']>;
  readonly model: CommandModel;
  readonly adapter: GeneratorAdapter;
  readonly extras: readonly GeneratorAdapter[];
  readonly options: ReadonlyMap<string, AdapterOptions>;
  readonly context: PlanContext;
}

/**
 * Every check, in one pass, each on what the stages before it left valid (so a second run finds
 * nothing new): the spec's syntax and schema, the model, the adapter's fit and its own checks.
 */
function checkedCommand(request: GenerateRequest): CheckedCommand {
  const registry = request.registry ?? builtinAdapters();
  const inspection = inspectSpec(request.specText, request.specFile);
  const loaded = inspection.loaded;
  if (!loaded) throw new SpecError(inspection.issues);
  const later: SpecIssue[] = [];
  const collect = <T>(step: () => T): T | undefined => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      later.push(...error.issues);
      return undefined;
    }
  };
  const choice = chosenAdapter(registry, loaded.spec, loaded.source, request.specFile, inspection.issues);
  const adapter = choice.adapter;
  const extras = collect(() => selectExtraAdapters(registry, request.extraAdapters ?? [], adapter.id, request.specFile)) ?? [];
  const options = collect(() => resolveRunOptions([adapter, ...extras], request.config)) ?? new Map();
  const resolved = resolveCommandModelWithIssues(loaded.spec, loaded.source, request.config, {
    reservedNames: adapter.reservedNames,
    knownTypes: request.knownTypes,
    adapter: { id: adapter.id, environment: choice.environment },
  });
  const model = resolved.model;
  const context = planContextOf(request);
  // What of the spec its adapter does not take (an environment, a block), from the adapter's declarations.
  const fit = specFitIssues(loaded.spec, adapter, registry, request.specFile);
  const clean = inspection.issues.length === 0 && resolved.issues.length === 0 && fit.length === 0;
  const checked = adapterCheckIssues(request, model, adapter, extras, options, context, clean);
  // Issues of another file (a spec of the same Rust module) arrive located in that file.
  const own = [...fit, ...checked.filter((i) => i.file === request.specFile)];
  const foreign = checked.filter((i) => i.file !== request.specFile);
  const adapterIssues = own.map((i) => ({ ...i, ...loaded.source.locate(i.pointer) }));
  const restored = [
    ...[...resolved.issues, ...adapterIssues].map((i) => inspection.restore(i)).filter((i): i is SpecIssue => i !== undefined),
    ...foreign,
  ];
  const all = inFileOrder([...inspection.issues, ...restored]);
  if (all.length > 0 || later.length > 0) throw new SpecError([...all, ...later]);
  return { loaded, model, adapter, extras, options, context };
}

/** What the engine hands an adapter's plan besides the model: only what the request gave. */
function planContextOf(request: GenerateRequest): PlanContext {
  return {
    ...(request.project ? { project: request.project } : {}),
    ...(request.specs ? { specs: request.specs } : {}),
    ...(request.knownTypes ? { knownTypes: request.knownTypes } : {}),
    ...(request.traits ? { traits: request.traits } : {}),
  };
}

/** The adapter's and the extra adapters' own checks; on a model already known to be partial, a check that throws adds nothing. */
function adapterCheckIssues(
  request: GenerateRequest,
  model: CommandModel,
  adapter: GeneratorAdapter,
  extras: readonly GeneratorAdapter[],
  options: ReadonlyMap<string, AdapterOptions>,
  context: PlanContext,
  clean: boolean,
): readonly SpecIssue[] {
  try {
    return [
      ...(adapter.check?.(model, request.config, options.get(adapter.id), context) ?? []),
      ...extras.flatMap((extra) => [
        ...reservedNameIssues(extra, model),
        ...(extra.check?.(model, request.config, options.get(extra.id)) ?? []),
      ]),
    ];
  } catch (error) {
    if (error instanceof SpecError) return error.issues;
    if (clean) throw error;
    return [];
  }
}

/**
 * The spec file the plan saves, if any: every generated command stays generator-managed, so a spec
 * from outside the specs folder is saved beside the others (a relative $schema, which points from
 * where the spec was, dropped); a v1 spec inside it is rewritten as v2 when migrating.
 */
function savedSpecFile(request: GenerateRequest, model: CommandModel, migratedFromV1: boolean): PlannedFile | undefined {
  const specsRoot = request.config.roots.specs;
  const inSpecsFolder = request.specPathInProject !== undefined && isInside(request.specPathInProject, specsRoot);
  if (!inSpecsFolder) {
    const { $schema, ...rest } = model.spec;
    const saved = $schema !== undefined && /^[a-z][a-z0-9+.-]*:/i.test($schema) ? model.spec : { ...rest };
    return { path: `${specsRoot}/${specFileName(model.name)}`, content: serialiseSpec(saved) };
  }
  if (migratedFromV1 && request.migrate) return { path: request.specPathInProject!, content: serialiseSpec(model.spec) };
  return undefined;
}

/** The spec's adapter (chooseAdapter); an unknown one is refused at once, with the spec's other problems so far, located. */
function chosenAdapter(
  registry: AdapterRegistry,
  spec: CommandSpecV2,
  source: JsonSource,
  specFile: string,
  earlier: readonly SpecIssue[],
): AdapterChoice {
  try {
    return chooseAdapter(registry, spec, specFile);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    throw new SpecError([...earlier, ...error.issues.map((i) => ({ ...i, ...source.locate(i.pointer) }))]);
  }
}

/**
 * The adapters' checks against the project as it will be after the run (`project` reads the
 * planned and edited files first, then the disk). Throws SpecError with every issue of every spec.
 */
export function checkAgainstProject(results: readonly GenerationResult[], config: ProjectConfig, project: ProjectReader): void {
  const issues = results.flatMap((result) =>
    result.adapters.flatMap((a) =>
      (a.checkProject?.(result.model, config, project, result.context) ?? []).map((i) => ({ ...i, ...result.locate(i.pointer) })),
    ),
  );
  if (issues.length > 0) throw new SpecError(issues);
}

/** Refuse a plan that would write outside the project or write one path twice; sort it by path. */
export function checkPlan(files: readonly PlannedFile[], adapterId: string, specFile: string): FilePlan {
  const issues: SpecIssue[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const problem = unsafeRelativePath(file.path);
    if (problem || file.path.endsWith('/'))
      issues.push({
        file: specFile,
        pointer: '',
        message: `adapter ${adapterId} planned a file path that ${problem ?? 'ends with a slash'}`,
        found: JSON.stringify(file.path),
        expected: 'a project-relative file path',
      });
    if (seen.has(file.path))
      issues.push({
        file: specFile,
        pointer: '',
        message: `adapter ${adapterId} planned the same file twice`,
        found: JSON.stringify(file.path),
      });
    seen.add(file.path);
  }
  if (issues.length > 0) throw new SpecError(issues);
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Refuse an edit outside the project or of a file the plan also writes whole; keep their order. */
export function checkEdits(edits: readonly PlannedEdit[], plan: FilePlan, adapterId: string, specFile: string): readonly PlannedEdit[] {
  const issues: SpecIssue[] = [];
  const planned = new Set(plan.map((f) => f.path));
  for (const edit of edits) {
    const problem = unsafeRelativePath(edit.path);
    if (problem)
      issues.push({
        file: specFile,
        pointer: '',
        message: `adapter ${adapterId} planned an edit of a path that ${problem}`,
        found: JSON.stringify(edit.path),
        expected: 'a project-relative file path',
      });
    if (planned.has(edit.path))
      issues.push({
        file: specFile,
        pointer: '',
        message: `adapter ${adapterId} planned both to write and to edit one file`,
        found: JSON.stringify(edit.path),
      });
  }
  if (issues.length > 0) throw new SpecError(issues);
  return edits;
}

/** Apply every edit of a result to a map of current file texts (path -> text); returns the changed texts. */
export function applyEdits(edits: readonly PlannedEdit[], read: (path: string) => string | undefined): Map<string, string> {
  const changed = new Map<string, string>();
  for (const edit of edits) {
    const before = changed.get(edit.path) ?? read(edit.path);
    const after = edit.apply(before);
    if (after !== before) changed.set(edit.path, after);
  }
  return changed;
}
