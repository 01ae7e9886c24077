import { strict as assert } from 'node:assert';
import { defaultProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import type { CommandModel } from '../../shared/model/command-model.js';
import { resolveCommandModel } from '../../shared/model/resolve-model.js';
import { serialiseSpec } from '../../shared/spec/canonical-spec.js';
import type { JsonSource, Position } from '../../shared/spec/json-source.js';
import { loadSpec } from '../../shared/spec/load-spec.js';

/** A spec with every kind of declaration, field and import, written out as a user would (one key a line). */
const SPEC = {
  version: 2,
  name: 'gpu/stats',
  className: 'GpuUsage',
  description: 'GPU statistics',
  adapter: 'rust-ipc',
  rust: { command_prefix: 'gpu/', traits: ['ManagedService'] },
  imports: [{ name: 'SessionRef', from: '@system/core/types/SessionRef', rust: 'String' }],
  types: {
    Level: { enum: ['low', 'high'] },
    Reading: { fields: { level: { type: 'Level' }, unit: { type: "'mb' | 'gb'", optional: true }, session: { type: 'SessionRef' } } },
  },
  params: [
    { name: 'gpuId', type: 'integer', optional: true, default: 0 },
    { name: 'mode', type: "'fast' | 'full'" },
  ],
  results: [
    { name: 'readings', type: 'Reading[]' },
    { name: 'owner', type: 'UUID | null' },
  ],
};

function resolve(spec: object, config: ProjectConfig = defaultProjectConfig): { model: CommandModel; source: JsonSource; text: string } {
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  const loaded = loadSpec(text, 'gpu-stats.json');
  return { model: resolveCommandModel(loaded.spec, loaded.source, config), source: loaded.source, text };
}

/** The text of `text` from a 1-based line:column on. */
function textFrom(text: string, position: Position | undefined): string {
  assert.ok(position, 'the pointer has a place in the spec text');
  return text
    .split('\n')
    .slice(position.line - 1)
    .join('\n')
    .slice(position.column - 1);
}

/** Where the member a pointer names is written: its key for an object member, its value for an array item. */
function writtenAt(source: JsonSource, text: string, pointer: string): string {
  return textFrom(text, source.locateKey(pointer));
}

describe('the model: origin pointers, each at its place in the spec text', () => {
  const { model, source, text } = resolve(SPEC);

  it('every declared type points at its key under types', () => {
    const declared = model.types.filter((t) => (t.kind === 'enum' ? t.origin === 'spec' : true));
    assert.deepEqual(
      declared.map((t) => t.pointer),
      ['/types/Level', '/types/Reading'],
    );
    for (const t of declared)
      assert.ok(writtenAt(source, text, t.pointer).startsWith(`"${t.name}": {`), `${t.pointer} is where ${t.name} is declared`);
  });

  it('an enum lifted from an inline union points at the type string it was written in', () => {
    const lifted = model.types.filter((t) => t.kind === 'enum' && t.origin === 'inline');
    assert.deepEqual(
      lifted.map((t) => [t.name, t.pointer]),
      [
        ['ReadingUnit', '/types/Reading/fields/unit/type'],
        ['GpuUsageMode', '/params/1/type'],
      ],
    );
    for (const t of lifted) {
      const values = t.kind === 'enum' ? t.values : [];
      assert.ok(
        textFrom(text, source.locate(t.pointer)).startsWith(JSON.stringify(values.map((v) => `'${v}'`).join(' | '))),
        `${t.pointer} is the union ${values.join(' | ')}`,
      );
    }
  });

  it('every param and result points at its entry, every declared field at its key', () => {
    const entries = [...model.params, ...model.results];
    assert.deepEqual(
      entries.map((f) => f.pointer),
      ['/params/0', '/params/1', '/results/0', '/results/1'],
    );
    for (const f of entries)
      assert.ok(
        writtenAt(source, text, f.pointer).replace(/\s+/g, ' ').startsWith(`{ "name": "${f.name}"`),
        `${f.pointer} is the entry of ${f.name}`,
      );
    const reading = model.typesByName.get('Reading');
    assert.ok(reading?.kind === 'interface');
    assert.deepEqual(
      reading.fields.map((f) => f.pointer),
      ['/types/Reading/fields/level', '/types/Reading/fields/unit', '/types/Reading/fields/session'],
    );
    for (const f of reading.fields)
      assert.ok(writtenAt(source, text, f.pointer).startsWith(`"${f.name}": {`), `${f.pointer} is the key of ${f.name}`);
  });

  it('an import of the spec points at its entry; one of the project config has no place in the spec', () => {
    const byName = new Map(model.imports.map((i) => [i.name, i]));
    assert.equal(byName.get('SessionRef')?.pointer, '/imports/0');
    assert.ok(writtenAt(source, text, '/imports/0').replace(/\s+/g, ' ').startsWith('{ "name": "SessionRef"'));
    assert.ok(byName.has('UUID'), 'UUID comes from the default config');
    assert.equal(byName.get('UUID')?.pointer, undefined);
  });

  it('the class name points at /className when written, else at /name', () => {
    assert.equal(model.classNamePointer, '/className');
    assert.ok(writtenAt(source, text, model.classNamePointer).startsWith('"className": "GpuUsage"'));
    const { model: derived } = resolve({ ...SPEC, className: undefined });
    assert.equal(derived.classNamePointer, '/name');
  });

  it('a tagged union, its variants and their fields point at their keys', () => {
    const spec = {
      version: 2,
      name: 'traits/health',
      description: 'Health',
      adapter: 'trait-only',
      types: { HealthStatus: { tag: 'status', variants: { healthy: {}, degraded: { fields: { reason: { type: 'string' } } } } } },
      traits: { Health: { methods: [{ name: 'status', returns: 'HealthStatus' }] } },
    };
    const { model: traits, source: traitSource, text: traitText } = resolve(spec);
    const union = traits.unions?.[0];
    assert.ok(union);
    const pointers = [
      union.pointer,
      ...union.variants.map((v) => v.pointer),
      ...union.variants.flatMap((v) => v.fields.map((f) => f.pointer)),
    ];
    assert.deepEqual(pointers, [
      '/types/HealthStatus',
      '/types/HealthStatus/variants/healthy',
      '/types/HealthStatus/variants/degraded',
      '/types/HealthStatus/variants/degraded/fields/reason',
    ]);
    for (const pointer of pointers)
      assert.ok(writtenAt(traitSource, traitText, pointer).startsWith(`"${pointer.split('/').pop()}": {`), `${pointer} is at its key`);
    assert.equal(traits.traits?.[0].pointer, '/traits/Health');
    assert.equal(traits.traits?.[0].methods[0].pointer, '/traits/Health/methods/0');
    assert.equal(traits.typesByName.get('HealthStatus'), union);
  });
});

describe('the model: what adapters used to recompute', () => {
  it('finds every declaration by name, the same objects as in types and unions', () => {
    const { model } = resolve(SPEC);
    assert.deepEqual([...model.typesByName.keys()], ['Level', 'Reading', 'ReadingUnit', 'GpuUsageMode']);
    for (const t of model.types) assert.equal(model.typesByName.get(t.name), t);
  });

  it('names the params and result types after the class name', () => {
    const { model } = resolve(SPEC);
    assert.equal(model.paramsTypeName, 'GpuUsageParams');
    assert.equal(model.resultTypeName, 'GpuUsageResult');
  });

  it('holds the canonical spec text, as the specs folder saves it', () => {
    const { model } = resolve(SPEC);
    assert.equal(model.canonicalText, serialiseSpec(model.spec));
    assert.ok(model.canonicalText.startsWith('{\n  "version": 2,\n  "name": "gpu/stats",'));
  });

  it('applies the rust block defaults once: rust-ipc module from the first segment, prefix from the name', () => {
    const { model } = resolve({ ...SPEC, rust: undefined });
    assert.deepEqual(
      {
        module: model.rust?.module,
        commandPrefix: model.rust?.commandPrefix,
        traits: model.rust?.traits,
        modulePointer: model.rust?.modulePointer,
        commandPrefixPointer: model.rust?.commandPrefixPointer,
      },
      { module: 'modules/gpu', commandPrefix: 'gpu/', traits: [], modulePointer: '/name', commandPrefixPointer: '/name' },
    );
    const { model: given } = resolve({ ...SPEC, rust: { module: 'modules/graphics', command_prefix: 'gpu/' } });
    assert.equal(given.rust?.module, 'modules/graphics');
    assert.equal(given.rust?.modulePointer, '/rust/module');
    assert.equal(given.rust?.commandPrefixPointer, '/rust/command_prefix');
    assert.deepEqual(given.rust?.declared, { module: 'modules/graphics', command_prefix: 'gpu/' });
  });

  it('a trait-only spec defaults to a submodule of the configured traits module', () => {
    const spec = {
      version: 2,
      name: 'traits/cache-control',
      description: 'Cache',
      adapter: 'trait-only',
      traits: { CacheControl: { methods: [{ name: 'clear' }] } },
    };
    assert.equal(resolve(spec).model.rust?.module, 'system/traits/cache_control');
    const config: ProjectConfig = { ...defaultProjectConfig, rust: { ...defaultProjectConfig.rust, traitsModule: 'core/contracts' } };
    assert.equal(resolve(spec, config).model.rust?.module, 'core/contracts/cache_control');
  });

  it('a spec of a TypeScript adapter has no rust block', () => {
    const { model } = resolve({ version: 2, name: 'docs/read', description: 'Read a doc', params: [{ name: 'path', type: 'string' }] });
    assert.equal(model.adapter, 'server-only');
    assert.equal(model.rust, undefined);
  });
});
