import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand, type GenerationResult } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { compileHeaderAlone } from '../languages/language-cases.js';
import { makeHostProject, removeHostProjects, typeCheckHost, writeFiles } from '../support/host-project.js';
import { cargoUnavailable, generateProject, makeRustCrate, removeRustCrates, runCargo } from '../support/rust-project.js';

/** A rust-ipc spec whose params, results and a declared type hold untyped JSON at every depth. */
const SPEC = JSON.stringify({
  version: 2,
  name: 'telemetry/push',
  description: 'Push a telemetry document of any shape',
  adapter: 'rust-ipc',
  types: {
    Envelope: {
      fields: { body: { type: 'unknown', description: 'The document as sent' }, meta: { type: 'Record<string, unknown>', optional: true } },
    },
  },
  params: [
    { name: 'payload', type: 'unknown', description: 'Any JSON value' },
    { name: 'tags', type: 'object', optional: true, description: 'object is another spelling of unknown' },
  ],
  results: [
    { name: 'echoed', type: 'unknown[]' },
    { name: 'envelope', type: 'Envelope' },
  ],
});

const ADAPTERS = ['swift', 'kotlin', 'python', 'proto', 'c'];

function generate(): GenerationResult {
  return generateCommand({ specText: SPEC, specFile: 'telemetry-push.json', config: defaultProjectConfig, extraAdapters: ADAPTERS });
}

const fileOf = (result: GenerationResult, adapter: string, suffix: string): string => {
  const file = result.plans.find((p) => p.adapter === adapter)?.files.find((f) => f.path.endsWith(suffix));
  assert.ok(file, `${adapter} wrote no ${suffix}`);
  return file.content;
};

describe('untyped JSON (spec unknown): accepted by generation, spelled in every target', () => {
  after(removeHostProjects);
  after(removeRustCrates);

  it('a default of untyped JSON may be any JSON value (checked to the leaf elsewhere), and tsc accepts it; the same default on a string is refused', () => {
    const withDefault = (type: string): string =>
      JSON.stringify({
        version: 2,
        name: 'telemetry/tag',
        description: 'Tag telemetry',
        params: [{ name: 'extra', type, optional: true, default: { a: [1, 'x', null, { b: true }] } }],
      });
    const result = generateCommand({ specText: withDefault('unknown'), specFile: 'telemetry-tag.json', config: defaultProjectConfig });
    assert.match(
      result.files.find((f) => f.path.endsWith('TelemetryTagTypes.ts'))!.content,
      /extra: \{ a: \[1, 'x', null, \{ b: true \}\] \},/,
    );
    const run = typeCheckHost(makeHostProject(result.files.filter((f) => !f.path.endsWith('.json'))));
    assert.equal(run.status, 0, run.output);
    assert.throws(
      () => generateCommand({ specText: withDefault('string'), specFile: 'telemetry-tag.json', config: defaultProjectConfig }),
      (error: unknown) =>
        error instanceof SpecError && error.issues.some((i) => i.pointer === '/params/0/default' && /expected a string/.test(i.message)),
    );
  });

  it('object resolves to the same untyped-JSON node as unknown', () => {
    const params = generate().model.params;
    assert.deepEqual(
      params.map((p) => p.type),
      [{ kind: 'unknown' }, { kind: 'unknown' }],
    );
  });

  it('TypeScript: unknown in the Types file and the ts-rs wire types, and tsc --strict accepts the whole command', () => {
    const result = generate();
    const types = result.files.find((f) => f.path.endsWith('shared/TelemetryPushTypes.ts'))!.content;
    assert.match(types, /payload: unknown;/);
    assert.match(types, /tags\?: unknown;/);
    assert.match(types, /echoed: unknown\[\];/);
    const project = generateProject([{ file: 'telemetry-push.json', text: SPEC }]);
    const dir = makeHostProject(project.files.filter((f) => !f.path.startsWith(`${defaultProjectConfig.roots.rustCrate}/src`)));
    const run = typeCheckHost(dir);
    assert.equal(run.status, 0, run.output);
  });

  it('Rust: serde_json::Value with #[ts(type)] naming the same TypeScript, and cargo check passes', function () {
    const result = generate();
    const module = result.files.find((f) => f.path.endsWith('modules/telemetry.rs'))!.content;
    assert.match(module, /#\[ts\(type = "unknown"\)\]\n\s*pub payload: serde_json::Value,/);
    assert.match(module, /#\[ts\(type = "Array<unknown>"\)\]\n\s*pub echoed: Vec<serde_json::Value>,/);
    assert.match(module, /#\[ts\(type = "\{ \[key in string\]: unknown \}"\)\]\n\s*pub meta: Option<BTreeMap<String, serde_json::Value>>,/);
    const unavailable = cargoUnavailable();
    if (unavailable) assert.fail(`cargo is needed here: ${unavailable}`);
    const crate = makeRustCrate('untyped-json', generateProject([{ file: 'telemetry-push.json', text: SPEC }]).files);
    const run = runCargo(crate, ['check', '--all-targets']);
    assert.equal(run.status, 0, run.output);
  });

  it('Swift, Kotlin, Python, proto and C each have a spelling (and what it needs: a declaration or an import)', () => {
    const result = generate();
    const swift = fileOf(result, 'swift', 'TelemetryPush.swift');
    assert.match(swift, /public enum JSONValue: Codable, Equatable \{/);
    assert.match(swift, /public var payload: JSONValue\n/);
    assert.match(fileOf(result, 'kotlin', 'TelemetryPush.kt'), /val payload: kotlinx\.serialization\.json\.JsonElement,/);
    const python = fileOf(result, 'python', 'telemetry_push.py');
    assert.match(python, /^from typing import Any$/m);
    assert.match(python, /payload: Any/);
    const proto = fileOf(result, 'proto', '.proto');
    assert.match(proto, /^import "google\/protobuf\/struct\.proto";$/m);
    assert.match(proto, /google\.protobuf\.Value payload = 1;/);
    assert.match(fileOf(result, 'c', '.h'), /const char \*payload;/);
  });

  it('protoc (with the well-known types) and gcc accept what they are given; a Value without its import is refused', () => {
    const result = generate();
    const dir = mkdtempSync(join(tmpdir(), 'continuum-unknown-'));
    try {
      writeFiles(dir, [...result.plans.find((p) => p.adapter === 'proto')!.files, ...result.plans.find((p) => p.adapter === 'c')!.files]);
      const proto = result.plans.find((p) => p.adapter === 'proto')!.files[0];
      const protoc = (file: string) =>
        spawnSync(
          'protoc',
          [`--proto_path=${dirname(file)}`, '--proto_path=/usr/include', `--descriptor_set_out=${join(dir, 'd.pb')}`, file],
          { encoding: 'utf8' },
        );
      const accepted = protoc(join(dir, proto.path));
      assert.equal(accepted.status, 0, `${accepted.stdout}${accepted.stderr}`);
      const withoutImport = join(dirname(join(dir, proto.path)), 'no-import.proto');
      writeFileSync(withoutImport, proto.content.replace(/^import "google\/protobuf\/struct\.proto";$/m, ''));
      assert.notEqual(protoc(withoutImport).status, 0, 'the control: google.protobuf.Value needs its import');
      const header = result.plans.find((p) => p.adapter === 'c')!.files.find((f) => f.path.endsWith('.h'))!;
      for (const { compiler, run } of compileHeaderAlone(dir, header.path)) assert.equal(run.status, 0, `${compiler}: ${run.output}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
