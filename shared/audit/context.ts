import { posix } from 'node:path';
import { builtinAdapters } from '../adapters/builtin-adapters.js';
import type { AdapterRegistry } from '../adapters/registry.js';
import type { ProjectConfig } from '../config/project-config.js';
import { SpecError } from '../errors.js';
import { ModulePaths } from '../reverse/module-paths.js';
import type { ReversedCommand } from '../reverse/reverse-engineer.js';
import { childPath, type SourceReader } from '../reverse/source-reader.js';
import type { IndexedSpec, SpecIndex } from '../reverse/spec-index.js';
import { classesOf, parseSource } from '../reverse/syntax.js';
import { syntaxError } from '../reverse/types-file.js';
import { parseJsonSource } from '../spec/json-source.js';
import type { AuditLocation } from './findings.js';
import { healOf, readRustCrate, type HealState, type RustFile } from './rust-crate.js';
import { readingEngine, reverseTree, type ReversedRead, type TreeRun } from './reverse-tree.js';
import { AuditTreeReader, type TreeProblem } from './tree-reader.js';
import { rawExecuteCalls, type RawExecuteCall, type TypesFileFacts } from './types-file-facts.js';

/** `full`: every check. `enforce`: only whether each command folder has a spec, new folders failing. */
export type AuditMode = 'full' | 'enforce';

export interface AuditOptions {
  /** Absolute POSIX path of the host project. */
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  /** How files are read; by default the real file system, loop-safe (AuditTreeReader). */
  readonly reader?: SourceReader;
  readonly mode?: AuditMode;
  /**
   * Enforce: given the project-relative command folders found, those that are new, with why
   * (`untracked`, `staged`, `added since <ref>`).
   */
  readonly classifyNew?: (folders: readonly string[]) => ReadonlyMap<string, string>;
  /** The adapters the project's specs may name (its plugins among them); default the built-ins. */
  readonly registry?: AdapterRegistry;
  /** Whether a second thread reads the later command folders (by default from PARALLEL_FROM of them, on PARALLEL_CORES cores). */
  readonly tree?: Pick<TreeRun, 'parallel' | 'helper'>;
}

/** A reader that also reports what it could not read (AuditTreeReader, or an overlay of one). */
export interface ReportingReader extends SourceReader {
  readonly problems: readonly TreeProblem[];
}

const isReporting = (reader: SourceReader): reader is ReportingReader => Array.isArray((reader as Partial<ReportingReader>).problems);

/** One command folder as the audit saw it. */
export interface AuditedCommand {
  /** The name the code gives it (accessor, then command class, then folder). */
  readonly name: string;
  /** Project-relative folder. */
  readonly folder: string;
  /** First segment of the name. */
  readonly namespace: string;
  /** The Types file read, when one was. */
  readonly typesFile?: string;
  /** The spec file matched by name, when there is one. */
  readonly spec?: string;
  /** `failed`: no Types file could be read or parsed. */
  readonly status: 'read' | 'failed';
  /** Why the folder counts as new (enforce only). */
  readonly newBecause?: string;
  /** No finding of a pattern rule (accessor, any, params/result, raw execute, unreadable) is about it. */
  readonly conforms: boolean;
}

/** One command (one accessor of a Types file) as reverse read it, with what the rules ask of it. */
export interface CommandRead {
  readonly result: ReversedCommand;
  readonly facts?: TypesFileFacts;
  /** Project-relative Types file, when one was read. */
  readonly typesFile?: string;
  /** The name the code gives the command. */
  readonly name: string;
  /** The folder's path under the commands root: the name its path gives it. */
  readonly folderName: string;
  readonly folder: string;
  /** Where a finding about the whole command points: its Types file, else its folder. */
  readonly at: AuditLocation;
  /** The finding's command and folder; a folder whose code names another command is named by its folder. */
  readonly about: { readonly command: string; readonly folder: string };
  /** Why the folder counts as new (enforce only). */
  readonly newBecause?: string;
  /** The spec of the command: the one its folder names, else (for an old folder) the one its code names. */
  readonly indexed?: IndexedSpec;
  /** The guard (enforce) judges what a change brings: an old mismatch or duplicate is the full audit's to report. */
  readonly judged: boolean;
  /** The first command read from its Types file (a shared file's own facts are reported once). */
  readonly firstOfTypesFile: boolean;
  /** The folder that owns the command name (the one its path names, else the first in order). */
  readonly owner?: string;
}

