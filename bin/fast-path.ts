/**
 * The fast path of continuum-gen: a spec-driven run (`command`, `rust-module` or `trait` with
 * --spec) planned by the engine and written through mem-fs-editor and @yeoman/conflicter (the
 * same commit pipeline yeoman-environment runs), without loading yeoman-environment, inquirer or
 * ts-morph. It declines (returns undefined) whenever the run needs what only the Yeoman path has:
 * an option it does not know, --help, a question, or a conflict that an interactive run would ask about.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PlannedFile } from '../shared/adapters/adapter.js';
import { loadProjectRun, readProjectFile, type ProjectRunRequest } from '../shared/agent/project-run.js';
import { formatRunResult } from '../shared/agent/run-result.js';
import { toolInfo } from '../shared/audit/tool-info.js';
import { findProjectRoot, projectRootNotice } from '../shared/config/project-root.js';
import { SpecError, describeRefusal, type SpecIssue } from '../shared/errors.js';
import { describeSpecRun, extraAdapterIds, onlyAdapter, type SpecRun, type SpecRunOptions } from '../shared/run/spec-run.js';
import { collectSpecSources } from '../shared/run/spec-sources.js';
import { guardHost } from '../shared/run/host-guard.js';
import { conflictRefusal, conflicterWouldAsk, unresolvedConflicts, type ConflicterSettings } from '../generators/_shared/pending-conflicts.js';
import { BOOLEAN_FLAGS, type FastOptions } from './cli-flags.js';
import { commitPlan, type CommitOutcome } from './fast-commit.js';
import { specGenerationResult } from './spec-generation-result.js';

/** Sub-generators the fast path can run, and the adapters each accepts (undefined: all); a Map, so `valueOf` is no sub-generator. */
const FAST_SUB_GENERATORS: ReadonlyMap<string, SpecRunOptions['onlyAdapters']> = new Map([
  ['command', undefined],
  ['rust-module', onlyAdapter('rust-ipc')],
  ['trait', onlyAdapter('trait-only')],
]);

/** Parse the flags the fast path understands; undefined for anything else (the Yeoman path decides). */
function parseFastOptions(argv: readonly string[]): FastOptions | undefined {
  const options: FastOptions = { adapters: [], migrate: false, verbose: false, allowNonHost: false, json: false, settings: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const boolean = BOOLEAN_FLAGS.get(arg);
    if (boolean) {
      boolean(options);
      continue;
    }
    const match = /^--(spec|cwd|adapter)(?:=(.*))?$/.exec(arg);
    if (!match) return undefined;
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') return undefined;
    if (match[1] === 'adapter') options.adapters.push(...extraAdapterIds(value));
    else options[match[1] as 'spec' | 'cwd'] = value;
  }
  return options.spec === undefined ? undefined : options;
}

const interactive = (argv: readonly string[]): boolean => !argv.includes('--no-interactive') && process.stdin.isTTY === true;

/** One spec-driven generation, as the fast path and the MCP server run it. */
export interface SpecGenerationRequest extends ProjectRunRequest {
  readonly settings: ConflicterSettings;
  /** Someone can answer the conflicter's question: a conflict hands the run to the Yeoman path instead of refusing. */
  readonly canAsk: boolean;
  /** Print each file's state line on stderr. */
  readonly logFiles: (run: SpecRun) => boolean;
  /** More checks of the planned run before anything is written (the MCP server's root confinement). */
  readonly checkRun?: (run: SpecRun) => readonly SpecIssue[];
  /** Create the host's shared files even where the folder does not look like a Continuum checkout. */
  readonly allowNonHost?: boolean;
  /** Where the "does not look like a Continuum checkout" warning goes (before anything is written). */
  readonly onHostWarning?: (line: string) => void;
}

/** How a generation ended; nothing is written unless it is `committed`. */
export type SpecGeneration =
  | { readonly kind: 'invalid'; readonly error: SpecError }
  | { readonly kind: 'ask' }
  | { readonly kind: 'conflict'; readonly run: SpecRun; readonly conflicts: readonly string[] }
  | { readonly kind: 'refused'; readonly run: SpecRun; readonly message: string }
  | { readonly kind: 'committed'; readonly run: SpecRun; readonly outcome: CommitOutcome };

