import { posix } from 'node:path';
import type { PlannedFile } from '../adapters/adapter.js';
import { SpecError, formatIssue } from '../errors.js';
import { serialiseSpec } from '../spec/canonical-spec.js';
import { loadSpec } from '../spec/load-spec.js';
import { isV1Spec } from '../spec/migrate-v1.js';
import type { SourceReader } from './source-reader.js';

export interface V1MigrationPlan {
  /** v2 text for each v1 file, at the same path (in place). */
  readonly files: readonly PlannedFile[];
  /** Project-relative files already in v2. */
  readonly alreadyV2: readonly string[];
  /** Files that are not valid specs, with every problem. */
  readonly failed: readonly { readonly file: string; readonly problems: readonly string[] }[];
}

/**
 * Plan the in-place migration of every v1 spec under a folder (sub-folders included): each is
 * loaded the way generation loads it (schema-checked after migration) and saved in canonical v2.
 */
export function planV1Migration(folder: string, projectRoot: string, reader: SourceReader): V1MigrationPlan {
  const files: PlannedFile[] = [];
  const alreadyV2: string[] = [];
  const failed: { file: string; problems: string[] }[] = [];
  if (reader.listFolder(folder) === undefined) throw new Error(`${posix.relative(projectRoot, folder) || '.'} is not a folder`);
  const walk = (current: string): void => {
    for (const entry of reader.listFolder(current) ?? []) {
      const path = posix.join(current, entry.name);
      if (entry.isFolder) {
        walk(path);
        continue;
      }
      if (!entry.name.endsWith('.json')) continue;
      const file = posix.relative(projectRoot, path);
      const text = reader.readFile(path) ?? '';
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch (error) {
        failed.push({ file, problems: [`${file}: not JSON (${(error as Error).message})`] });
        continue;
      }
      if (document === null || typeof document !== 'object' || Array.isArray(document)) {
        failed.push({ file, problems: [`${file}: a spec must be a JSON object`] });
        continue;
      }
      if (!isV1Spec(document)) {
        alreadyV2.push(file);
        continue;
      }
      try {
        files.push({ path: file, content: serialiseSpec(loadSpec(text, file).spec) });
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        failed.push({ file, problems: error.issues.map(formatIssue) });
      }
    }
  };
  walk(folder);
  return { files, alreadyV2, failed };
}
