import type { CommitReport } from '../write/commit.js';
import { CHANGING_STATES } from '../write/decide.js';
import { unifiedDiff } from './file-diffs.js';
import type { SpecRun } from '../run/spec-run.js';
import {
  describeFileStates,
  doneResult,
  failedResult,
  resultSpecs,
  type ResultContext,
  type ResultFile,
  type RunResult,
} from './run-result.js';

/**
 * Every file of a commit as the run result lists it: its state and, in a dry run, the unified diff
 * from the file on disk (or from nothing) to what a real run would write there (for a conflict:
 * the merge with conflict markers, or the generated text when there is no base to merge with).
 */
export function commitResultFiles(report: CommitReport): ResultFile[] {
  return report.decisions.map((decision) => {
    const { path, state } = decision;
    if (!report.dryRun || !CHANGING_STATES.has(state)) return { path, state };
    const after = state !== 'conflict' ? decision.content : decision.baseless ? decision.generated : decision.markers;
    return after === undefined || after === decision.disk
      ? { path, state }
      : { path, state, diff: unifiedDiff(path, decision.disk, after) };
  });
}

/** The result of a run that reached the commit: done, or stopped by --bail, SIGINT or conflict markers. */
export function committedResult(
  context: ResultContext,
  run: SpecRun,
  report: CommitReport,
  failure?: { readonly message: string },
): RunResult {
  const files = commitResultFiles(report);
  // --bail: nothing was written; the first file that would change is named.
  if (report.bailedAt) return failedResult(context, 'aborted', failure?.message ?? `--bail: ${report.bailedAt} would change`, [], files);
  if (failure) return failedResult(context, report.interrupted ? 'aborted' : 'conflict', failure.message, [], files);
  return doneResult(context, describeFileStates(files, context.dryRun === true), files, { specs: resultSpecs(run) });
}
