import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { resolveProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand, type GenerationResult } from '../../shared/engine.js';
import { repoRoot } from '../support/paths.js';

/** The language adapters under test, in the order they run. */
export const LANGUAGE_ADAPTERS = ['swift', 'kotlin', 'python', 'proto', 'c'] as const;
export type LanguageId = (typeof LANGUAGE_ADAPTERS)[number];

export const languagesDir = join(repoRoot, 'test', 'languages');
export const languageGoldenDir = join(languagesDir, 'golden');

/**
 * One golden case: test/languages/golden/<name>/case.json names the spec (repo-relative) and,
 * optionally, the project config; expected/ holds what the five language adapters write.
 */
export interface LanguageCase {
  readonly name: string;
  readonly spec: string;
  readonly config?: unknown;
}

export function languageCases(): LanguageCase[] {
  return readdirSync(languageGoldenDir)
    .filter((name) => existsSync(join(languageGoldenDir, name, 'case.json')))
    .sort()
    .map((name) => ({ name, ...(JSON.parse(readFileSync(join(languageGoldenDir, name, 'case.json'), 'utf8')) as { spec: string; config?: unknown }) }));
}

export function caseConfig(c: LanguageCase): ProjectConfig {
  return resolveProjectConfig(c.config);
}

/** Run the spec's own adapter and every language adapter. */
export function generateLanguageCase(c: LanguageCase, adapters: readonly string[] = LANGUAGE_ADAPTERS): GenerationResult {
  return generateCommand({ specText: readFileSync(join(repoRoot, c.spec), 'utf8'), specFile: c.spec, config: caseConfig(c), extraAdapters: adapters });
}

/** The files the language adapters planned (not the spec's own adapter's, not the saved spec). */
export function languageFiles(result: GenerationResult): PlannedFile[] {
  return result.plans.filter((p) => (LANGUAGE_ADAPTERS as readonly string[]).includes(p.adapter)).flatMap((p) => p.files);
}

export function filesOf(result: GenerationResult, adapter: LanguageId): readonly PlannedFile[] {
  return result.plans.find((p) => p.adapter === adapter)?.files ?? [];
}

export function listFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
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
