/** The run result (schemas/run-result.schema.json) of one spec generation, for --json and the MCP server. */
import { committedResult } from '../shared/agent/commit-result.js';
import {
  conflictResult,
  failedResult,
  invalidResult,
  resultSpecs,
  type ResultContext,
  type RunResult,
} from '../shared/agent/run-result.js';
import type { SpecGeneration } from './fast-path.js';

/** A generation handed to a question (`ask`) has no result: a machine's run never asks. */
export function specGenerationResult(context: ResultContext, generation: Exclude<SpecGeneration, { kind: 'ask' }>): RunResult {
  switch (generation.kind) {
    case 'invalid':
      return invalidResult(context, generation.error.issues);
    case 'conflict':
      return conflictResult(context, generation.conflicts, { specs: resultSpecs(generation.run) });
    case 'refused':
    case 'failed':
      return failedResult(context, 'error', generation.message);
    case 'committed':
      return committedResult(context, generation.run, generation.report, generation.failure);
  }
}
