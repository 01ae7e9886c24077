/**
 * A reverse run planned by the engine, as planSpecRun plans a generation: the command folders read
 * (or the v1 specs migrated), the spec files to write and the lines to say before writing. The
 * front end (the reverse generator, or the bin's fast path) writes the files through the commit
 * pipeline and ends with reverseEndLines; both say and write the same.
 */
import type { PlannedFile } from '../adapters/adapter.js';
import { migrationResultFields, reverseResultFields } from '../agent/reverse-result.js';
import { COMMAND_LINE, describeFileStates, doneResult, type ResultContext, type ResultFile, type RunResult } from '../agent/run-result.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { SpecIssue } from '../errors.js';
import { planV1Migration, type V1MigrationPlan } from '../reverse/migrate-v1-folder.js';
import { formatMigrationReport, migrationReport } from '../reverse/migration-report.js';
import { ReverseEngineer, type ReversedCommand } from '../reverse/reverse-engineer.js';
import { formatRunSummary, formatRunWarnings, planSpecFiles, type SpecFilePlan, type WriteOutcome } from '../reverse/reverse-run.js';
import type { SourceReader } from '../reverse/source-reader.js';
import type { CommitReport } from '../write/commit.js';
import { RunStop } from './run-stop.js';

/** What a reverse run reads: a folder of command code, or (--from-v1) a folder of v1 specs; an absolute POSIX path. */
export interface ReverseTarget {
  readonly kind: 'reverse' | 'migrate';
  readonly path: string;
}

/** Shown while the folders are read (the front end's progress bar). */
export interface ReverseProgress {
  update(done: number, label: string): void;
  finish(): void;
}

export interface ReverseRunOptions {
  /** Absolute POSIX path of the host project. */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  readonly target: ReverseTarget;
  /** --missing-only: commands that already have a spec get no file. */
  readonly missingOnly?: boolean;
  readonly reader: SourceReader;
  readonly progress?: (total: number) => ReverseProgress;
  /** How a path is named in a message (relative to the project root). */
  readonly shown: (path: string) => string;
  /** The `file` of an issue about the target: where it was given (an MCP tool's argument; default the command line). */
  readonly targetGivenAs?: string;
}

/** Everything one reverse run writes and says. */
export type ReverseRun = (
  | { readonly kind: 'reverse'; readonly results: readonly ReversedCommand[]; readonly plan: SpecFilePlan }
  | { readonly kind: 'migrate'; readonly plan: V1MigrationPlan }
) & {
  /** The lines said before anything is written: warnings, skipped folders, migration notes. */
  readonly notes: readonly string[];
};

/**
 * The target of a command line: the folder of code, or --from-v1's folder of specs (resolved by
 * `absolute`); undefined when neither is given (the front end asks, or reports it missing).
 */
export function reverseTargetOf(
  given: { readonly path?: unknown; readonly fromV1?: unknown },
  absolute: (path: string) => string,
): ReverseTarget | undefined {
  const isGiven = (value: unknown): value is string => typeof value === 'string' && value !== '';
  if (isGiven(given.path) && isGiven(given.fromV1))
    throw new RunStop('Give a folder of commands to read, or --from-v1 <dir> to migrate v1 specs, not both. Nothing was written.');
  if (isGiven(given.fromV1)) return { kind: 'migrate', path: absolute(given.fromV1) };
  if (isGiven(given.path)) return { kind: 'reverse', path: absolute(given.path) };
  return undefined;
}

/** Plan a reverse run: read the code (or the v1 specs) and decide every spec file; reads only. */
export function planReverseRun(options: ReverseRunOptions): ReverseRun {
  const { projectRoot, config, target, reader } = options;
  const engine = new ReverseEngineer({ projectRoot, config, reader });
  if (target.kind === 'migrate') {
    const plan = stoppingClearly(() => planV1Migration(target.path, projectRoot, reader, { config, engine }));
    const notes = [
      ...plan.notes.map((line) => `migrated ${line}`),
      ...plan.failed.flatMap((failure) => failure.problems.map((problem) => `not migrated: ${problem}`)),
    ];
    return { kind: 'migrate', plan, notes };
  }
  const folders = stoppingClearly(
    () => engine.discover(target.path),
    (message) => targetIssue(options, message, 'a folder inside the project'),
  );
  if (folders.length === 0)
    throw new RunStop(
      `No command folder (a folder with shared/<Name>Types.ts) at or under ${options.shown(target.path)}. Nothing was written.`,
      [
        targetIssue(
          options,
          'no command folder (a folder with shared/<Name>Types.ts) at or under this path',
          `a command folder or a tree of them, such as ${config.roots.commands}`,
        ),
      ],
    );
  const progress = options.progress?.(folders.length);
  const results = engine.reverseAll(folders, (done, _total, result) => progress?.update(done, result.folder));
  progress?.finish();
  const plan = planSpecFiles(results, engine.existingSpecs(), config, { missingOnly: options.missingOnly === true });
  const notes = [
    ...formatRunWarnings(results).map((line) => `warning ${line}`),
    ...plan.skipped.filter((skip) => skip.reason !== 'has-spec').map((skip) => `skipped ${skip.folder}: ${skip.detail}`),
  ];
  return { kind: 'reverse', results, plan, notes };
}

