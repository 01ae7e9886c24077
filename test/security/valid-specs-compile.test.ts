import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { tempDir, writeTree } from '../languages/language-cases.js';
import { runPython, skipWhenRegistrySkipped } from '../languages/toolchains.js';
import { makeHostProject, removeHostProjects, runHostScript, typeCheckHost } from '../support/host-project.js';
import { cargoUnavailable, generateProject, makeRustCrate, removeRustCrates, runCargo } from '../support/rust-project.js';

/**
 * Issue 12, "valid specs whose output does not compile or whose generated tests fail": the five
 * shapes 35 of 320 fuzzed specs reduced to, each a spec here, generated and compiled (tsc --strict
 * and the unit tests; cargo check and cargo test for the Rust vertical).
 */
const uuid = { name: 'UUID', from: '@system/core/types/CrossPlatformUUID', rust: 'String' };

export const VALID_SHAPES: Record<string, Record<string, unknown>> = {
  'a required UUID param (paramsOf was left unused: TS6133)': {
    version: 2,
    name: 'shape/uuid-param',
    description: 'A required UUID param',
    imports: [uuid],
    params: [{ name: 'ownerId', type: 'UUID' }],
    results: [{ name: 'ok', type: 'boolean' }],
  },
  'a rust-ipc result with a UUID field (TS2345)': {
    version: 2,
    name: 'shapes/uuid-result',
    description: 'A UUID in the result',
    adapter: 'rust-ipc',
    rust: { module: 'modules/shapes_uuid_result' },
    imports: [uuid],
    results: [
      { name: 'ownerId', type: 'UUID' },
      { name: 'owners', type: 'UUID[]', optional: true },
    ],
  },
  'a rust-ipc required UUID param (the routing test sent {})': {
    version: 2,
    name: 'shapes/uuid-param',
    description: 'A required UUID param over IPC',
    adapter: 'rust-ipc',
    rust: { module: 'modules/shapes_uuid_param' },
    imports: [uuid],
    params: [
      { name: 'ownerId', type: 'UUID' },
      { name: 'ids', type: 'UUID[]' },
    ],
    results: [{ name: 'ok', type: 'boolean' }],
  },
  'optional-nullable fields (the round-trip test failed)': {
    version: 2,
    name: 'shapes/optional-nullable',
    description: 'Optional and nullable at once',
    adapter: 'rust-ipc',
    rust: { module: 'modules/shapes_optional_nullable' },
    types: { Inner: { fields: { note: { type: 'string | null', optional: true, optionalNullable: true } } } },
    params: [{ name: 'limit', type: 'integer | null', optional: true, optionalNullable: true }],
    results: [
      { name: 'inner', type: 'Inner | null', optional: true, optionalNullable: true },
      { name: 'tags', type: 'string[] | null', optional: true, optionalNullable: true },
    ],
  },
  'a nested optional UUID in a declared type': {
    version: 2,
    name: 'shapes/uuid-nested',
    description: 'A UUID inside a declared type',
    adapter: 'rust-ipc',
    rust: { module: 'modules/shapes_uuid_nested' },
    imports: [uuid],
    types: { Owner: { fields: { id: { type: 'UUID' }, previous: { type: 'UUID | null' } } } },
    params: [{ name: 'owner', type: 'Owner' }],
    results: [{ name: 'owners', type: 'Record<string, Owner>' }],
  },
};

describe('issue 12: the valid shapes whose output did not compile now compile and pass their tests', function () {
  this.timeout(1_800_000);
  after(() => {
    removeHostProjects();
    removeRustCrates();
  });
  const sources = Object.entries(VALID_SHAPES).map(([label, spec], i) => ({ file: `shape-${i}.json`, label, text: JSON.stringify(spec) }));

  it('tsc --strict type-checks every one (generated tests included), and the unit tests pass', () => {
    const typescriptOnly = sources
      .filter((s) => !s.text.includes('rust-ipc'))
      .flatMap((s) => generateCommand({ specText: s.text, specFile: s.file, config: defaultProjectConfig }).files);
    const rust = generateProject(sources.filter((s) => s.text.includes('rust-ipc'))).files.filter((f) => f.path.endsWith('.ts'));
    const files = [...typescriptOnly, ...rust];
    const dir = makeHostProject(files);
    const check = typeCheckHost(dir);
    assert.equal(check.status, 0, check.output);
    for (const test of files.filter((f) => f.path.includes('/test/unit/'))) {
      const run = runHostScript(dir, test.path);
      assert.equal(run.status, 0, `${test.path}\n${run.output}`);
    }
  });

  it('cargo check and cargo test pass for the Rust ones (routing with real params, round trips of optional-nullable fields)', function () {
    if (cargoUnavailable()) this.skip();
    const project = generateProject(sources.filter((s) => s.text.includes('rust-ipc')));
    const crate = makeRustCrate('valid-shapes', project.files);
    const run = runCargo(crate, ['test', '--quiet', 'shapes_']);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /test result: ok\. [1-9]\d* passed/);
  });
});