/** A TypeScript source outside the Types files, as the raw-execute scan read it. */
export interface SourceScan {
  readonly rawExecutes: readonly { readonly file: string; readonly call: RawExecuteCall }[];
  /** Sources that mention Commands.execute but do not parse. */
  readonly unparsable: readonly { readonly file: string; readonly line: number; readonly message: string }[];
}

/** The crate's ServiceModule types, which of them are managed, and every ManagedService's heal(). */
export interface RustServices {
  readonly crate: readonly RustFile[];
  /** Each ServiceModule type, where it is first implemented. */
  readonly serviceTypes: ReadonlyMap<string, { readonly file: RustFile; readonly line: number }>;
  readonly managedTypes: ReadonlySet<string>;
  readonly heals: readonly {
    readonly file: RustFile;
    readonly type: string;
    readonly heal: { readonly state: HealState; readonly line: number };
  }[];
}

/** Everything the rules read, built once per audited tree. */
export interface AuditContext {
  readonly mode: AuditMode;
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  readonly reader: SourceReader;
  readonly specIndex: SpecIndex;
  readonly specSources: SpecSources;
  /** The adapters its specs name: rules ask them what a spec produces (a command, a Rust module), not their ids. */
  readonly registry: AdapterRegistry;
  /** Every command read, in folder order. */
  readonly reads: readonly CommandRead[];
  /** The audited commands (before `conforms` is known), in folder order. */
  readonly commands: readonly AuditedCommand[];
  /** Every name a command folder answers to: its code's and its path's. */
  readonly commandNames: ReadonlySet<string>;
  /** Full audit only: the sources' raw executes and parse failures. */
  readonly sources?: SourceScan;
  /** Full audit only: the Rust crate's services. */
  readonly rust?: RustServices;
  /** What the reader could not read (symbolic link loops, permissions), once every read is done. */
  readonly readerProblems: readonly TreeProblem[];
  /** How many threads read the command folders (reverseTree). */
  readonly threads: 1 | 2;
  readonly relative: (path: string) => string;
}

const isTsSource = (name: string): boolean => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'target']);

/**
 * Reads the tree once: every command folder under the commands root by the reverse engine (the
 * compiler's syntax tree of each file), its Types file's facts while it is open, its spec matched by name; in a full
 * audit also every other TypeScript source (raw executes) and the Rust crate. Reads only.
 */
export function buildAuditContext(options: AuditOptions): AuditContext {
  const mode = options.mode ?? 'full';
  const { projectRoot, config } = options;
  const reader: SourceReader = options.reader ?? new AuditTreeReader();
  const full = mode === 'full';
  const scanner = full ? new SourceScanner(projectRoot, config, reader) : undefined;
  const registry = options.registry ?? builtinAdapters();
  const engine = readingEngine({ projectRoot, config, reader, registry }, scanner);
  const relative = (path: string): string => posix.relative(projectRoot, path);

  const commandsRootAbs = posix.join(projectRoot, config.roots.commands);
  const folders = reader.listFolder(commandsRootAbs) === undefined ? [] : engine.discover(commandsRootAbs);
  const specIndex = engine.existingSpecs();
  const newFolders = options.classifyNew?.(folders.map(relative)) ?? new Map<string, string>();
  const specSources = new SpecSources(projectRoot, reader);

  const { reversed, threads } = reverseTree({ engine, folders, scanner, reader, registry, projectRoot, config, ...options.tree });
  const { reads, commands, commandNames } = commandReads(reversed, { mode, config, specIndex, newFolders });

  const rust = full ? rustServices(readRustCrate(projectRoot, config.roots.rustCrate, reader)) : undefined;
  const sources = scanner?.finish();
  // Read last: every read of the tree is done by now.
  const readerProblems = isReporting(reader) ? reader.problems : [];
  return {
    mode,
    projectRoot,
    config,
    reader,
    specIndex,
    specSources,
    registry,
    reads,
    commands,
    commandNames,
    sources,
    rust,
    readerProblems,
    threads,
    relative,
  };
}

