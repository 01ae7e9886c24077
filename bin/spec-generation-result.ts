/** The run result (schemas/run-result.schema.json) of one spec generation, for --json and the MCP server. */
import { dryRunDiffs } from '../shared/agent/file-diffs.js';
import { conflictResult, describeFileStates, doneResult, failedResult, invalidResult, resultFiles, resultSpecs, type ResultContext, type RunResult } from '../shared/agent/run-result.js';
import type { SpecGeneration } from './fast-path.js';

/**
 * `read` gives a file's text on disk (for a dry run's diffs). A generation handed to a question
 * (`ask`) has no result: a machine's run never asks.
 */
export function specGenerationResult(context: ResultContext, generation: Exclude<SpecGeneration, { kind: 'ask' }>, read: (path: string) => string | undefined): RunResult {
  switch (generation.kind) {
    case 'invalid':
      return invalidResult(context, generation.error.issues);
    case 'conflict':
      return conflictResult(context, generation.conflicts, { specs: resultSpecs(generation.run) });
    case 'refused':
      return failedResult(context, 'error', generation.message);
    case 'committed': {
      const { run, outcome } = generation;
      const diffs = context.dryRun ? dryRunDiffs(run.files, outcome.states, read) : new Map<string, string>();
      if (outcome.aborted) {
        // --bail: the conflicter stopped at the first file that would change; only the files it saw have a state.
        const seen = run.files.map((f) => f.path).filter((path) => outcome.states.has(path));
        return failedResult(context, 'aborted', `stopped at the first file that would change (--bail); ${outcome.summary}`, [], resultFiles(seen, outcome.states));
      }
      const files = resultFiles(run.files.map((f) => f.path), outcome.states, diffs);
      return doneResult(context, describeFileStates(files, context.dryRun === true), files, { specs: resultSpecs(run) });
    }
  }
}
