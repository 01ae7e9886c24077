import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, repoRoot } from '../support/paths.js';
import type { ToolRun } from './language-cases.js';

/**
 * The real toolchains the language tests drive: a Python virtual environment with the pinned
 * Pydantic v2 / FastAPI / protobuf / grpcio-tools from PyPI, Maven (kotlinc with the
 * kotlinx.serialization plugin from Maven Central) and cargo (serde, ts-rs from crates.io).
 * Each downloads on first use and caches under .tmp/ (the venv, cargo's target dir) or ~/.m2
 * (Maven), so a second run on the same machine reuses them, and a fresh machine still works.
 */

/** Where the caches live (git-ignored). */
export const cacheDir = join(repoRoot, '.tmp');

/** The registries a test may need; CONTINUUM_SKIP_REGISTRIES=pypi,maven,crates skips their tests knowingly. */
export type Registry = 'pypi' | 'maven' | 'crates';
export const SKIP_REGISTRIES_VARIABLE = 'CONTINUUM_SKIP_REGISTRIES';

export function registrySkipped(registry: Registry): boolean {
  return (process.env[SKIP_REGISTRIES_VARIABLE] ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .includes(registry);
}

/** Skip the current test (it shows as pending, never as passing) when its registry is skipped on purpose. */
export function skipWhenRegistrySkipped(context: Mocha.Context, registry: Registry): void {
  if (registrySkipped(registry)) context.skip();
}

/** The error a test fails with when a download does not work: what failed, and the knowing way out. */
export class DownloadFailed extends Error {
  constructor(registry: Registry, what: string, output: string) {
    const tail = output.trim().split('\n').slice(-25).join('\n');
    super(
      `${what} failed (is the ${registry} registry reachable?). Set ${SKIP_REGISTRIES_VARIABLE}=${registry} to skip these tests knowingly.\n${tail}`,
    );
    this.name = 'DownloadFailed';
  }
}

interface SpawnRun extends ToolRun {
  readonly stdout: string;
}

function spawn(
  command: string,
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; hint: string },
): SpawnRun {
  const run = spawnSync(command, args, {
    cwd: options.cwd,
    input: options.input,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(`${command} is not installed: ${options.hint} (.ci/run installs it)`);
  if (run.error) throw new Error(`${command} ${args.join(' ')}: ${run.error.message}`);
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}`, stdout: run.stdout ?? '' };
}

// ---------------------------------------------------------------- Python

export const pythonFixturesDir = join(fixturesDir, 'python');
const requirementsFile = join(pythonFixturesDir, 'requirements.txt');
const READY_MARKER = '.continuum-ready';

let venvPython: string | undefined;

/**
 * The venv's python, created on first use: .tmp/python-venv-<hash of the pinned requirements and
 * the interpreter's version>. A changed pin gives a new folder, so a stale venv is never reused; a
 * folder without its ready marker (an interrupted install) is rebuilt.
 */
export function pythonVenv(): string {
  if (venvPython) return venvPython;
  const requirements = readFileSync(requirementsFile, 'utf8');
  const version = spawn('python3', ['--version'], { timeoutMs: 30_000, hint: 'apt-get install -y python3 python3-venv' }).output.trim();
  const key = createHash('sha256').update(`${version}\n${requirements}`).digest('hex').slice(0, 12);
  const dir = join(cacheDir, `python-venv-${key}`);
  const python = join(dir, 'bin', 'python');
  if (!existsSync(join(dir, READY_MARKER))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    const venv = spawn('python3', ['-m', 'venv', dir], { timeoutMs: 120_000, hint: 'apt-get install -y python3-venv' });
    if (venv.status !== 0) throw new Error(`python3 -m venv ${dir} failed (Debian: apt-get install -y python3-venv):\n${venv.output}`);
    const pip = spawn(
      python,
      ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--quiet', '--requirement', requirementsFile],
      { timeoutMs: 900_000, hint: 'python3-venv ships pip' },
    );
    if (pip.status !== 0) throw new DownloadFailed('pypi', `pip install --requirement ${requirementsFile}`, pip.output);
    writeFileSync(join(dir, READY_MARKER), `${version}\n${requirements}`);
  }
  venvPython = python;
  return python;
}

/** Run one of the Python drivers in test/fixtures/python with a JSON request on stdin; returns its parsed JSON answer. */
export function runPythonDriver<T>(script: string, request: unknown): T {
  const run = spawn(pythonVenv(), ['-B', join(pythonFixturesDir, script)], {
    input: JSON.stringify(request),
    timeoutMs: 300_000,
    hint: 'the venv is made by pythonVenv()',
  });
  if (run.status !== 0) throw new Error(`${script} exited with ${run.status}:\n${run.output}`);
  return JSON.parse(run.stdout) as T;
}

export function runPython(args: readonly string[], cwd?: string): ToolRun {
  return spawn(pythonVenv(), args, { cwd, timeoutMs: 300_000, hint: 'the venv is made by pythonVenv()' });
}

// ---------------------------------------------------------------- Maven (Kotlin)

export const kotlinFixturesDir = join(fixturesDir, 'kotlin');

/**
 * Run Maven in batch mode. The Kotlin compiler runs inside Maven's JVM (no daemon left behind);
 * CONTINUUM_MAVEN_REPO points the local repository elsewhere (to measure a first download).
 */
export function runMaven(projectDir: string, goals: readonly string[]): ToolRun {
  const repo = process.env.CONTINUUM_MAVEN_REPO;
  return spawn(
    'mvn',
    ['-B', '-q', '-Dstyle.color=never', '-Dkotlin.compiler.daemon=false', ...(repo ? [`-Dmaven.repo.local=${repo}`] : []), ...goals],
    { cwd: projectDir, timeoutMs: 1_200_000, hint: 'apt-get install -y maven openjdk-17-jdk-headless' },
  );
}

/** Maven's words for a download that did not work, as opposed to a compile error. */
export const MAVEN_DOWNLOAD_FAILURE =
  /Could not (resolve|transfer|find artifact)|Unknown host|Network is unreachable|PluginResolutionException|DependencyResolutionException/;

// ---------------------------------------------------------------- cargo (Rust)

/** cargo with the crates.io registry and a target dir kept in .tmp/ between runs. */
export function runCargo(crateDir: string, args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): ToolRun {
  const env = {
    ...process.env,
    ...extraEnv,
    CARGO_TARGET_DIR: join(cacheDir, 'cargo-target-languages'),
    CARGO_TERM_COLOR: 'never',
    PATH: `${process.env.HOME ?? '/root'}/.cargo/bin:${process.env.PATH ?? ''}`,
  };
  return spawn('cargo', args, { cwd: crateDir, env, timeoutMs: 1_200_000, hint: 'install Rust with rustup' });
}

/** cargo's words for a registry that could not be reached. */
export const CARGO_DOWNLOAD_FAILURE =
  /failed to (download|get|load source for|query replaced source)|Unable to update registry|could not resolve host|failed to fetch/i;
