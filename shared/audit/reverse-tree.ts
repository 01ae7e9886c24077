import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { builtinAdapters } from '../adapters/builtin-adapters.js';
import type { AdapterRegistry } from '../adapters/registry.js';
import type { ProjectConfig } from '../config/project-config.js';
import { ReverseEngineer, rustModuleAdapter, type ReversedCommand } from '../reverse/reverse-engineer.js';
import { ownStrings, type SourceReader } from '../reverse/source-reader.js';
import type { ScanShare, SourceScanner } from './context.js';
import { AuditTreeReader, type TreeShare } from './tree-reader.js';
import { typesFileFacts, type TypesFileFacts } from './types-file-facts.js';

/**
 * From this many command folders an audit reads the later part of them in a second thread: below
 * it, starting the thread (loading the compiler there) costs more than it saves.
 */
export const PARALLEL_FROM = 600;
/**
 * And only with this many cores: on two, V8's own background threads (concurrent marking,
 * compiling) already use the second, and a second reader made the 5,000-command audit no faster
 * for 40% more CPU and 50 MiB more memory (issue 18's measurements).
 */
export const PARALLEL_CORES = 4;
/** About how many folders the main thread reads while the second one starts; they go to the main thread. */
const HEAD_START = 150;
/** How long the main thread waits for the second to read one more folder before reading its share itself. */
const STALL_MS = 10_000;
/** Slots of the shared state: folders the second thread has read, and whether it has posted its share. */
export const PROGRESS = 0;
export const DONE = 1;

/**
 * The run's reverse engine over the reader; with a scanner, the sources reverse reads (command
 * classes, the modules they import) are kept for the scan: none is read twice.
 */
export function readingEngine(
  run: { projectRoot: string; config: ProjectConfig; reader: SourceReader; registry: AdapterRegistry },
  scanner: SourceScanner | undefined,
): ReverseEngineer {
  const { projectRoot, config, reader, registry } = run;
  const engineReader: SourceReader = scanner
    ? {
        readFile: (path) => {
          const text = reader.readFile(path);
          if (text !== undefined) scanner.remember(path, text);
          return text;
        },
        listFolder: (path) => reader.listFolder(path),
        // The tree reader's kept listings pass through, so reverse does not keep them a second time.
        ...(reader.keepsListings === true ? { keepsListings: true } : {}),
      }
    : reader;
  return new ReverseEngineer({ projectRoot, config, reader: engineReader, registry });
}

/** A command as reverse read it, with its Types file's facts (read while the file was open). */
export interface ReversedRead {
  readonly result: ReversedCommand;
  readonly facts?: TypesFileFacts;
  readonly typesFile?: string;
}

/** Reverse every command folder in order, reading each Types file's facts while it is open (and the sources read, for the scan). */
export function reverseFolders(
  engine: ReverseEngineer,
  folders: readonly string[],
  scanner: SourceScanner | undefined,
  onFolder?: () => void,
): ReversedRead[] {
  const reversed: ReversedRead[] = [];
  for (const folder of folders) {
    // A shared Types file gives one command per accessor; each is read with its own accessor's facts.
    const seen: { facts: TypesFileFacts; typesFile: string }[] = [];
    const results = engine.reverseCommands(folder, (file, label, accessor, candidates) => {
      scanner?.scanned.add(file.fileName);
      seen.push({
        typesFile: label,
        facts: ownStrings(typesFileFacts(file, { bases: engine.payloadBases(), resolve: engine.resolveDeclaration, candidates }, accessor)),
      });
    });
    scanner?.scanPending();
    results.forEach((result, index) => {
      if (result.status === 'not-a-command') return;
      reversed.push({ result, facts: seen[index]?.facts, typesFile: seen[index]?.typesFile });
    });
    onFolder?.();
  }
  return reversed;
}

/** What reverseTree needs of the audit's run. */
export interface TreeRun {
  readonly engine: ReverseEngineer;
  readonly folders: readonly string[];
  readonly scanner: SourceScanner | undefined;
  readonly reader: SourceReader;
  readonly registry: AdapterRegistry;
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  /** true or false to choose; by default from PARALLEL_FROM folders on PARALLEL_CORES cores. */
  readonly parallel?: boolean;
  /** The second thread's module and how long it may stall: tests give one that fails. */
  readonly helper?: HelperModule;
}

