import { posix } from 'node:path';
import type { CommandSpecV2 } from '../spec/command-spec.js';
import { isV1Spec, migrateV1Spec } from '../spec/migrate-v1.js';
import { childPath, type SourceReader } from './source-reader.js';

/** A spec file found in the specs folder. */
export interface IndexedSpec {
  /** Project-relative POSIX path. */
  readonly file: string;
  /** The spec as v2 (v1 files are migrated in memory). */
  readonly spec: CommandSpecV2;
  readonly isV1: boolean;
  /** The file's text as it is on disk. */
  readonly text: string;
}

/**
 * The specs that exist, by their `name` field (not their file name, as the host conventions
 * say). Files that are not JSON objects with a string name are listed in `unreadable`.
 */
export interface SpecIndex {
  readonly byName: ReadonlyMap<string, IndexedSpec>;
  readonly unreadable: readonly string[];
  /** Files whose name another file (the one in byName, first in path order) already claims. */
  readonly duplicates: readonly { readonly name: string; readonly file: string; readonly claimedBy: string }[];
}

/** Scan `<root>/<specsFolder>` (sub-folders included) for spec files. */
export function indexSpecs(projectRoot: string, specsFolder: string, reader: SourceReader): SpecIndex {
  const byName = new Map<string, IndexedSpec>();
  const unreadable: string[] = [];
  const duplicates: { name: string; file: string; claimedBy: string }[] = [];
  const walk = (folder: string): void => {
    for (const entry of reader.listFolder(folder) ?? []) {
      const path = childPath(folder, entry.name);
      if (entry.isFolder) {
        walk(path);
        continue;
      }
      if (!entry.name.endsWith('.json')) continue;
      const file = posix.relative(projectRoot, path);
      let document: unknown;
      const text = reader.readFile(path) ?? '';
      try {
        document = JSON.parse(text);
      } catch {
        unreadable.push(file);
        continue;
      }
      if (
        document === null ||
        typeof document !== 'object' ||
        Array.isArray(document) ||
        typeof (document as { name?: unknown }).name !== 'string'
      ) {
        unreadable.push(file);
        continue;
      }
      const isV1 = isV1Spec(document);
      const spec = isV1 ? migrateV1Spec(document as Record<string, unknown>) : (document as CommandSpecV2);
      // Two files claiming one name: the first in path order is the one matched.
      const first = byName.get(spec.name);
      if (first) duplicates.push({ name: spec.name, file, claimedBy: first.file });
      else byName.set(spec.name, { file, spec, isV1, text });
    }
  };
  walk(posix.join(projectRoot, specsFolder));
  return { byName, unreadable, duplicates };
}
