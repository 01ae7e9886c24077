import { SpecError } from '../errors.js';
import { planProjectRun, type ProjectRunRequest } from './project-run.js';
import { doneResult, invalidResult, resultSpecs, type ResultContext, type RunResult } from './run-result.js';

/**
 * Check specs the way a generation would (schema, types, adapters, the project's config and
 * plugins, files two specs would both write) and write nothing: `validate` on the CLI and over MCP.
 */
export async function validateSpecs(context: ResultContext, request: ProjectRunRequest): Promise<RunResult> {
  try {
    const run = await planProjectRun(request);
    const count = run.results.length;
    return doneResult(context, `${count} spec${count === 1 ? '' : 's'} valid, ${run.files.length} files planned; nothing was written`, [], {
      specs: resultSpecs(run),
    });
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return invalidResult(context, error.issues);
  }
}
