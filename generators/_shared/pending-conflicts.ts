import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { YoResolve } from '@yeoman/conflicter';
import type { FilePlan } from '../../shared/adapters/adapter.js';

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
