import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import {
  commandGenerator,
  conflicterStatuses,
  fromRepoRoot,
  listFiles,
  recordingSpyFactory,
  removeTempProjects,
  runBin,
  tempProject,
} from '../support/generator-run.js';
import { typeCheckHost } from '../support/host-project.js';
import { fixturesDir, repoRoot, specsDir } from '../support/paths.js';

const rustModuleGenerator = join(repoRoot, 'dist', 'generators', 'rust-module', 'index.js');
const traitGenerator = join(repoRoot, 'dist', 'generators', 'trait', 'index.js');
const crate = defaultProjectConfig.roots.rustCrate;
const bindings = defaultProjectConfig.roots.ipcBindings;
const gpuStats = join(specsDir, 'gpu-stats.json');
const managedService = join(specsDir, 'traits', 'managed-service.json');
const metricsEmitter = join(specsDir, 'traits', 'metrics-emitter.json');

/** A copy of the host fixtures: the TypeScript host and the crate (Cargo.toml, lib.rs, ipc/mod.rs ...) at the crate root. */
function hostProject(): string {
  const dir = tempProject();
  cpSync(join(fixturesDir, 'host'), dir, { recursive: true });
  cpSync(join(fixturesDir, 'rust', 'continuum-core'), join(dir, crate), { recursive: true });
  // The fixture's typeRoots are relative to its place in the repo; point them at this repo's @types.
  const tsconfig = JSON.parse(read(dir, 'tsconfig.json')) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions.typeRoots = [join(repoRoot, 'node_modules', '@types')];
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  return dir;
}