/** Who owns each command name: the folder its path names, else the first in order (two folders claiming one name is an error). */
function nameOwners(reversed: readonly ReversedRead[], commandsRelative: (folder: string) => string): Map<string, string> {
  const claimedBy = new Map<string, string>();
  for (const { result } of reversed) {
    if (result.status !== 'reversed' || !result.spec) continue;
    const owner = claimedBy.get(result.spec.name);
    if (owner === undefined || (commandsRelative(owner) !== result.spec.name && commandsRelative(result.folder) === result.spec.name))
      claimedBy.set(result.spec.name, result.folder);
  }
  return claimedBy;
}

/** Each command read with what the rules ask of it (its names, spec, owner), and the audited commands. */
function commandReads(
  reversed: readonly ReversedRead[],
  run: { mode: AuditMode; config: ProjectConfig; specIndex: SpecIndex; newFolders: ReadonlyMap<string, string> },
): { reads: CommandRead[]; commands: AuditedCommand[]; commandNames: Set<string> } {
  const { config, specIndex, newFolders } = run;
  const commandsRelative = (folder: string): string => posix.relative(config.roots.commands, folder);
  const claimedBy = nameOwners(reversed, commandsRelative);
  const reads: CommandRead[] = [];
  const commands: AuditedCommand[] = [];
  const commandNames = new Set<string>();
  const typesFilesSeen = new Set<string>();
  for (const { result, facts, typesFile } of reversed) {
    const folder = result.folder;
    const name = result.spec?.name ?? commandsRelative(folder);
    const folderName = commandsRelative(folder);
    commandNames.add(name);
    commandNames.add(folderName);
    const inCommandsRoot = folder.startsWith(`${config.roots.commands}/`);
    const newBecause = newFolders.get(folder);
    // A folder's spec is the one its path names (enforcement is by folder, as the design says); a
    // folder whose code names another command (a copy) is reported, and the code's name is the fallback.
    const indexed = specIndex.byName.get(folderName) ?? (newBecause === undefined ? specIndex.byName.get(name) : undefined);
    const firstOfTypesFile = facts !== undefined && typesFile !== undefined && !typesFilesSeen.has(typesFile);
    if (facts !== undefined && typesFile !== undefined) typesFilesSeen.add(typesFile);
    const owner = claimedBy.get(name);
    const read: CommandRead = {
      result,
      facts,
      typesFile,
      name,
      folderName,
      folder,
      at: { file: typesFile ?? folder, line: 1 },
      // Findings name the command by its folder when its code names another (a copy names the original).
      about: { command: name === folderName || !inCommandsRoot ? name : folderName, folder },
      ...(newBecause !== undefined ? { newBecause } : {}),
      ...(indexed ? { indexed } : {}),
      judged: run.mode === 'full' || newBecause !== undefined,
      firstOfTypesFile,
      ...(owner !== undefined ? { owner } : {}),
    };
    reads.push(read);
    commands.push(auditedCommandOf(read, inCommandsRoot));
  }
  return { reads, commands, commandNames };
}

