import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';

/** One entry of a folder listing. */
export interface FolderEntry {
  readonly name: string;
  readonly isFolder: boolean;
}

/**
 * How the reverse engineer reads the project: the only door to the file system, so the engine
 * runs the same over a real tree or an in-memory one. Paths are absolute POSIX paths.
 */
export interface SourceReader {
  /** The file's text, or undefined when it does not exist or is not a file. */
  readFile(path: string): string | undefined;
  /** The folder's entries sorted by name, or undefined when it is not a folder. */
  listFolder(path: string): readonly FolderEntry[] | undefined;
  /** True when the reader already keeps its listings for the run (withKeptListings leaves it as it is). */
  readonly keepsListings?: boolean;
}

/**
 * Does the folder's listing hold a file of that path? Asking the listing (which a tree reader keeps)
 * instead of reading costs no read, nor a thrown ENOENT, for a file that is not there.
 */
export function isListedFile(reader: SourceReader, path: string): boolean {
  const name = posix.basename(path);
  return reader.listFolder(posix.dirname(path))?.some((e) => !e.isFolder && e.name === name) === true;
}

/**
 * The path of an entry of a folder's listing: a listing's names hold no `/` and are never `.` or
 * `..`, so the folder's (already normal) path and the name make it without posix.join's normalising
 * (an eighth of all a 5,000-command audit allocated went to those joins).
 */
export const childPath = (folder: string, name: string): string =>
  folder === '' || folder === '.' ? name : folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;

/** A file's text when its folder's listing has it (see isListedFile), else undefined. */
export const readIfListed = (reader: SourceReader, path: string): string | undefined =>
  isListedFile(reader, path) ? reader.readFile(path) : undefined;

/**
 * The reader with its folder listings kept for one run over a tree that does not change under it
 * (a run lists each command's folders several times), and a folder its parent's kept listing does
 * not hold as a folder (a command without browser/) answered without asking the disk.
 */
export function withKeptListings(reader: SourceReader): SourceReader {
  // A second cache over one that keeps them (AuditTreeReader) would only hold every listing twice.
  if (reader.keepsListings === true) return reader;
  const listings = new Map<string, readonly FolderEntry[] | undefined>();
  const list = (path: string): readonly FolderEntry[] | undefined => {
    if (listings.has(path)) return listings.get(path);
    const parent = listings.get(posix.dirname(path));
    const name = posix.basename(path);
    const listed = parent !== undefined && !parent.some((e) => e.isFolder && e.name === name) ? undefined : reader.listFolder(path);
    listings.set(path, listed);
    return listed;
  };
  return { readFile: (path) => reader.readFile(path), listFolder: list };
}

/**
 * A copy of what was read from source texts that holds none of them: V8 keeps a whole file's text
 * alive for any slice of it (a type name, a description), so a run keeping 5,000 commands' results
 * would hold every file it read. Plain data only (objects, arrays, Maps, Sets; shared references kept).
 */
export const ownStrings = <T>(value: T): T => structuredClone(value);

/** Reads the real file system. */
export const nodeSourceReader: SourceReader = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  listFolder(path) {
    try {
      return readdirSync(path, { withFileTypes: true })
        .map((entry) => ({
          name: entry.name,
          isFolder: entry.isDirectory() || (entry.isSymbolicLink() && isFolder(posix.join(path, entry.name))),
        }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return undefined;
    }
  },
};

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads a set of files held in memory (a generated file plan, a test tree), rooted at `root`. */
export function memorySourceReader(root: string, files: ReadonlyArray<{ readonly path: string; readonly content: string }>): SourceReader {
  const contents = new Map<string, string>();
  const folders = new Map<string, Map<string, boolean>>();
  const addEntry = (folder: string, name: string, isFolderEntry: boolean): void => {
    const entries = folders.get(folder) ?? new Map<string, boolean>();
    entries.set(name, isFolderEntry || entries.get(name) === true);
    folders.set(folder, entries);
  };
  for (const file of files) {
    const absolute = posix.join(root, file.path);
    contents.set(absolute, file.content);
    // Register the file in its folder and every folder in every ancestor, up to the root of the disk.
    let child = absolute;
    let isFolderEntry = false;
    while (child !== '/') {
      addEntry(posix.dirname(child), posix.basename(child), isFolderEntry);
      child = posix.dirname(child);
      isFolderEntry = true;
    }
  }
  return {
    readFile: (path) => contents.get(path),
    listFolder: (path) => {
      const entries = folders.get(path.length > 1 ? path.replace(/\/$/, '') : path);
      if (!entries) return undefined;
      return [...entries.entries()]
        .map(([name, isFolderEntry]) => ({ name, isFolder: isFolderEntry }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
}