function run(generator: string, dir: string, options: Record<string, unknown>) {
  fromRepoRoot();
  const all: Record<string, unknown> = { interactive: false, ...options };
  return helpers
    .run(generator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
    .withOptions(all)
    .withAdapterOptions({ spyFactory: recordingSpyFactory });
}

/** The traits gpu/stats implements, generated first (its rust.imports name their pressure companion). */
async function withTraits(dir: string): Promise<void> {
  for (const spec of [managedService, metricsEmitter]) await run(traitGenerator, dir, { spec });
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');
const count = (text: string, line: string): number => text.split('\n').filter((l) => l === line).length;
const snapshot = (dir: string): Record<string, string> => Object.fromEntries(listFiles(dir).map((f) => [f, read(dir, f)]));

describe('continuum:rust-module and continuum:trait (yeoman-test, real files on disk)', () => {
  after(removeTempProjects);

  it('rust-module writes the whole gpu/stats vertical, registers it in lib.rs, mod.rs, ipc/mod.rs and RustCoreIPC.ts; a second run changes nothing', async () => {
    const dir = hostProject();
    await withTraits(dir);
    await run(rustModuleGenerator, dir, { spec: gpuStats });
    const files = listFiles(dir);
    for (const path of [
      `${crate}/src/modules/gpu.rs`,
      'src/shared/generated/gpu/GpuStatsResult.ts',
      `${bindings}/modules/gpu.ts`,
      'src/commands/gpu/stats/server/GpuStatsServerCommand.ts',
      'src/generator/specs/gpu-stats.json',
    ]) {
      assert.ok(files.includes(path), `${path} written`);
    }
    assert.equal(count(read(dir, `${crate}/src/modules/mod.rs`), 'pub mod gpu;'), 1);
    assert.equal(count(read(dir, `${crate}/src/lib.rs`), 'pub mod system;'), 1);
    assert.equal(count(read(dir, `${crate}/src/ipc/mod.rs`), '    runtime.register(Arc::new(crate::modules::gpu::GpuModule::new()));'), 1);
    assert.match(
      read(dir, `${bindings}/RustCoreIPC.ts`),
      /\nconst ComposedClient = GpuMixin\(\n\tSystemResourcesMixin\(\n\t\tHealthMixin\(RustCoreIPCClientBase\)\n\t\)\n\);/,
    );
    assert.match(
      read(dir, `${bindings}/RustCoreIPC.ts`),
      /\nexport type \{\n\tGpuStatsParams,\n\tGpuStatsResult,\n\tSubsystemInfo,\n\tGpuStatsSubsystem,\n\} from '\.\/modules\/gpu';\n/,
    );

    const before = snapshot(dir);
    const second = await run(rustModuleGenerator, dir, { spec: gpuStats });
    const statuses = conflicterStatuses(second);
    assert.deepEqual([...statuses.create, ...statuses.conflict, ...statuses.force], [], 'nothing new, nothing changed');
    assert.deepEqual(snapshot(dir), before);
  });

  it('before its traits exist, gpu/stats is refused: rust.imports and the traits must resolve in the crate; nothing is written', async () => {
    const dir = hostProject();
    const before = snapshot(dir);
    await assert.rejects(run(rustModuleGenerator, dir, { spec: gpuStats }), (error: Error) => {
      assert.match(
        error.message,
        /\(at \/rust\/imports\/0\): the Rust path crate::system::pressure::PressureLevel does not resolve: src\/workers\/continuum-core\/src\/lib\.rs declares no module `system`/,
      );
      assert.match(error.message, /\(at \/rust\/traits\/0\): the Rust path crate::system::traits::ManagedService does not resolve/);
      assert.match(error.message, /generate specs\/traits\/managed-service\.json first/);
      return true;
    });
    assert.deepEqual(snapshot(dir), before);
  });

  it('edits merge into a mod.rs the developer changed, without a conflict question in a non-interactive run', async () => {
    const dir = hostProject();
    await withTraits(dir);
    writeFileSync(join(dir, crate, 'src/modules/mod.rs'), 'pub mod health;\npub mod system_resources;\npub mod audio;\n');
    await run(rustModuleGenerator, dir, { spec: gpuStats });
    assert.equal(read(dir, `${crate}/src/modules/mod.rs`), 'pub mod health;\npub mod system_resources;\npub mod audio;\npub mod gpu;\n');
  });

  it('trait writes the traits, the companions and their registration, down to lib.rs', async () => {
    const dir = hostProject();
    for (const spec of [managedService, join(specsDir, 'traits', 'lifecycle.json')]) await run(traitGenerator, dir, { spec });
    const system = read(dir, `${crate}/src/system/mod.rs`);
    for (const line of ['pub mod pressure;', 'pub mod supervisor;', 'pub mod traits;']) assert.equal(count(system, line), 1, line);
    assert.equal(
      read(dir, `${crate}/src/system/traits.rs`)
        .split('\n')
        .filter((l) => l.startsWith('pub '))
        .join('\n'),
      'pub mod lifecycle;\npub mod managed_service;\npub use lifecycle::*;\npub use managed_service::*;',
    );
    assert.equal(count(read(dir, `${crate}/src/lib.rs`), 'pub mod system;'), 1);
    assert.ok(listFiles(dir).includes('src/shared/generated/system/ManagedService.ts'));
    assert.equal(
      read(dir, 'src/shared/generated/system/PressureLevel.ts'),
      read(join(fixturesDir, 'host'), 'src/shared/generated/system/PressureLevel.ts'),
      "the host's PressureLevel.ts is left as it is",
    );
    assert.match(read(dir, `${crate}/src/system/pressure.rs`), /^pub use crate::system_resources::PressureLevel;$/m);
  });

  it('continuum:command --spec with a rust-ipc spec writes the whole Rust vertical: one entry point for every spec', async () => {
    const dir = hostProject();
    await withTraits(dir);
    await run(commandGenerator, dir, { spec: gpuStats });
    assert.ok(listFiles(dir).includes(`${crate}/src/modules/gpu.rs`));
    assert.equal(count(read(dir, `${crate}/src/modules/mod.rs`), 'pub mod gpu;'), 1);
    assert.match(read(dir, `${bindings}/RustCoreIPC.ts`), /GpuMixin\(\n\tSystemResourcesMixin/);
  });

  it('refuses a spec of another adapter, naming the sub-generator to use, and writes nothing', async () => {
    const dir = hostProject();
    const before = snapshot(dir);
    await assert.rejects(
      run(rustModuleGenerator, dir, { spec: join(specsDir, 'traits', 'lifecycle.json') }),
      /adapter is trait-only, and continuum:rust-module writes rust-ipc specs; use continuum:trait/,
    );
    await assert.rejects(run(traitGenerator, dir, { spec: join(fixturesDir, 'specs', 'docs-read.json') }), /use continuum:command/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('with "rust": { "startup": false } the start-up file is left alone and the run prints the line to add', async () => {
    const dir = hostProject();
    await withTraits(dir);
    writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify({ 'generator-continuum': { rust: { startup: false } } }));
    const startup = read(dir, `${crate}/src/ipc/mod.rs`);
    const result = await runBin(['rust-module', `--spec=${gpuStats}`], { cwd: dir, stdin: 'closed' });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read(dir, `${crate}/src/ipc/mod.rs`), startup);
    assert.match(
      `${result.stdout}${result.stderr}`,
      /next step: register GpuModule at start-up, or its commands are never routed: add `runtime\.register\(Arc::new\(crate::modules::gpu::GpuModule::new\(\)\)\);`/,
    );
  });

  it("a v1 spec may name a type the host's IPC client re-exports without declaring it, as the host's own specs do", async () => {
    // Like the host's gpu-stats.json, which names SubsystemInfo (re-exported by RustCoreIPC.ts from ./modules/gpu).
    const v1 = {
      name: 'system/pressure',
      description: 'Memory pressure now',
      results: [{ name: 'info', type: 'MemoryPressureInfo', description: 'Level and fraction' }],
      accessLevel: 'ai-safe',
    };
    const dir = hostProject();
    writeFileSync(join(dir, 'system-pressure.json'), JSON.stringify(v1, null, 2));
    const result = await runBin(['command', '--spec=system-pressure.json'], { cwd: dir, stdin: 'closed' });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      read(dir, 'src/commands/system/pressure/shared/SystemPressureTypes.ts'),
      /^import type \{ MemoryPressureInfo \} from '\.\.\/\.\.\/\.\.\/\.\.\/workers\/continuum-core\/bindings\/RustCoreIPC';$/m,
    );
    const tsc = typeCheckHost(dir);
    assert.equal(tsc.status, 0, tsc.output);

    const bare = tempProject({ 'system-pressure.json': JSON.stringify(v1) });
    const refused = await runBin(['command', '--spec=system-pressure.json'], { cwd: bare, stdin: 'closed' });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /unknown type MemoryPressureInfo/);
  });

  it('a start-up file without a registration to follow stops the run, naming the line to add; nothing is written', async () => {
    const dir = hostProject();
    await withTraits(dir);
    writeFileSync(join(dir, crate, 'src/ipc/mod.rs'), '//! Start-up, wired some other way.\n\npub fn build() {}\n');
    const before = snapshot(dir);
    const result = await runBin(['rust-module', `--spec=${gpuStats}`], { cwd: dir, stdin: 'closed' });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /src\/workers\/continuum-core\/src\/ipc\/mod\.rs: no `runtime\.register\(\.\.\.` statement found; expected add `runtime\.register\(Arc::new\(crate::modules::gpu::GpuModule::new\(\)\)\);` where the host registers its modules, or set "rust": \{ "startup": false \}/,
    );
    assert.deepEqual(snapshot(dir), before);
  });
});