/** Issue 12, deliverable 5: names a target cannot declare, each a spec; renamed where a rename keeps the wire, refused (located) where none can. */
const base = { version: 2, description: 'Names a target refuses', results: [{ name: 'ok', type: 'boolean' }] };
const REFUSED_NAMES: ReadonlyArray<{
  label: string;
  spec: Record<string, unknown>;
  tame: Record<string, unknown>;
  adapters: string[];
  pointer: string;
  message: RegExp;
}> = [
  {
    label: "a command named command (its Params would be the host's CommandParams)",
    spec: { ...base, name: 'command' },
    tame: { ...base, name: 'commander' },
    adapters: [],
    pointer: '/name',
    message: /CommandParams .*host names/,
  },
  {
    label: 'protobuf fields x1 and x_1 (one default JSON name)',
    spec: {
      ...base,
      name: 'names/proto',
      params: [
        { name: 'x1', type: 'string' },
        { name: 'x_1', type: 'string' },
      ],
    },
    tame: {
      ...base,
      name: 'names/proto',
      params: [
        { name: 'x1', type: 'string' },
        { name: 'y_1', type: 'string' },
      ],
    },
    adapters: ['proto'],
    pointer: '/params/1/name',
    message: /same default JSON name x1/,
  },
  {
    label: 'a Python type named Exception (a builtin)',
    spec: {
      ...base,
      name: 'names/py',
      types: { Exception: { fields: { a: { type: 'string' } } } },
      params: [{ name: 'e', type: 'Exception' }],
    },
    tame: {
      ...base,
      name: 'names/py',
      types: { Failure: { fields: { a: { type: 'string' } } } },
      params: [{ name: 'e', type: 'Failure' }],
    },
    adapters: ['python'],
    pointer: '/types/Exception',
    message: /Python builtin/,
  },
  {
    label: 'a C type named NULL (a macro of <stddef.h>)',
    spec: { ...base, name: 'names/c', types: { NULL: { fields: { a: { type: 'string' } } } }, params: [{ name: 'e', type: 'NULL' }] },
    tame: { ...base, name: 'names/c', types: { Nothing: { fields: { a: { type: 'string' } } } }, params: [{ name: 'e', type: 'Nothing' }] },
    adapters: ['c'],
    pointer: '/types/NULL',
    message: /macro/,
  },
  {
    label: 'a C enum constant INT8_MAX (enum Int8, value max)',
    spec: { ...base, name: 'names/c-enum', types: { Int8: { enum: ['max', 'low'] } }, params: [{ name: 'i', type: 'Int8' }] },
    tame: { ...base, name: 'names/c-enum', types: { Int8: { enum: ['top', 'low'] } }, params: [{ name: 'i', type: 'Int8' }] },
    adapters: ['c'],
    pointer: '/types/Int8',
    message: /INT8_MAX, a macro/,
  },
  {
    label: "the host's own type names (JTAGContext) as spec types",
    spec: { ...base, name: 'names/host', types: { JTAGContext: { enum: ['a', 'b'] } }, params: [{ name: 'j', type: 'JTAGContext' }] },
    tame: { ...base, name: 'names/host', types: { Context: { enum: ['a', 'b'] } }, params: [{ name: 'j', type: 'Context' }] },
    adapters: [],
    pointer: '/types/JTAGContext',
    message: /host type/,
  },
];

