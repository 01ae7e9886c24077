/**
 * CG019-generated-part-edited: a hand edit inside a file the generator owns and rewrites (a Rust
 * module's wire types and routing, the generated part of a hand-written module, a ts-rs file), one
 * finding per edited place. Such an edit is merged three-way on the next run and can conflict;
 * its home is the handler file, the spec, or a file of your own (README: which files are yours).
 * Found by reproducing the last generation from the record (the merge base) and diffing it with
 * the file on disk (node-diff3).
 */
import { posix } from 'node:path';
import { diffIndices } from 'node-diff3';
import { RustSyntaxNotLoaded } from '../../edits/rust-syntax.js';
import { TS_RS_NOTE } from '../../render/ts-rs-renderer.js';
import { baseReproducer, type Base } from '../../write/reproduce.js';
import { contentHash } from '../../write/record.js';
import { generationRecords, type ReadRecord } from '../generation-records.js';
import type { AuditContext } from '../context.js';
import { toolInfo } from '../tool-info.js';
import { defineRule, plural, type Report } from '../rule.js';

/** The marks a generator-owned file carries in its header: the generator's own, and ts-rs's. */
const OWNED_MARKS = ['This file is generator-owned', TS_RS_NOTE];

/** Does the header (the first lines) mark the file as generator-owned? */
export function isGeneratorOwned(text: string): boolean {
  const header = text.split('\n').slice(0, 12).join('\n');
  return OWNED_MARKS.some((mark) => header.includes(mark));
}

const linesOf = (text: string): string[] => text.split('\n');

function ownedEditFindings(context: AuditContext, report: Report, records: readonly ReadRecord[]): void {
  const reproduce = baseReproducer({
    config: context.config,
    generatorVersion: toolInfo().version,
    project: (path) => context.reader.readFile(posix.join(context.projectRoot, path)),
  });
  const seen = new Set<string>();
  for (const { file: recordFile, record } of records) {
    for (const [path, entry] of record.files) {
      // A module file of many commands is in each command's record: judged once.
      if (seen.has(path)) continue;
      const text = context.reader.readFile(posix.join(context.projectRoot, path));
      if (text === undefined || contentHash(text) === entry.content) continue;
      const specText = record.specs.get(entry.spec);
      if (specText === undefined) continue;
      let base: Base;
      try {
        base = reproduce(
          path,
          entry,
          specText,
          recordFile,
          (entry.with ?? []).map((h) => record.specs.get(h)).filter((t): t is string => t !== undefined),
        );
      } catch (error) {
        // Reproducing the generated part of a hand-written module needs the Rust parser (loaded only by runs that edit).
        if (!(error instanceof RustSyntaxNotLoaded)) throw error;
        base = { problem: 'reproducing it needs the Rust parser' };
      }
      const owned = 'text' in base ? isGeneratorOwned(base.text) : isGeneratorOwned(text);
      if (!owned) continue;
      seen.add(path);
      const about = {
        command: record.command,
        related: {
          file: recordFile,
          line: context.specSources.line(recordFile, `/files/${path.replace(/~/g, '~0').replace(/\//g, '~1')}`),
          message: 'what was generated',
        },
      };
      if (!('text' in base)) {
        report(
          { file: path, line: 1 },
          `${path} is generator-owned and was edited since it was generated (${base.problem}, so the edited lines cannot be told)`,
          about,
        );
        continue;
      }
      const after = linesOf(text);
      for (const hunk of diffIndices(linesOf(base.text), after)) {
        const [start, length] = hunk.buffer2 as [number, number];
        const removed = (hunk.buffer1 as [number, number])[1];
        const line = Math.min(start, after.length - 1) + 1;
        const what =
          length === 0
            ? `${removed} generated line${removed === 1 ? '' : 's'} removed`
            : removed === 0
              ? `${length} line${length === 1 ? '' : 's'} added`
              : `${removed} generated line${removed === 1 ? '' : 's'} changed`;
        report(
          { file: path, line },
          `a hand edit inside generator-owned ${path} (${what}): regenerating merges it three-way and may conflict; move logic to the command's handler file or change the spec`,
          {
            ...about,
            properties: { added: String(length), removed: String(removed) },
          },
        );
      }
    }
  }
}

export default defineRule({
  id: 'CG019-generated-part-edited',
  severity: 'warning',
  scope: 'tree',
  pattern: false,
  description:
    'A hand edit inside a generator-owned file (its header says so: a Rust module of generated commands, the generated part of a hand-written module, a ts-rs file): the place of each edit, found against the last generation reproduced from the record.',
  help: "Move the logic to the command's handler file (`modules/<module>/<command>.rs`, yours) or change the spec; a hand edit here is merged three-way on every run and may conflict.",
  summary: (_c, f) => `${plural(f, 'hand edit')} inside generator-owned files`,
  label: 'edited generated parts',
  check(context, report) {
    if (context.mode !== 'full') return;
    ownedEditFindings(context, report, generationRecords(context).records);
  },
});
