/**
 * Writing a planned spec run, the same way on the fast path and the Yeoman path: the plan lines
 * before the writes, the commit pipeline (shared/write/commit.ts), a status line per file, the
 * diffs of a dry run, one summary. The two front ends differ only in where lines go and in who
 * can answer a conflict (only the Yeoman path asks; the fast path hands such runs over).
 */
import { join } from 'node:path';
import { YoResolve } from '@yeoman/conflicter';
import type { AdapterRegistry } from '../../shared/adapters/registry.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { describeSpecRun, type SpecRun } from '../../shared/run/spec-run.js';
import {
  commitFailure,
  finishCommit,
  prepareCommit,
  type CommitContext,
  type CommitReport,
  type CommitSettings,
  type FileState,
} from '../../shared/write/commit.js';
import { DRY_RUN_BANNER, decisionDiff, shownReason, statusLine, summaryLines } from '../../shared/write/report.js';

/** Where a commit's lines go. */
export interface CommitSink {
  /** One file's state (Yeoman's logger has its own status methods for the classic five). */
  status(state: FileState, path: string, reason: string | undefined): void;
  line(text: string): void;
}

/** A sink writing to a stream, as the fast path prints. */
export function streamSink(stream: NodeJS.WritableStream, colour: boolean): CommitSink {
  return {
    status: (state, path, reason) => stream.write(`${statusLine(state, path, colour, reason)}\n`),
    line: (text) => stream.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/** The .yo-resolve entry of a project-relative path (`<path> skip` / `<path> force`), read with @yeoman/conflicter. */
export function yoResolveSettler(projectRoot: string): (path: string) => Promise<'skip' | 'force' | undefined> {
  const yoResolve = rememberingFoldersWithout(new YoResolve());
  return async (path) => {
    const status = await yoResolve.getStatusForFile(join(projectRoot, path));
    return status === 'skip' || status === 'force' ? status : undefined;
  };
}

/**
 * YoResolve caches the .yo-resolve files it finds but not the folders without one, so each file of
 * a batch stats every folder up to / again; its cache takes null for "none here", which this sets.
 */
function rememberingFoldersWithout(yoResolve: YoResolve): YoResolve {
  const inner = yoResolve as unknown as { getMapForFolder(folder: string): Promise<unknown>; groupedYoResolve: Map<string, unknown> };
  const lookUp = inner.getMapForFolder.bind(yoResolve);
  inner.getMapForFolder = async (folder) => {
    const map = await lookUp(folder);
    if (map === undefined) inner.groupedYoResolve.set(folder, null);
    return map;
  };
  return yoResolve;
}

export interface SpecCommitOptions {
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  readonly registry?: AdapterRegistry;
  readonly settings: CommitSettings;
  readonly sink: CommitSink;
  readonly colour: boolean;
  /** List every file's state (a single spec always does). */
  readonly verbose: boolean;
  /** Present only when someone can answer: conflicts are asked. */
  readonly ask?: CommitContext['ask'];
  /** The fast path's way out: a run whose conflicts should be asked is handed to the Yeoman path before anything is printed. */
  readonly declineWhenAsking?: boolean;
  /** Lines said before the files' states (a reverse run's warnings), after the dry-run banner. */
  readonly preamble?: readonly string[];
}

/** States a batch lists even without --verbose: what someone should look at. */
const NEEDS_ATTENTION: ReadonlySet<FileState> = new Set(['merged', 'conflict', 'skip']);

export type SpecCommitOutcome =
  { readonly report: CommitReport; readonly failure?: { readonly message: string; readonly exitCode: number } } | 'declined';

/** Each file's state (every file when `listFiles`, else those that need attention), with its diff on a dry run or --bail. */
function printDecisions(report: CommitReport, options: SpecCommitOptions, listFiles: boolean): void {
  const { settings, sink } = options;
  const written = new Set(report.files.filter((f) => f.written).map((f) => f.path));
  for (const decision of report.decisions) {
    // An interrupted run lists only what it wrote: the rest did not happen.
    if (report.interrupted && !written.has(decision.path)) continue;
    if (listFiles || NEEDS_ATTENTION.has(decision.state)) sink.status(decision.state, decision.path, shownReason(decision));
    if (settings.dryRun || report.bailedAt === decision.path) {
      const diff = decisionDiff(decision, options.colour);
      if (diff !== '') sink.line(diff);
    }
  }
}

/**
 * Commit a planned run. Throws the engine's SpecError (paths, records), ConflictRefusal (a
 * conflict nobody can be asked about) and CommitWriteError (the disk refused a write; nothing
 * is left written); the caller words them.
 */
export async function commitSpecRun(run: SpecRun, options: SpecCommitOptions): Promise<SpecCommitOutcome> {
  const { settings, sink } = options;
  const context: CommitContext = {
    projectRoot: options.projectRoot,
    config: options.config,
    registry: options.registry,
    settings,
    settled: yoResolveSettler(options.projectRoot),
    ...(options.ask ? { ask: options.ask } : {}),
  };
  const prepared = await prepareCommit(run, context);
  const wouldAsk = prepared.conflicts.length > 0 && !settings.dryRun && !settings.bail && settings.merge !== 'markers';
  if (wouldAsk && options.declineWhenAsking) return 'declined';

  if (settings.dryRun) sink.line(DRY_RUN_BANNER);
  for (const line of [...(options.preamble ?? []), ...describeSpecRun(run)]) sink.line(line);
  const report = await finishCommit(prepared, context);
  printDecisions(report, options, options.verbose || run.results.length === 1);
  for (const line of summaryLines(report)) sink.line(line);
  const failure = commitFailure(report);
  return failure ? { report, failure } : { report };
}
