import { createTwoFilesPatch } from 'diff';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PlannedFile } from '../../shared/adapters/adapter.js';
import { resolveProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { applyEdits, generateCommand, type GenerationResult } from '../../shared/engine.js';
import { goldenDir, repoRoot } from './paths.js';
import { fixtureText } from './rust-project.js';

/**
 * The one golden case layout, for every target: test/golden/<case>/ holds
 *   spec.json        the spec, unless case.json names a spec elsewhere in the repo (an example in specs/)
 *   case.json        optional: { "spec": repo-relative path, "extraAdapters": [ids] }; with extraAdapters,
 *                    expected/ holds only what those adapters write (the spec's own adapter is another case's)
 *   config.json      optional: the project config (the defaults without it)
 *   expected/        the planned files, byte for byte
 *   expected-edits/  the shared files the plan edits, as they read after the edits are applied to the
 *                    fixtures (only cases of the spec's own adapter; none when it edits nothing)
 * `UPDATE_GOLDEN=1` rewrites expected/ and expected-edits/ from the current output (review the diff
 * before committing it); it is refused when `CI` is set, so CI can never rewrite a golden file.
 */
export const REFRESH_VARIABLE = 'UPDATE_GOLDEN';

export interface GoldenCase {
  readonly name: string;
  readonly dir: string;
  /** The spec's repo-relative path (test/golden/<case>/spec.json, or the one case.json names). */
  readonly spec: string;
  /** The raw project config of config.json; undefined: the defaults. */
  readonly config?: unknown;
  /** The adapters run besides the spec's own, whose files expected/ holds; empty: the spec's own adapter's files. */
  readonly extraAdapters: readonly string[];
}

interface CaseFile {
  readonly spec?: string;
  readonly extraAdapters?: string[];
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function loadCase(name: string): GoldenCase {
  const dir = join(goldenDir, name);
  const file = (readJson(join(dir, 'case.json')) ?? {}) as CaseFile;
  const spec = file.spec ?? `test/golden/${name}/spec.json`;
  return { name, dir, spec, config: readJson(join(dir, 'config.json')), extraAdapters: file.extraAdapters ?? [] };
}

/** Every case under test/golden/, by name. */
export function goldenCases(): GoldenCase[] {
  return readdirSync(goldenDir)
    .filter((name) => existsSync(join(goldenDir, name, 'spec.json')) || existsSync(join(goldenDir, name, 'case.json')))
    .sort()
    .map(loadCase);
}

export function goldenCase(name: string): GoldenCase {
  const found = goldenCases().find((c) => c.name === name);
  if (!found) throw new Error(`no golden case test/golden/${name}/`);
  return found;
}

export function caseConfig(c: GoldenCase): ProjectConfig {
  return resolveProjectConfig(c.config, join(c.dir, 'config.json'));
}

/** The spec file name the engine is given: `<case>/spec.json` beside the case, else the repo path (both appear in output). */
const specFileOf = (c: GoldenCase): string => (c.spec === `test/golden/${c.name}/spec.json` ? `${c.name}/spec.json` : c.spec);

/** Run the spec's own adapter and the case's extra adapters (or the ones given). */
export function generateGoldenCase(c: GoldenCase, extraAdapters: readonly string[] = c.extraAdapters): GenerationResult {
  const specText = readFileSync(join(repoRoot, c.spec), 'utf8');
  return generateCommand({
    specText,
    specFile: specFileOf(c),
    config: caseConfig(c),
    ...(extraAdapters.length > 0 ? { extraAdapters } : {}),
  });
}

/** The files expected/ holds: the extra adapters' plans, or everything the spec's own adapter writes. */
export function caseFiles(c: GoldenCase, result: GenerationResult): PlannedFile[] {
  if (c.extraAdapters.length === 0) return [...result.files];
  return result.plans.filter((p) => c.extraAdapters.includes(p.adapter)).flatMap((p) => p.files);
}

/** The files expected-edits/ holds: each file the plan edits, after its edits are applied to the fixture's text. */
export function caseEdits(
  c: GoldenCase,
  result: GenerationResult,
  read: (path: string) => string | undefined = (path) => fixtureText(path, caseConfig(c)),
): PlannedFile[] {
  return [...applyEdits(result.edits, read)].map(([path, content]) => ({ path, content })).sort((a, b) => (a.path < b.path ? -1 : 1));
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

/** Is a refresh asked for? Throws when it is asked for in CI, where goldens must only be compared. */
export function refreshRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[REFRESH_VARIABLE] !== '1') return false;
  if (env.CI)
    throw new Error(
      `${REFRESH_VARIABLE}=1 is refused when CI is set (CI=${env.CI}): golden files are refreshed on a developer machine and the diff reviewed`,
    );
  return true;
}

function rewriteTree(dir: string, files: readonly PlannedFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}

const MAX_DIFF_LINES = 60;

function patchOf(label: string, expected: string, actual: string): string {
  const lines = createTwoFilesPatch(label, `${label} (generated)`, expected, actual, '', '', { context: 2 }).split('\n');
  return lines.length > MAX_DIFF_LINES
    ? [...lines.slice(0, MAX_DIFF_LINES), `... ${lines.length - MAX_DIFF_LINES} more diff lines`].join('\n')
    : lines.join('\n');
}

/** Every way `files` differs from the tree at `dir`: missing, unexpected and changed files (with a unified diff each). */
export function treeDifferences(dir: string, files: readonly PlannedFile[]): string[] {
  const label = (path: string): string => relative(repoRoot, join(dir, path)).split('\\').join('/');
  const onDisk = new Set(listFilesUnder(dir));
  const planned = new Set(files.map((f) => f.path));
  const problems = [...onDisk].filter((p) => !planned.has(p)).map((p) => `${label(p)}: expected, but not generated`);
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!onDisk.has(file.path)) problems.push(`${label(file.path)}: generated, but not expected`);
    else {
      const expected = readFileSync(join(dir, file.path), 'utf8');
      if (expected !== file.content)
        problems.push(`${label(file.path)} differs from the generated file:\n${patchOf(label(file.path), expected, file.content)}`);
    }
  }
  return problems;
}

/**
 * Assert that `files` are the tree at `dir` byte for byte, naming every file that differs, with
 * its diff; with UPDATE_GOLDEN=1 (never in CI) the tree is rewritten first.
 */
export function assertGoldenTree(dir: string, files: readonly PlannedFile[], env: NodeJS.ProcessEnv = process.env): void {
  if (refreshRequested(env)) rewriteTree(dir, files);
  const problems = treeDifferences(dir, files);
  if (problems.length > 0)
    throw new Error(
      `${problems.length} golden file(s) differ (${REFRESH_VARIABLE}=1 rewrites them; review the diff):\n${problems.join('\n')}`,
    );
}