export interface HelperModule {
  readonly url: URL;
  readonly stallMs: number;
}

const HELPER: HelperModule = { url: new URL('./reverse-worker.js', import.meta.url), stallMs: STALL_MS };

/** The folders read, and by how many threads (2 when a second one read the later folders). */
export interface TreeReading {
  readonly reversed: ReversedRead[];
  readonly threads: 1 | 2;
}

/** What the second thread is given (workerData). */
export interface HelperInput {
  readonly projectRoot: string;
  readonly config: ProjectConfig;
  readonly full: boolean;
  readonly folders: readonly string[];
  readonly state: Int32Array;
  readonly port: MessagePort;
}

/** What the second thread posts: its folders read, and what its scanner and reader saw; or why it could not. */
export type HelperShare =
  { readonly reversed: ReversedRead[]; readonly scan?: ScanShare; readonly tree: TreeShare } | { readonly error: string };

/**
 * Every command folder reversed, in order, as reverseFolders reads them in one thread. A large
 * tree's later folders are read by a second thread while this one reads the first ones; its share
 * is taken in their place (the same results: each folder is read alone, and a file both threads
 * scanned keeps the first reading). If the second thread fails or stalls, this one reads its share.
 */
export function reverseTree(run: TreeRun): TreeReading {
  const helper =
    (run.parallel ?? (run.folders.length >= PARALLEL_FROM && availableParallelism() >= PARALLEL_CORES)) ? startHelper(run) : undefined;
  if (helper === undefined) return { reversed: reverseFolders(run.engine, run.folders, run.scanner), threads: 1 };
  const own = reverseFolders(run.engine, run.folders.slice(0, helper.from), run.scanner);
  const share = helper.share();
  if (share === undefined)
    return { reversed: [...own, ...reverseFolders(run.engine, run.folders.slice(helper.from), run.scanner)], threads: 1 };
  if (share.scan !== undefined) run.scanner?.adopt(share.scan);
  (run.reader as AuditTreeReader).adopt(share.tree);
  return { reversed: [...own, ...share.reversed], threads: 2 };
}

/**
 * The second thread, reading the folders from `from` on; undefined where it would not read them the
 * same: a reader other than the tree reader (an overlay, a test's), or a registry whose Rust-module
 * adapter is not the built-in one (the thread has only the built-ins).
 */
function startHelper(run: TreeRun): { from: number; share: () => Extract<HelperShare, { reversed: unknown }> | undefined } | undefined {
  const { folders } = run;
  const sameAdapters = (['server', 'both'] as const).every(
    (environment) => rustModuleAdapter(run.registry, environment)?.id === rustModuleAdapter(builtinAdapters(), environment)?.id,
  );
  if (!(run.reader instanceof AuditTreeReader) || !sameAdapters || folders.length < 2) return undefined;
  const from = Math.min(Math.ceil(folders.length / 2) + HEAD_START, folders.length - Math.floor(folders.length / 4));
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const input: HelperInput = {
    projectRoot: run.projectRoot,
    config: run.config,
    full: run.scanner !== undefined,
    folders: folders.slice(from),
    state,
    port: port2,
  };
  let worker: Worker;
  try {
    worker = new Worker((run.helper ?? HELPER).url, { workerData: input, transferList: [port2] });
  } catch {
    return undefined;
  }
  worker.unref();
  return {
    from,
    share: () => {
      const posted = awaitShare(state, (run.helper ?? HELPER).stallMs)
        ? (receiveMessageOnPort(port1)?.message as HelperShare | undefined)
        : undefined;
      port1.close();
      void worker.terminate();
      return posted !== undefined && 'reversed' in posted ? posted : undefined;
    },
  };
}

/** Wait (blocking: the audit is synchronous) until the second thread has posted, or has read nothing more for stallMs. */
function awaitShare(state: Int32Array, stallMs: number): boolean {
  let progress = Atomics.load(state, PROGRESS);
  let since = Date.now();
  while (Atomics.load(state, DONE) === 0) {
    Atomics.wait(state, DONE, 0, 100);
    const now = Atomics.load(state, PROGRESS);
    if (now !== progress) [progress, since] = [now, Date.now()];
    else if (Date.now() - since > stallMs) return false;
  }
  return true;
}
