import type { SpecIssue } from '../errors.js';

/**
 * A run that stops before writing anything (or with nothing left half-written). Its message is
 * whole: the front end prints only it. The Yeoman generators raise it as their ContinuumRunError.
 */
export class RunStop extends Error {
  /** The run result a --json run reports for this stop, when the run got far enough to have one. */
  runResult?: unknown;

  constructor(
    message: string,
    readonly issues: readonly SpecIssue[] = [],
    /** Files a run that cannot ask refused to overwrite. */
    readonly conflicts: readonly string[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'RunStop';
  }
}
