import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { binTsc, binTsx, fixturesDir, repoRoot } from './paths.js';

export interface PlannedFileLike {
  readonly path: string;
  readonly content: string;
}

/**
 * A temporary copy of the TypeScript host fixture (the host's base modules with the signatures
 * of the host conventions), with generated files written into it.
 */
const hostProjects: string[] = [];

/** Remove every host project made so far (call from an after hook). */
export function removeHostProjects(): void {
  for (const dir of hostProjects.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function makeHostProject(files: readonly PlannedFileLike[] = [], config: ProjectConfig = defaultProjectConfig): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-host-'));
  hostProjects.push(dir);
  cpSync(join(fixturesDir, 'host'), dir, { recursive: true });
  // The host's own ts-rs exports (PressureLevel, ModulePriority) live where the layout puts ts-rs types.
  const generated = config.roots.generatedTypes;
  if (generated !== defaultProjectConfig.roots.generatedTypes)
    cpSync(join(fixturesDir, 'host', defaultProjectConfig.roots.generatedTypes), join(dir, generated), { recursive: true });
  // The fixture's typeRoots are relative to its place in the repo; point them at this repo's @types.
  const tsconfigPath = join(dir, 'tsconfig.json');
  const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8')) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions.typeRoots = [join(repoRoot, 'node_modules', '@types')];
  writeFileSync(tsconfigPath, JSON.stringify(tsconfig, null, 2));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: readonly PlannedFileLike[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}

export interface ProcessOutcome {
  readonly status: number | null;
  readonly output: string;
}

/** Type-check the whole host project under its strict tsconfig. */
export function typeCheckHost(dir: string): ProcessOutcome {
  const run = spawnSync(binTsc, ['-p', join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8', timeout: 120_000 });
  // A tsc killed by the timeout prints nothing: say so, or a caller reading errors from the output sees none.
  const killed = run.status === null ? `tsc did not finish (${run.error?.message ?? `signal ${run.signal}`})\n` : '';
  return { status: run.status, output: `${killed}${run.stdout ?? ''}${run.stderr ?? ''}` };
}

/** Run one TypeScript script of the host the way the host does (tsx, with its path aliases). */
export function runHostScript(dir: string, file: string, env: Record<string, string> = {}): ProcessOutcome {
  const run = spawnSync(binTsx, ['--tsconfig', join(dir, 'tsconfig.json'), join(dir, file)], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
