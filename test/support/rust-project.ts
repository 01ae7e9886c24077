import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import type { AdapterRegistry } from '../../shared/adapters/registry.js';
import { rustModuleNames, moduleWireDeclarations } from '../../shared/adapters/rust-ipc/rust-module-view.js';
import type { WireDeclaration } from '../../shared/adapters/rust-shared/rust-wire.js';
import { traitModulePath } from '../../shared/adapters/trait-only/trait-layout.js';
import { defaultProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { applyEdits, generateCommand, type GenerationResult } from '../../shared/engine.js';
import type { ProcessOutcome } from './host-project.js';
import { fixturesDir } from './paths.js';

/** One cargo target dir for every test run, so that only the first build of a machine is slow. */
export const cargoTargetDir = join(tmpdir(), 'continuum-cargo-target');

/** Debian's packaged crates instead of crates.io (toolchain.md), as flags, never a committed config. */
export const debianRegistryFlags = ['--offline', '--config', 'source.crates-io.replace-with="debian"', '--config', 'source.debian.directory="/usr/share/cargo/registry"'];

/**
 * The current text of a file the generator edits, as the fixtures have it: paths in the crate come
 * from the Rust fixture crate, the IPC bindings and everything else from the TypeScript host fixture.
 */
export function fixtureText(path: string, config: ProjectConfig = defaultProjectConfig): string | undefined {
  const under = (root: string): string | undefined => (path.startsWith(`${root}/`) ? path.slice(root.length + 1) : undefined);
  const inCrate = under(config.roots.rustCrate);
  const inBindings = under(config.roots.ipcBindings);
  const file =
    inBindings !== undefined
      ? join(fixturesDir, 'host', defaultProjectConfig.roots.ipcBindings, inBindings)
      : inCrate !== undefined
        ? join(fixturesDir, 'rust', 'continuum-core', inCrate)
        : join(fixturesDir, 'host', path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export interface SpecSource {
  readonly file: string;
  readonly text: string;
}

export interface GeneratedProject {
  readonly results: readonly GenerationResult[];
  /** Every planned file, then every edited file (edits applied to the fixtures' texts), by path. */
  readonly files: readonly PlannedFile[];
}

/** Generate several specs into one project: plans must agree where they overlap; edits accumulate. */
export function generateProject(sources: readonly SpecSource[], config: ProjectConfig = defaultProjectConfig, registry?: AdapterRegistry): GeneratedProject {
  const byPath = new Map<string, string>();
  const results = sources.map((source) => {
    const result = generateCommand({ specText: source.text, specFile: source.file, config, ...(registry ? { registry } : {}) });
    for (const file of result.files) {
      if (file.path.startsWith(`${config.roots.specs}/`)) continue;
      const previous = byPath.get(file.path);
      if (previous !== undefined && previous !== file.content) throw new Error(`${source.file} writes ${file.path} differently from an earlier spec`);
      byPath.set(file.path, file.content);
    }
    for (const [path, text] of applyEdits(result.edits, (p) => byPath.get(p) ?? fixtureText(p, config))) byPath.set(path, text);
    return result;
  });
  return { results, files: [...byPath].map(([path, content]) => ({ path, content })) };
}

/** A temporary copy of the Rust fixtures (crate + ts-rs stand-in) with the crate's generated files written in. */
export function makeRustCrate(files: readonly PlannedFile[], config: ProjectConfig = defaultProjectConfig): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-crate-'));
  cpSync(join(fixturesDir, 'rust'), dir, { recursive: true });
  const crate = `${config.roots.rustCrate}/`;
  for (const file of files) {
    if (!file.path.startsWith(crate)) continue;
    const target = join(dir, 'continuum-core', file.path.slice(crate.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return join(dir, 'continuum-core');
}

function cargoBinary(): string {
  const home = join(homedir(), '.cargo', 'bin', 'cargo');
  return spawnSync('cargo', ['--version']).status === 0 ? 'cargo' : home;
}

/** Run cargo in a crate with Debian's crates, the shared target dir and warnings as errors. */
export function runCargo(crateDir: string, args: readonly string[]): ProcessOutcome {
  const run = spawnSync(cargoBinary(), [...args, ...debianRegistryFlags], {
    cwd: crateDir,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, CARGO_TARGET_DIR: cargoTargetDir, RUSTFLAGS: `${process.env.RUSTFLAGS ?? ''} -D warnings`.trim(), CARGO_TERM_COLOR: 'never' },
  });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

/** Why cargo cannot run here (no toolchain, no Debian crates), or undefined. */
export function cargoUnavailable(): string | undefined {
  if (spawnSync(cargoBinary(), ['--version']).status !== 0) return 'cargo is not installed';
  if (!existsSync('/usr/share/cargo/registry') || !['serde-', 'serde_json-', 'serde_derive-', 'async-trait-'].every((c) => spawnSync('sh', ['-c', `ls /usr/share/cargo/registry | grep -q '^${c}'`]).status === 0)) {
    return 'the Debian crates are missing: apt-get install -y librust-serde-dev librust-serde-derive-dev librust-serde-json-dev librust-async-trait-dev';
  }
  return undefined;
}

/** The wire types a generation result writes, and the Rust module path (crate-relative) that names them. */
export function wireTypesOf(result: GenerationResult, config: ProjectConfig = defaultProjectConfig): { declarations: WireDeclaration[]; rustModule: string; tsFolder: string } {
  if (result.adapter.id === 'rust-ipc') {
    const names = rustModuleNames(result.model, config);
    return { declarations: moduleWireDeclarations(result.model, names), rustModule: names.modulePath.split('/').join('::'), tsFolder: names.module };
  }
  const modulePath = traitModulePath(result.model, config);
  return { declarations: [...(result.model.unions ?? []), ...result.model.types], rustModule: modulePath.split('/').slice(0, -1).join('::'), tsFolder: modulePath.split('/')[0] };
}
