/**
 * The project on disk through node:fs: the probe the path checks use, and the all-or-nothing
 * batch writer. A batch is staged first (every file written whole to a temporary file in its own
 * folder), then each temporary file is renamed over its target; a failure while staging removes
 * every temporary file and every folder the batch made, so the tree is as it was.
 */
import * as nodeFs from 'node:fs';
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { posix } from 'node:path';
import type { EntryKind, PathProbe } from './path-safety.js';

export const nodeProbe: PathProbe = {
  kind(absolute: string): EntryKind {
    try {
      // No exception for a missing entry: a fresh batch probes thousands of them.
      const stats = lstatSync(absolute, { throwIfNoEntry: false });
      if (stats === undefined) return 'missing';
      return stats.isSymbolicLink() ? 'symlink' : stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other';
    } catch {
      return 'missing';
    }
  },
  realpath(absolute: string): string | undefined {
    try {
      return realpathSync(absolute);
    } catch {
      return undefined;
    }
  },
  readlink(absolute: string): string | undefined {
    try {
      return readlinkSync(absolute);
    } catch {
      return undefined;
    }
  },
};

/** The node:fs calls the batch writer makes (tests wrap them to fail or stall mid-batch). */
export type BatchFs = Pick<
  typeof nodeFs,
  | 'mkdirSync'
  | 'openSync'
  | 'writeFileSync'
  | 'closeSync'
  | 'fsync'
  | 'renameSync'
  | 'unlinkSync'
  | 'rmdirSync'
  | 'statSync'
  | 'readdirSync'
>;

/** One file of a batch: where it goes (absolute, checked) and its whole new text. */
export interface BatchWrite {
  readonly absolute: string;
  readonly content: string;
  /** The text it replaces (undefined: a new file), to put back if a rename fails. */
  readonly previous: string | undefined;
}

export type BatchOutcome =
  | { readonly status: 'written'; readonly written: readonly string[] }
  /** Stopped by SIGINT: `written` were renamed into place before it (none when it came while staging). */
  | { readonly status: 'interrupted'; readonly written: readonly string[] };