/** Plan, refuse what a non-interactive run cannot settle, then commit through the conflicter. */
export async function generateSpecs(request: SpecGenerationRequest): Promise<SpecGeneration> {
  let planned: Awaited<ReturnType<typeof loadProjectRun>>;
  try {
    planned = await loadProjectRun(request);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { kind: 'invalid', error };
  }
  const { run, config } = planned;
  const refused = request.checkRun?.(run) ?? [];
  if (refused.length > 0) return { kind: 'invalid', error: new SpecError(refused) };
  const root = request.projectRoot;
  const host = guardHost(run, { root, config, exists: (path) => existsSync(join(root, path)), allowNonHost: request.allowNonHost === true });
  if (host.refusal) return { kind: 'refused', run, message: host.refusal };
  if (host.warning) request.onHostWarning?.(host.warning);

  const commit = await commitFiles(run.files, { ...request, overwrite: run.overwrite, logFiles: request.logFiles(run) });
  return commit.kind === 'ask' ? commit : { ...commit, run };
}

/** How writing a file plan ended. */
export type FileCommit = { readonly kind: 'ask' } | { readonly kind: 'conflict'; readonly conflicts: readonly string[] } | { readonly kind: 'committed'; readonly outcome: CommitOutcome };

/**
 * Write planned files through the conflicter, after refusing the conflicts a run that cannot ask
 * would stop on (or handing them to a question, when someone can answer). `overwrite` names files
 * the user asked to rewrite: never a conflict.
 */
export async function commitFiles(
  files: readonly PlannedFile[],
  options: { readonly projectRoot: string; readonly overwrite: readonly string[]; readonly settings: ConflicterSettings; readonly canAsk: boolean; readonly logFiles: boolean },
): Promise<FileCommit> {
  const { projectRoot, settings } = options;
  if (conflicterWouldAsk(settings)) {
    const overwrite = new Set(options.overwrite);
    const conflicts = await unresolvedConflicts(files.filter((f) => !overwrite.has(f.path)), projectRoot, settings);
    if (conflicts.length > 0) {
      // Someone is there to answer: let Yeoman's conflicter ask, file by file.
      return options.canAsk ? { kind: 'ask' } : { kind: 'conflict', conflicts };
    }
  }
  const outcome = await commitPlan(files, { projectRoot, overwrite: options.overwrite, settings, logFiles: options.logFiles });
  return { kind: 'committed', outcome };
}

/** Run a fast-path-eligible command line; undefined when the Yeoman path must run it instead. */
export async function fastRun(argv: readonly string[]): Promise<number | undefined> {
  const [subGenerator, ...rest] = argv;
  if (subGenerator === undefined || !FAST_SUB_GENERATORS.has(subGenerator)) return undefined;
  const options = parseFastOptions(rest);
  if (!options) return undefined;
  const shellCwd = process.cwd();
  const start = resolve(shellCwd, options.cwd ?? '.');
  const found = findProjectRoot(start);
  const projectRoot = found.root;
  const rootNotice = projectRootNotice(start, found);
  if (rootNotice) process.stderr.write(`${rootNotice}\n`);
  const generation = await generateSpecs({
    projectRoot,
    sources: () => collectSpecSources(options.spec!, shellCwd, projectRoot),
    adapters: options.adapters,
    migrate: options.migrate,
    onlyAdapters: FAST_SUB_GENERATORS.get(subGenerator),
    settings: options.settings,
    // A --json run is a machine's: it never hands a conflict to a question.
    canAsk: interactive(argv) && !options.json,
    logFiles: (run) => options.verbose || run.results.length === 1,
    allowNonHost: options.allowNonHost,
    onHostWarning: (line) => process.stderr.write(`${line}\n`),
  });
  if (generation.kind === 'ask') return undefined;
  if (options.json) {
    const result = specGenerationResult({ command: subGenerator, tool: toolInfo(), dryRun: options.settings.dryRun }, generation, (path) => readProjectFile(projectRoot, path));
    process.stdout.write(formatRunResult(result));
  }
  switch (generation.kind) {
    case 'invalid':
      process.stderr.write(`continuum-gen: ${describeRefusal(generation.error)}\n`);
      return 1;
    case 'conflict':
      process.stderr.write(`continuum-gen: ${conflictRefusal(generation.conflicts)}\n`);
      return 1;
    case 'refused':
      process.stderr.write(`continuum-gen: ${generation.message}\n`);
      return 1;
    case 'committed': {
      const { run, outcome } = generation;
      for (const line of describeSpecRun(run, options.settings.dryRun === true)) process.stderr.write(`${line}\n`);
      process.stderr.write(`${outcome.summary}\n`);
      return outcome.aborted ? 1 : 0;
    }
  }
}
