import { join } from 'node:path';
import type { InputOutputAdapter } from '@yeoman/adapter/types';
import { Conflicter } from '@yeoman/conflicter';
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
  const quietLog: Record<string, unknown> = Object.assign((...args: unknown[]) => (log(...args), quietLog), log, {
    create: quiet,
    identical: quiet,
    force: quiet,
    skip: quiet,
  });
  const separator = (adapter as { separator?: (text?: string) => unknown }).separator;
  // No `queue`: the conflicter would hand the real adapter (and its status lines) to the question.
  const asking = {
    log: quietLog,
    prompt: (questions: unknown, answers?: unknown) =>
      (adapter.prompt as (q: unknown, a?: unknown) => Promise<unknown>)(questions, answers),
    ...(separator ? { separator: separator.bind(adapter) } : {}),
  };
  const conflicter = new Conflicter(asking as unknown as InputOutputAdapter, { cwd: projectRoot });
  return async (question) => {
    const file = {
      path: join(projectRoot, question.path),
      contents: Buffer.from(question.proposed, 'utf8'),
      stat: null,
      history: [join(projectRoot, question.path)],
    };
    const answered = (await conflicter.checkForCollision(file as unknown as Parameters<Conflicter['checkForCollision']>[0])) as {
      conflicter?: string;
      contents?: Buffer | null;
    };
    if (answered.conflicter === 'force') return { write: answered.contents?.toString('utf8') ?? question.proposed };
    return 'skip';
  };
}
