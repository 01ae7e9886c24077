import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { PlannedFile } from '../adapters/adapter.js';

/** States whose file would change on disk, so a dry run shows what would change. */
const CHANGING_STATES = new Set(['create', 'conflict', 'force']);

/**
 * The unified diff (git's a/ b/ form) from each changing file's text on disk to its planned text,
 * for a dry run's result: an agent reads exactly what a real run would write.
 */
export function dryRunDiffs(
  files: readonly PlannedFile[],
  states: ReadonlyMap<string, string>,
  read: (path: string) => string | undefined,
): Map<string, string> {
  const diffs = new Map<string, string>();
  for (const file of files) {
    if (!CHANGING_STATES.has(states.get(file.path) ?? '')) continue;
    const before = read(file.path);
    diffs.set(file.path, unifiedDiff(file.path, before, file.content));
  }
  return diffs;
}

/** One file's unified diff; `before` undefined means the file does not exist yet. */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  return createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}
