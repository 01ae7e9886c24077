import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError, type SpecIssue } from '../../shared/errors.js';
import { goldenDir, specsDir } from '../support/paths.js';

type Spec = Record<string, unknown>;

const gpu = (): Spec => JSON.parse(readFileSync(join(specsDir, 'gpu-stats.json'), 'utf8')) as Spec;
const managed = (): Spec => JSON.parse(readFileSync(join(specsDir, 'traits', 'managed-service.json'), 'utf8')) as Spec;

function generate(spec: Spec) {
  return generateCommand({ specText: JSON.stringify(spec, null, 2), specFile: 'bad.json', config: defaultProjectConfig });
}

/** The spec is refused with an issue at `pointer` whose message matches; returns that issue. */
function refused(spec: Spec, pointer: string, message: RegExp): SpecIssue {
  let error: unknown;
  try {
    generate(spec);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof SpecError, `expected a SpecError, got ${String(error)}`);
  const issue = error.issues.find((i) => i.pointer === pointer && message.test(i.message));
  assert.ok(issue, `no issue at ${pointer} matching ${message}; got:\n${error.message}`);
  assert.equal(issue.file, 'bad.json');
  return issue;
}

describe('Rust adapters refuse what Rust cannot take, with file, place, found and expected', () => {
  it('an unknown trait: its pointer, line:column, and every known trait', () => {
    const issue = refused(
      { ...gpu(), rust: { module: 'modules/gpu', traits: ['ManagedService', 'HealthMonitor'] } },
      '/rust/traits/1',
      /unknown trait HealthMonitor/,
    );
    assert.ok(issue.line !== undefined && issue.column !== undefined, 'located in the file');
    assert.match(issue.expected ?? '', /Configurable, Lifecycle, ManagedService, MetricsEmitter/);
    refused({ ...gpu(), rust: { traits: ['ManagedServce'] } }, '/rust/traits/0', /did you mean ManagedService\?/);
  });

  it('a rust block, a traits block or a tagged union on a TypeScript-only adapter', () => {
    refused({ ...gpu(), adapter: 'server-only' }, '/rust', /a rust block needs adapter rust-ipc or trait-only, but adapter is server-only/);
    refused({ ...gpu(), traits: managed().traits }, '/traits', /a traits block needs adapter trait-only, but adapter is rust-ipc/);
    const union = { tag: 'kind', variants: { a: {}, b: { fields: { x: { type: 'string' } } } } };
    refused(
      { ...gpu(), adapter: 'server-only', rust: undefined, types: { Shape: union } },
      '/types/Shape/variants',
      /tagged unions \(variants\) need adapter trait-only, but adapter is server-only/,
    );
  });

  it('an imported type with no Rust form', () => {
    const spec = { ...gpu(), imports: [{ name: 'Widget', from: '@widgets/Widget' }], results: [{ name: 'widget', type: 'Widget' }] };
    const issue = refused(spec, '/imports/0', /import Widget has no Rust type/);
    assert.match(issue.expected ?? '', /"rust"/);
  });

  it('a struct that must contain itself (no finite value), while an optional self-reference is boxed', () => {
    refused(
      { ...gpu(), types: { Node: { fields: { next: { type: 'Node' } } } }, results: [{ name: 'head', type: 'Node' }] },
      '/types/Node/fields/next',
      /makes Node contain itself/,
    );
    const ok = generate({
      ...gpu(),
      types: { Node: { fields: { next: { type: 'Node', optional: true } } } },
      results: [{ name: 'head', type: 'Node' }],
    });
    assert.match(ok.files.find((f) => f.path.endsWith('gpu.rs'))!.content, /pub next: Option<Box<Node>>,/);
  });

  it('names that meet once in Rust form: fields, enum values', () => {
    refused(
      {
        ...gpu(),
        results: [
          { name: 'gpuId', type: 'string' },
          { name: 'gpuID', type: 'string' },
        ],
      },
      '/results/1/name',
      /fields 'gpuId' and 'gpuID' of GpuStatsResult are both gpu_id in Rust/,
    );
    refused(
      { ...gpu(), params: [{ name: 'mode', type: "'read-only' | 'read_only'" }] },
      '/params/0/type',
      /'read-only' and 'read_only' of GpuStatsMode are both the Rust variant ReadOnly/,
    );
  });

  it('type names Rust reserves or the module declares', () => {
    refused(
      { ...gpu(), types: { ...(gpu().types as object), Result: { fields: { a: { type: 'string' } } } } },
      '/types/Result',
      /type name Result is in the Rust prelude/,
    );
    refused(
      { ...gpu(), types: { ...(gpu().types as object), Self: { fields: { a: { type: 'string' } } } } },
      '/types/Self',
      /type name Self is a Rust keyword/,
    );
    refused(
      { ...gpu(), types: { ...(gpu().types as object), GpuModule: { fields: { a: { type: 'string' } } } } },
      '/types/GpuModule',
      /collides with the module struct/,
    );
    refused(
      { ...gpu(), types: { ...(gpu().types as object), HealthStatus: { enum: ['ok'] } } },
      '/types/HealthStatus',
      /collides with a type the signatures of ManagedService use/,
    );
  });

  it('module, prefix and use paths that could not work', () => {
    refused({ ...gpu(), rust: { module: 'modules/type' } }, '/rust/module', /is a Rust keyword/);
    refused({ ...gpu(), rust: { module: 'gpu' } }, '/rust/module', /needs a parent module/);
    refused({ ...gpu(), rust: { command_prefix: 'audio/' } }, '/rust/command_prefix', /would never route gpu\/stats/);
    refused({ ...gpu(), rust: { imports: ['crate::system::{A, B}'] } }, '/rust/imports/0', /not a Rust use path/);
    refused({ ...gpu(), params: [{ name: 'command', type: 'string' }] }, '/params/0/name', /overwrite the command name of the IPC request/);
  });

  it('trait specs: no command parts, no keyword methods, companions get what they drive', () => {
    refused({ ...managed(), params: [{ name: 'x', type: 'string' }] }, '/params', /takes no params/);
    const traits = managed().traits as Record<string, { methods: Array<Record<string, unknown>> }>;
    const keyword = { ManagedService: { methods: [{ name: 'type' }] } };
    refused(
      { ...managed(), traits: { ...traits, ...keyword } },
      '/traits/ManagedService/methods/0/name',
      /method name type is a Rust keyword/,
    );
    refused({ ...managed(), rust: { companions: ['supervisor'] } }, '/rust/companions/0', /through the pressure companion/);
    const withoutHeal = { ManagedService: { methods: traits.ManagedService.methods.filter((m) => m.name !== 'heal') } };
    const issue = refused({ ...managed(), traits: withoutHeal }, '/rust/companions/1', /lacks methods it calls/);
    assert.match(issue.found ?? '', /fn heal\(&self\) -> bool/);
  });

  it('renders rather than refuses: keyword fields, renames, optional-nullable with its opt-in', () => {
    const edge = JSON.parse(readFileSync(join(goldenDir, 'rust-ipc-edge-cases', 'spec.json'), 'utf8')) as Spec;
    const rust = generate(edge).files.find((f) => f.path.endsWith('modules/edge.rs'))!.content;
    for (const line of [
      'pub r#type: Mode,',
      'pub self_: Option<String>,',
      'pub r#match: Option<bool>,',
      'pub crate_: EdgeInspectCrate,',
      '#[serde(rename = "gpuID")]',
      '#[ts(optional = nullable)]',
      '    Self_,',
      '    V2d,',
    ]) {
      assert.ok(rust.includes(line), `edge.rs has ${line}`);
    }
    assert.match(
      rust,
      /#\[serde\(rename = "self"\)\]\n {4}#\[serde\(default, skip_serializing_if = "Option::is_none"\)\]\n {4}#\[ts\(optional\)\]\n {4}pub self_/,
    );
  });
});
