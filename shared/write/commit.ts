/**
 * The commit pipeline both front ends (the fast path and the Yeoman generators) and any other
 * caller (an MCP server) write a planned run with: every check before the first write, a state
 * per file, three-way merges of hand-edited files, the generation records, and an all-or-nothing
 * batch. `commitRun` is the stable entry point; it returns the states as data and prints nothing.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { AdapterRegistry } from '../adapters/registry.js';
import type { ProjectConfig } from '../config/project-config.js';
import { SpecError, type SpecIssue } from '../errors.js';
import type { SpecRun } from '../run/spec-run.js';
import { toolInfo } from '../audit/tool-info.js';
import { CHANGING_STATES, decideFile, type CommitSettings, type FileDecision, type FileState, type PlannedKind } from './decide.js';
import { BatchWriteError, nodeProbe, removeStaleTemporaries, writeBatch, type BatchFs } from './node-tree.js';
import { ProjectPaths, platformNameLimits, type PathProbe } from './path-safety.js';
import { contentHash, parseRecord, recordPath, serialiseRecord, type GenerationRecord, type RecordedFile } from './record.js';
import { baseReproducer, runTraits } from './reproduce.js';

export type { CommitSettings, FileDecision, FileState } from './decide.js';

/** A conflict put to the person at the terminal: overwrite with `proposed`, or keep the file. */
export interface ConflictQuestion {
  readonly path: string;
  readonly disk: string;
  /** What "overwrite" writes: the merge with conflict markers, or the new generation when there is no base to merge with. */
  readonly proposed: string;
  readonly reason: string;
}
/** The answer: write this text (the proposal, or the person's own edit of it), or skip the file. */
export type ConflictAnswer = { readonly write: string } | 'skip';

export interface CommitContext {
  /** Absolute project root (links above it are resolved, links below it are checked). */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  /** The registry the run was planned with (reproducing a previous generation needs the same adapters). */
  readonly registry?: AdapterRegistry;
  readonly settings: CommitSettings;
  /** The .yo-resolve entry of a project-relative path (the front end reads .yo-resolve). */
  readonly settled?: (path: string) => Promise<'skip' | 'force' | undefined>;
  /** Ask about a conflict (a terminal is there); without it a conflict refuses the run or writes markers. */
  readonly ask?: (question: ConflictQuestion) => Promise<ConflictAnswer>;
  /** Polled between files; SIGINT is watched when not given. */
  readonly interrupted?: () => boolean;
  /** For tests: the file system seen by the checks and the writer. */
  readonly probe?: PathProbe;
  readonly fs?: BatchFs;
}

/** One file's outcome, as data. */
export interface FileReport {
  readonly path: string;
  readonly state: FileState;
  readonly reason?: string;
  /** Whether the run changed the file on disk. */
  readonly written: boolean;
}

export interface CommitReport {
  readonly files: readonly FileReport[];
  readonly dryRun: boolean;
  /** SIGINT stopped the run: `files` says what was written before it. */
  readonly interrupted: boolean;
  /** --bail found a change: the first one, and nothing was written. */
  readonly bailedAt?: string;
  /** Files written with conflict markers (--merge=markers): to resolve by hand. */
  readonly withMarkers: readonly string[];
  /** The decisions behind the states (texts included), for diffs. */
  readonly decisions: readonly FileDecision[];
}

/** The run refused to write because of conflicts nobody could be asked about; nothing was written. */
export class ConflictRefusal extends Error {
  constructor(readonly conflicts: readonly FileDecision[]) {
    super(conflictRefusalMessage(conflicts));
    this.name = 'ConflictRefusal';
  }
}

/** A batch that failed part way; `written` were left written (a rollback that failed). */
export class CommitWriteError extends Error {
  constructor(
    readonly failure: BatchWriteError,
    readonly projectRoot: string,
  ) {
    const written = failure.written.map((p) => `  written ${posix.relative(projectRoot, p)}`);
    super(
      written.length === 0
        ? `${failure.message}; nothing was written (every file of the batch is as it was)`
        : `${failure.message}; these files could not be put back:\n${written.join('\n')}\nRe-run the same command to finish the job.`,
    );
    this.name = 'CommitWriteError';
  }
}

