import { deepStrictEqual, equal, throws } from 'node:assert/strict';
import type { GeneratorAdapter } from '../../shared/adapters/adapter.js';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { chooseAdapter } from '../../shared/adapters/choose-adapter.js';
import { SpecError } from '../../shared/errors.js';

const choice = (spec: { adapter?: string; environment?: 'server' | 'browser' | 'both' }): string => {
  const chosen = chooseAdapter(builtinAdapters(), spec, 'spec.json');
  return `${chosen.adapter.id} ${chosen.environment}`;
};

/** An adapter with only the declarations a test needs. */
const declaring = (id: string, declarations: Partial<GeneratorAdapter>): GeneratorAdapter => ({
  id,
  description: id,
  writes: [],
  plan: () => [],
  ...declarations,
});

describe('one choice of a spec’s adapter, from the adapters’ declarations', () => {
  it('the named adapter, else the default of the environment (default server); the environment, else the adapter’s first', () => {
    deepStrictEqual(
      [
        choice({}),
        choice({ environment: 'browser' }),
        choice({ environment: 'both' }),
        choice({ adapter: 'rust-ipc' }),
        choice({ adapter: 'rust-ipc', environment: 'both' }),
        choice({ adapter: 'trait-only' }),
      ],
      ['server-only server', 'browser-only browser', 'full-stack both', 'rust-ipc server', 'rust-ipc both', 'trait-only server'],
    );
  });

  it('an id the registry does not know is refused at /adapter, listing the known ids, with the closest', () => {
    throws(
      () => choice({ adapter: 'rust-icp' }),
      (error: unknown) =>
        error instanceof SpecError &&
        /\(at \/adapter\): adapter rust-icp is not available in this version; found "rust-icp"; expected one of browser-only, c, full-stack, .*trait-only; did you mean "rust-ipc"\?/.test(
          error.message,
        ),
    );
  });

  it('one default adapter per environment: a second is refused, naming the first; an adapter a spec must name joins (the control)', () => {
    const registry = builtinAdapters();
    equal(
      registry.registrationProblem(declaring('edge-command', { defaultFor: ['server'] })),
      'server-only is already the default adapter of environment server',
    );
    equal(registry.registrationProblem(declaring('edge-command', { environments: ['server'] })), undefined);
    equal(registry.registrationProblem(declaring('Bad', {})), 'its id is not a lowercase id (^[a-z][a-z0-9-]*$)');
  });
});
