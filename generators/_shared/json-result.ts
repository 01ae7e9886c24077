import { relative, resolve, sep } from 'node:path';
import { FILE_STATES } from '../../shared/agent/run-result.js';
import type { OptionDeclaration } from './option-declarations.js';

/** --json on a sub-generator: the run result on stdout, human text on stderr (as always). */
export const jsonResultOption: OptionDeclaration = {
  name: 'json',
  type: Boolean,
  description: "Print the run's result as JSON on stdout (schemas/run-result.schema.json, schemaVersion 1): every file's state, every issue; implies --no-interactive",
};

interface StatusLog {
  [status: string]: unknown;
}

/**
 * Record the state the conflicter reports for each file it commits (it logs every file once, through
 * the environment's adapter), keyed by path relative to `destinationRoot`. Returns the live map.
 */
export function recordConflicterStates(env: unknown, destinationRoot: string): ReadonlyMap<string, string> {
  const states = new Map<string, string>();
  const { adapter, logCwd, cwd } = env as { adapter: { log: StatusLog }; logCwd?: string; cwd?: string };
  const base = logCwd ?? cwd ?? destinationRoot;
  for (const status of FILE_STATES) {
    const original = adapter.log[status];
    if (typeof original !== 'function') continue;
    adapter.log[status] = function (this: unknown, path: unknown, ...rest: unknown[]) {
      if (typeof path === 'string') states.set(relative(destinationRoot, resolve(base, path)).split(sep).join('/'), status);
      return (original as (...args: unknown[]) => unknown).call(this, path, ...rest);
    };
  }
  return states;
}
