import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { AdapterRegistry } from '../../shared/adapters/registry.js';
import { rustIpcAdapter } from '../../shared/adapters/rust-ipc/rust-ipc-adapter.js';
import { sampleDocuments } from '../../shared/adapters/rust-shared/rust-wire.js';
import { traitOnlyAdapter } from '../../shared/adapters/trait-only/trait-adapter.js';
import { shippedTraitSpecs, traitCatalogFromSpecs } from '../../shared/adapters/trait-only/trait-catalog.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { makeHostProject, runHostScript, typeCheckHost, removeHostProjects } from '../support/host-project.js';
import { fixturesDir, goldenDir, specsDir } from '../support/paths.js';
import { cargoUnavailable, generateProject, makeRustCrate, runCargo, wireTypesOf, type GeneratedProject } from '../support/rust-project.js';

const cacheControl = { file: 'test/golden/trait-cache-control/spec.json', text: readFileSync(join(goldenDir, 'trait-cache-control', 'spec.json'), 'utf8') };

/**
 * Everything Rust-backed that ships (gpu/stats and the four trait specs), the edge-case golden
 * spec, and a project's own trait (cache-control) with a module implementing it (cache/stats).
 */
function rustSpecs(): Array<{ file: string; text: string }> {
  const traits = readdirSync(join(specsDir, 'traits'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join('traits', f));
  return [...traits, 'gpu-stats.json']
    .map((f) => ({ file: `specs/${f}`, text: readFileSync(join(specsDir, f), 'utf8') }))
    .concat([
      { file: 'test/golden/rust-ipc-edge-cases/spec.json', text: readFileSync(join(goldenDir, 'rust-ipc-edge-cases', 'spec.json'), 'utf8') },
      cacheControl,
      { file: 'test/fixtures/specs/rust/cache-stats.json', text: readFileSync(join(fixturesDir, 'specs', 'rust', 'cache-stats.json'), 'utf8') },
    ]);
}

/** The built-in adapters, with the project's own trait spec added to those rust.traits may name. */
function registryWithProjectTraits(): AdapterRegistry {
  return new AdapterRegistry().register(rustIpcAdapter({ traits: (config) => traitCatalogFromSpecs([...shippedTraitSpecs(), cacheControl], config) })).register(traitOnlyAdapter());
}

/**
 * A TypeScript program, type-checked against the generated wire types, that prints sample
 * documents of every wire type as JSON: what the TypeScript side would send to Rust.
 */
function documentsProgram(project: GeneratedProject): { program: PlannedFile; rustTypes: Map<string, string>; count: number } {
  const imports: string[] = [];
  const entries: string[] = [];
  const rustTypes = new Map<string, string>();
  let count = 0;
  for (const result of project.results) {
    const { declarations, rustModule, tsFolder } = wireTypesOf(result);
    for (const declaration of declarations) {
      const key = `${tsFolder}/${declaration.name}`;
      if (rustTypes.has(key)) continue;
      const docs = declaration.kind === 'enum' ? declaration.values : sampleDocuments(declaration.name, declarations);
      if (docs.length === 0) continue;
      rustTypes.set(key, `continuum_core::${rustModule}::${declaration.name}`);
      const alias = `${tsFolder.replace(/\W/g, '_')}_${declaration.name}`;
      imports.push(`import type { ${declaration.name} as ${alias} } from '@shared/generated/${key}';`);
      entries.push(`  '${key}': [${docs.map((d) => `${JSON.stringify(d)} satisfies ${alias}`).join(', ')}],`);
      count += docs.length;
    }
  }
  const text = [...imports, '', 'const documents: Record<string, unknown[]> = {', ...entries, '};', '', 'process.stdout.write(JSON.stringify(documents));', ''].join('\n');
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

describe('generated Rust: cargo check and cargo test in the fixture crate (Debian crates, -D warnings)', function () {
  after(removeHostProjects);
  this.timeout(600_000);
  let project: GeneratedProject;
  let crateDir = '';
  let hostDir = '';
  let documents = '';

  before(function () {
    const unavailable = cargoUnavailable();
    if (unavailable && process.env.CONTINUUM_SKIP_CARGO === '1') this.skip();
    assert.equal(unavailable, undefined, `${unavailable} (set CONTINUUM_SKIP_CARGO=1 to skip these tests knowingly)`);
    project = generateProject(rustSpecs(), defaultProjectConfig, registryWithProjectTraits());
    const { program, rustTypes, count } = documentsProgram(project);
    hostDir = makeHostProject([...project.files.filter((f) => f.path.endsWith('.ts')), program]);
    const run = runHostScript(hostDir, program.path);
    assert.equal(run.status, 0, run.output);
    documents = run.output;
    crateDir = makeRustCrate(project.files);
    mkdirSync(join(crateDir, 'tests'), { recursive: true });
    writeFileSync(join(crateDir, 'tests', 'ts_documents.json'), documents);
    writeFileSync(join(crateDir, 'tests', 'ts_documents.rs'), documentsRustTest(rustTypes, count));
  });

  after(() => {
    // The crate copy and the host copy; the shared cargo target dir stays for the next run.
    if (crateDir !== '') rmSync(dirname(crateDir), { recursive: true, force: true });
    if (hostDir !== '') rmSync(hostDir, { recursive: true, force: true });
  });

  it('writes the module, the traits, the companions and registers them in mod.rs', () => {
    const paths = project.files.map((f) => f.path);
    const crate = `${defaultProjectConfig.roots.rustCrate}/src`;
    for (const file of ['modules/gpu.rs', 'modules/edge.rs', 'modules/cache.rs', 'system/traits/cache_control.rs', 'modules/mod.rs', 'system/mod.rs', 'system/traits.rs', 'system/traits/managed_service.rs', 'system/pressure.rs', 'system/supervisor.rs']) {
      assert.ok(paths.includes(`${crate}/${file}`), `${crate}/${file} is generated`);
    }
    const systemMod = project.files.find((f) => f.path === `${crate}/system/mod.rs`)!.content;
    for (const line of ['pub mod pressure;', 'pub mod supervisor;', 'pub mod traits;']) assert.equal(systemMod.split('\n').filter((l) => l === line).length, 1, `${line} once in system/mod.rs`);
  });

  it('the TypeScript side (wire types, mixins, composed client, commands) type-checks with the documents program', () => {
    const result = typeCheckHost(hostDir);
    assert.equal(result.status, 0, result.output);
  });

  it('cargo check --all-targets passes with no warning', () => {
    const result = runCargo(crateDir, ['check', '--all-targets']);
    assert.equal(result.status, 0, result.output);
    assert.doesNotMatch(result.output, /^warning/m, result.output);
  });

  it('cargo test passes: supervisor, pressure, wire round trips, routing, and the TypeScript documents', () => {
    const result = runCargo(crateDir, ['test']);
    assert.equal(result.status, 0, result.output);
    const passed = [...result.output.matchAll(/^test (\S+) \.\.\. ok$/gm)].map((m) => m[1]);
    for (const name of [
      'system::supervisor::tests::a_pressure_change_reaches_every_module',
      'system::supervisor::tests::a_failing_heal_escalates',
      'system::supervisor::tests::critical_held_triggers_shed_load_once_per_episode',
      'system::supervisor::tests::health_snapshot_cadence',
      'system::pressure::tests::pressure_thresholds_match_the_host',
      'system::traits::managed_service::tests::health_status_round_trips',
      'system::traits::managed_service::tests::pressure_level_wire_values',
      'modules::gpu::tests::gpu_stats_result_round_trips',
      'modules::gpu::tests::stats_refuses_params_that_do_not_parse',
      'modules::gpu::tests::the_registry_routes_stats_to_this_module',
      'modules::edge::tests::tree_node_round_trips',
      'modules::edge::tests::edge_inspect_params_round_trips',
      'system::traits::cache_control::tests::cache_stats_round_trips',
      'modules::cache::tests::the_registry_routes_stats_to_this_module',
      'documents_from_typescript_round_trip',
    ]) {
      assert.ok(passed.includes(name), `${name} ran and passed\n${passed.join('\n')}`);
    }
    assert.match(result.output, /test result: ok\. \d+ passed; 0 failed/);
    assert.ok(JSON.parse(documents)['gpu/GpuStatsResult'].length >= 2, 'the TypeScript side produced GpuStatsResult documents');
  });

  it('the check is real: a generated struct that no longer matches its trait fails to compile', () => {
    const gpu = join(crateDir, 'src', 'modules', 'gpu.rs');
    const original = readFileSync(gpu, 'utf8');
    try {
      writeFileSync(gpu, original.replace('fn heal(&self) -> bool {', 'fn heal(&self) -> u8 {'));
      const result = runCargo(crateDir, ['check', '--all-targets']);
      assert.notEqual(result.status, 0);
      assert.match(result.output, /E0053|incompatible type/);
    } finally {
      writeFileSync(gpu, original);
    }
  });
});
