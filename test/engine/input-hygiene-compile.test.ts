import { strict as assert } from 'node:assert';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SPEC_LIMITS } from '../../shared/spec/limits.js';
import { makeHostProject, removeHostProjects, runHostScript, typeCheckHost } from '../support/host-project.js';
import { cargoUnavailable, generateProject, makeRustCrate, runCargo } from '../support/rust-project.js';

/** Prototype-named values where the spec allows them (enum values, literal members, the name prototype), and nested defaults. */
const protoNamesSpec = (adapter: 'server-only' | 'rust-ipc', fieldName = 'prototype') => ({
  version: 2,
  name: adapter === 'rust-ipc' ? 'proto/wire' : 'proto/names',
  description: 'Prototype-named values as ordinary names',
  adapter,
  ...(adapter === 'rust-ipc' ? { rust: { module: 'modules/proto_wire' } } : {}),
  types: {
    Mode: {
      enum: ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype'],
      valueDescriptions: { valueOf: 'the valueOf mode' },
    },
    Shape: {
      fields: { [fieldName]: { type: 'string', optional: true }, kind: { type: 'Mode' }, sizes: { type: 'integer[][]', optional: true } },
    },
  },
  params: [
    { name: fieldName, type: 'string', optional: true },
    { name: 'mode', type: 'Mode', optional: true, default: 'constructor' },
    { name: 'pick', type: "'toString' | '__proto__'", optional: true, default: '__proto__' },
    { name: 'counts', type: 'Record<string, integer>', optional: true, default: { prototype: 1, __proto__x: 2 } },
    {
      name: 'shapes',
      type: 'Record<string, Shape[]>',
      optional: true,
      default: { prototype: [{ kind: 'valueOf' }, { kind: 'toString', sizes: [[1, 2], []] }] },
    },
  ],
  results: [
    { name: 'mode', type: 'Mode' },
    { name: 'shape', type: 'Shape' },
    { name: 'tally', type: 'Record<string, Mode>' },
  ],
});

/** The most validation code per param the TypeScript command writes (enums and integers), at the params and results limits. */
const atTheLimitsSpec = {
  version: 2,
  name: 'big/limits',
  description: 'As many params and results as the limits allow',
  params: Array.from({ length: SPEC_LIMITS.fields }, (_, i) => ({
    name: `p${i}`,
    type: i % 2 === 0 ? "'a' | 'b'" : 'integer',
    optional: i % 4 < 2,
  })),
  results: Array.from({ length: SPEC_LIMITS.fields }, (_, i) => ({ name: `r${i}`, type: i % 2 === 0 ? 'integer' : 'string' })),
};

const generated = (spec: object): readonly PlannedFile[] =>
  generateCommand({ specText: JSON.stringify(spec), specFile: 'x.json', config: defaultProjectConfig }).files;

describe('input hygiene: what the limits and the name rules accept compiles', function () {
  after(removeHostProjects);

  it('prototype-named values, nested defaults and the params/results limits type-check under tsc --strict, and the unit tests pass', () => {
    const files = [...generated(protoNamesSpec('server-only')), ...generated(atTheLimitsSpec)];
    const dir = makeHostProject(files);
    const check = typeCheckHost(dir);
    assert.equal(check.status, 0, check.output);
    for (const test of files.filter((f) => f.path.includes('/test/unit/'))) {
      const run = runHostScript(dir, test.path);
      assert.equal(run.status, 0, `${test.path}\n${run.output}`);
      assert.match(run.output, /All \w+ unit tests passed/);
    }
  });

  it('control: a field or record key named like an Object.prototype member (what the rules refuse) fails tsc', () => {
    // Generated with allowed names, then renamed in the output: what the refusals prevent.
    const files = generated(protoNamesSpec('server-only', 'toStringX')).map((f) => ({
      ...f,
      content: f.content.replace(/toStringX/g, 'toString').replace(/prototype: \[\{ kind: 'valueOf' \}/, "valueOf: [{ kind: 'valueOf' }"),
    }));
    const check = typeCheckHost(makeHostProject(files));
    assert.notEqual(check.status, 0);
    assert.match(check.output, /property 'toString' are incompatible/);
    assert.match(check.output, /Property 'valueOf' is incompatible with index signature/);
  });

  it('prototype-named enum values pass cargo check in the Rust vertical', function () {
    const missing = cargoUnavailable();
    if (missing) this.skip();
    const project = generateProject([{ file: 'x.json', text: JSON.stringify(protoNamesSpec('rust-ipc')) }]);
    const run = runCargo(makeRustCrate('input-hygiene-prototype-names', project.files), ['check', '--quiet']);
    assert.equal(run.status, 0, run.output);
  });
});
