/**
 * The generation records of a project, as the audit reads them (docs/generation-record.md): every
 * `.json` under the records folder, parsed; a record that does not parse is reported, not used.
 */
import { posix } from 'node:path';
import { SpecError } from '../errors.js';
import { childPath } from '../reverse/source-reader.js';
import { parseRecord, recordsRoot, type GenerationRecord } from '../write/record.js';
import type { AuditContext } from './context.js';

export interface ReadRecord {
  /** Project-relative POSIX path of the record file. */
  readonly file: string;
  readonly text: string;
  readonly record: GenerationRecord;
}

export interface GenerationRecords {
  /** The records, in path order. */
  readonly records: readonly ReadRecord[];
  /** Records that do not parse (CG014-unreadable reports them). */
  readonly unreadable: readonly { readonly file: string; readonly line: number; readonly message: string }[];
}

const readOnce = new WeakMap<AuditContext, GenerationRecords>();

/** The project's records, read once per audit (three rules read them). */
export function generationRecords(ctx: AuditContext): GenerationRecords {
  let read = readOnce.get(ctx);
  if (!read) readOnce.set(ctx, (read = readGenerationRecords(ctx)));
  return read;
}

function readGenerationRecords(ctx: AuditContext): GenerationRecords {
  const unreadable: { file: string; line: number; message: string }[] = [];
  const root = posix.join(ctx.projectRoot, recordsRoot(ctx.config));
  const records: ReadRecord[] = [];
  const walk = (folder: string): void => {
    for (const entry of [...(ctx.reader.listFolder(folder) ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = childPath(folder, entry.name);
      if (entry.isFolder) {
        walk(path);
        continue;
      }
      if (!entry.name.endsWith('.json')) continue;
      const file = posix.relative(ctx.projectRoot, path);
      const text = ctx.reader.readFile(path);
      if (text === undefined) continue;
      try {
        records.push({ file, text, record: parseRecord(text, file) });
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        const issue = error.issues[0];
        unreadable.push({
          file,
          line: issue?.line ?? 1,
          message: `${file} is not a generation record the audit can trust (${issue?.message ?? error.message}); its files were not checked`,
        });
      }
    }
  };
  walk(root);
  return { records, unreadable };
}

/** The record's own spec hash: the one most of its files came from (all of them, as written by the generator). */
export function ownSpecHash(record: GenerationRecord): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of record.files.values()) counts.set(entry.spec, (counts.get(entry.spec) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0];
}