function generationIssues(spec: Record<string, unknown>, adapters: readonly string[]): Array<{ pointer: string; message: string }> {
  try {
    generateCommand({ specText: JSON.stringify(spec), specFile: 'names.json', config: defaultProjectConfig, extraAdapters: adapters });
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.issues.map((i) => ({ pointer: i.pointer ?? '', message: i.message }));
  }
}

describe('issue 12: names a target cannot declare are renamed or refused at their place', function () {
  this.timeout(600_000);
  const dirs: string[] = [];
  after(() => {
    removeHostProjects();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  for (const c of REFUSED_NAMES) {
    it(`${c.label}: refused at ${c.pointer}; the same spec with another name is accepted`, () => {
      const issues = generationIssues(c.spec, c.adapters);
      assert.equal(issues.length, 1, JSON.stringify(issues));
      assert.equal(issues[0].pointer, c.pointer);
      assert.match(issues[0].message, c.message);
      assert.deepEqual(generationIssues(c.tame, c.adapters), []);
    });
  }

  const traitSpec = {
    version: 2,
    name: 'traits/ts-words',
    description: 'TypeScript reserved words as parameter names',
    adapter: 'trait-only',
    rust: { module: 'system/traits/ts_words' },
    traits: {
      TsWords: {
        description: 'Reserved words',
        methods: [
          {
            name: 'make',
            params: [
              { name: 'new', type: 'string' },
              { name: 'function', type: 'integer' },
            ],
            returns: 'boolean',
          },
          { name: 'delete', params: [{ name: 'class', type: 'string' }] },
        ],
      },
    },
  };

  it('TypeScript reserved words as trait parameters (new, function, class) are renamed and the interface type-checks; control: as they are, tsc refuses them', () => {
    const files = generateCommand({
      specText: JSON.stringify(traitSpec),
      specFile: 'trait.json',
      config: defaultProjectConfig,
    }).files.filter((f) => f.path.endsWith('.ts'));
    const iface = files.find((f) => f.path.endsWith('/TsWords.ts'))!;
    assert.match(iface.content, /make\(new_: string, function_: number\): boolean;/);
    const check = typeCheckHost(makeHostProject(files));
    assert.equal(check.status, 0, check.output);
    const raw = files.map((f) => (f === iface ? { ...f, content: f.content.replace(/\b(new|function|class)_:/g, '$1:') } : f));
    const control = typeCheckHost(makeHostProject(raw));
    assert.notEqual(control.status, 0, 'tsc accepted reserved words as parameter names');
  });

  it('a Python field Int (int, the name its annotations use) is renamed int_ with its wire name as alias, and imports and validates under Pydantic v2; control: named int, Pydantic refuses the class', function () {
    skipWhenRegistrySkipped(this, 'pypi');
    const spec = {
      ...base,
      name: 'names/pyfield',
      params: [
        { name: 'Int', type: 'integer' },
        { name: 'count', type: 'integer' },
      ],
    };
    const files = generateCommand({
      specText: JSON.stringify(spec),
      specFile: 'py.json',
      config: defaultProjectConfig,
      extraAdapters: ['python'],
    }).files.filter((f) => f.path.endsWith('.py'));
    const model = files.find((f) => f.path.endsWith('/names_pyfield.py'))!;
    assert.match(model.content, /int_: int = Field\(alias='Int'\)/);
    const run = (content: string) => {
      const dir = tempDir('names-python');
      dirs.push(dir);
      writeTree(dir, [{ ...model, content }]);
      const script = `import sys, json; sys.path.insert(0, ${JSON.stringify(join(dir, 'generated', 'python'))})\nimport names_pyfield as m\nprint(json.dumps(m.NamesPyfieldParams.model_validate({'Int': 3, 'count': 4}).model_dump(by_alias=True)))`;
      return runPython(['-B', '-W', 'error', '-c', script]);
    };
    const ok = run(model.content);
    assert.equal(ok.status, 0, ok.output);
    assert.deepEqual(JSON.parse(ok.output.trim().split('\n').pop()!), { Int: 3, count: 4 });
    const control = run(model.content.replace('int_: int', 'int: int'));
    assert.notEqual(control.status, 0, 'Pydantic accepted a field that shadows int');
  });
});
