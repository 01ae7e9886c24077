/**
 * The machine-readable result of a run (`--json` on every sub-generator, `continuum-gen validate`,
 * the MCP tools): one versioned shape, described by schemas/run-result.schema.json. Built here,
 * from engine data only, so the fast path, the Yeoman path and the MCP server answer alike.
 */
import type { SpecIssue } from '../errors.js';
import type { SpecRun } from '../run/spec-run.js';
import { FILE_STATES, type FileState } from '../write/decide.js';

/** Bumped only on an incompatible change (a field removed, renamed or retyped). */
export const RUN_RESULT_SCHEMA_VERSION = 1;

/** The "file" of an issue about the command line's options (a missing or bad value). */
export const COMMAND_LINE = '<command line>';

/** What happened (or, in a dry run, would happen) to one file: the commit pipeline's vocabulary (shared/write/decide.ts). */
export { FILE_STATES, type FileState } from '../write/decide.js';

/** Why a run ended as it did: `done` is the only status with ok = true. */
export type RunStatus = 'done' | 'invalid' | 'conflict' | 'aborted' | 'error';

export interface ResultFile {
  /** Project-relative POSIX path. */
  readonly path: string;
  readonly state: FileState;
  /** Dry runs: a unified diff from the file on disk (or from nothing) to the generated text. */
  readonly diff?: string;
}

export interface ResultSpec {
  readonly name: string;
  readonly specFile: string;
  /** The spec's own adapter first, then every --adapter. */
  readonly adapters: readonly string[];
  /** Every file the spec plans, sorted (edits of shared files are in `edits`). */
  readonly files: readonly string[];
  readonly edits: readonly { readonly path: string; readonly description: string; readonly changes: boolean }[];
}

export interface RunResult {
  readonly schemaVersion: typeof RUN_RESULT_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  /** The sub-generator or command that ran: command, rust-module, trait, reverse, validate, adapters. */
  readonly command: string;
  readonly ok: boolean;
  readonly status: RunStatus;
  /** The process's exit code (0 when ok). */
  readonly exitCode: number;
  readonly dryRun: boolean;
  /** A summary for a person: a line, or for status error the whole error text. */
  readonly message: string;
  readonly files: readonly ResultFile[];
  readonly issues: readonly SpecIssue[];
  readonly specs?: readonly ResultSpec[];
  /** Extra fields of one command (reverse's specs and warnings, the adapter listing, ...). */
  readonly [extra: string]: unknown;
}

export interface ResultContext {
  readonly command: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly dryRun?: boolean;
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** A finished run: ok, with every file's state (sorted by path) and the command's extra fields. */
export function doneResult(
  context: ResultContext,
  message: string,
  files: readonly ResultFile[],
  extra: Record<string, unknown> = {},
): RunResult {
  return { ...envelope(context, 'done', message), files: [...files].sort(byPath), issues: [], ...extra };
}

/** A run that wrote nothing because of these problems (a bad spec, a bad config, a bad option). */
export function invalidResult(context: ResultContext, issues: readonly SpecIssue[], extra: Record<string, unknown> = {}): RunResult {
  const count = issues.length;
  return {
    ...envelope(context, 'invalid', `${count} problem${count === 1 ? '' : 's'} found; nothing was written`),
    files: [],
    issues,
    ...extra,
  };
}

/**
 * A run refused because files on disk differ from what would be generated and nothing said to
 * overwrite them: each such file is listed with state `conflict` and as an issue saying how to go on.
 */
export function conflictResult(context: ResultContext, conflicts: readonly string[], extra: Record<string, unknown> = {}): RunResult {
  const many = conflicts.length !== 1;
  const issues: SpecIssue[] = conflicts.map((path) => ({
    file: path,
    pointer: '',
    message: 'the file on disk differs from what would be generated (edited by hand?), and nothing said to overwrite it',
    found: 'a file with other content',
    expected:
      'an overwrite asked for (--force; over MCP, force: true), a dry run to see the diff, or a .yo-resolve entry ("<path> skip" keeps the file)',
  }));
  const message = `${conflicts.length} file${many ? 's' : ''} on disk differ${many ? '' : 's'} from what would be generated; nothing was written`;
  return {
    ...envelope(context, 'conflict', message),
    files: conflicts.map((path) => ({ path, state: 'conflict' as const })).sort(byPath),
    issues,
    ...extra,
  };
}

/** A run that stopped for another reason (--bail, a missing value, a failure): the message says why. */
export function failedResult(
  context: ResultContext,
  status: 'aborted' | 'conflict' | 'error',
  message: string,
  issues: readonly SpecIssue[] = [],
  files: readonly ResultFile[] = [],
): RunResult {
  return { ...envelope(context, status, message), files: [...files].sort(byPath), issues };
}

function envelope(context: ResultContext, status: RunStatus, message: string) {
  const ok = status === 'done';
  return {
    schemaVersion: RUN_RESULT_SCHEMA_VERSION,
    tool: { name: context.tool.name, version: context.tool.version },
    command: context.command,
    ok,
    status,
    exitCode: ok ? 0 : 1,
    dryRun: context.dryRun === true,
    message,
  } as const;
}

/** What each spec of a run planned: its adapters, its files and its edits of shared files. */
export function resultSpecs(run: SpecRun): ResultSpec[] {
  return run.results.map((result) => ({
    name: result.model.name,
    specFile: result.model.specFile,
    adapters: result.adapters.map((a) => a.id),
    files: result.files.map((f) => f.path),
    edits: result.edits.map((edit) => ({ path: edit.path, description: edit.description, changes: run.edited.includes(edit.path) })),
  }));
}

/**
 * Every planned file with the state the conflicter reported for it. A file it did not report
 * (it reports each file it sees once) is an internal error, not something to paper over.
 */
export function resultFiles(
  paths: readonly string[],
  states: ReadonlyMap<string, string>,
  diffs: ReadonlyMap<string, string> = new Map(),
): ResultFile[] {
  return paths.map((path) => {
    const state = states.get(path);
    if (state === undefined || !(FILE_STATES as readonly string[]).includes(state))
      throw new Error(`no conflicter state was reported for ${path} (got ${String(state)})`);
    const diff = diffs.get(path);
    return diff === undefined ? { path, state: state as FileState } : { path, state: state as FileState, diff };
  });
}

/** The result's one-line message for a finished run: how many files, by state (`Dry run: 8 files: 8 create`). */
export function describeFileStates(files: readonly ResultFile[], dryRun: boolean): string {
  const counts = FILE_STATES.map((state) => [state, files.filter((f) => f.state === state).length] as const).filter(([, n]) => n > 0);
  const parts = counts.map(([state, n]) => `${n} ${state}`).join(', ') || 'nothing to do';
  return `${dryRun ? 'Dry run: ' : ''}${files.length} file${files.length === 1 ? '' : 's'}: ${parts}`;
}

/** The JSON text a --json run prints on stdout: stable key order, two-space indent, one final newline. */
export function formatRunResult(result: RunResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
