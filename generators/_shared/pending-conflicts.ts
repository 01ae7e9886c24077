import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputOutputAdapter } from '@yeoman/adapter/types';
import { Conflicter, YoResolve } from '@yeoman/conflicter';
import type { FilePlan } from '../../shared/adapters/adapter.js';
import { SpecError, describeRefusal } from '../../shared/errors.js';
import { CommitWriteError, ConflictRefusal, type ConflictAnswer, type ConflictQuestion } from '../../shared/write/commit.js';

/** The conflicter settings of the running environment (yeoman-environment's `conflicterOptions`). */
export interface ConflicterSettings {
  readonly force?: boolean;
  readonly bail?: boolean;
  readonly dryRun?: boolean;
  readonly skipYoResolve?: boolean;
  readonly ignoreWhitespace?: boolean;
}

/** Will Yeoman's conflicter ask about a conflict under these settings? (Otherwise it forces, skips or aborts.) */
export function conflicterWouldAsk(settings: ConflicterSettings): boolean {
  return !settings.force && !settings.bail && !settings.dryRun;
}

/** The words of a text, for --whitespace: a change in spacing only is not a conflict (like the conflicter's diffWords). */
const wordsOf = (text: string): string => text.split(/\s+/).filter((w) => w !== '').join(' ');

/**
 * The planned files that Yeoman's conflicter would stop on: they exist on disk with other content
 * (or are folders) and no `.yo-resolve` entry decides for them. Mirrors @yeoman/conflicter's
 * checks so a non-interactive run can refuse before the conflicter prompts (which hangs on an open
 * stdin pipe). `.yo-resolve` is honoured unless skipYoResolve is set, which is the stricter choice.
 */
export async function unresolvedConflicts(files: FilePlan, destinationRoot: string, settings: ConflicterSettings): Promise<string[]> {
  const yoResolve = new YoResolve();
  const conflicts: string[] = [];
  for (const file of files) {
    const absolute = join(destinationRoot, file.path);
    const onDisk = await stat(absolute).catch(() => undefined);
    if (!onDisk) continue;
    if (onDisk.isFile()) {
      const disk = await readFile(absolute, 'utf8');
      const same = settings.ignoreWhitespace ? wordsOf(disk) === wordsOf(file.content) : disk === file.content;
      if (same) continue;
    }
    if (!settings.skipYoResolve) {
      const status = await yoResolve.getStatusForFile(absolute);
      if (status !== undefined && status !== 'conflict') continue;
    }
    conflicts.push(file.path);
  }
  return conflicts;
}

/** Why a non-interactive run stops on these conflicts, and how to go on: the same words on both paths. */
export function conflictRefusal(conflicts: readonly string[]): string {
  const many = conflicts.length !== 1;
  return [
    `${conflicts.length} file${many ? 's' : ''} on disk differ${many ? '' : 's'} from what would be generated, and a non-interactive run cannot ask what to do; nothing was written:`,
    ...conflicts.map((path) => `  conflict ${path}`),
    'Re-run with --force to overwrite them, --dry-run to see the differences, or in a terminal (or with --interactive) to decide file by file;',
    'a .yo-resolve file can settle them for good (a line "<path> skip" keeps your version, "<path> force" takes the generated one).',
  ].join('\n');
}

/** --merge's values: refuse a run with conflicts (the default), or write conflict markers. */
export function mergeMode(value: unknown): 'refuse' | 'markers' | undefined {
  return value === 'markers' || value === 'refuse' ? value : undefined;
}

/** The message of an error the commit pipeline stops with (undefined: not one of its own). */
export function commitErrorMessage(error: unknown): string | undefined {
  if (error instanceof SpecError) return describeRefusal(error);
  if (error instanceof ConflictRefusal || error instanceof CommitWriteError) return error.message;
  return undefined;
}

/**
 * Ask about a conflict through @yeoman/conflicter, as Yeoman does (overwrite, skip, all, diff,
 * edit, abort), showing the merge with conflict markers as the candidate. The adapter's status
 * lines for the answer are left to the commit report, so each file is listed once.
 */
export function conflicterAsk(adapter: InputOutputAdapter, projectRoot: string): (question: ConflictQuestion) => Promise<ConflictAnswer> {
  const log = adapter.log as unknown as ((...args: unknown[]) => unknown) & Record<string, unknown>;
  const quiet = () => quietLog;
  const quietLog: Record<string, unknown> = Object.assign((...args: unknown[]) => (log(...args), quietLog), log, { create: quiet, identical: quiet, force: quiet, skip: quiet });
  const separator = (adapter as { separator?: (text?: string) => unknown }).separator;
  // No `queue`: the conflicter would hand the real adapter (and its status lines) to the question.
  const asking = { log: quietLog, prompt: (questions: unknown, answers?: unknown) => (adapter.prompt as (q: unknown, a?: unknown) => Promise<unknown>)(questions, answers), ...(separator ? { separator: separator.bind(adapter) } : {}) };
  const conflicter = new Conflicter(asking as unknown as InputOutputAdapter, { cwd: projectRoot });
  return async (question) => {
    const file = { path: join(projectRoot, question.path), contents: Buffer.from(question.proposed, 'utf8'), stat: null, history: [join(projectRoot, question.path)] };
    const answered = (await conflicter.checkForCollision(file as unknown as Parameters<Conflicter['checkForCollision']>[0])) as { conflicter?: string; contents?: Buffer | null };
    if (answered.conflicter === 'force') return { write: answered.contents?.toString('utf8') ?? question.proposed };
    return 'skip';
  };
}
