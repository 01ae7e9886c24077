import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { SpecError } from '../errors.js';
import { parseJsonSource } from '../spec/json-source.js';
import type { SpecDraft } from './draft-check.js';

/** A wizard draft is a spec file (possibly incomplete) whose name ends so; `--spec=<it>` resumes the wizard. */
export const DRAFT_SUFFIX = '.draft.json';

export const isDraftFile = (path: string): boolean => basename(path).endsWith(DRAFT_SUFFIX);

/** Where drafts go unless --draft names a file: the temporary folder, one folder per user. */
export function defaultDraftFolder(): string {
  return join(tmpdir(), `continuum-gen-drafts-${process.getuid?.() ?? 'user'}`);
}

/** The command a user runs to go on with a draft. */
export const resumeCommand = (path: string): string => `continuum-gen command --spec=${path}`;

/** What a run says about its draft when it stops: failed, interrupted (Ctrl-C), or stopped by the user. */
export const draftLines = {
  failed: (path: string): string => `Your answers are kept in ${path} (go on with: ${resumeCommand(path)})`,
  interrupted: (path: string): string =>
    `Interrupted; nothing was written. Your answers are in ${path} (go on with: ${resumeCommand(path)})`,
  stopped: (path: string): string =>
    `Stopped before generating; nothing was written. Your answers are in ${path} (go on with: ${resumeCommand(path)})`,
  kept: (path: string): string => `Your answers are kept in ${path} until the files are written.`,
} as const;

/** The draft in a file, as the wizard starts from it; a file that is not JSON is refused with its line and column. */
export function readDraft(path: string): SpecDraft {
  const source = parseJsonSource(readFileSync(path, 'utf8'), path);
  const value = source.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecError([
      {
        file: path,
        pointer: '',
        line: 1,
        column: 1,
        message: 'a draft must be a JSON object',
        expected: '{ "version": 2, "name": ..., ... }',
      },
    ]);
  }
  return { ...(value as SpecDraft), version: 2 };
}

/**
 * Keeps the wizard's answers on disk while it runs: every change is written at once (through a
 * rename, so a draft is never half written), so a failure, Ctrl-C or a crash loses nothing.
 * Without a fixed file the draft is named after the command, and follows a change of the name.
 */
export class DraftKeeper {
  private written: string | undefined;

  constructor(private readonly fixedPath?: string) {}

  /** The file holding the draft, once something was saved. */
  get path(): string | undefined {
    return this.written;
  }

  save(draft: SpecDraft): string {
    const target =
      this.fixedPath ?? join(defaultDraftFolder(), `${draft.name ? draft.name.split('/').join('-') : 'new-command'}${DRAFT_SUFFIX}`);
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.tmp`;
    writeFileSync(partial, `${JSON.stringify(draft, null, 2)}\n`);
    renameSync(partial, target);
    if (this.written !== undefined && this.written !== target && this.fixedPath === undefined) rmSync(this.written, { force: true });
    this.written = target;
    return target;
  }

  /** After a successful run: a draft of our own is removed; a file the user named is theirs and stays. */
  discard(): void {
    if (this.fixedPath === undefined && this.written !== undefined) rmSync(this.written, { force: true });
    this.written = undefined;
  }
}
