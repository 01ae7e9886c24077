/**
 * Writing and reporting a reverse or an audit run (planned by shared/run/reverse-run.ts and
 * audit-run.ts), the same way on the bin's fast path and in the Yeoman generators: the files go
 * through the commit pipeline (spec-commit.ts), the report and the summary come after. The two
 * front ends differ only in where lines go and in who can answer a conflict.
 */
import { loadProjectAdapters } from '../../shared/adapters/plugin-loader.js';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { commitResultFiles, committedResult } from '../../shared/agent/commit-result.js';
import { formatRunResult, type ResultContext } from '../../shared/agent/run-result.js';
import { formatTextReport, jsonReport } from '../../shared/audit/report.js';
import { toolInfo } from '../../shared/audit/tool-info.js';
import type { ProjectConfig } from '../../shared/config/project-config.js';
import { SpecError, describeRefusal } from '../../shared/errors.js';
import {
  checkAuditFlags,
  describeFixes,
  enforcedAudit,
  planAuditRun,
  planHookInstall,
  type AuditFlags,
  type OwnFile,
} from '../../shared/run/audit-run.js';
import { reverseEndLines, reverseFiles, reverseRunResult, type ReverseRun } from '../../shared/run/reverse-run.js';
import { RunStop } from '../../shared/run/run-stop.js';
import type { SpecRun } from '../../shared/run/spec-run.js';
import {
  CommitWriteError,
  ConflictRefusal,
  type CommitContext,
  type CommitReport,
  type CommitSettings,
} from '../../shared/write/commit.js';
import { commitSpecRun, type CommitSink } from './spec-commit.js';

/** What a front end gives a run: the project, the settings, where lines go, and who answers a conflict. */
export interface TreeFrontEnd {
  /** Absolute POSIX path of the project root. */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  readonly settings: CommitSettings;
  /** Files' states and the report's lines (stderr, or Yeoman's log). */
  readonly sink: CommitSink;
  readonly colour: boolean;
  /** Machine output: --stdout's specs, --json's result. */
  readonly stdout: (text: string) => void;
  /** Present only when someone can answer: conflicts are asked. */
  readonly ask?: CommitContext['ask'];
  /** The fast path's way out: a run whose conflicts should be asked is handed to the Yeoman path before anything is said. */
  readonly declineWhenAsking?: boolean;
}

/** The run was handed back to be asked about on the Yeoman path; nothing was said or written. */
export const DECLINED = 'declined';

/** --stdout and --json of a reverse run. */
export interface ReverseOutput {
  readonly stdout: boolean;
  readonly json: boolean;
}

/** Write a reverse run's spec files (or print them with --stdout), then its summary. */
export async function writeReverseRun(
  run: ReverseRun,
  output: ReverseOutput,
  frontEnd: TreeFrontEnd,
): Promise<typeof DECLINED | undefined> {
  const context: ResultContext = { command: 'reverse', tool: toolInfo(), dryRun: output.stdout || frontEnd.settings.dryRun === true };
  let report: CommitReport | undefined;
  if (output.stdout) {
    for (const line of run.notes) frontEnd.sink.line(line);
    // With --json the specs are in the result; stdout holds nothing else.
    if (!output.json) for (const file of reverseFiles(run)) frontEnd.stdout(`${JSON.stringify(JSON.parse(file.content))}\n`);
  } else {
    const committed = await commitPlainFiles(reverseFiles(run), [], frontEnd, { preamble: run.notes, context });
    if (committed === DECLINED) return DECLINED;
    report = committed;
  }
  if (output.json) frontEnd.stdout(formatRunResult(reverseRunResult(context, run, report ? commitResultFiles(report) : [])));
  for (const line of reverseEndLines(run, report, frontEnd.config)) frontEnd.sink.line(line);
  return undefined;
}

/**
 * An audit run from its flags: check them, plan (the audit, its fixes, the SARIF file), write, then
 * the report (text, or --json on stdout). A run that fails under --fail-on throws a RunStop after it.
 * `fromShell` resolves a path typed on the command line.
 */