/** The spec files of a run, as a plan for the commit pipeline. */
export const reverseFiles = (run: ReverseRun): readonly PlannedFile[] => run.plan.files;

/** What became of each planned spec file, from the commit's states (none: nothing was written). */
export function reverseOutcomes(run: ReverseRun, report: CommitReport | undefined): WriteOutcome[] {
  const byPath = new Map((report?.files ?? []).map((file) => [file.path, file]));
  return run.plan.files.map((planned) => {
    const file = byPath.get(planned.path);
    if (file?.state === 'identical') return 'unchanged';
    if (!file?.written) return 'kept';
    return file.state === 'create' ? 'created' : 'updated';
  });
}

/** The lines that end a run: its summary, and for a reverse the migration report. */
export function reverseEndLines(run: ReverseRun, report: CommitReport | undefined, config: ProjectConfig): string[] {
  const nothingWritten = report === undefined || report.dryRun;
  const outcomes = reverseOutcomes(run, report);
  if (run.kind === 'reverse') {
    return [
      formatRunSummary({
        read: run.results.length,
        skipped: run.plan.skipped,
        outcomes,
        warnings: run.results.flatMap((r) => r.warnings),
        nothingWritten,
      }),
      formatMigrationReport(migrationReport(run.results, config)),
    ];
  }
  const { plan } = run;
  const count = (outcome: WriteOutcome): number => outcomes.filter((o) => o === outcome).length;
  return [
    [
      'Migration summary',
      `  v1 specs found       ${String(plan.files.length + plan.failed.length).padStart(4)}`,
      `  ${nothingWritten ? 'to migrate          ' : 'migrated to v2      '} ${String(nothingWritten ? plan.files.length : count('created') + count('updated')).padStart(4)}`,
      `  kept on conflict     ${String(nothingWritten ? 0 : count('kept')).padStart(4)}`,
      `  already v2           ${String(plan.alreadyV2.length).padStart(4)}`,
      `  not migrated         ${String(plan.failed.length).padStart(4)}  (not a spec, or its migration does not generate: the problems are above)`,
    ].join('\n'),
  ];
}

/** The --json result (and the MCP tool's) of a run that wrote (or, in a dry run or with --stdout, would write) its files. */
export function reverseRunResult(context: ResultContext, run: ReverseRun, files: readonly ResultFile[]): RunResult {
  return doneResult(context, reverseRunMessage(run, files, context.dryRun === true), files, reverseRunFields(run));
}

/** A run's own part of its result: each folder's spec and warnings, or the migration lists. */
export const reverseRunFields = (run: ReverseRun): Record<string, unknown> =>
  run.kind === 'migrate' ? migrationResultFields(run.plan) : reverseResultFields(run.results, run.plan);

function reverseRunMessage(run: ReverseRun, files: readonly ResultFile[], dryRun: boolean): string {
  const states = describeFileStates(files, dryRun);
  if (run.kind === 'migrate') return states;
  return `${run.results.length} command folder${run.results.length === 1 ? '' : 's'} read; ${states}`;
}

/** An issue about the target as given, for a --json or MCP result (the RunStop's message says the same to a person). */
function targetIssue(options: ReverseRunOptions, message: string, expected: string): SpecIssue {
  const { shown, target, targetGivenAs = COMMAND_LINE } = options;
  return { file: targetGivenAs, pointer: '', message, found: JSON.stringify(shown(target.path)), expected };
}

/** Engine errors about the input (not a folder) stop the run, writing nothing; `issue` describes one for a result. */
function stoppingClearly<T>(step: () => T, issue?: (message: string) => SpecIssue): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RunStop) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RunStop(`${message}. Nothing was written.`, issue ? [issue(message)] : []);
  }
}
