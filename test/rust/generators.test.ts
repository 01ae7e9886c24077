import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { commandGenerator, conflicterStatuses, fromRepoRoot, listFiles, recordingSpyFactory, removeTempProjects, tempProject } from '../support/generator-run.js';
import { fixturesDir, repoRoot, specsDir } from '../support/paths.js';

const rustModuleGenerator = join(repoRoot, 'dist', 'generators', 'rust-module', 'index.js');
const traitGenerator = join(repoRoot, 'dist', 'generators', 'trait', 'index.js');
const crate = defaultProjectConfig.roots.rustCrate;
const bindings = defaultProjectConfig.roots.ipcBindings;

/** A project holding the host's files the Rust generators edit: the crate's module lists and the IPC composition. */
function hostProject(): string {
  const fixture = (path: string): string => readFileSync(join(fixturesDir, path), 'utf8');
  return tempProject({
    [`${crate}/src/modules/mod.rs`]: fixture('rust/continuum-core/src/modules/mod.rs'),
    [`${crate}/src/system/mod.rs`]: fixture('rust/continuum-core/src/system/mod.rs'),
    [`${bindings}/RustCoreIPC.ts`]: fixture(`host/${bindings}/RustCoreIPC.ts`),
  });
}

function run(generator: string, dir: string, options: Record<string, unknown>) {
  fromRepoRoot();
  const all: Record<string, unknown> = { interactive: false, ...options };
  return helpers.run(generator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false }).withOptions(all).withAdapterOptions({ spyFactory: recordingSpyFactory });
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');
const count = (text: string, line: string): number => text.split('\n').filter((l) => l === line).length;

describe('continuum:rust-module and continuum:trait (yeoman-test, real files on disk)', () => {
  after(removeTempProjects);

  it('rust-module writes the whole gpu/stats vertical and edits mod.rs and RustCoreIPC.ts; a second run changes nothing', async () => {
    const dir = hostProject();
    await run(rustModuleGenerator, dir, { spec: join(specsDir, 'gpu-stats.json') });
    const files = listFiles(dir);
    for (const path of [`${crate}/src/modules/gpu.rs`, 'src/shared/generated/gpu/GpuStatsResult.ts', `${bindings}/modules/gpu.ts`, 'src/commands/gpu/stats/server/GpuStatsServerCommand.ts', 'src/generator/specs/gpu-stats.json']) {
      assert.ok(files.includes(path), `${path} written`);
    }
    assert.equal(count(read(dir, `${crate}/src/modules/mod.rs`), 'pub mod gpu;'), 1);
    assert.match(read(dir, `${bindings}/RustCoreIPC.ts`), /\nconst ComposedClient = GpuMixin\(HealthMixin\(RustCoreIPCClientBase\)\);/);

    const before = Object.fromEntries(files.map((f) => [f, read(dir, f)]));
    const second = await run(rustModuleGenerator, dir, { spec: join(specsDir, 'gpu-stats.json') });
    const statuses = conflicterStatuses(second);
    assert.deepEqual([...statuses.create, ...statuses.conflict, ...statuses.force], [], 'nothing new, nothing changed');
    assert.deepEqual(Object.fromEntries(listFiles(dir).map((f) => [f, read(dir, f)])), before);
  });

  it('edits merge into a mod.rs the developer changed, without a conflict question in a non-interactive run', async () => {
    const dir = hostProject();
    writeFileSync(join(dir, crate, 'src/modules/mod.rs'), 'pub mod audio;\npub mod rag;\n');
    await run(rustModuleGenerator, dir, { spec: join(specsDir, 'gpu-stats.json') });
    assert.equal(read(dir, `${crate}/src/modules/mod.rs`), 'pub mod audio;\npub mod gpu;\npub mod rag;\n');
  });

  it('trait writes the traits, the companions and their registration', async () => {
    const dir = hostProject();
    for (const spec of ['managed-service.json', 'lifecycle.json']) await run(traitGenerator, dir, { spec: join(specsDir, 'traits', spec) });
    const system = read(dir, `${crate}/src/system/mod.rs`);
    for (const line of ['pub mod pressure;', 'pub mod supervisor;', 'pub mod traits;']) assert.equal(count(system, line), 1, line);
    assert.equal(read(dir, `${crate}/src/system/traits.rs`).split('\n').filter((l) => l.startsWith('pub ')).join('\n'), 'pub mod lifecycle;\npub mod managed_service;\npub use lifecycle::*;\npub use managed_service::*;');
    assert.ok(listFiles(dir).includes('src/shared/generated/system/ManagedService.ts'));
  });

  it('continuum:command --spec with a rust-ipc spec writes the whole Rust vertical: one entry point for every spec', async () => {
    const dir = hostProject();
    await run(commandGenerator, dir, { spec: join(specsDir, 'gpu-stats.json') });
    assert.ok(listFiles(dir).includes(`${crate}/src/modules/gpu.rs`));
    assert.equal(count(read(dir, `${crate}/src/modules/mod.rs`), 'pub mod gpu;'), 1);
    assert.match(read(dir, `${bindings}/RustCoreIPC.ts`), /GpuMixin\(HealthMixin/);
  });

  it('refuses a spec of another adapter, naming the sub-generator to use, and writes nothing', async () => {
    const dir = hostProject();
    await assert.rejects(run(rustModuleGenerator, dir, { spec: join(specsDir, 'traits', 'lifecycle.json') }), /adapter is trait-only, and continuum:rust-module writes rust-ipc specs; use continuum:trait/);
    await assert.rejects(run(traitGenerator, dir, { spec: join(fixturesDir, 'specs', 'docs-read.json') }), /use continuum:command/);
    assert.equal(listFiles(dir).length, 3);
  });
});
