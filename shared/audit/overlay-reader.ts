import { posix } from 'node:path';
import type { FolderEntry, SourceReader } from '../reverse/source-reader.js';
import type { TreeProblem } from './tree-reader.js';

/**
 * The project as it will be once a file plan is written: planned files (absolute POSIX paths)
 * shadow the files below and appear in their folders' listings. Lets `--fix` report the tree
 * after its fixes without writing anything first (and the same under --dry-run).
 */
export class OverlayReader implements SourceReader {
  private readonly files = new Map<string, string>();
  private readonly folders = new Map<string, Map<string, boolean>>();

  constructor(
    private readonly base: SourceReader & { readonly problems?: readonly TreeProblem[] },
    planned: ReadonlyArray<{ readonly path: string; readonly content: string }>,
  ) {
    for (const file of planned) {
      this.files.set(file.path, file.content);
      let child = file.path;
      let isFolder = false;
      while (child !== '/' && child !== '.') {
        const parent = posix.dirname(child);
        const entries = this.folders.get(parent) ?? new Map<string, boolean>();
        entries.set(posix.basename(child), isFolder || entries.get(posix.basename(child)) === true);
        this.folders.set(parent, entries);
        child = parent;
        isFolder = true;
      }
    }
  }

  get problems(): readonly TreeProblem[] {
    return this.base.problems ?? [];
  }

  readFile(path: string): string | undefined {
    return this.files.get(path) ?? this.base.readFile(path);
  }

  listFolder(path: string): readonly FolderEntry[] | undefined {
    const below = this.base.listFolder(path);
    const added = this.folders.get(path);
    if (!added) return below;
    const merged = new Map((below ?? []).map((e) => [e.name, e.isFolder]));
    for (const [name, isFolder] of added) merged.set(name, merged.get(name) === true || isFolder);
    return [...merged.entries()]
      .map(([name, isFolder]) => ({ name, isFolder }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