/** Everything decided before a write: what `finishCommit` writes, and what the fast path looks at first. */
export interface PreparedCommit {
  readonly decisions: readonly FileDecision[];
  readonly conflicts: readonly FileDecision[];
  /** Record files to write, by command: computed again after conflicts are resolved. */
  readonly owners: ReadonlyMap<string, readonly Owner[]>;
  readonly records: ReadonlyMap<string, { readonly path: string; readonly previous?: GenerationRecord; readonly disk?: string }>;
  /** The adapters each command ran with this time. */
  readonly adaptersRun: ReadonlyMap<string, ReadonlySet<string>>;
  readonly paths: ProjectPaths;
}

interface Owner {
  readonly command: string;
  readonly adapter: string;
  readonly specHash: string;
  readonly specText: string;
  readonly specFile: string;
  /** The other specs the file was generated from (the rest of its Rust module): hash -> text. */
  readonly with: ReadonlyMap<string, string>;
}

const generatorVersion = (): string => toolInfo().version;

/** Who planned each path (the record of every owner lists it), the spec each path comes from, and the adapters each command ran. */
function ownersOf(run: SpecRun): {
  owners: Map<string, Owner[]>;
  origin: Map<string, string>;
  recordOwners: Map<string, Owner>;
  adaptersRun: Map<string, Set<string>>;
} {
  const owners = new Map<string, Owner[]>();
  const origin = new Map<string, string>();
  const recordOwners = new Map<string, Owner>();
  const adaptersRun = new Map<string, Set<string>>();
  for (const result of run.results) {
    adaptersRun.set(result.model.name, new Set([...(adaptersRun.get(result.model.name) ?? []), ...result.adapters.map((a) => a.id)]));
    const specText = result.model.canonicalText;
    // Every spec this generation was made from (a Rust module's commands): each owner's record reproduces it with the others.
    const sources = [
      { command: result.model.name, specText, specFile: result.model.specFile },
      ...result.related.map((r) => ({ command: r.command, specText: r.canonical, specFile: r.file })),
    ];
    // Each spec hashed once per result, not once for every file it owns.
    const hashes = new Map(sources.map((s) => [s.specText, contentHash(s.specText)]));
    const ownerOf = (command: string, adapter: string): Owner => {
      const own = sources.find((s) => s.command === command)!;
      const others = new Map(sources.filter((s) => s.command !== command).map((s) => [hashes.get(s.specText)!, s.specText]));
      return { command, adapter, specHash: hashes.get(own.specText)!, specText: own.specText, specFile: own.specFile, with: others };
    };
    const adapterOf = new Map(result.plans.flatMap((plan) => plan.files.map((f) => [f.path, plan.adapter] as const)));
    for (const file of result.files) {
      const list = owners.get(file.path) ?? [];
      const adapter = adapterOf.get(file.path) ?? result.adapter.id;
      for (const command of file.owners ?? [result.model.name]) {
        if (!sources.some((s) => s.command === command) || list.some((o) => o.command === command)) continue;
        list.push(ownerOf(command, adapter));
        if (!recordOwners.has(command)) recordOwners.set(command, ownerOf(command, adapter));
      }
      owners.set(file.path, list);
      if (!origin.has(file.path)) origin.set(file.path, result.model.specFile);
    }
    for (const edit of result.edits) if (!origin.has(edit.path)) origin.set(edit.path, result.model.specFile);
    recordOwners.set(result.model.name, ownerOf(result.model.name, result.adapter.id));
  }
  return { owners, origin, recordOwners, adaptersRun };
}

