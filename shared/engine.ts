import type { FilePlan, GeneratorAdapter, PlannedEdit, PlannedFile } from './adapters/adapter.js';
import { builtinAdapters } from './adapters/builtin-adapters.js';
import type { AdapterRegistry } from './adapters/registry.js';
import { mergePlans, reservedNameIssues, resolveRunOptions, selectExtraAdapters, sortedPlan, type AdapterPlan } from './adapters/run-adapters.js';
import { unsafeRelativePath, type ProjectConfig } from './config/project-config.js';
import { SpecError, type SpecIssue } from './errors.js';
import type { CommandModel } from './model/command-model.js';
import { specFileName } from './model/naming.js';
import { accessLevelIssue, resolveCommandModel, type ResolveOptions } from './model/resolve-model.js';
import { parseJsonSource } from './spec/json-source.js';
import { serialiseSpec } from './spec/canonical-spec.js';
import { loadSpec } from './spec/load-spec.js';

export interface GenerateRequest {
  /** The spec file's text. */
  readonly specText: string;
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
  /** The project's exported types, for names the spec uses without declaring or importing them. */
  readonly knownTypes?: ResolveOptions['knownTypes'];
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
  const registry = request.registry ?? builtinAdapters();
  const loaded = loadSpecWithConfig(request);
  const adapterId = loaded.spec.adapter ?? { server: 'server-only', browser: 'browser-only', both: 'full-stack' }[loaded.spec.environment ?? 'server'];
  const adapter = registry.get(adapterId);
  if (!adapter) {
    throw new SpecError([{ file: request.specFile, pointer: '/adapter', ...loaded.source.locate('/adapter'), message: `adapter ${adapterId} is not available in this version`, found: JSON.stringify(adapterId), expected: `one of ${registry.ids().join(', ')}` }]);
  }
  const extras = selectExtraAdapters(registry, request.extraAdapters ?? [], adapter.id, request.specFile);
  const options = resolveRunOptions([adapter, ...extras], request.config);
  const model = resolveCommandModel(loaded.spec, loaded.source, request.config, { reservedNames: adapter.reservedNames, knownTypes: request.knownTypes });
  const adapterIssues = [
    ...(adapter.check?.(model, request.config, options.get(adapter.id)) ?? []),
    ...extras.flatMap((extra) => [...reservedNameIssues(extra, model), ...(extra.check?.(model, request.config, options.get(extra.id)) ?? [])]),
  ];
  if (adapterIssues.length > 0) throw new SpecError(adapterIssues.map((i) => ({ ...i, ...loaded.source.locate(i.pointer) })));

  const plans: AdapterPlan[] = [adapter, ...extras].map((a) => ({ adapter: a.id, files: sortedPlan(a.plan(model, request.config, options.get(a.id))) }));
  const files: PlannedFile[] = mergePlans(plans, request.specFile);
  const specsRoot = request.config.roots.specs;
  const inSpecsFolder = request.specPathInProject !== undefined && isInside(request.specPathInProject, specsRoot);
  if (!inSpecsFolder) {
    // Every generated command stays generator-managed: its spec is saved beside the others.
    // A relative $schema points from where the spec was, not from the specs folder: drop it there.
    const { $schema, ...rest } = model.spec;
    const saved = $schema !== undefined && /^[a-z][a-z0-9+.-]*:/i.test($schema) ? model.spec : { ...rest };
    files.push({ path: `${specsRoot}/${specFileName(model.name)}`, content: serialiseSpec(saved) });
  } else if (loaded.migratedFromV1 && request.migrate) {
    files.push({ path: request.specPathInProject!, content: serialiseSpec(model.spec) });
  }
  const plan = checkPlan(files, adapter.id, request.specFile);
  const edits = checkEdits(adapter.edits?.(model, request.config) ?? [], plan, adapter.id, request.specFile);
  const extraEdits = extras.flatMap((extra) => checkEdits(extra.edits?.(model, request.config) ?? [], plan, extra.id, request.specFile));
  return { model, adapter, files: plan, edits: [...edits, ...extraEdits], migratedFromV1: loaded.migratedFromV1, adapters: [adapter, ...extras], plans };
}

/**
 * Load and schema-check the spec; a schema error comes with the config's own checks of the same
 * document (the access level), so every problem is reported at once.
 */
function loadSpecWithConfig(request: GenerateRequest): ReturnType<typeof loadSpec> {
  try {
    return loadSpec(request.specText, request.specFile);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    let source: ReturnType<typeof parseJsonSource>;
    try {
      source = parseJsonSource(request.specText, request.specFile);
    } catch {
      throw error;
    }
    const value = source.value as Record<string, unknown> | null;
    const extra = value && typeof value === 'object' && !Array.isArray(value) ? accessLevelIssue(value, request.specFile, request.config) : undefined;
    if (!extra || error.issues.some((i) => i.pointer === '/accessLevel')) throw error;
    throw new SpecError([...error.issues, { ...extra, ...source.locate(extra.pointer) }]);
  }
}

/** Refuse a plan that would write outside the project or write one path twice; sort it by path. */
export function checkPlan(files: readonly PlannedFile[], adapterId: string, specFile: string): FilePlan {
  const issues: SpecIssue[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const problem = unsafeRelativePath(file.path);
    if (problem || file.path.endsWith('/')) issues.push({ file: specFile, pointer: '', message: `adapter ${adapterId} planned a file path that ${problem ?? 'ends with a slash'}`, found: JSON.stringify(file.path), expected: 'a project-relative file path' });
    if (seen.has(file.path)) issues.push({ file: specFile, pointer: '', message: `adapter ${adapterId} planned the same file twice`, found: JSON.stringify(file.path) });
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
    if (problem) issues.push({ file: specFile, pointer: '', message: `adapter ${adapterId} planned an edit of a path that ${problem}`, found: JSON.stringify(edit.path), expected: 'a project-relative file path' });
    if (planned.has(edit.path)) issues.push({ file: specFile, pointer: '', message: `adapter ${adapterId} planned both to write and to edit one file`, found: JSON.stringify(edit.path) });
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