/** The audited command of a read, before `conforms` is known. */
function auditedCommandOf(read: CommandRead, inCommandsRoot: boolean): AuditedCommand {
  return {
    name: read.name,
    folder: read.folder,
    // The folder's namespace: where the command sits (a copied folder is where it was copied to).
    namespace: (inCommandsRoot ? read.folderName : read.name).split('/')[0],
    ...(read.typesFile !== undefined ? { typesFile: read.typesFile } : {}),
    ...(read.indexed ? { spec: read.indexed.file } : {}),
    status: read.result.status === 'failed' ? 'failed' : 'read',
    ...(read.newBecause !== undefined ? { newBecause: read.newBecause } : {}),
    conforms: true,
  };
}

function rustServices(crate: readonly RustFile[]): RustServices {
  const managedTypes = new Set(crate.flatMap((f) => f.impls.filter((i) => i.trait === 'ManagedService').map((i) => i.type)));
  const serviceTypes = new Map<string, { file: RustFile; line: number }>();
  for (const file of crate)
    for (const impl of file.impls)
      if (impl.trait === 'ServiceModule' && !serviceTypes.has(impl.type)) serviceTypes.set(impl.type, { file, line: impl.line });
  const heals: { file: RustFile; type: string; heal: { state: HealState; line: number } }[] = [];
  for (const file of crate)
    for (const impl of file.impls) if (impl.trait === 'ManagedService') heals.push({ file, type: impl.type, heal: healOf(file, impl) });
  return { crate, serviceTypes, managedTypes, heals };
}

/**
 * Every TypeScript source of the project (the source root, and the commands root when it lies
 * outside) except the Types files already read: `Commands.execute` calls outside static
 * accessors. A file is parsed only when its text mentions `Commands` and `execute`; the decision is the syntax tree's.
 * The files reverse reads are scanned as it reads them (scanRead), so the walk of the rest reads none twice.
 */
export class SourceScanner {
  private readonly rawExecutes: { file: string; call: RawExecuteCall }[] = [];
  private readonly unparsable: { file: string; line: number; message: string }[] = [];
  /** Files scanned, or read as Types files (whose raw executes are the Types file facts'). */
  readonly scanned = new Set<string>();
  private readonly hostFiles: ReadonlySet<string>;
  private readonly roots: readonly string[];
  /** Sources reverse read in the current folder, by path. */
  private readonly pending = new Map<string, string>();

  constructor(
    private readonly projectRoot: string,
    config: ProjectConfig,
    private readonly reader: SourceReader,
  ) {
    // The host's own executor and the command base class are where Commands.execute is defined and forwarded, not raw calls.
    const modulePaths = ModulePaths.forProject(projectRoot, config, reader);
    this.hostFiles = new Set(
      [config.importPaths.commands, config.importPaths.commandBase]
        .map((specifier) => modulePaths.resolve(specifier, posix.join(projectRoot, 'index.ts')))
        .filter((p): p is string => p !== undefined),
    );
    const [sourceRoot, commandsRoot] = [config.roots.source, config.roots.commands].map((r) => posix.join(projectRoot, r));
    this.roots = commandsRoot.startsWith(`${sourceRoot}/`) ? [sourceRoot] : [sourceRoot, commandsRoot];
  }

  /**
   * Keep a file reverse read, to be scanned once its folder is read (scanPending). Types files are
   * not kept: one may be read as an import before its own command marks it scanned, and the walk reads the others.
   */
  remember(path: string, text: string): void {
    if (isTsSource(posix.basename(path)) && !/Types\.ts$/.test(path) && !this.scanned.has(path)) this.pending.set(path, text);
  }

  /** Scan the files kept since the last call that the walk would reach (below a root, through no skipped folder). */
  scanPending(): void {
    for (const [path, text] of this.pending) {
      const root = this.roots.find((r) => path.startsWith(`${r}/`));
      if (this.scanned.has(path) || root === undefined) continue;
      if (posix.relative(root, posix.dirname(path)).split('/').some(isSkippedFolder)) continue;
      this.scan(path, text);
    }
    this.pending.clear();
  }

  /** What this scanner found, for a scanner of the same tree that read the commands before these (adopt). */
  share(): ScanShare {
    return { scanned: [...this.scanned], rawExecutes: this.rawExecutes, unparsable: this.unparsable };
  }

