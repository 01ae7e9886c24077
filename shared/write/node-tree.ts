/**
 * The project on disk through node:fs: the probe the path checks use, and the all-or-nothing
 * batch writer. A batch is staged first (every file written whole to a temporary file in its own
 * folder), then each temporary file is renamed over its target; a failure while staging removes
 * every temporary file and every folder the batch made, so the tree is as it was.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
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

/** The part of node:fs/promises the writer uses (tests wrap it to fail or stop mid-batch). */
export type BatchFs = Pick<typeof fsPromises, 'mkdir' | 'open' | 'rename' | 'unlink' | 'rmdir' | 'stat' | 'readdir'>;

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

/** How many files are staged at once: enough to keep libuv's thread pool waiting on the disk. */
const STAGED_AT_ONCE = 16;

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'EIO';

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
export async function removeStaleTemporaries(folders: Iterable<string>, fs: BatchFs = fsPromises): Promise<string[]> {
  const removed: string[] = [];
  // Every folder at once: a batch of thousands of folders read one by one waited on each.
  const clean = async (folder: string): Promise<void> => {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const match = TEMP_NAME.exec(String(name));
      if (!match || alive(Number(match[1]))) continue;
      await fs.unlink(posix.join(folder, String(name))).then(
        () => removed.push(posix.join(folder, String(name))),
        () => undefined,
      );
    }
  };
  await Promise.all([...new Set(folders)].map(clean));
  return removed.sort();
}

/**
 * Write a batch all or nothing. `interrupted` is polled between files (SIGINT): while staging,
 * the batch is dropped whole; while renaming, the current file is finished and the rest left.
 * The event loop turns between files, so a signal handler runs in time.
 */
export async function writeBatch(
  writes: readonly BatchWrite[],
  options: { interrupted: () => boolean; fs?: BatchFs },
): Promise<BatchOutcome> {
  const fs = options.fs ?? fsPromises;
  // By the write's index: files are staged several at a time, and renamed in the batch's order.
  const staging: ({ temp: string; write: BatchWrite } | undefined)[] = [];
  const madeFolders: string[] = [];
  const discard = async (): Promise<void> => {
    for (const entry of staging.splice(0)) if (entry) await fs.unlink(entry.temp).catch(() => undefined);
    // Deepest first: each folder the batch made was empty before it staged into it.
    for (const folder of madeFolders.splice(0).sort((a, b) => b.length - a.length)) await fs.rmdir(folder).catch(() => undefined);
  };
  let failure: { index: number; error: unknown } | undefined;
  // One mkdir a folder, however many files go into it.
  const folders = new Map<string, Promise<void>>();
  const makeFolder = (folder: string): Promise<void> => {
    let made = folders.get(folder);
    if (made === undefined) {
      made = fs.mkdir(folder, { recursive: true }).then((first) => {
        if (first !== undefined) madeFolders.push(...foldersBetween(first, folder));
      });
      folders.set(folder, made);
    }
    return made;
  };
  const stage = async (write: BatchWrite, index: number): Promise<void> => {
    const temp = tempPath(write.absolute);
    try {
      await makeFolder(posix.dirname(write.absolute));
      // A replaced file keeps its permissions; a new one gets the usual mode less the umask.
      const mode = write.previous === undefined ? 0o666 : ((await fs.stat(write.absolute).catch(() => undefined))?.mode ?? 0o666) & 0o7777;
      const handle = await fs.open(temp, 'wx', mode);
      staging[index] = { temp, write };
      try {
        await handle.writeFile(write.content, 'utf8');
        // fsync only a file that replaces one: a new file has no old content to lose, and its rename still leaves it absent or whole when the process is killed.
        if (write.previous !== undefined) await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (failure === undefined || index < failure.index) failure = { index, error };
    }
  };

  // Staging waits on the disk (fsync above all): several files at once keep libuv's pool busy.
  const inFlight = new Set<Promise<void>>();
  for (const [index, write] of writes.entries()) {
    if (failure) break;
    if (options.interrupted()) {
      await Promise.all(inFlight);
      await discard();
      return { status: 'interrupted', written: [] };
    }
    const staged = stage(write, index).finally(() => inFlight.delete(staged));
    inFlight.add(staged);
    if (inFlight.size >= STAGED_AT_ONCE) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  // A signal that came while the last files were staged drops the batch too.
  if (!failure && options.interrupted()) {
    await discard();
    return { status: 'interrupted', written: [] };
  }
  if (failure) {
    await discard();
    throw new BatchWriteError(writes[failure.index].absolute, codeOf(failure.error), [], failure.error);
  }
  const staged = staging.filter((entry) => entry !== undefined);

  const renamed: BatchWrite[] = [];
  for (const [index, { temp, write }] of staged.entries()) {
    if (index > 0 && options.interrupted()) {
      for (const rest of staged.slice(index)) await fs.unlink(rest.temp).catch(() => undefined);
      return { status: 'interrupted', written: renamed.map((w) => w.absolute) };
    }
    try {
      await fs.rename(temp, write.absolute);
      renamed.push(write);
    } catch (error) {
      for (const rest of staged.slice(index)) await fs.unlink(rest.temp).catch(() => undefined);
      const left = await rollBack(renamed, fs);
      if (left.length === 0)
        for (const folder of madeFolders.sort((a, b) => b.length - a.length)) await fs.rmdir(folder).catch(() => undefined);
      throw new BatchWriteError(write.absolute, codeOf(error), left, error);
    }
  }
  return { status: 'written', written: renamed.map((w) => w.absolute) };
}

/** Put back what a failed rename batch replaced; returns the paths it could not restore. */
async function rollBack(renamed: readonly BatchWrite[], fs: BatchFs): Promise<string[]> {
  const left: string[] = [];
  for (const write of [...renamed].reverse()) {
    try {
      if (write.previous === undefined) {
        await fs.unlink(write.absolute);
      } else {
        const temp = tempPath(write.absolute);
        const handle = await fs.open(temp, 'wx');
        try {
          await handle.writeFile(write.previous, 'utf8');
        } finally {
          await handle.close();
        }
        await fs.rename(temp, write.absolute);
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