/** The previous generation a record holds, or undefined with its problems in `issues` (none under --force, which rewrites it). */
function trustedRecord(disk: string, path: string, settings: CommitSettings, issues: SpecIssue[]): GenerationRecord | undefined {
  try {
    return parseRecord(disk, path);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    // --force rewrites a record that cannot be read; without it, it cannot decide what is a hand edit.
    if (!settings.force)
      issues.push(
        ...error.issues.map((i) => ({
          ...i,
          message: `${i.message} (the generation record cannot be trusted; fix it, or --force rewrites it and every file it lists)`,
        })),
      );
    return undefined;
  }
}

/** How a planned file is decided: an edit of a shared file, a file rewritten whole, a file created once, or a generated one. */
const plannedKind = (file: { path: string; once?: boolean }, edited: ReadonlySet<string>, rewritten: ReadonlySet<string>): PlannedKind =>
  edited.has(file.path) ? 'edit' : rewritten.has(file.path) ? 'rewrite' : file.once ? 'once' : 'generated';

/** The first owner's record that lists the file: it holds the file's previous generation. */
const recordHolding = (
  path: string,
  owners: ReadonlyMap<string, readonly Owner[]>,
  records: ReadonlyMap<string, { path: string; previous?: GenerationRecord }>,
): { path: string; previous?: GenerationRecord } | undefined =>
  (owners.get(path) ?? []).map((o) => records.get(o.command)).find((record) => record?.previous?.files.has(path));

/** The .yo-resolve entry of a file; only a file that would change is looked up (never an identical one). */
async function yoResolveEntry(
  path: string,
  disk: string | undefined,
  content: string,
  context: CommitContext,
): Promise<'skip' | 'force' | undefined> {
  if (context.settings.skipYoResolve || disk === undefined || disk === content) return undefined;
  return context.settled?.(path);
}

/**
 * Check and decide everything for a planned run: paths (links, names the file system cannot
 * hold), records, and a state per file. Throws a SpecError listing every problem; reads only.
 */
