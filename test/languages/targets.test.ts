import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GeneratorAdapter } from '../../shared/adapters/adapter.js';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { AdapterRegistry } from '../../shared/adapters/registry.js';
import { defineTarget, type TargetAdapter, type TargetDefinition } from '../../shared/adapters/target.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { loadSpec } from '../../shared/spec/load-spec.js';
import { resolveCommandModel } from '../../shared/model/resolve-model.js';
import type { CommandModel } from '../../shared/model/command-model.js';
import { SpecError, valueAtPointer, type SpecIssue } from '../../shared/errors.js';
import { nameC } from '../../shared/adapters/c/namer.js';
import { renderC } from '../../shared/adapters/c/view.js';
import { nameKotlin } from '../../shared/adapters/kotlin/namer.js';
import { renderKotlin } from '../../shared/adapters/kotlin/view.js';
import { nameProto } from '../../shared/adapters/proto/namer.js';
import { renderProto } from '../../shared/adapters/proto/view.js';
import { namePython } from '../../shared/adapters/python/namer.js';
import { renderPython } from '../../shared/adapters/python/view.js';
import { nameSwift } from '../../shared/adapters/swift/namer.js';
import { renderSwift } from '../../shared/adapters/swift/view.js';
import { KOTLIN_KEYWORDS } from '../../shared/targets/kotlin/kotlin-text.js';
import { SWIFT_KEYWORDS, SWIFT_UNUSABLE } from '../../shared/targets/swift/swift-text.js';
import type { NamedStruct } from '../../shared/adapters/language/naming-pass.js';
import { repoRoot } from '../support/paths.js';

const TARGET_FILES = ['index.ts', 'type-mapping.ts', 'namer.ts', 'view.ts'];
const isTarget = (adapter: GeneratorAdapter): adapter is TargetAdapter => 'folder' in adapter;

/**
 * What keeps "a new target is one folder and one registration line" true: every folder with a
 * namer is the folder of a registered target (of that id, or of several ids: typescript-command
 * is server-only, browser-only and full-stack), holding its definition, namer, view and
 * templates; every registered target names a folder that exists.
 */
function targetFolderProblems(adaptersDir: string, registry: AdapterRegistry): string[] {
  const problems: string[] = [];
  const folders = readdirSync(adaptersDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(adaptersDir, e.name, 'namer.ts')))
    .map((e) => e.name);
  for (const folder of folders) {
    const adapter = registry.get(folder) ?? registry.list().find((a) => isTarget(a) && a.folder === folder);
    if (!adapter || !isTarget(adapter) || adapter.folder !== folder) problems.push(`${folder}: no registered target with folder ${folder}`);
    // A language target declares its type mapping in type-mapping.ts; a Rust one (trait-only) spells types through rust-shared.
    const files = adapter && isTarget(adapter) && !adapter.typeMapping ? TARGET_FILES.filter((f) => f !== 'type-mapping.ts') : TARGET_FILES;
    for (const file of files) if (!existsSync(join(adaptersDir, folder, file))) problems.push(`${folder}: no ${file}`);
    const templates = join(adaptersDir, folder, 'templates');
    if (!existsSync(templates) || !readdirSync(templates).some((f) => f.endsWith('.ejs'))) problems.push(`${folder}: no templates/*.ejs`);
  }
  for (const adapter of registry.list().filter(isTarget))
    if (!folders.includes(adapter.folder)) problems.push(`${adapter.id}: folder ${adapter.folder} has no namer.ts`);
  return problems;
}

const adaptersDir = join(repoRoot, 'shared', 'adapters');

function model(body: Record<string, unknown>): CommandModel {
  const text = JSON.stringify({ version: 2, name: 'test/shape', description: 'A test command', environment: 'server', ...body });
  const loaded = loadSpec(text, 'test/shape.json');
  return resolveCommandModel(loaded.spec, loaded.source, defaultProjectConfig);
}

