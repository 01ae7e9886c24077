import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { AdapterRegistry } from '../../shared/adapters/registry.js';
import { rustIpcAdapter } from '../../shared/adapters/rust-ipc/index.js';
import { rustModuleNames } from '../../shared/adapters/rust-ipc/rust-module-view.js';
import { sampleDocuments } from '../../shared/adapters/rust-shared/rust-wire.js';
import { traitOnlyAdapter } from '../../shared/adapters/trait-only/trait-adapter.js';
import { shippedTraitSpecs, traitCatalogFromSpecs } from '../../shared/adapters/trait-only/trait-catalog.js';
import { defaultProjectConfig, resolveProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { makeHostProject, runHostScript, typeCheckHost, removeHostProjects, writeFiles } from '../support/host-project.js';
import { fixturesDir, goldenDir, specsDir } from '../support/paths.js';
import {
  cargoTargetDir,
  cargoUnavailable,
  crateSource,
  exportedBindings,
  generateProject,
  makeRustCrate,
  removeRustCrates,
  runCargo,
  wireTypesOf,
  type GeneratedProject,
  type RustCrate,
  type SpecSource,
} from '../support/rust-project.js';

const spec = (file: string, dir: string = specsDir): SpecSource => ({
  file: file.startsWith('test/') ? file : `specs/${file}`,
  text: readFileSync(join(dir, file.replace(/^test\/golden\//, '')), 'utf8'),
});
const golden = (name: string): SpecSource => ({
  file: `test/golden/${name}/spec.json`,
  text: readFileSync(join(goldenDir, name, 'spec.json'), 'utf8'),
});
const cacheControl = golden('trait-cache-control');

/**
 * Every Rust-backed spec in specs/ (gpu/stats and the four trait specs), every Rust golden case of
 * the default layout, and a project's own trait (cache-control) with a module implementing it.
 */
function defaultLayoutSpecs(): SpecSource[] {
  const traits = readdirSync(join(specsDir, 'traits'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => spec(join('traits', f)));
  return [
    ...traits,
    spec('gpu-stats.json'),
    golden('rust-ipc-edge-cases'),
    golden('rust-ipc-imported-uuid'),
    cacheControl,
    ...['cache-stats.json', 'config-get.json'].map((f) => ({
      file: `test/fixtures/specs/rust/${f}`,
      text: readFileSync(join(fixturesDir, 'specs', 'rust', f), 'utf8'),
    })),
  ];
}

/** The built-in adapters, with the project's own trait spec added to those rust.traits may name. */
function registryWithProjectTraits(): AdapterRegistry {
  return new AdapterRegistry()
    .register(rustIpcAdapter({ traits: (config) => traitCatalogFromSpecs([...shippedTraitSpecs(), cacheControl], config) }))
    .register(traitOnlyAdapter());
}

/**
 * A TypeScript program, type-checked against the generated wire types, that prints sample
 * documents of every wire type as JSON: what the TypeScript side would send to Rust. Types that
 * are only ever sent by Rust (no Deserialize: the supervisor's events) are left out.
 */
function documentsProgram(
  project: GeneratedProject,
  config: ProjectConfig,
): { program: PlannedFile; rustTypes: Map<string, string>; count: number } {
  const imports: string[] = [];
  const entries: string[] = [];
  const rustTypes = new Map<string, string>();
  let count = 0;
  for (const result of project.results) {
    const { declarations, rustModule, tsFolder } = wireTypesOf(result, config);
    for (const declaration of declarations) {
      const key = `${tsFolder}/${declaration.name}`;
      if (rustTypes.has(key)) continue;
      const docs = declaration.kind === 'enum' ? declaration.values : sampleDocuments(declaration.name, declarations);
      if (docs.length === 0) continue;
      rustTypes.set(key, `continuum_core::${rustModule}::${declaration.name}`);
      const alias = `${tsFolder.replace(/\W/g, '_')}_${declaration.name}`;
      imports.push(`import type { ${declaration.name} as ${alias} } from '../../${config.roots.generatedTypes}/${key}';`);
      entries.push(`  '${key}': [${docs.map((d) => `${JSON.stringify(d)} satisfies ${alias}`).join(', ')}],`);
      count += docs.length;
    }
  }
  const text = [
    ...imports,
    '',
    'const documents: Record<string, unknown[]> = {',
    ...entries,
    '};',
    '',
    'process.stdout.write(JSON.stringify(documents));',
    '',
  ].join('\n');
  return { program: { path: 'src/roundtrip/documents.ts', content: text }, rustTypes, count };
}

/** A Rust integration test that round-trips the TypeScript-made documents through the generated structs. */
function documentsRustTest(rustTypes: Map<string, string>, count: number): string {
  const arms = [...rustTypes].map(([key, type]) => `            ${JSON.stringify(key)} => round_trip::<${type}>(doc),`);
  return `//! Documents the TypeScript side built with the generated wire types (tests/ts_documents.json,
//! written by the test harness) must round-trip through the generated Rust structs.

fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w))),
        _ => a == b,
    }
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(doc: &serde_json::Value) {
    let parsed: T = serde_json::from_value(doc.clone()).unwrap_or_else(|e| panic!("{doc} does not parse: {e}"));
    let back = serde_json::to_value(&parsed).unwrap();
    assert!(same_json(&back, doc), "{back} != {doc}");
}

#[test]
fn documents_from_typescript_round_trip() {
    let documents: serde_json::Value = serde_json::from_str(include_str!("ts_documents.json")).unwrap();
    let mut checked = 0;
    for (key, docs) in documents.as_object().unwrap() {
        for doc in docs.as_array().unwrap() {
            match key.as_str() {
${arms.join('\n')}
            other => panic!("no Rust type for {other}"),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, ${count});
}
`;
}

/**
 * A Rust integration test over the host's start-up wiring: the runtime that ipc/mod.rs builds
 * routes every generated command to its generated module (the \`./jtag gpu/stats\` path).
 */
function startupRustTest(project: GeneratedProject, config: ProjectConfig): { text: string; routes: Array<[string, string]> } {
  const routes = project.results
    .filter((r) => r.adapter.id === 'rust-ipc')
    .map((r): [string, string] => [r.model.name, rustModuleNames(r.model, config).module]);
  const text = `//! The start-up wiring (ipc/mod.rs) registers every generated module, so its commands are routed.

#[tokio::test]
async fn the_runtime_the_server_starts_routes_every_generated_command() {
    let runtime = continuum_core::ipc::build_runtime();
    for (command, module) in [${routes.map(([c, m]) => `(${JSON.stringify(c)}, ${JSON.stringify(m)})`).join(', ')}] {
        let (found, name) = runtime.registry().route_command(command).unwrap_or_else(|| panic!("{command} is routed to no module"));
        assert_eq!((found.config().name, name.as_str()), (module, command));
        // The generated handler answers (not implemented yet, or its params are missing): it was reached.
        let answer = runtime.route_command(command, serde_json::json!({ "command": command })).await.expect("routed");
        let error = answer.err().unwrap_or_default();
        assert!(error.is_empty() || error.starts_with(&format!("{command}: ")), "{command}: {error}");
    }
}
`;
  return { text, routes };
}

/**
 * A script run in the host copy against the fixture's server: a hand-written mixin's command, the
 * generated server command (RustBackedCommand -> shared client -> mixin -> socket), and bad params
 * sent straight through the mixin, past the TypeScript validation, to be refused by Rust.
 */
const E2E_SCRIPT = `import type { ICommandDaemon } from '@daemons/command-daemon/shared/CommandBase';
import { GpuStatsServerCommand } from '@commands/gpu/stats/server/GpuStatsServerCommand';
import { createGpuStatsParams } from '@commands/gpu/stats/shared/GpuStatsTypes';
import { fixtureContext } from '@system/core/shared/Commands';
import { generateUUID } from '@system/core/types/CrossPlatformUUID';
import { RustCoreIPCClient } from '../workers/continuum-core/bindings/RustCoreIPC';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function main(): Promise<void> {
  const context = fixtureContext();
  const client = await RustCoreIPCClient.getInstanceAsync();
  const snapshot = await client.systemResourcesSnapshot();
  const outcome = { ping: (await client.healthPing()).version, level: snapshot.level, usedMb: snapshot.usedMb, stats: 'answered', bad: 'accepted' };
  const command = new GpuStatsServerCommand(context, 'gpu/stats', {} as ICommandDaemon);
  await command.execute(createGpuStatsParams(context, generateUUID(), {})).catch((error: unknown) => (outcome.stats = message(error)));
  await client.gpuStats({ subsystem: 'nope' } as unknown as Parameters<typeof client.gpuStats>[0]).catch((error: unknown) => (outcome.bad = message(error)));
  client.disconnect();
  process.stdout.write(JSON.stringify(outcome));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`;

/** Poll until `ready` holds; a readiness wait with a generous bound, not a timing assertion. */
async function waitFor(ready: () => boolean, why: () => string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(why());
}

/** A project of generated specs compiled in a copy of the fixture crate, with its TypeScript side beside it. */
interface CompiledProject {
  config: ProjectConfig;
  project: GeneratedProject;
  crate: RustCrate;
  hostDir: string;
  documents: string;
  routes: Array<[string, string]>;
}

function compileProject(name: string, sources: readonly SpecSource[], config: ProjectConfig): CompiledProject {
  const project = generateProject(sources, config, registryWithProjectTraits());
  const { program, rustTypes, count } = documentsProgram(project, config);
  const hostDir = makeHostProject([...project.files.filter((f) => f.path.endsWith('.ts')), program], config);
  const run = runHostScript(hostDir, program.path);
  assert.equal(run.status, 0, run.output);
  const crate = makeRustCrate(name, project.files, config);
  mkdirSync(join(crate.dir, 'tests'), { recursive: true });
  writeFileSync(join(crate.dir, 'tests', 'ts_documents.json'), run.output);
  writeFileSync(join(crate.dir, 'tests', 'ts_documents.rs'), documentsRustTest(rustTypes, count));
  const startup = startupRustTest(project, config);
  writeFileSync(join(crate.dir, 'tests', 'startup.rs'), startup.text);
  return { config, project, crate, hostDir, documents: run.output, routes: startup.routes };
}

/** The generated files that ts-rs writes too (every wire type, JsonValue), by path. */
function generatedBindings(project: GeneratedProject): Map<string, string> {
  return new Map(
    project.files.filter((f) => f.content.startsWith('// This file was generated by [ts-rs]')).map((f) => [f.path, f.content]),
  );
}

function requireCargo(this: Mocha.Context): void {
  const unavailable = cargoUnavailable();
  if (unavailable && process.env.CONTINUUM_SKIP_CARGO === '1') this.skip();
  assert.equal(unavailable, undefined, `${unavailable} (set CONTINUUM_SKIP_CARGO=1 to skip these tests knowingly)`);
}

/** The ts-rs test: real ts-rs 12 exports every wire type, and each export equals the generated file byte for byte. */
function assertTsRsExports(this: Mocha.Context, compiled: CompiledProject, atLeast: number, expectJsonValue: boolean): void {
  if (crateSource().kind !== 'crates.io') this.skip(); // the stand-in prints nothing: pending, never passed
  const exported = exportedBindings(compiled.crate);
  const generated = generatedBindings(compiled.project);
  assert.ok(generated.size >= atLeast, `expected at least ${atLeast} generated wire types, got ${generated.size}`);
  // ts-rs exports serde_json's JsonValue only when a wire type holds a Value; the generator also
  // writes it for trait interfaces that name it (same text, checked wherever ts-rs does export it).
  const jsonValue = `${compiled.config.roots.rustCrate}/bindings/serde_json/JsonValue.ts`;
  const missing = [...generated.keys()].filter((path) => !exported.has(path) && path !== jsonValue);
  assert.deepEqual(
    missing,
    [],
    `ts-rs exported no file at these generated paths:\n${missing.join('\n')}\nit exported:\n${[...exported.keys()].sort().join('\n')}`,
  );
  if (expectJsonValue) assert.ok(exported.has(jsonValue), `ts-rs exported ${jsonValue}, so its text is compared`);
  for (const [path, text] of generated)
    if (exported.has(path)) assert.equal(text, exported.get(path), `${path}: the generated text differs from what ts-rs 12 prints`);
  // The host's own exports (ModulePriority, PressureLevel ...) are what the TypeScript fixture holds.
  const root = compiled.config.roots.generatedTypes;
  for (const [path, text] of exported) {
    if (generated.has(path)) continue;
    const fixture = join(
      fixturesDir,
      'host',
      path.startsWith(`${root}/`) ? `${defaultProjectConfig.roots.generatedTypes}/${path.slice(root.length + 1)}` : path,
    );
    assert.equal(
      readFileSync(fixture, 'utf8'),
      text,
      `${path}: the host fixture's file differs from what ts-rs 12 prints for the fixture crate`,
    );
  }
}

describe('generated Rust in the host fixture crate: cargo check, cargo test and real ts-rs 12 (-D warnings)', function () {
  this.timeout(1_800_000);
  after(removeHostProjects);
  after(removeRustCrates);
  let compiled: CompiledProject;

  before(function () {
    requireCargo.call(this);
    compiled = compileProject('default-layout', defaultLayoutSpecs(), defaultProjectConfig);
  });

  it('writes the modules, the traits and the companions, and declares each where the crate looks for it', () => {
    const files = new Map(compiled.project.files.map((f) => [f.path, f.content]));
    const crate = `${defaultProjectConfig.roots.rustCrate}/src`;
    for (const file of [
      'modules/gpu.rs',
      'modules/edge.rs',
      'modules/cache.rs',
      'modules/gpu_owner.rs',
      'system/traits/cache_control.rs',
      'system/traits/managed_service.rs',
      'system/pressure.rs',
      'system/supervisor.rs',
    ]) {
      assert.ok(files.has(`${crate}/${file}`), `${crate}/${file} is generated`);
    }
    const once = (file: string, line: string): void =>
      assert.equal(
        files
          .get(`${crate}/${file}`)!
          .split('\n')
          .filter((l) => l === line).length,
        1,
        `${line} once in ${file}`,
      );
    for (const line of ['pub mod pressure;', 'pub mod supervisor;', 'pub mod traits;']) once('system/mod.rs', line);
    once('lib.rs', 'pub mod system;');
    once('lib.rs', 'pub mod modules;');
    for (const module of ['gpu', 'edge', 'cache', 'gpu_owner']) once('modules/mod.rs', `pub mod ${module};`);
    once('ipc/mod.rs', '    runtime.register(Arc::new(crate::modules::gpu::GpuModule::new()));');
  });

  it('the TypeScript side (wire types, mixins, composed client, commands, tests) type-checks with the documents program', () => {
    const result = typeCheckHost(compiled.hostDir);
    assert.equal(result.status, 0, result.output);
  });

  it('cargo check --all-targets passes with no warning', () => {
    const result = runCargo(compiled.crate, ['check', '--all-targets']);
    assert.equal(result.status, 0, result.output);
    assert.doesNotMatch(result.output, /^warning/m, result.output);
  });

  it('cargo test passes: routing through the registry and the start-up wiring, handle_command on TypeScript-built requests, the supervisor, round trips', () => {
    const result = runCargo(compiled.crate, ['test']);
    assert.equal(result.status, 0, result.output);
    const passed = [...result.output.matchAll(/^test (\S+) \.\.\. ok$/gm)].map((m) => m[1]);
    for (const name of [
      'system::supervisor::tests::a_pressure_change_reaches_every_module',
      'system::supervisor::tests::a_failing_heal_escalates',
      'system::supervisor::tests::critical_held_triggers_shed_load_once_per_episode',
      'system::supervisor::tests::health_snapshot_cadence',
      'system::pressure::tests::pressure_thresholds_match_the_gpu_manager',
      'system::traits::managed_service::tests::health_status_round_trips',
      'modules::gpu::tests::gpu_stats_result_round_trips',
      'modules::gpu::tests::stats_is_routed_here_and_parses_what_typescript_sends',
      'modules::gpu::tests::stats_refuses_params_that_do_not_parse',
      'modules::gpu::tests::shutdown_is_the_service_module_one',
      'modules::edge::tests::tree_node_round_trips',
      'modules::edge::tests::edge_inspect_params_round_trips',
      'modules::gpu_owner::tests::owner_is_routed_here_and_parses_what_typescript_sends',
      'system::traits::cache_control::tests::cache_stats_round_trips',
      'modules::cache::tests::stats_is_routed_here_and_parses_what_typescript_sends',
      'documents_from_typescript_round_trip',
      'the_runtime_the_server_starts_routes_every_generated_command',
    ]) {
      assert.ok(passed.includes(name), `${name} ran and passed\n${passed.join('\n')}`);
    }
    assert.doesNotMatch(result.output, /test result: FAILED/);
    assert.ok(JSON.parse(compiled.documents)['gpu/GpuStatsResult'].length >= 2, 'the TypeScript side produced GpuStatsResult documents');
    assert.deepEqual(compiled.routes.map(([c]) => c).sort(), ['cache/stats', 'config/get', 'edge/inspect', 'gpu/owner', 'gpu/stats']);
  });

  it('every wire type the generator writes is byte for byte what real ts-rs 12 exports (cargo test export_bindings)', function () {
    assertTsRsExports.call(this, compiled, 18, true);
  });

  it('over the real wire: the generated server command reaches the generated Rust module through the IPC socket (./jtag gpu/stats)', async () => {
    const build = runCargo(compiled.crate, ['build', '--bin', 'continuum-core-server']);
    assert.equal(build.status, 0, build.output);
    // A short path: a Unix socket's path has a length limit the repository's may exceed.
    const socketDir = mkdtempSync(join(tmpdir(), 'continuum-core-'));
    const socket = join(socketDir, 'core.sock');
    const server = spawn(join(cargoTargetDir, 'debug', 'continuum-core-server'), [socket], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await waitFor(
        () => existsSync(socket),
        () => `the server never bound ${socket}: ${stderr}`,
      );
      writeFiles(compiled.hostDir, [{ path: 'src/e2e/gpu-stats.ts', content: E2E_SCRIPT }]);
      const run = runHostScript(compiled.hostDir, 'src/e2e/gpu-stats.ts', { CONTINUUM_CORE_SOCKET: socket });
      assert.equal(run.status, 0, run.output);
      const outcome = JSON.parse(run.output.slice(run.output.indexOf('{'))) as {
        ping: string;
        level: string;
        usedMb: number;
        stats: string;
        bad: string;
      };
      assert.equal(outcome.ping, '0.0.0', 'a hand-written module answers through the composed client');
      assert.deepEqual(
        [outcome.level, outcome.usedMb],
        ['normal', 0],
        "the host's snake_case wire form (used_mb) still maps to camelCase beside the generated camelCase types",
      );
      assert.match(
        outcome.stats,
        /^gpu\/stats: not implemented yet \(GpuModule::stats in src\/modules\/gpu\/stats\.rs\); params: GpuStatsParams \{ subsystem: None \}$/,
        'the command, RustBackedCommand, the mixin, the socket, ipc/mod.rs, the registry and GpuModule::stats',
      );
      assert.match(
        outcome.bad,
        /^gpu\/stats: invalid params: unknown variant `nope`/,
        "the module's own params check answers over the wire",
      );
    } finally {
      server.kill();
      rmSync(socketDir, { recursive: true, force: true });
    }
  });

  it('the check is real: a generated struct that no longer matches its trait fails to compile', () => {
    const gpu = join(compiled.crate.dir, 'src', 'modules', 'gpu.rs');
    const original = readFileSync(gpu, 'utf8');
    try {
      writeFileSync(gpu, original.replace('fn heal(&self) -> bool {', 'fn heal(&self) -> u8 {'));
      const result = runCargo(compiled.crate, ['check', '--all-targets']);
      assert.notEqual(result.status, 0);
      assert.match(result.output, /E0053|incompatible type/);
    } finally {
      writeFileSync(gpu, original);
    }
  });
});

describe('generated Rust in the newest host layout: core/continuum-core and protocol/typescript (the custom-layout golden cases)', function () {
  this.timeout(1_800_000);
  after(removeHostProjects);
  after(removeRustCrates);
  // The golden cases' own config: the crate under core/, ts-rs types under protocol/typescript, traits in system/contracts.
  const configPath = join(goldenDir, 'rust-ipc-custom-layout', 'config.json');
  const config = resolveProjectConfig(JSON.parse(readFileSync(configPath, 'utf8')), configPath);
  let compiled: CompiledProject;

  before(function () {
    requireCargo.call(this);
    compiled = compileProject(
      'newest-layout',
      [golden('trait-custom-layout'), spec('traits/metrics-emitter.json'), spec('gpu-stats.json'), golden('rust-ipc-custom-layout')],
      config,
    );
  });

  it('writes the crate under core/, the wire types under protocol/typescript/, and imports them by relative path', () => {
    const paths = compiled.project.files.map((f) => f.path);
    assert.ok(paths.includes('core/continuum-core/src/modules/gpu.rs'));
    assert.ok(paths.includes('protocol/typescript/gpu/GpuStatsResult.ts'));
    assert.ok(paths.includes('protocol/typescript/system/HealthStatus.ts'));
    assert.ok(paths.includes('core/continuum-core/src/system/contracts/managed_service.rs'));
    assert.ok(paths.includes('core/continuum-core/src/modules/voice.rs'));
    const gpu = compiled.project.files.find((f) => f.path === 'core/continuum-core/src/modules/gpu.rs')!.content;
    assert.match(gpu, /export_to = "\.\.\/\.\.\/\.\.\/protocol\/typescript\/gpu\/GpuStatsResult\.ts"/);
    const mixin = compiled.project.files.find((f) => f.path.endsWith('bindings/modules/gpu.ts'))!.content;
    assert.match(mixin, /from '\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/protocol\/typescript\/gpu\/GpuStatsResult';/);
  });

  it('the TypeScript side type-checks', () => {
    const result = typeCheckHost(compiled.hostDir);
    assert.equal(result.status, 0, result.output);
  });

  it('cargo test passes, start-up routing included', () => {
    const result = runCargo(compiled.crate, ['test']);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /test the_runtime_the_server_starts_routes_every_generated_command \.\.\. ok/);
    assert.deepEqual(compiled.routes.map(([c]) => c).sort(), ['gpu/stats', 'voice/speak']);
    assert.doesNotMatch(result.output, /^warning/m);
  });

  it('ts-rs 12 exports to protocol/typescript exactly what the generator wrote there', function () {
    assertTsRsExports.call(this, compiled, 8, false);
  });
});
