import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import type { FolderEntry, SourceReader } from '../reverse/source-reader.js';

/** Something on disk the audit could not read, reported instead of crashing or looping. */
export interface TreeProblem {
  /** Absolute POSIX path. */
  readonly path: string;
  readonly kind: 'symlink-loop' | 'unreadable';
  readonly message: string;
}

/** What a tree reader saw, as one thread hands it to another. */
export interface TreeShare {
  readonly listings: readonly (readonly [string, readonly FolderEntry[] | undefined])[];
  readonly problems: readonly TreeProblem[];
}

const QUIET_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

const codeOf = (error: unknown): string => (error as { code?: string }).code ?? 'error';

/**
 * The real file system for one run over a whole tree (folders are listed once: the tree does not
 * change under a run, whose fixes are an overlay of file contents): a symbolic link to a folder that contains it
 * (a loop) is left out of its listing, and a file or folder that exists but cannot be read (no
 * permission, too many links) is recorded; both are reported once, never thrown.
 */
export class AuditTreeReader implements SourceReader {
  private readonly found = new Map<string, TreeProblem>();
  private readonly realPaths = new Map<string, string | null>();
  private readonly listings = new Map<string, readonly FolderEntry[] | undefined>();
  readonly keepsListings = true;

  get problems(): readonly TreeProblem[] {
    return [...this.found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  readFile(path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      if (!QUIET_CODES.has(codeOf(error))) this.report(path, 'unreadable', `cannot be read (${codeOf(error)})`);
      return undefined;
    }
  }

  listFolder(path: string): readonly FolderEntry[] | undefined {
    // A run lists each command's folders twice (finding the commands, then reading each).
    if (!this.listings.has(path)) this.listings.set(path, this.listedInParent(path) ? this.readFolder(path) : undefined);
    return this.listings.get(path);
  }

  /** False when the parent's kept listing holds no folder of that name (a command without browser/): no disk asked. */
  private listedInParent(path: string): boolean {
    const parent = this.listings.get(posix.dirname(path));
    const name = posix.basename(path);
    return parent === undefined || parent.some((e) => e.isFolder && e.name === name);
  }

  private readFolder(path: string): readonly FolderEntry[] | undefined {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      if (!QUIET_CODES.has(codeOf(error))) this.report(path, 'unreadable', `folder cannot be listed (${codeOf(error)})`);
      return undefined;
    }
    // The folder's own real path matters only beside a link (most folders have none).
    let here: string | null | undefined;
    const listed: FolderEntry[] = [];
    for (const entry of entries) {
      if (!entry.isSymbolicLink()) {
        listed.push({ name: entry.name, isFolder: entry.isDirectory() });
        continue;
      }
      const full = posix.join(path, entry.name);
      const target = this.realPath(full);
      if (target === null) {
        // A dangling link, or one that loops on itself: nothing to read behind it.
        if (this.isLoopError(full)) {
          this.report(full, 'symlink-loop', 'is a symbolic link loop; skipped');
          continue;
        }
        listed.push({ name: entry.name, isFolder: false });
        continue;
      }
      const isFolder = safeIsFolder(target);
      here ??= this.realPath(path);
      if (isFolder && here !== null && (here === target || here.startsWith(`${target}/`))) {
        this.report(
          full,
          'symlink-loop',
          `is a symbolic link to ${target === here ? 'its own folder' : 'a folder that contains it'} (a loop); skipped`,
        );
        continue;
      }
      listed.push({ name: entry.name, isFolder });
    }
    return listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private realPath(path: string): string | null {
    let known = this.realPaths.get(path);
    if (known === undefined) {
      try {
        known = realpathSync(path);
      } catch {
        known = null;
      }
      this.realPaths.set(path, known);
    }
    return known;
  }

  private isLoopError(path: string): boolean {
    try {
      statSync(path);
      return false;
    } catch (error) {
      return codeOf(error) === 'ELOOP';
    }
  }

  /** Its listings and problems, for the reader of the thread that goes on with the run (adopt). */
  share(): TreeShare {
    return { listings: [...this.listings], problems: this.problems };
  }

  /** Take another thread's listings and problems over the same tree: the rest of the run lists and reports them once. */
  adopt(share: TreeShare): void {
    for (const [path, entries] of share.listings) if (!this.listings.has(path)) this.listings.set(path, entries);
    for (const problem of share.problems) if (!this.found.has(problem.path)) this.found.set(problem.path, problem);
  }

  private report(path: string, kind: TreeProblem['kind'], message: string): void {
    if (!this.found.has(path)) this.found.set(path, { path, kind, message });
  }
}

function safeIsFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
