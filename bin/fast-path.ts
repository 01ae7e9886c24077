/**
 * The fast path of continuum-gen: a spec-driven run (`command`, `rust-module` or `trait` with
 * --spec) planned by the engine and written through the commit pipeline both paths share
 * (generators/_shared/spec-commit.ts), without loading yeoman-environment, inquirer or ts-morph.
 * It declines (returns undefined) whenever the run needs what only the Yeoman path has: an option
 * it does not know, --help, a question, or a conflict that someone at a terminal should decide.
 * The MCP server runs its generations through generateSpecs and commitFiles too.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PlannedFile } from '../shared/adapters/adapter.js';
import { loadProjectRun, type ProjectRunRequest } from '../shared/agent/project-run.js';
import { formatRunResult } from '../shared/agent/run-result.js';
import { toolInfo } from '../shared/audit/tool-info.js';
import { colourEnabled } from '../shared/colour.js';
import { CONFIG_FILE, projectConfigFromText } from '../shared/config/load-project-config.js';
import { interactivityFlagsOf, isInteractive } from '../shared/interactive.js';
import { findProjectRoot, projectRootNotice } from '../shared/config/project-root.js';
import { SpecError, describeRefusal, type SpecIssue } from '../shared/errors.js';
import { extraAdapterIds, type SpecRun, type SpecRunOptions } from '../shared/run/spec-run.js';
import { guardHost } from '../shared/run/host-guard.js';
import { collectSpecSources } from '../shared/run/spec-sources.js';
import {
  CommitWriteError,
  ConflictRefusal,
  commitRun,
  projectReader,
  type CommitReport,
  type CommitSettings,
} from '../shared/write/commit.js';
import { commitSpecRun, streamSink, yoResolveSettler, type CommitSink } from '../generators/_shared/spec-commit.js';
import { mergeMode } from '../generators/_shared/pending-conflicts.js';
import { specRestriction } from '../generators/_shared/adapter-generators.js';
import { BOOLEAN_FLAGS, type FastOptions } from './cli-flags.js';
import { specGenerationResult } from './spec-generation-result.js';

/** Sub-generators the fast path can run, and the adapters each accepts (undefined: all); a Map, so `valueOf` is no sub-generator. */
const FAST_SUB_GENERATORS: ReadonlyMap<string, SpecRunOptions['onlyAdapters']> = new Map(
  ['command', 'rust-module', 'trait'].map((name) => [name, specRestriction(name)]),
);

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
    const match = /^--(spec|cwd|adapter|merge)(?:=(.*))?$/.exec(arg);
    if (!match) return undefined;
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') return undefined;
    if (match[1] === 'adapter') options.adapters.push(...extraAdapterIds(value));
    else if (match[1] === 'merge') {
      // A bad value is the Yeoman path's to report, with the option's help.
      const mode = mergeMode(value);
      if (mode === undefined) return undefined;
      options.settings.merge = mode;
    } else options[match[1] as 'spec' | 'cwd'] = value;
  }
  return options.spec === undefined ? undefined : options;
}

/** A sink that prints nothing (the MCP server, whose stdout is the protocol). */
export const silentSink: CommitSink = { status: () => undefined, line: () => undefined };

/** One spec-driven generation, as the fast path and the MCP server run it. */
export interface SpecGenerationRequest extends ProjectRunRequest {
  readonly settings: CommitSettings;
  /** Someone can answer a conflict question: such a run is handed to the Yeoman path instead of refused. */
  readonly canAsk: boolean;
  /** Where the plan, each file's state and the summary go. */
  readonly sink: CommitSink;
  readonly colour: boolean;
  /** List every file's state in a batch too (a single spec always does). */
  readonly verbose: boolean;
  /** More checks of the planned run before anything is written (the MCP server's root confinement). */
  readonly checkRun?: (run: SpecRun) => readonly SpecIssue[];
  /** Create the host's shared files even where the folder does not look like a Continuum checkout. */
  readonly allowNonHost?: boolean;
  /** Where the "does not look like a Continuum checkout" warning goes (before anything is written). */
  readonly onHostWarning?: (line: string) => void;
}

/** How a generation ended; files are written only when it is `committed` (and not a dry run). */
export type SpecGeneration =
  | { readonly kind: 'invalid'; readonly error: SpecError }
  | { readonly kind: 'ask' }
  | { readonly kind: 'conflict'; readonly run: SpecRun; readonly conflicts: readonly string[]; readonly message: string }
  | { readonly kind: 'refused'; readonly run: SpecRun; readonly message: string }
  | { readonly kind: 'failed'; readonly run: SpecRun; readonly message: string }
  | {
      readonly kind: 'committed';
      readonly run: SpecRun;
      readonly report: CommitReport;
      readonly failure?: { readonly message: string; readonly exitCode: number };
    };

