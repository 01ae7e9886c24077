import { deepStrictEqual } from 'node:assert/strict';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { describeDrift, specDrift } from '../../shared/audit/spec-drift.js';
import type { CommandSpecV2 } from '../../shared/spec/command-spec.js';

const spec: CommandSpecV2 = {
  version: 2,
  name: 'docs/read',
  description: 'Read a doc',
  environment: 'server',
  params: [
    { name: 'path', type: 'string' },
    { name: 'format', type: "'md' | 'txt'", optional: true, default: 'md' },
  ],
  results: [{ name: 'content', type: 'string' }],
};

describe('spec drift beyond fields: defaults, environment, adapter', () => {
  it('agrees with itself', () => {
    deepStrictEqual(specDrift(spec, spec, defaultProjectConfig), []);
  });

  it('a param default changed in create<C>Params is drift, pointing at the param', () => {
    const code: CommandSpecV2 = { ...spec, params: [spec.params![0], { ...spec.params![1], default: 'txt' }] };
    const drift = specDrift(spec, code, defaultProjectConfig);
    deepStrictEqual(
      drift.map((d) => [d.kind, d.pointer, describeDrift(d)]),
      [['default', '/params/1', 'param format defaults to "txt" in the code but "md" in the spec']],
    );
  });

  it('a browser/ folder added by hand is drift of the environment', () => {
    const drift = specDrift(spec, { ...spec, environment: 'both' }, defaultProjectConfig);
    deepStrictEqual(
      drift.map((d) => [d.kind, d.pointer, d.spec, d.code]),
      [['environment', '/environment', 'server', 'both']],
    );
  });

  it('a server command that calls continuum-core when the spec says server-only is drift of the adapter', () => {
    const code: CommandSpecV2 = { ...spec, adapter: 'rust-ipc', rust: { module: 'modules/docs', command_prefix: 'docs/' } };
    const drift = specDrift(spec, code, defaultProjectConfig);
    deepStrictEqual(
      drift.map((d) => [d.kind, d.code]),
      [['adapter', 'rust-ipc']],
    );
  });
});
