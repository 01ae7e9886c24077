import type { PlannedFile, SpecText } from '../adapters/adapter.js';
import type { AdapterRegistry } from '../adapters/registry.js';
import type { ProjectConfig } from '../config/project-config.js';
import { EditError } from '../edits/edit-error.js';
import { loadRustSyntax, RustSyntaxNotLoaded } from '../edits/rust-syntax.js';
import { applyEdits, checkAgainstProject, generateCommand, projectTraits, type GenerateRequest, type GenerationResult } from '../engine.js';
import { SpecError, type SpecIssue } from '../errors.js';
import type { SpecSource } from './spec-sources.js';

export interface SpecRunOptions {
  readonly config: ProjectConfig;
  readonly registry?: AdapterRegistry;
  readonly extraAdapters?: readonly string[];
  readonly migrate?: boolean;
  /** Accept only specs of these adapters, refusing another with the hint (a front end's sub-generator for some adapters). */
  readonly onlyAdapters?: { readonly ids: readonly string[]; readonly hint: (adapterId: string) => string };
  /** The current text of a project file (for edits of shared files such as mod.rs), or undefined. */
  readonly read: (path: string) => string | undefined;
  /** The specs of the project's specs folder (see PlanContext.specs); the run's own specs go before them. */
  readonly specs?: () => readonly SpecText[];
  /** The project's exported types (projectTypeIndex), for names a spec uses without importing them. */
  readonly knownTypes?: GenerateRequest['knownTypes'];
}

/** Everything one run writes, for one spec or a batch. */
export interface SpecRun {
  readonly results: readonly GenerationResult[];
  /** Planned and edited files, one per path, sorted. */
  readonly files: readonly PlannedFile[];
  /** Paths the user asked to rewrite (edited shared files, --migrate'd specs): never a conflict question. */
  readonly overwrite: readonly string[];
  /** The shared files that edits changed. */
  readonly edited: readonly string[];
}

/**
 * Plan a run over one or many specs. Every spec is validated before anything is planned for
 * writing: one bad spec fails the whole run with every problem of every spec listed. Edits of
 * shared files chain, so two specs registering in the same mod.rs both land.
 */
export function planSpecRun(sources: readonly SpecSource[], options: SpecRunOptions): SpecRun {
  const issues: SpecIssue[] = [];
  const results: GenerationResult[] = [];
  // The run's own specs first: a spec being generated wins over its saved copy in the specs folder.
  let specs: readonly SpecText[] | undefined;
  const projectSpecs = (): readonly SpecText[] =>
    (specs ??= [
      ...sources.map((s) => ({
        file: s.specFile,
        text: typeof s.specText === 'string' ? s.specText : Buffer.from(s.specText).toString('utf8'),
      })),
      ...(options.specs?.() ?? []),
    ]);
  // The project's traits, from its specs folder, resolved once for the whole run (and only if a spec needs them).
  const traits = options.specs ? projectTraits(options.specs, options.config) : undefined;
  for (const source of sources) {
    try {
      const result = generateCommand({
        ...source,
        config: options.config,
        registry: options.registry,
        migrate: options.migrate,
        extraAdapters: options.extraAdapters,
        project: options.read,
        specs: projectSpecs,
        knownTypes: options.knownTypes,
        ...(traits ? { traits } : {}),
      });
      if (options.onlyAdapters && !options.onlyAdapters.ids.includes(result.adapter.id)) {
        issues.push({
          file: source.specFile,
          pointer: '/adapter',
          message: options.onlyAdapters.hint(result.adapter.id),
          found: JSON.stringify(result.adapter.id),
          expected: options.onlyAdapters.ids.map((id) => JSON.stringify(id)).join(' or '),
        });
        continue;
      }
      results.push(result);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      issues.push(...error.issues);
    }
  }

  // Collisions between the specs that did resolve are found in the same run as the others' problems.
  const byPath = new Map<string, { file: PlannedFile; origin: string }>();
  for (const result of results) {
    for (const file of result.files) {
      const previous = byPath.get(file.path);
      if (previous && previous.file.content !== file.content) {
        issues.push({
          file: result.model.specFile,
          pointer: '/name',
          message: `writes ${file.path}, which ${previous.origin} also writes with other content`,
          expected: 'specs that write distinct files',
        });
      }
      byPath.set(file.path, { file, origin: result.model.specFile });
    }
  }
  if (issues.length > 0) throw new SpecError(uniqueIssues(issues));

  // Edits see the files planned so far, then the project's own text. An edit that cannot be made
  // (no ComposedClient, no start-up registration to follow) is reported like a spec problem.
  const read = (path: string): string | undefined => byPath.get(path)?.file.content ?? options.read(path);
  let edited: Map<string, string>;
  try {
    edited = applyEdits(
      results.flatMap((r) => r.edits),
      read,
    );
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    throw new SpecError([{ file: error.file, pointer: '', message: error.problem, expected: error.expected }]);
  }
  for (const [path, content] of edited) byPath.set(path, { file: { path, content }, origin: 'an edit' });
  // Checks that need the project as it will be (a Rust use path must resolve), still before any write.
  checkAgainstProject(results, options.config, read);

  const migrated = results
    .filter((r) => r.migratedFromV1 && options.migrate)
    .flatMap((r) =>
      r.files.filter((f) => f.path.endsWith('.json') && f.path.startsWith(`${options.config.roots.specs}/`)).map((f) => f.path),
    );
  const files = [...byPath.values()].map(({ file }) => file).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { results, files, overwrite: [...edited.keys(), ...migrated].sort(), edited: [...edited.keys()].sort() };
}

/**
 * planSpecRun, loading what a syntax-aware edit of hand-written code needs (the Rust parser) only
 * when a plan asks for it, then planning again: a run that edits no hand-written file loads nothing more.
 */
export async function planSpecRunLoading(sources: readonly SpecSource[], options: SpecRunOptions): Promise<SpecRun> {
  try {
    return planSpecRun(sources, options);
  } catch (error) {
    if (!(error instanceof RustSyntaxNotLoaded)) throw error;
    await loadRustSyntax();
    return planSpecRun(sources, options);
  }
}

/**
 * Every problem once: a spec of the batch that is also another spec's module sibling is
 * reported by both generations, at the same place.
 */
function uniqueIssues(issues: readonly SpecIssue[]): SpecIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}\u0000${i.pointer}\u0000${i.line ?? ''}:${i.column ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The lines that describe a run's plan, printed before it is written (the same on the Yeoman path and the fast path). */
export function describeSpecRun(run: SpecRun): string[] {
  const lines: string[] = [];
  for (const result of run.results) {
    lines.push(`${result.model.name} (${result.adapter.id}): ${result.files.length} files planned`);
    for (const plan of result.plans.slice(1)) lines.push(`  --adapter=${plan.adapter}: ${plan.files.map((f) => f.path).join(', ')}`);
    for (const edit of result.edits)
      lines.push(`  ${edit.path}: ${edit.description}${run.edited.includes(edit.path) ? '' : ' (already there)'}`);
    for (const step of result.nextSteps) lines.push(`  next step: ${step}`);
  }
  if (run.results.length > 1) lines.push(`${run.results.length} specs, ${run.files.length} files planned`);
  return lines;
}

/** --adapter values: repeatable, or comma-separated. */
export function extraAdapterIds(value: unknown): string[] {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return values
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