export async function runAuditCommand(
  flags: AuditFlags,
  frontEnd: TreeFrontEnd,
  fromShell: (path: string) => string,
): Promise<typeof DECLINED | undefined> {
  const failOn = checkAuditFlags(flags);
  const { projectRoot, config } = frontEnd;
  const dryRun = frontEnd.settings.dryRun === true;
  if (flags.installHook) return installHook(frontEnd);
  const { registry } = await loadProjectAdapters(projectRoot, config);
  const planned = planAuditRun({
    projectRoot,
    config,
    registry,
    mode: flags.enforce ? 'enforce' : 'full',
    failOn,
    fix: flags.fix,
    ...(flags.enforce ? enforcedAudit(projectRoot, config, flags.base) : {}),
    ...(flags.sarif !== undefined && flags.sarif !== '' ? { sarifPath: fromShell(flags.sarif) } : {}),
    read: readText,
  });
  if (
    planned.files.length > 0 &&
    (await commitPlainFiles(planned.files, planned.overwrite, frontEnd, { context: { command: 'audit', tool: toolInfo(), dryRun } })) ===
      DECLINED
  )
    return DECLINED;
  if (planned.sarif) writeOwnFile(planned.sarif, frontEnd);
  const { audit, fixes, context, failure } = planned;
  if (fixes) for (const line of describeFixes(fixes, dryRun)) frontEnd.sink.line(line);
  if (flags.json) frontEnd.stdout(`${JSON.stringify(jsonReport(audit, context), null, 2)}\n`);
  else frontEnd.sink.line(formatTextReport(audit, context));
  if (failure !== undefined) throw new RunStop(failure);
  return undefined;
}

/** --install-hook: the audit's block in the pre-commit hook, kept executable. */
function installHook(frontEnd: TreeFrontEnd): undefined {
  const dryRun = frontEnd.settings.dryRun === true;
  const { target, file } = planHookInstall(frontEnd.projectRoot, readText);
  if (file.before !== file.content) writeOwnFile(file, frontEnd);
  const state = file.before === file.content ? 'unchanged' : file.before === undefined ? 'created' : 'updated';
  if (!dryRun && existsSync(target.path) && (statSync(target.path).mode & 0o111) === 0) chmodSync(target.path, 0o755);
  frontEnd.sink.line(
    `pre-commit hook (${target.kind}): ${shownPath(frontEnd.projectRoot, target.path)} ${dryRun && state !== 'unchanged' ? `would be ${state}` : state}; it runs \`continuum-gen audit --enforce\``,
  );
  return undefined;
}

/**
 * Commit files that no spec generates (reverse's specs, audit's fixes) through the pipeline: the
 * same path checks, states, dry run and conflict rules as a generation, every file's state listed.
 * Its stops (a conflict nobody can be asked about, a refused path, --bail) become a RunStop.
 */
async function commitPlainFiles(
  files: readonly PlannedFile[],
  overwrite: readonly string[],
  frontEnd: TreeFrontEnd,
  options: { readonly preamble?: readonly string[]; readonly context: ResultContext },
): Promise<CommitReport | typeof DECLINED> {
  const run: SpecRun = { results: [], files, overwrite, edited: [] };
  let outcome: Awaited<ReturnType<typeof commitSpecRun>>;
  try {
    outcome = await commitSpecRun(run, { ...frontEnd, verbose: true, ...(options.preamble ? { preamble: options.preamble } : {}) });
  } catch (error) {
    if (error instanceof SpecError) throw new RunStop(describeRefusal(error), error.issues);
    if (error instanceof ConflictRefusal)
      throw new RunStop(
        conflictRefusal(error.conflicts.map((d) => d.path)),
        [],
        error.conflicts.map((d) => d.path),
      );
    if (error instanceof CommitWriteError) throw new RunStop(error.message);
    throw error;
  }
  if (outcome === DECLINED) return DECLINED;
  if (outcome.failure) {
    const stop = new RunStop(outcome.failure.message, [], [], outcome.failure.exitCode);
    stop.runResult = committedResult(options.context, run, outcome.report, outcome.failure);
    throw stop;
  }
  return outcome.report;
}

/**
 * Why a run without a terminal stops on files that differ, and how to go on. Not a generation's
 * words (conflictRefusalMessage): these files have no record to merge with, and no --merge.
 */
function conflictRefusal(conflicts: readonly string[]): string {
  const many = conflicts.length !== 1;
  return [
    `${conflicts.length} file${many ? 's' : ''} on disk differ${many ? '' : 's'} from what would be written, and a run without a terminal cannot ask what to do; nothing was written:`,
    ...conflicts.map((path) => `  conflict ${path}`),
    'Re-run with --force to overwrite them, --dry-run to see the differences, or in a terminal (or with --interactive) to decide file by file;',
    'a .yo-resolve file can settle them for good (a line "<path> skip" keeps your version, "<path> force" takes the generated one).',
  ].join('\n');
}

/** Write a file beside the pipeline (forced, as the user asked for it), or only report it in a dry run. */
function writeOwnFile(file: OwnFile, frontEnd: TreeFrontEnd): void {
  frontEnd.sink.status(file.before === undefined ? 'create' : 'force', shownPath(frontEnd.projectRoot, file.path), undefined);
  if (frontEnd.settings.dryRun === true) return;
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.content);
}

function readText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** A path as messages name it: relative to the project root when inside it. */
export function shownPath(projectRoot: string, path: string): string {
  const fromRoot = relative(projectRoot, path).split(sep).join('/');
  return fromRoot === '' ? '.' : fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : fromRoot;
}
