/** The run result (schemas/run-result.schema.json) of a Yeoman-path run that stopped with an error. */
import { conflictResult, failedResult, invalidResult, type ResultContext, type RunResult } from '../shared/agent/run-result.js';

/**
 * A ContinuumRunError carries its issues or the files it refused to overwrite; the conflicter's
 * --bail stop names the file it stopped at; anything else is reported by its message.
 */
export function runErrorResult(context: ResultContext, error: unknown): RunResult {
  const message = error instanceof Error ? error.message : String(error);
  const own = (error as { runResult?: RunResult }).runResult;
  if (own !== undefined) return own;
  const { issues = [], conflicts = [] } = error as { issues?: RunResult['issues']; conflicts?: readonly string[] };
  if (conflicts.length > 0) return conflictResult(context, conflicts);
  if (issues.length > 0) return invalidResult(context, issues);
  const bailed = /^Process aborted by conflict: (.+)$/.exec(message);
  if (bailed) return failedResult(context, 'aborted', `stopped at the first file that would change (--bail): ${bailed[1]}`);
  return failedResult(context, 'error', message);
}
