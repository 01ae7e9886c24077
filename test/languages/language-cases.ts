import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import type { GenerationResult } from '../../shared/engine.js';
import { caseConfig, generateGoldenCase, goldenCases, type GoldenCase } from '../support/golden.js';
import { repoRoot } from '../support/paths.js';

export { caseConfig };

/** The language adapters under test, in the order they run. */
export const LANGUAGE_ADAPTERS = ['swift', 'kotlin', 'python', 'proto', 'c'] as const;
export type LanguageId = (typeof LANGUAGE_ADAPTERS)[number];

export const languagesDir = join(repoRoot, 'test', 'languages');

/** A golden case whose case.json runs the language adapters (test/golden/<name>/, see test/support/golden.ts). */
export type LanguageCase = GoldenCase;

export function languageCases(): LanguageCase[] {
  return goldenCases().filter((c) => LANGUAGE_ADAPTERS.some((id) => c.extraAdapters.includes(id)));
}

/** Run the spec's own adapter and the case's language adapters (or the ones given). */
export function generateLanguageCase(c: LanguageCase, adapters: readonly string[] = c.extraAdapters): GenerationResult {
  return generateGoldenCase(c, adapters);
}

export function filesOf(result: GenerationResult, adapter: LanguageId): readonly PlannedFile[] {
  return result.plans.find((p) => p.adapter === adapter)?.files ?? [];
}

export function writeTree(dir: string, files: readonly PlannedFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `continuum-${prefix}-`));
}

export interface ToolRun {
  readonly status: number | null;
  readonly output: string;
}

/** Run a compiler; a missing tool fails the test with the package to install (CI installs them in .ci/run). */
export function runTool(command: string, args: readonly string[], options: { cwd?: string; input?: string } = {}): ToolRun {
  const run = spawnSync(command, args, { cwd: options.cwd, input: options.input, encoding: 'utf8', timeout: 60_000 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    const hint = { protoc: 'protobuf-compiler', gcc: 'gcc', 'g++': 'g++', python3: 'python3', nm: 'binutils' }[command] ?? command;
    throw new Error(`${command} is not installed: apt-get install -y ${hint} (.ci/run installs it)`);
  }
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

/** How every test compiles generated C and C++: syntax only, the standard named, every warning an error. */
export const C_FLAGS = ['-fsyntax-only', '-std=c11', '-Wall', '-Wextra', '-pedantic', '-Werror'];
export const CXX_FLAGS = ['-fsyntax-only', '-std=c++17', '-Wall', '-Wextra', '-pedantic', '-Werror'];

/** A generated header compiled alone, as C by gcc and as C++ by g++ (the unit is a .c file: `-x c++`): each compiler's run. */
export function compileHeaderAlone(dir: string, headerPath: string): { compiler: string; run: ToolRun }[] {
  const unit = join(dir, `${headerPath}.c`);
  writeFileSync(unit, `#include "${join(dir, headerPath)}"\nint main(void) { return 0; }\n`);
  return (
    [
      ['gcc', C_FLAGS],
      ['g++', [...CXX_FLAGS, '-x', 'c++']],
    ] as const
  ).map(([compiler, flags]) => ({ compiler, run: runTool(compiler, [...flags, unit]) }));
}
