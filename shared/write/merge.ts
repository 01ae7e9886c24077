/**
 * Three-way merge of a generated file: base = the previous generation, ours = the file on disk,
 * theirs = the new generation, line by line with node-diff3. Pure.
 */
import { diff3Merge } from 'node-diff3';

export type MergeOutcome =
  | { readonly clean: true; readonly text: string }
  /** Overlapping edits: `text` holds every region, the overlaps between standard conflict markers. */
  | { readonly clean: false; readonly text: string; readonly conflicts: number };

/** Conflict marker labels, as git writes them (`<<<<<<< label`). */
export interface MergeLabels {
  readonly ours: string;
  readonly base: string;
  readonly theirs: string;
}

/** Lines with their terminators, so the merge keeps a missing final newline and CRLF as they are. */
const linesOf = (text: string): string[] => text.split(/(?<=\n)/).filter((line) => line !== '');

/** A block of lines between markers: each marker starts on its own line. */
const block = (lines: readonly string[]): string => {
  const text = lines.join('');
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
};

/** Where `part` occurs in `whole` as a run of lines, when it occurs exactly once. */
function onlyRun(whole: readonly string[], part: readonly string[]): number | undefined {
  let found: number | undefined;
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((line, j) => whole[i + j] === line)) {
      if (found !== undefined) return undefined;
      found = i;
    }
  }
  return found;
}

/**
 * One side only added lines right before or after the base lines, which the other side changed
 * (a new result field generated under the one the developer filled in): both are kept, the
 * additions around the changed lines. diff3 (and git) call this a conflict because the regions
 * touch; the order is not in doubt, so it is resolved. Undefined when that is not the shape.
 */
function besideChanged(adding: readonly string[], base: readonly string[], changing: readonly string[]): string[] | undefined {
  if (base.length === 0) return undefined;
  const at = onlyRun(adding, base);
  if (at === undefined || onlyRun(changing, base) !== undefined) return undefined;
  return [...adding.slice(0, at), ...changing, ...adding.slice(at + base.length)];
}

/**
 * Merge ours and theirs against base. Changes on one side only are taken; the same change on both
 * sides is taken once; lines one side adds next to lines the other changed are both kept;
 * different changes to the same lines are a conflict, written in git's diff3 style (ours, base,
 * theirs) so whoever resolves it sees what the generator changed.
 */
export function threeWayMerge(base: string, ours: string, theirs: string, labels: MergeLabels): MergeOutcome {
  const regions = diff3Merge(linesOf(ours), linesOf(base), linesOf(theirs), { excludeFalseConflicts: true });
  let text = '';
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) {
      text += region.ok.join('');
      continue;
    }
    const { a, o, b } = region.conflict!;
    const adjacent = besideChanged(a, o, b) ?? besideChanged(b, o, a);
    if (adjacent) {
      text += adjacent.join('');
      continue;
    }
    conflicts++;
    text = block([text]);
    text += `<<<<<<< ${labels.ours}\n${block(a)}||||||| ${labels.base}\n${block(o)}=======\n${block(b)}>>>>>>> ${labels.theirs}\n`;
  }
  return conflicts === 0 ? { clean: true, text } : { clean: false, text, conflicts };
}