/** Plan, check the host, then commit (merging hand edits, refusing what a run that cannot ask would stop on). */
export async function generateSpecs(request: SpecGenerationRequest): Promise<SpecGeneration> {
  let planned: Awaited<ReturnType<typeof loadProjectRun>>;
  try {
    planned = await loadProjectRun(request);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { kind: 'invalid', error };
  }
  const { run, config, registry } = planned;
  const refused = request.checkRun?.(run) ?? [];
  if (refused.length > 0) return { kind: 'invalid', error: new SpecError(refused) };
  const root = request.projectRoot;
  const host = guardHost(run, {
    root,
    config,
    exists: (path) => existsSync(join(root, path)),
    allowNonHost: request.allowNonHost === true,
  });
  if (host.refusal) return { kind: 'refused', run, message: host.refusal };
  if (host.warning) request.onHostWarning?.(host.warning);
  try {
    const outcome = await commitSpecRun(run, {
      projectRoot: root,
      config,
      registry,
      settings: request.settings,
      sink: request.sink,
      colour: request.colour,
      verbose: request.verbose,
      declineWhenAsking: request.canAsk,
    });
    if (outcome === 'declined') return { kind: 'ask' };
    return { kind: 'committed', run, report: outcome.report, ...(outcome.failure ? { failure: outcome.failure } : {}) };
  } catch (error) {
    if (error instanceof ConflictRefusal)
      return { kind: 'conflict', run, conflicts: error.conflicts.map((d) => d.path), message: error.message };
    if (error instanceof CommitWriteError) return { kind: 'failed', run, message: error.message };
    if (error instanceof SpecError) return { kind: 'invalid', error };
    throw error;
  }
}

/** How writing a plain file plan (reverse's spec files) ended. */
export type FileCommit =
  { readonly kind: 'conflict'; readonly conflicts: readonly string[] } | { readonly kind: 'committed'; readonly report: CommitReport };

/**
 * Write files that no spec generates (reverse's spec files) through the same commit pipeline:
 * the same path checks, atomic writes and states; a file that differs on disk is a conflict
 * unless `force` (nobody is asked).
 */
export async function commitFiles(
  files: readonly PlannedFile[],
  options: { readonly projectRoot: string; readonly settings: CommitSettings },
): Promise<FileCommit> {
  const config = projectConfigFromText(readProjectText(options.projectRoot, CONFIG_FILE));
  const plain: SpecRun = { results: [], files, overwrite: [], edited: [] };
  try {
    const report = await commitRun(plain, {
      projectRoot: options.projectRoot,
      config,
      settings: options.settings,
      settled: yoResolveSettler(options.projectRoot),
    });
    return { kind: 'committed', report };
  } catch (error) {
    if (error instanceof ConflictRefusal) return { kind: 'conflict', conflicts: error.conflicts.map((d) => d.path) };
    throw error;
  }
}

function readProjectText(projectRoot: string, path: string): string | undefined {
  return projectReader(projectRoot, projectConfigFromText(undefined))(path);
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
  const colour = colourEnabled(process.stderr);
  const generation = await generateSpecs({
    projectRoot,
    sources: () => collectSpecSources(options.spec!, shellCwd, projectRoot),
    adapters: options.adapters,
    migrate: options.migrate,
    onlyAdapters: FAST_SUB_GENERATORS.get(subGenerator),
    settings: options.settings,
    // A --json run is a machine's: it never hands a conflict to a question.
    canAsk: isInteractive(interactivityFlagsOf(argv)),
    sink: streamSink(process.stderr, colour),
    colour,
    verbose: options.verbose,
    allowNonHost: options.allowNonHost,
    onHostWarning: (line) => process.stderr.write(`${line}\n`),
  });
  if (generation.kind === 'ask') return undefined;
  if (options.json)
    process.stdout.write(
      formatRunResult(specGenerationResult({ command: subGenerator, tool: toolInfo(), dryRun: options.settings.dryRun }, generation)),
    );
  switch (generation.kind) {
    case 'invalid':
      process.stderr.write(`continuum-gen: ${describeRefusal(generation.error)}\n`);
      return 1;
    case 'conflict':
    case 'refused':
    case 'failed':
      process.stderr.write(`continuum-gen: ${generation.message}\n`);
      return 1;
    case 'committed':
      if (generation.failure) process.stderr.write(`continuum-gen: ${generation.failure.message}\n`);
      return generation.failure?.exitCode ?? 0;
  }
}
