/**
 * Writing a file plan the way yeoman-environment commits its mem-fs: .yo-resolve, then the
 * conflicter, then the commit transform, with a logger that prints Yeoman's status lines.
 */
import { join } from 'node:path';
import { createConflicterTransform, createYoResolveTransform, forceYoFiles, type ConflicterStatus } from '@yeoman/conflicter';
import { create as createMemFs } from 'mem-fs';
import { create as createEditor, type MemFsEditorFile } from 'mem-fs-editor';
import { isFilePending } from 'mem-fs-editor/state';
import { createCommitTransform } from 'mem-fs-editor/transform';
import type { PlannedFile } from '../shared/adapters/adapter.js';
import type { ConflicterSettings } from '../generators/_shared/pending-conflicts.js';

const STATUS_COLOURS: Readonly<Record<string, string>> = { create: '32', identical: '36', conflict: '31', force: '33', skip: '33' };

/** A status line as Yeoman's logger prints it: the status right-aligned to 'identical', then the path. */
function statusLine(status: string, path: string): string {
  const padded = status.padStart('identical'.length);
  const coloured = process.stderr.isTTY && STATUS_COLOURS[status] ? `\u001b[${STATUS_COLOURS[status]}m${padded}\u001b[39m` : padded;
  return `${coloured} ${path}\n`;
}

export interface CommitOutcome {
  readonly states: ReadonlyMap<string, string>;
  readonly summary: string;
  readonly aborted: boolean;
}

/**
 * Commit files through the conflicter. No question can come up: the caller has already refused
 * (or handed to the Yeoman path) every conflict the conflicter would ask about.
 */
export async function commitPlan(
  files: readonly PlannedFile[],
  options: { projectRoot: string; overwrite: readonly string[]; settings: ConflicterSettings; logFiles: boolean },
): Promise<CommitOutcome> {
  const store = createMemFs<MemFsEditorFile>();
  const editor = createEditor(store);
  const overwrite = new Set(options.overwrite);
  for (const file of files) {
    const path = join(options.projectRoot, file.path);
    editor.write(path, file.content);
    // Asked-for rewrites (edited shared files, --migrate) are 'force', like the Yeoman path.
    if (overwrite.has(file.path)) (store.get(path) as { conflicter?: string }).conflicter = 'force';
  }
  const states = new Map<string, string>();
  const record = (status: string) => (path: string) => {
    states.set(path, status);
    if (options.logFiles) process.stderr.write(statusLine(status, path));
  };
  const log = Object.assign((message: string) => process.stderr.write(`${message}\n`), {
    create: record('create'),
    identical: record('identical'),
    conflict: record('conflict'),
    force: record('force'),
    skip: record('skip'),
    info: (message: string) => process.stderr.write(`${message}\n`),
    writeln: (message = '') => process.stderr.write(`${message}\n`),
    write: (message = '') => process.stderr.write(message),
    // The conflicter prints diffs (--dry-run, conflicts) as coloured runs of text.
    colored: (runs: ReadonlyArray<{ message: string; color?: string }>) =>
      process.stderr.write(runs.map(({ message, color }) => (process.stderr.isTTY && color ? `\u001b[${color === 'added' ? '42' : '41'}m${message}\u001b[49m` : message)).join('')),
  });
  const adapter = {
    log,
    async prompt(): Promise<never> {
      throw new Error('the fast path cannot ask questions');
    },
  };
  let aborted = false;
  try {
    await store.pipeline(
      { filter: (file) => isFilePending(file) || file.path.endsWith('.yo-resolve') },
      createYoResolveTransform(),
      forceYoFiles(),
      createConflicterTransform(adapter as never, { ...options.settings, cwd: options.projectRoot }),
      createCommitTransform(),
    );
  } catch (error) {
    // --bail aborts on the first change, as in the Yeoman path.
    if (!options.settings.bail) throw error;
    process.stderr.write(`continuum-gen: ${error instanceof Error ? error.message : String(error)}\n`);
    aborted = true;
  }
  const counts = new Map<ConflicterStatus | string, number>();
  for (const status of states.values()) counts.set(status, (counts.get(status) ?? 0) + 1);
  const parts = ['create', 'force', 'identical', 'conflict', 'skip'].filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s === 'create' ? 'created' : s === 'force' ? 'forced' : s === 'skip' ? 'skipped' : s}`);
  const summary = `${options.settings.dryRun ? 'Dry run: ' : ''}${states.size} file${states.size === 1 ? '' : 's'}: ${parts.join(', ') || 'nothing to do'}`;
  return { states, summary, aborted };
}