describe('targets: one folder each, found through the registry', () => {
  it('every folder with a namer is a registered target holding index.ts, namer.ts, view.ts, templates (and type-mapping.ts for a language)', () => {
    const registry = builtinAdapters();
    assert.deepEqual(targetFolderProblems(adaptersDir, registry), []);
    assert.deepEqual(
      registry
        .list()
        .filter(isTarget)
        .map((a) => a.folder)
        .sort(),
      // typescript-command's folder holds three targets: server-only, browser-only and full-stack.
      [
        'c',
        'kotlin',
        'proto',
        'python',
        'rust-ipc',
        'swift',
        'trait-only',
        'typescript-command',
        'typescript-command',
        'typescript-command',
      ],
    );
  });

  it('control: an unregistered target folder, or a registered target without its folder, is reported', () => {
    const root = mkdtempSync(join(tmpdir(), 'targets-'));
    try {
      mkdirSync(join(root, 'klingon'));
      writeFileSync(join(root, 'klingon', 'namer.ts'), '');
      const registry = new AdapterRegistry().register(builtinAdapters().get('swift')!);
      assert.deepEqual(targetFolderProblems(root, registry), [
        'klingon: no registered target with folder klingon',
        'klingon: no index.ts',
        'klingon: no type-mapping.ts',
        'klingon: no view.ts',
        'klingon: no templates/*.ejs',
        'swift: folder swift has no namer.ts',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('defineTarget: check and plan from name and render', () => {
  const shape = model({ params: [{ name: 'size', type: 'integer' }], results: [{ name: 'ok', type: 'boolean' }] });
  /** A target counting its phases; its name pass reports one issue when asked to. */
  function countingTarget(failNaming: boolean) {
    const calls = { name: 0, render: 0 };
    const definition: TargetDefinition<{ file: string }> = {
      id: 'counting',
      folder: 'swift',
      description: 'test target',
      writes: [],
      options: [{ name: 'outputDir', type: 'path', description: 'where', default: 'out/default' }],
      name: (m, options) => {
        calls.name++;
        return {
          names: { file: `${String(options.outputDir)}/${m.className}.txt` },
          issues: failNaming ? [{ file: m.specFile, pointer: '/name', message: 'cannot name it' }] : [],
        };
      },
      render: (_m, names) => {
        calls.render++;
        return {
          files: [
            { path: names.file, content: 'x\n' },
            { path: 'out/CommandTransport.swift', template: 'command-transport.swift', data: {} },
          ],
        };
      },
    };
    return { adapter: defineTarget(definition), calls };
  }

  it("names once per model and options for check, plan and edits; fills option defaults; renders templates from the target's folder", () => {
    const { adapter, calls } = countingTarget(false);
    const options = { outputDir: 'out/configured' };
    assert.deepEqual(adapter.check!(shape, defaultProjectConfig, options), []);
    const plan = adapter.plan(shape, defaultProjectConfig, options);
    assert.deepEqual(adapter.edits!(shape, defaultProjectConfig, options), []);
    assert.deepEqual(calls, { name: 1, render: 1 });
    assert.equal(plan[0].path, 'out/configured/TestShape.txt');
    const swiftTransport = builtinAdapters()
      .get('swift')!
      .plan(shape, defaultProjectConfig)
      .find((f) => f.path.endsWith('CommandTransport.swift'))!;
    assert.equal(plan[1].content, swiftTransport.content);
    assert.match(plan[1].content, /protocol CommandTransport/);
    // Without options (a direct call), the declared defaults.
    assert.equal(adapter.plan(shape, defaultProjectConfig)[0].path, 'out/default/TestShape.txt');
  });

  it('the naming issues are the check; plan refuses to render names with issues', () => {
    const { adapter, calls } = countingTarget(true);
    assert.deepEqual(
      adapter.check!(shape, defaultProjectConfig, {}).map((i) => i.message),
      ['cannot name it'],
    );
    assert.throws(
      () => adapter.plan(shape, defaultProjectConfig, {}),
      (error: unknown) => error instanceof SpecError && /cannot name it/.test(error.message),
    );
    assert.equal(calls.render, 0);
  });

  it('unsupported declarations (tagged unions, traits) are reported unless the target renders them', () => {
    // Unions reach a model only from a trait-only spec; the driver reads their names alone.
    const withUnion = { ...shape, unions: [{ name: 'Shape' }] } as unknown as CommandModel;
    const plain = countingTarget(false).adapter;
    assert.match(
      plain.check!(withUnion, defaultProjectConfig, {})
        .map((i) => i.message)
        .join('\n'),
      /adapter counting cannot map type Shape: tagged unions are not supported/,
    );
    const unions = defineTarget({
      ...{ id: 'unions', folder: 'swift', description: '', writes: [], options: [] },
      renders: { unions: true },
      name: () => ({ names: {}, issues: [] }),
      render: () => ({ files: [] }),
    });
    assert.deepEqual(unions.check!(withUnion, defaultProjectConfig, {}), []);
  });
});

describe('views print the names their namer decided', () => {
  const shape = model({
    params: [
      { name: 'maxLines', type: 'integer', optional: true },
      { name: 'format', type: "'plain' | 'rich'" },
    ],
    results: [{ name: 'text', type: 'string' }],
  });
  const RENAMED = 'zz_renamed_by_test';
  /** The names with the params struct's first field renamed. */
  function renameFirstParam<N extends { readonly structs: readonly NamedStruct[]; readonly params: string }>(names: N): N {
    const structs = names.structs.map((s) =>
      s.name === names.params ? { ...s, fields: s.fields.map((f, i) => (i === 0 ? { ...f, name: RENAMED } : f)) } : s,
    );
    return { ...names, structs };
  }
  const cases: Record<string, (m: CommandModel) => string> = {
    python: (m) => {
      const options = { outputDir: 'py', routePrefix: '', importedTypes: {} };
      return renderPython(m, renameFirstParam(namePython(m, options).names), options)
        .files.map((f) => JSON.stringify(f))
        .join('\n');
    },
    kotlin: (m) => {
      const options = { outputDir: 'kt', package: 'commands', importedTypes: {} };
      return renderKotlin(m, renameFirstParam(nameKotlin(m, options).names), options)
        .files.map((f) => JSON.stringify(f))
        .join('\n');
    },
    swift: (m) => {
      const options = { outputDir: 'sw', importedTypes: {} };
      const names = nameSwift(m, options).names;
      const renamed = {
        ...names,
        structs: renameFirstParam(names).structs.map((s) => ({ ...s, fields: s.fields.map((f) => ({ ...f, bare: f.name })) })),
      };
      return renderSwift(m, renamed, options)
        .files.map((f) => JSON.stringify(f))
        .join('\n');
    },
    proto: (m) => {
      const options = { outputDir: 'pb', package: 'commands', importedTypes: {} };
      return renderProto(m, renameFirstParam(nameProto(m, options).names), options)
        .files.map((f) => JSON.stringify(f))
        .join('\n');
    },
    c: (m) => {
      const options = { outputDir: 'c', importedTypes: {} };
      return renderC(m, renameFirstParam(nameC(m, options).names), options)
        .files.map((f) => JSON.stringify(f))
        .join('\n');
    },
  };
  for (const [target, render] of Object.entries(cases)) {
    it(`${target}: a field renamed in the names is the field the view lays out`, () => {
      const text = render(shape);
      assert.ok(text.includes(RENAMED), `${target} printed ${RENAMED}`);
    });
  }
});

describe('namers point their issues at the spec text that caused them', () => {
  // 'a-b' and 'a_b' fold into one case name in every target (A_B, aB): one collision per enum.
  const body = {
    types: { Style: { enum: ['a-b', 'a_b'] } },
    params: [
      { name: 'style', type: 'Style' },
      { name: 'mode', type: "'a-b' | 'a_b'" },
    ],
    results: [{ name: 'ok', type: 'boolean' }],
  };
  const spec = { version: 2, name: 'test/shape', description: 'A test command', environment: 'server', ...body };
  const namers: Record<string, (m: CommandModel) => readonly SpecIssue[]> = {
    kotlin: (m) => nameKotlin(m, { outputDir: 'kt', package: 'commands', importedTypes: {} }).issues,
    swift: (m) => nameSwift(m, { outputDir: 'sw', importedTypes: {} }).issues,
    proto: (m) => nameProto(m, { outputDir: 'pb', package: 'commands', importedTypes: {} }).issues,
    c: (m) => nameC(m, { outputDir: 'c', importedTypes: {} }).issues,
  };
  for (const [target, name] of Object.entries(namers)) {
    it(`${target}: an enum case collision points at the declared enum, and at the field type an inline union was lifted from`, () => {
      const issues = name(model(body)).filter((i) => i.message.includes('a-b') || i.message.includes('a_b'));
      const pointed = issues.map((i) => valueAtPointer(spec, i.pointer!));
      assert.deepEqual(
        issues.map((i) => i.pointer),
        ['/types/Style', '/params/1/type'],
        JSON.stringify(issues),
      );
      assert.deepEqual(pointed, [{ enum: ['a-b', 'a_b'] }, "'a-b' | 'a_b'"]);
    });
  }
});

describe('keyword sets of Kotlin and Swift, in shared/targets', () => {
  it('Kotlin: hard keywords are in the set, and the namer backticks them', () => {
    for (const word of ['fun', 'val', 'when', 'object', 'typealias']) assert.ok(KOTLIN_KEYWORDS.has(word), word);
    assert.ok(!KOTLIN_KEYWORDS.has('data'), 'data is a soft keyword: usable as it is');
    const names = nameKotlin(
      model({
        params: [
          { name: 'when', type: 'string' },
          { name: 'plain', type: 'string' },
        ],
      }),
      {
        outputDir: 'kt',
        package: 'commands',
        importedTypes: {},
      },
    ).names;
    const params = names.structs.find((s) => s.name === names.params)!;
    assert.deepEqual(
      params.fields.map((f) => f.name),
      ['`when`', 'plain'],
    );
  });
  it('Swift: keywords are in the set, self is unusable even in backticks, and the namer escapes both', () => {
    for (const word of ['func', 'let', 'guard', 'protocol', 'nil']) assert.ok(SWIFT_KEYWORDS.has(word), word);
    assert.ok(SWIFT_UNUSABLE.has('self'));
    const names = nameSwift(
      model({
        params: [
          { name: 'guard', type: 'string' },
          { name: 'self', type: 'string' },
        ],
      }),
      {
        outputDir: 'sw',
        importedTypes: {},
      },
    ).names;
    const params = names.structs.find((s) => s.name === names.params)!;
    assert.deepEqual(
      params.fields.map((f) => f.name),
      ['`guard`', 'self_'],
    );
  });
});
