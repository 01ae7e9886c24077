/**
 * The words a commit prints, the same on the fast path and the Yeoman path: a status line per
 * file, the diffs of a dry run, and one summary. Pure text; the front ends choose the stream.
 */
import { createTwoFilesPatch } from 'diff';
import { paint } from '../colour.js';
import type { CommitReport } from './commit.js';
import { FILE_STATES, type FileDecision, type FileState } from './decide.js';

const STATE_COLOURS: Readonly<Record<FileState, string>> = {
  create: '32',
  update: '32',
  merged: '32',
  edit: '32',
  identical: '36',
  conflict: '31',
  force: '33',
  skip: '33',
};

/** A status line as Yeoman's logger prints it: the state right-aligned to 'identical', then the path. */
export function statusLine(state: FileState, path: string, colour: boolean, reason?: string): string {
  const padded = state.padStart('identical'.length);
  return `${paint(colour, STATE_COLOURS[state], padded)} ${path}${reason ? ` (${reason})` : ''}`;
}

/** Reasons worth a status line's tail: what the state alone does not say. */
export function shownReason(decision: { readonly state: FileState; readonly reason?: string }): string | undefined {
  return decision.state === 'skip' || decision.state === 'conflict' || decision.state === 'merged' ? decision.reason : undefined;
}

const PAST: Readonly<Record<FileState, string>> = {
  create: 'created',
  update: 'updated',
  merged: 'merged',
  edit: 'edited',
  force: 'forced',
  conflict: 'conflict',
  identical: 'identical',
  skip: 'skipped',
};
const FUTURE: Readonly<Record<FileState, string>> = {
  create: 'to create',
  update: 'to update',
  merged: 'to merge',
  edit: 'to edit',
  force: 'to force',
  conflict: 'conflict',
  identical: 'identical',
  skip: 'to skip',
};

/** The closing lines of a commit. */
export function summaryLines(report: CommitReport): string[] {
  const counts = new Map<FileState, number>();
  // An interrupted run counts only the files it wrote.
  const counted = report.interrupted ? report.files.filter((f) => f.written) : report.files;
  for (const file of counted) counts.set(file.state, (counts.get(file.state) ?? 0) + 1);
  const words = report.dryRun || report.bailedAt ? FUTURE : PAST;
  const parts = FILE_STATES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${words[s]}`);
  const total = `${counted.length} file${counted.length === 1 ? '' : 's'}: ${parts.join(', ') || 'nothing to do'}`;
  if (report.bailedAt) return [`--bail: ${report.bailedAt} would change; aborting, nothing written (${total})`];
  if (report.dryRun) return [`${total}`, 'Dry run: nothing written.'];
  const lines = report.interrupted && counted.length === 0 ? [] : [total];
  if (report.withMarkers.length > 0) {
    lines.push(
      `${report.withMarkers.length} file${report.withMarkers.length === 1 ? '' : 's'} written with conflict markers (<<<<<<< ... >>>>>>>); resolve them by hand, then re-run to check:`,
    );
    lines.push(...report.withMarkers.map((path) => `  ${path}`));
  }
  if (report.interrupted) {
    const written = report.files.filter((f) => f.written).length;
    lines.push(
      written === 0
        ? 'Interrupted (SIGINT) before any file was renamed into place: nothing was written.'
        : `Interrupted (SIGINT): ${written} file${written === 1 ? '' : 's'} written before it, the records match them; re-run the same command to finish the job.`,
    );
  }
  return lines;
}

/** A unified diff of what a decision would do to the file on disk (empty for a new or unchanged file). */
export function decisionDiff(decision: FileDecision, colour: boolean): string {
  // A conflict shows its merge; without a base, what --force would write (as Yeoman's conflicter does).
  const after = decision.state !== 'conflict' ? decision.content : decision.baseless ? decision.generated : decision.markers;
  // A record's hashes say nothing to a reader; its state line is enough.
  if (decision.kind === 'record') return '';
  if (decision.disk === undefined || after === undefined || after === decision.disk) return '';
  const patch = createTwoFilesPatch(
    `a/${decision.path}`,
    `b/${decision.path}`,
    decision.disk,
    after,
    'on disk',
    decision.state !== 'conflict' ? decision.state : decision.baseless ? 'generated' : 'with conflict markers',
    { context: 3 },
  );
  const body = patch
    .split('\n')
    .slice(1)
    .filter((line, i, all) => i < all.length - 1 || line !== '');
  return `${body.map((line) => (line.startsWith('+') && !line.startsWith('+++') ? paint(colour, '32', line) : line.startsWith('-') && !line.startsWith('---') ? paint(colour, '31', line) : line)).join('\n')}\n`;
}

/** The banner that opens every dry run. */
export const DRY_RUN_BANNER = 'Dry run: nothing will be written.';
