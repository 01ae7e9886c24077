import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fixturesDir, repoRoot } from './paths.js';

/** Compiled entry points, as yo and continuum-gen load them. */
export const commandGenerator = join(repoRoot, 'dist', 'generators', 'command', 'index.js');
export const appGenerator = join(repoRoot, 'dist', 'generators', 'app', 'index.js');
export const binPath = join(repoRoot, 'dist', 'bin', 'continuum-gen.cjs');
export const docsReadSpec = join(fixturesDir, 'specs', 'docs-read.json');

/**
 * yeoman-test changes into the run's folder and changes back only when the next run starts; a
 * run started from a folder a test already removed cannot change back. Start every run from the
 * repository root.
 */
export function fromRepoRoot(): void {
  process.chdir(repoRoot);
}

/** The files a docs/read run writes with the default layout (server environment). */
export const docsReadFiles = [
  'src/commands/docs/read/.npmignore',
  'src/commands/docs/read/README.md',
  'src/commands/docs/read/package.json',
  'src/commands/docs/read/server/DocsReadServerCommand.ts',
  'src/commands/docs/read/shared/DocsReadTypes.ts',
  'src/commands/docs/read/test/integration/DocsReadIntegration.test.ts',
  'src/commands/docs/read/test/unit/DocsReadCommand.test.ts',
  'src/generator/generation/docs-read.json',
  'src/generator/specs/docs-read.json',
];

/** The generation record of docs/read (shared/write/record.ts) with the default layout. */
export const docsReadRecord = 'src/generator/generation/docs-read.json';

/**
 * Forget what was generated (remove the generation records), so the files on disk are treated as
 * hand-written: a difference is a conflict, as Yeoman's conflicter sees it, not a three-way merge.
 */
export function forgetGeneration(dir: string): void {
  rmSync(join(dir, 'src/generator/generation'), { recursive: true, force: true });
}

const created: string[] = [];

/** A fresh temporary project folder holding `files` (project-relative path -> content). */
export function tempProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-gen-test-'));
  created.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Remove every folder tempProject made (call from an after hook). */
export function removeTempProjects(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under dir, project-relative with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Content and mtime of every file, to prove a run left them alone. */
export function snapshotFiles(dir: string): Record<string, { content: string; mtimeMs: number }> {
  return Object.fromEntries(
    listFiles(dir).map((f) => [f, { content: readFileSync(join(dir, f), 'utf8'), mtimeMs: statSync(join(dir, f)).mtimeMs }]),
  );
}

type Spy = ((...args: unknown[]) => unknown) & { calls: unknown[][] };

/** A spy factory for yeoman-test's adapter whose log spies remember their calls. */
export const recordingSpyFactory = ({ returns }: { returns?: unknown }): Spy => {
  const spy = ((...args: unknown[]) => {
    spy.calls.push(args);
    return returns;
  }) as Spy;
  spy.calls = [];
  return spy;
};

export type ConflicterStatus = 'create' | 'identical' | 'conflict' | 'force' | 'skip';

/** The files the conflicter logged under each status during a run (adapter built with recordingSpyFactory). */
export function conflicterStatuses(result: { env: unknown }): Record<ConflicterStatus, string[]> {
  const log = (result.env as { adapter: { log: Record<string, Spy> } }).adapter.log;
  const statuses: ConflicterStatus[] = ['create', 'identical', 'conflict', 'force', 'skip'];
  // A status line may end with its reason in parentheses (`skip path (.yo-resolve)`): the path is what counts here.
  return Object.fromEntries(
    statuses.map((s) => [s, (log[s]?.calls ?? []).map((c) => String(c[0]).replace(/ \(.*\)$/, '')).sort()]),
  ) as Record<ConflicterStatus, string[]>;
}

export interface BinRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/**
 * Run a program as a child process. With stdin 'open' the pipe is never written or closed,
 * which is how a hang shows up; the timeout kills it and reports timedOut.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; stdin?: 'open' | 'closed'; timeoutMs?: number; env?: Record<string, string> },
): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: [options.stdin === 'closed' ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The package's bin from this checkout, run by node (no TTY: stdin is a pipe or closed). */
export const runBin = (
  args: readonly string[],
  options: { cwd: string; stdin?: 'open' | 'closed'; timeoutMs?: number; env?: Record<string, string> },
): Promise<BinRun> => runProcess(process.execPath, [binPath, ...args], options);
