/**
 * A whole host checkout for tests that live in it over many runs: the TypeScript host fixture and
 * the Rust fixture crate in one project root (with its own .yo-rc.json, so the generator's root is
 * this folder), at a fixed path under .tmp/crates so cargo rebuilds only what changed. Optionally
 * with the host's hand-written GPU module and mixin in place, registered as the host does.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { composeIpcMixin } from '../../shared/edits/ipc-composition.js';
import { registerRustModule } from '../../shared/edits/rust-module-registration.js';
import { fixturesDir, repoRoot } from '../support/paths.js';
import { makeRustCrate, type RustCrate } from '../support/rust-project.js';

export interface LivingProject extends RustCrate {
  /** Project-relative path -> absolute path. */
  at(path: string): string;
  read(path: string): string;
  write(path: string, text: string): void;
}

const CRATE = defaultProjectConfig.roots.rustCrate;
const BINDINGS = defaultProjectConfig.roots.ipcBindings;

export function makeLivingProject(name: string, options: { readonly handWrittenGpu?: boolean } = {}): LivingProject {
  const crate = makeRustCrate(name, []);
  cpSync(join(fixturesDir, 'host'), crate.root, { recursive: true });
  const at = (path: string): string => join(crate.root, path);
  const read = (path: string): string => readFileSync(at(path), 'utf8');
  const write = (path: string, text: string): void => writeFileSync(at(path), text);
  const tsconfig = JSON.parse(read('tsconfig.json')) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions.typeRoots = [join(repoRoot, 'node_modules', '@types')];
  write('tsconfig.json', JSON.stringify(tsconfig, null, 2));
  write('.yo-rc.json', `${JSON.stringify({ 'generator-continuum': {} }, null, 2)}\n`);
  if (options.handWrittenGpu) {
    cpSync(join(fixturesDir, 'hand-written-gpu'), crate.root, { recursive: true });
    // Registered by hand, as the host does: declared in modules/mod.rs, built with its state at start-up, composed into the client.
    write(`${CRATE}/src/modules/mod.rs`, registerRustModule(read(`${CRATE}/src/modules/mod.rs`), { module: 'gpu', header: '' }));
    const startup = read(`${CRATE}/src/ipc/mod.rs`);
    const anchor = '    runtime.register(Arc::new(HealthModule::new()));\n';
    if (!startup.includes(anchor)) throw new Error('the fixture ipc/mod.rs changed: update makeLivingProject');
    write(
      `${CRATE}/src/ipc/mod.rs`,
      startup.replace(
        anchor,
        `${anchor}\n    // GpuModule (the GPU memory manager is shared state)\n    let gpu_manager = Arc::new(crate::gpu::GpuMemoryManager::detect());\n    runtime.register(Arc::new(crate::modules::gpu::GpuModule::new(gpu_manager.clone())));\n`,
      ),
    );
    const composition = `${BINDINGS}/RustCoreIPC.ts`;
    write(
      composition,
      composeIpcMixin(read(composition), { mixin: 'GpuMixin', from: './modules/gpu', types: ['GpuStatsResponse'] }, composition),
    );
  }
  return { ...crate, at, read, write };
}