  /**
   * Take what a scanner of the following commands found, as if this one had read them next: a file
   * this one scanned already keeps its own (same) findings, in its place.
   */
  adopt(share: ScanShare): void {
    const isNew = (label: string): boolean => !this.scanned.has(posix.join(this.projectRoot, label));
    this.rawExecutes.push(...share.rawExecutes.filter((r) => isNew(r.file)));
    this.unparsable.push(...share.unparsable.filter((u) => isNew(u.file)));
    for (const path of share.scanned) this.scanned.add(path);
  }

  /** Walk the roots for every source not scanned yet; the scan's findings. */
  finish(): SourceScan {
    const visited = new Set<string>();
    const walk = (folder: string): void => {
      if (visited.has(folder)) return;
      visited.add(folder);
      for (const entry of this.reader.listFolder(folder) ?? []) {
        const path = childPath(folder, entry.name);
        if (entry.isFolder) {
          if (!isSkippedFolder(entry.name)) walk(path);
          continue;
        }
        if (!isTsSource(entry.name) || this.scanned.has(path)) continue;
        const text = this.reader.readFile(path);
        if (text !== undefined) this.scan(path, text);
      }
    };
    for (const root of this.roots) walk(root);
    return { rawExecutes: this.rawExecutes, unparsable: this.unparsable };
  }

  private scan(path: string, text: string): void {
    this.scanned.add(path);
    // Only a file naming both can hold the call (the parse decides whether it does).
    if (this.hostFiles.has(path) || !text.includes('Commands') || !text.includes('execute')) return;
    // Parsed, read and let go: only this file's facts outlive the loop.
    const file = parseSource(path, text);
    const label = posix.relative(this.projectRoot, path);
    const problem = syntaxError(file);
    if (problem) {
      this.unparsable.push({ file: label, line: problem.line, message: problem.message });
      return;
    }
    // A file declaring the Commands class itself (a copy of the executor, a test double) defines execute.
    if (classesOf(file).some((c) => c.name?.text === 'Commands')) return;
    for (const call of rawExecuteCalls(file)) this.rawExecutes.push({ file: label, call });
  }
}

/** A scanner's findings and the files it scanned (absolute), as one thread hands them to another. */
export interface ScanShare {
  readonly scanned: readonly string[];
  readonly rawExecutes: readonly { file: string; call: RawExecuteCall }[];
  readonly unparsable: readonly { file: string; line: number; message: string }[];
}

const isSkippedFolder = (name: string): boolean => SKIPPED_FOLDERS.has(name) || name.startsWith('.');

/** Spec files' text and positions, read on first need (only specs that a finding cites). */
export class SpecSources {
  private readonly sources = new Map<string, ReturnType<typeof parseJsonSource> | null>();

  constructor(
    private readonly projectRoot: string,
    private readonly reader: SourceReader,
  ) {}

  /** Line of a JSON pointer in a spec file (its nearest existing parent), 1 when unknown. */
  line(file: string, pointer: string): number {
    return this.source(file)?.locate(pointer)?.line ?? 1;
  }

  /** Line of a file's JSON syntax error, 1 when it parses (or cannot be read). */
  syntaxErrorLine(file: string): number {
    const text = this.reader.readFile(posix.join(this.projectRoot, file));
    if (text === undefined) return 1;
    try {
      parseJsonSource(text, file);
    } catch (error) {
      if (error instanceof SpecError) return error.issues[0]?.line ?? 1;
    }
    return 1;
  }

  private source(file: string): ReturnType<typeof parseJsonSource> | undefined {
    let known = this.sources.get(file);
    if (known === undefined) {
      const text = this.reader.readFile(posix.join(this.projectRoot, file));
      try {
        known = text === undefined ? null : parseJsonSource(text, file);
      } catch {
        known = null;
      }
      this.sources.set(file, known);
    }
    return known ?? undefined;
  }
}