export async function prepareCommit(run: SpecRun, context: CommitContext): Promise<PreparedCommit> {
  const probe = context.probe ?? nodeProbe;
  const root = probe.realpath(context.projectRoot) ?? context.projectRoot;
  const paths = new ProjectPaths(root, context.config.allowSymlinks ?? [], probe, platformNameLimits(process.platform));
  const settings = context.settings;

  const { owners, origin, recordOwners, adaptersRun } = ownersOf(run);

  const issues: SpecIssue[] = [];
  const at = (path: string): string | undefined => {
    const verdict = paths.check(path);
    if ('problem' in verdict) {
      issues.push({
        file: origin.get(path) ?? path,
        pointer: '/name',
        message: `would write ${path}, which ${verdict.problem}`,
        expected: verdict.expected,
      });
      return undefined;
    }
    return verdict.absolute;
  };
  // Read synchronously: thousands of small files awaited one by one left the run idle between them.
  const read = (path: string, absolute: string | undefined): string | undefined => {
    if (absolute === undefined || paths.seenMissing(path)) return undefined;
    try {
      return readFileSync(absolute, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT')
        issues.push({
          file: path,
          pointer: '',
          message: `cannot be read to decide what to write (${code ?? String(error)})`,
          expected: 'a readable file, or none',
        });
      return undefined;
    }
  };

  // Records: read and parsed first, so a broken one stops the run before any decision.
  const records = new Map<string, { path: string; previous?: GenerationRecord; disk?: string }>();
  for (const [command, owner] of recordOwners) {
    const path = recordPath(context.config, command);
    origin.set(path, owner.specFile);
    const disk = read(path, at(path));
    const previous = disk === undefined ? undefined : trustedRecord(disk, path, settings, issues);
    records.set(command, { path, ...(previous ? { previous } : {}), ...(disk === undefined ? {} : { disk }) });
  }

  const located = run.files.map((file) => ({ file, absolute: at(file.path) }));
  if (issues.length > 0) throw new SpecError(issues);

  const edited = new Set(run.edited);
  const rewritten = new Set(run.overwrite.filter((p) => !edited.has(p)));
  const reproduce = baseReproducer({
    config: context.config,
    registry: context.registry,
    traits: runTraits(run.results),
    generatorVersion: generatorVersion(),
    project: projectReader(context.projectRoot, context.config, probe),
  });
  const decisions: FileDecision[] = [];
  for (const { file, absolute } of located) {
    const kind = plannedKind(file, edited, rewritten);
    const disk = read(file.path, absolute);
    const holder = recordHolding(file.path, owners, records);
    const recorded: RecordedFile | undefined = holder?.previous?.files.get(file.path);
    const settled = await yoResolveEntry(file.path, disk, file.content, context);
    decisions.push(
      decideFile(
        {
          path: file.path,
          kind,
          content: file.content,
          disk,
          ...((kind === 'generated' || kind === 'once') && recorded ? { recorded } : {}),
          ...(settled ? { settled } : {}),
          base: () =>
            reproduce(
              file.path,
              recorded!,
              holder!.previous!.specs.get(recorded!.spec)!,
              holder!.path,
              (recorded!.with ?? []).map((hash) => holder!.previous!.specs.get(hash)!),
            ),
        },
        settings,
      ),
    );
  }
  if (issues.length > 0) throw new SpecError(issues);
  return { decisions, conflicts: decisions.filter((d) => d.state === 'conflict'), owners, records, adaptersRun, paths };
}

/** Whether this run's generation of a file goes into its records: a file left as it was keeps the entry of the generation it still holds. */
const recordedNow = (decision: FileDecision, only: ReadonlySet<string> | undefined): boolean =>
  (decision.kind === 'generated' || decision.kind === 'once') &&
  decision.generated !== undefined &&
  decision.state !== 'skip' &&
  (only === undefined || only.has(decision.path));

/** Each command's record entries carried over from its previous record, less the files its adapters no longer plan. */
function entriesKept(
  prepared: PreparedCommit,
  decisions: readonly FileDecision[],
): { files: Map<string, Map<string, RecordedFile>>; specs: Map<string, Map<string, string>> } {
  const files = new Map<string, Map<string, RecordedFile>>();
  const specs = new Map<string, Map<string, string>>();
  for (const [command, { previous }] of prepared.records) {
    files.set(command, new Map(previous?.files ?? []));
    specs.set(command, new Map(previous?.specs ?? []));
  }
  // A recorded file its adapter no longer plans (a spec change, or the spec now lives in the
  // specs folder) is no longer generated; files of adapters that did not run this time stay.
  const planned = new Set(decisions.map((d) => d.path));
  for (const [command, entries] of files) {
    const ran = prepared.adaptersRun.get(command) ?? new Set<string>();
    for (const [path, entry] of entries) if (!planned.has(path) && ran.has(entry.adapter)) entries.delete(path);
  }
  return { files, specs };
}

/** The record of each command after this run, from the final decisions. */
function recordDecisions(
  prepared: PreparedCommit,
  decisions: readonly FileDecision[],
  settings: CommitSettings,
  only?: ReadonlySet<string>,
): FileDecision[] {
  const { files, specs } = entriesKept(prepared, decisions);
  const version = generatorVersion();
  for (const decision of decisions) {
    if (!recordedNow(decision, only)) continue;
    // Hashed once, whoever owns the file.
    const content = contentHash(decision.generated!);
    for (const owner of prepared.owners.get(decision.path) ?? []) {
      const withHashes = [...owner.with.keys()].sort();
      files.get(owner.command)?.set(decision.path, {
        adapter: owner.adapter,
        content,
        generator: version,
        spec: owner.specHash,
        ...(withHashes.length > 0 ? { with: withHashes } : {}),
      });
      specs.get(owner.command)?.set(owner.specHash, owner.specText);
      for (const [hash, text] of owner.with) specs.get(owner.command)?.set(hash, text);
    }
  }
  const out: FileDecision[] = [];
  for (const [command, { path, disk }] of prepared.records) {
    const text = serialiseRecord({ command, files: files.get(command)!, specs: specs.get(command)! });
    out.push(decideFile({ path, kind: 'record', content: text, disk, base: () => ({ problem: 'records are not merged' }) }, settings));
  }
  return out;
}

/** Settle the conflicts: asked in a terminal, written with markers, taken as generated, or the run refused. */
async function resolveConflicts(decisions: readonly FileDecision[], context: CommitContext): Promise<FileDecision[]> {
  const { settings } = context;
  const conflicts = decisions.filter((d) => d.state === 'conflict');
  if (conflicts.length === 0 || settings.dryRun) return [...decisions];
  if (!context.ask && settings.merge !== 'markers') throw new ConflictRefusal(conflicts);
  const resolved: FileDecision[] = [];
  for (const decision of decisions) {
    if (decision.state !== 'conflict') {
      resolved.push(decision);
    } else if (context.ask) {
      const proposed = (decision.baseless ? decision.generated : decision.markers) ?? '';
      const answer = await context.ask({ path: decision.path, disk: decision.disk ?? '', proposed, reason: decision.reason ?? 'conflict' });
      if (answer === 'skip') resolved.push({ ...decision, state: 'skip', reason: 'kept, as answered' });
      // Overwriting with the merge leaves markers to resolve, as --merge=markers does.
      else if (answer.write === decision.markers && !decision.baseless)
        resolved.push({ ...decision, content: answer.write, reason: `${decision.reason}; written with conflict markers, as answered` });
      else resolved.push({ ...decision, state: 'force', content: answer.write, reason: 'overwritten, as answered' });
    } else {
      resolved.push({ ...decision, content: decision.markers, reason: `${decision.reason}; written with conflict markers` });
    }
  }
  return resolved;
}

/** Watch SIGINT for the length of a batch: the current file is finished, then the batch stops. */
function watchInterrupt(): { interrupted: () => boolean; stop: () => void } {
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', onSignal);
  return { interrupted: () => interrupted, stop: () => process.off('SIGINT', onSignal) };
}

/** Resolve conflicts, write the batch (or nothing on a dry run or --bail) and report every file. */
export async function finishCommit(prepared: PreparedCommit, context: CommitContext): Promise<CommitReport> {
  const { settings } = context;
  const report = (decisions: readonly FileDecision[], written: ReadonlySet<string>, extra: Partial<CommitReport> = {}): CommitReport => ({
    files: decisions.map((d) => ({
      path: d.path,
      state: d.state,
      ...(d.reason ? { reason: d.reason } : {}),
      written: written.has(d.path),
    })),
    dryRun: settings.dryRun === true,
    interrupted: false,
    withMarkers: decisions.filter((d) => d.state === 'conflict' && written.has(d.path)).map((d) => d.path),
    decisions,
    ...extra,
  });

  if (settings.bail) {
    const first = prepared.decisions.find((d) => CHANGING_STATES.has(d.state));
    if (first) return report(prepared.decisions, new Set(), { bailedAt: first.path });
  }
  const resolved = await resolveConflicts(prepared.decisions, context);
  // Watched from here: a SIGINT while the records are made drops the batch too, with the summary.
  const watcher = context.interrupted ? { interrupted: context.interrupted, stop: () => undefined } : watchInterrupt();
  try {
    const decisions = [...resolved, ...recordDecisions(prepared, resolved, settings)];
    if (settings.dryRun) return report(decisions, new Set());
    const toWrite = decisions.filter((d) => d.content !== undefined);
    const absolute = new Map(toWrite.map((d) => [d.path, (prepared.paths.check(d.path) as { absolute: string }).absolute]));
    // A folder the checks found missing holds no temporary file: only the others are read.
    const folders = [...absolute].filter(([path]) => !prepared.paths.seenMissing(posix.dirname(path))).map(([, abs]) => posix.dirname(abs));
    removeStaleTemporaries(folders, context.fs);
    // Records last: a run stopped between files leaves them describing the files as they were.
    const ordered = [...toWrite.filter((d) => d.kind !== 'record'), ...toWrite.filter((d) => d.kind === 'record')];
    const outcome = await writeBatch(
      ordered.map((d) => ({ absolute: absolute.get(d.path)!, content: d.content!, previous: d.disk })),
      { interrupted: watcher.interrupted, ...(context.fs ? { fs: context.fs } : {}) },
    );
    const byAbsolute = new Map([...absolute].map(([path, abs]) => [abs, path]));
    const written = new Set(outcome.written.map((abs) => byAbsolute.get(abs)!));
    if (outcome.status === 'interrupted' && written.size === 0) return report(decisions, written, { interrupted: true });
    if (outcome.status === 'interrupted') {
      // The records are brought in line with what was written, so the next run finishes the job.
      const fixed = recordDecisions(prepared, resolved, settings, written).filter((d) => d.content !== undefined);
      const records = await writeBatch(
        fixed.map((d) => ({
          absolute: absolute.get(d.path) ?? (prepared.paths.check(d.path) as { absolute: string }).absolute,
          content: d.content!,
          previous: d.disk,
        })),
        { interrupted: () => false, ...(context.fs ? { fs: context.fs } : {}) },
      );
      for (const abs of records.written) written.add(byAbsolute.get(abs) ?? posix.relative(prepared.paths.root, abs));
      return report(decisions, written, { interrupted: true });
    }
    return report(decisions, written);
  } catch (error) {
    if (error instanceof BatchWriteError) throw new CommitWriteError(error, prepared.paths.root);
    throw error;
  } finally {
    watcher.stop();
  }
}

/** Check, decide, resolve and write a planned run: the one entry point (see prepareCommit / finishCommit). */
export async function commitRun(run: SpecRun, context: CommitContext): Promise<CommitReport> {
  return finishCommit(await prepareCommit(run, context), context);
}

/** Why a run without a terminal stops on these conflicts, and how to go on: the same words on both paths. */
export function conflictRefusalMessage(conflicts: readonly FileDecision[]): string {
  const many = conflicts.length !== 1;
  return [
    `${conflicts.length} file${many ? 's' : ''} cannot be merged with the new generation, and a run without a terminal cannot ask what to do; nothing was written:`,
    ...conflicts.map((d) => `  conflict ${d.path}: ${d.reason ?? 'differs from what would be generated'}`),
    'Re-run with --merge=markers to write standard conflict markers and resolve them by hand, --force to take the generated version,',
    '--dry-run to see each merge, or in a terminal (or with --interactive) to decide file by file;',
    'a .yo-resolve file can settle them for good (a line "<path> skip" keeps your version, "<path> force" takes the generated one).',
  ].join('\n');
}

/**
 * A reader of project files for the engine's edits (mod.rs, RustCoreIPC.ts): a path that a link
 * or a bad name makes unsafe reads as absent, and prepareCommit then refuses it with the reason.
 */
export function projectReader(
  projectRoot: string,
  config: ProjectConfig,
  probe: PathProbe = nodeProbe,
): (path: string) => string | undefined {
  const paths = new ProjectPaths(
    probe.realpath(projectRoot) ?? projectRoot,
    config.allowSymlinks ?? [],
    probe,
    platformNameLimits(process.platform),
  );
  return (path) => {
    const verdict = paths.check(path);
    if ('problem' in verdict) return undefined;
    try {
      return readFileSync(verdict.absolute, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Why a finished commit ends with a non-zero exit (and its code), or undefined when it succeeded. */
export function commitFailure(report: CommitReport): { readonly message: string; readonly exitCode: number } | undefined {
  if (report.bailedAt) return { message: `--bail: ${report.bailedAt} would change; nothing was written`, exitCode: 1 };
  if (report.interrupted) return { message: 'interrupted by SIGINT', exitCode: 130 };
  if (report.withMarkers.length > 0)
    return {
      message: `${report.withMarkers.length} file${report.withMarkers.length === 1 ? '' : 's'} written with conflict markers to resolve by hand`,
      exitCode: 1,
    };
  return undefined;
}
