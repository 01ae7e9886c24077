import type { SpecRunOptions } from '../../shared/run/spec-run.js';

/**
 * Which sub-generator writes the specs of an adapter: the engine knows adapters only, the front
 * end maps them to its sub-generators here. The Rust adapters have their own (their runs edit
 * shared Rust files); every other spec, a project adapter's too, is continuum:command's.
 */
const SUB_GENERATOR_OF_ADAPTER: ReadonlyMap<string, string> = new Map([
  ['rust-ipc', 'rust-module'],
  ['trait-only', 'trait'],
]);

/** The sub-generator that handles every adapter without one of its own. */
export const COMMAND_SUB_GENERATOR = 'command';

/** The sub-generator (`continuum:<name>`) that writes a spec of this adapter. */
export function subGeneratorOf(adapterId: string): string {
  return SUB_GENERATOR_OF_ADAPTER.get(adapterId) ?? COMMAND_SUB_GENERATOR;
}

/**
 * The specs a sub-generator accepts: undefined (every adapter) for continuum:command, else only its
 * adapters' specs, refusing another with the name of the sub-generator to use instead.
 */
export function specRestriction(subGenerator: string): SpecRunOptions['onlyAdapters'] {
  const ids = [...SUB_GENERATOR_OF_ADAPTER].filter(([, name]) => name === subGenerator).map(([id]) => id);
  if (ids.length === 0) return undefined;
  return {
    ids,
    hint: (found) =>
      `the spec's adapter is ${found}, and continuum:${subGenerator} writes ${ids.join(', ')} specs; use continuum:${subGeneratorOf(found)}`,
  };
}