/** A batch that failed: what failed, and what is left written (nothing, unless a rollback failed too). */
export class BatchWriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    readonly written: readonly string[],
    cause: unknown,
  ) {
    super(`cannot write ${path} (${code}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'BatchWriteError';
  }
}

/** Temporary files are ours by name: `.continuum-gen-<pid>-<n>.tmp`, short whatever the target's name. */
const TEMP_NAME = /^\.continuum-gen-(\d+)-\d+\.tmp$/;
let tempCounter = 0;
const tempPath = (absolute: string): string => posix.join(posix.dirname(absolute), `.continuum-gen-${process.pid}-${++tempCounter}.tmp`);

/** Staged files between two turns of the event loop: a SIGINT is seen within this many (and drops the batch). */
const STAGED_PER_TURN = 64;
/** fsyncs in flight at once: enough to keep libuv's thread pool waiting on the disk. */
const FLUSHED_AT_ONCE = 16;

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'EIO';
/**
 * Let the event loop poll, where a SIGINT handler runs (the file calls are synchronous: cheaper
 * than a round trip to the pool each). From an immediate (after a turn) one immediate reaches the
 * next poll; from a callback of the poll itself it takes two.
 */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const fullTurn = (): Promise<void> => turn().then(turn);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
};

/**
 * Remove temporary files a killed run left in these folders (a run that is still alive keeps
 * its own). They never hold a target's name, so a killed run leaves no empty or half file.
 */
export function removeStaleTemporaries(folders: Iterable<string>, fs: BatchFs = nodeFs): string[] {
  const removed: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP_NAME.exec(name);
      if (!match || alive(Number(match[1]))) continue;
      try {
        fs.unlinkSync(posix.join(folder, name));
        removed.push(posix.join(folder, name));
      } catch {
        // Gone already, or not ours to remove: the batch does not need it gone.
      }
    }
  }
  return removed.sort();
}

/** Write `content` whole to a new file `temp`; returns its descriptor, still open. */
function writeNew(fs: BatchFs, temp: string, content: string, mode: number): number {
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, content, 'utf8');
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  return fd;
}

/** The temporary files of a batch, the folders it made, and the files still to flush. */
class Staging {
  readonly staged: { readonly temp: string; readonly write: BatchWrite }[] = [];
  readonly madeFolders: string[] = [];
  private readonly folders = new Set<string>();
  private unflushed: { readonly fd: number; readonly write: BatchWrite }[] = [];

  constructor(private readonly fs: BatchFs) {}

  /** Write one file whole beside its target; a file that replaces one is flushed later, several at once. */
  stage(write: BatchWrite): void {
    try {
      this.makeFolder(posix.dirname(write.absolute));
      // A replaced file keeps its permissions; a new one gets the usual mode less the umask.
      const mode = write.previous === undefined ? 0o666 : this.modeOf(write.absolute);
      const temp = tempPath(write.absolute);
      // Listed before it is made: a file that fails half written is removed with the rest.
      this.staged.push({ temp, write });
      const fd = writeNew(this.fs, temp, write.content, mode);
      // fsync only a file that replaces one: a new file has no old content to lose, and its rename still leaves it absent or whole when the process is killed.
      if (write.previous === undefined) this.fs.closeSync(fd);
      else this.unflushed.push({ fd, write });
    } catch (error) {
      throw new BatchWriteError(write.absolute, codeOf(error), [], error);
    }
  }

  get flushDue(): boolean {
    return this.unflushed.length >= FLUSHED_AT_ONCE;
  }

  /** fsync the replaced files staged since the last flush, all at once (the disk is the wait), then close them. */
  async flush(): Promise<void> {
    const pending = this.unflushed.splice(0);
    const synced = await Promise.allSettled(
      pending.map(({ fd }) => new Promise<void>((resolve, reject) => this.fs.fsync(fd, (error) => (error ? reject(error) : resolve())))),
    );
    for (const { fd } of pending) this.fs.closeSync(fd);
    const failed = synced.findIndex((result) => result.status === 'rejected');
    if (failed >= 0) {
      const error = (synced[failed] as PromiseRejectedResult).reason;
      throw new BatchWriteError(pending[failed].write.absolute, codeOf(error), [], error);
    }
  }

  /** Remove every temporary file, then every folder the batch made (deepest first: each was empty before). */
  discard(from = 0): void {
    for (const { fd } of this.unflushed.splice(0)) this.fs.closeSync(fd);
    for (const { temp } of this.staged.splice(from)) this.quietly(() => this.fs.unlinkSync(temp));
  }

  removeMadeFolders(): void {
    for (const folder of this.madeFolders.splice(0).sort((a, b) => b.length - a.length)) this.quietly(() => this.fs.rmdirSync(folder));
  }

  private modeOf(absolute: string): number {
    try {
      return (this.fs.statSync(absolute, { throwIfNoEntry: false })?.mode ?? 0o666) & 0o7777;
    } catch {
      return 0o666;
    }
  }

  /** One mkdir a folder, however many files go into it. */
  private makeFolder(folder: string): void {
    if (this.folders.has(folder)) return;
    const first = this.fs.mkdirSync(folder, { recursive: true });
    this.folders.add(folder);
    if (first !== undefined) this.madeFolders.push(...foldersBetween(first, folder));
  }

  private quietly(remove: () => void): void {
    try {
      remove();
    } catch {
      // Already gone, or not empty: nothing of the batch is left there to lose.
    }
  }
}

/** Stage every file; false when a SIGINT came before or meanwhile (seen at a turn of the event loop). */
async function stageAll(writes: readonly BatchWrite[], staging: Staging, interrupted: () => boolean): Promise<boolean> {
  // A signal that came while the batch was being decided: nothing staged for nothing.
  await fullTurn();
  if (interrupted()) return false;
  for (const [index, write] of writes.entries()) {
    if (index > 0 && index % STAGED_PER_TURN === 0) {
      await turn();
      if (interrupted()) return false;
    }
    staging.stage(write);
    if (staging.flushDue) await staging.flush();
  }
  await staging.flush();
  // A signal that came while the last files were staged drops the batch too.
  await fullTurn();
  return !interrupted();
}

/**
 * Write a batch all or nothing. `interrupted` is polled at turns of the event loop (SIGINT): before
 * staging and every STAGED_PER_TURN files while staging, and the batch is dropped whole; while
 * renaming, after every file, and the rest is left.
 */
export async function writeBatch(
  writes: readonly BatchWrite[],
  options: { interrupted: () => boolean; fs?: BatchFs },
): Promise<BatchOutcome> {
  const fs = options.fs ?? nodeFs;
  const staging = new Staging(fs);
  let complete: boolean;
  try {
    complete = await stageAll(writes, staging, options.interrupted);
  } catch (error) {
    staging.discard();
    staging.removeMadeFolders();
    throw error;
  }
  if (!complete) {
    staging.discard();
    staging.removeMadeFolders();
    return { status: 'interrupted', written: [] };
  }
  return renameAll(staging, fs, options.interrupted);
}

/** Rename every staged file into place in the batch's order; a failure puts back what the earlier renames replaced. */
async function renameAll(staging: Staging, fs: BatchFs, interrupted: () => boolean): Promise<BatchOutcome> {
  const renamed: BatchWrite[] = [];
  for (const [index, { temp, write }] of staging.staged.entries()) {
    if (index > 0) {
      // Each file: SIGINT finishes the current file and stops.
      await turn();
      if (interrupted()) {
        staging.discard(index);
        return { status: 'interrupted', written: renamed.map((w) => w.absolute) };
      }
    }
    try {
      fs.renameSync(temp, write.absolute);
      renamed.push(write);
    } catch (error) {
      staging.discard(index);
      const left = rollBack(renamed, fs);
      if (left.length === 0) staging.removeMadeFolders();
      throw new BatchWriteError(write.absolute, codeOf(error), left, error);
    }
  }
  return { status: 'written', written: renamed.map((w) => w.absolute) };
}

/** Put back what a failed rename batch replaced; returns the paths it could not restore. */
function rollBack(renamed: readonly BatchWrite[], fs: BatchFs): string[] {
  const left: string[] = [];
  for (const write of [...renamed].reverse()) {
    try {
      if (write.previous === undefined) {
        fs.unlinkSync(write.absolute);
      } else {
        const temp = tempPath(write.absolute);
        fs.closeSync(writeNew(fs, temp, write.previous, 0o666));
        fs.renameSync(temp, write.absolute);
      }
    } catch {
      left.push(write.absolute);
    }
  }
  return left.sort();
}

/** The folders from `first` (the first one mkdir made) down to `last`, outermost first. */
function foldersBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let folder = last; folder.length >= first.length; folder = posix.dirname(folder)) {
    out.unshift(folder);
    if (folder === first || folder === posix.dirname(folder)) break;
  }
  return out;
}
