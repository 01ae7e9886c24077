import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { defaultProjectConfig, type ProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError } from '../../shared/errors.js';
import { ReverseEngineer, type ReversedCommand } from '../../shared/reverse/reverse-engineer.js';
import { serialiseSpec } from '../../shared/spec/canonical-spec.js';
import type { CommandSpecV2 } from '../../shared/spec/command-spec.js';
import { typeCheckHost, writeFiles } from '../support/host-project.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

/**
 * The migration round trip on a fixture tree of hand-written commands: reverse every command
 * folder, generate each spec, put each regenerated Types file where the generator writes it (the
 * hand-written Types file it replaces removed), keep every hand-written server and browser class,
 * then type-check the whole project with tsc --strict. A command migrates when no error lands in
 * its folder: its hand-written classes compile against the regenerated Types file.
 */
export interface MigrationOutcome {
  /** Project-relative command folder. */
  readonly folder: string;
  readonly name?: string;
  readonly status: 'compiles' | 'does-not-compile' | 'does-not-generate' | 'not-reversed';
  /** tsc errors in the folder, or the generation problems. */
  readonly problems: readonly string[];
}

export interface MigrationRun {
  readonly dir: string;
  readonly reversed: readonly ReversedCommand[];
  readonly outcomes: readonly MigrationOutcome[];
  /** tsc output of the original tree (the control: the fixture itself compiles). */
  readonly originalCheck: { readonly status: number | null; readonly output: string };
  readonly regeneratedCheck: { readonly status: number | null; readonly output: string };
}

/** A temporary host project: the TypeScript host fixture with a fixture tree's src/ copied over it. */
export function makeMigrationProject(tree: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-migrate-'));
  cpSync(join(fixturesDir, 'host'), dir, { recursive: true });
  cpSync(join(fixturesDir, tree, 'src'), join(dir, 'src'), { recursive: true });
  const tsconfigPath = join(dir, 'tsconfig.json');
  const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8')) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions.typeRoots = [join(repoRoot, 'node_modules', '@types')];
  writeFileSync(tsconfigPath, JSON.stringify(tsconfig, null, 2));
  return dir;
}

/** tsc's `file(line,col): error TS...` lines, by project-relative file. */
function errorsByFile(dir: string, output: string): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/.exec(line.trim());
    if (!match) continue;
    // tsc prints a path relative to its working directory (this process's), not to the project it checks.
    const file = posix.relative(dir, resolve(match[1]));
    byFile.set(file, [...(byFile.get(file) ?? []), `${file}:${match[2]}: ${match[4]}`]);
  }
  return byFile;
}

/**
 * Run the round trip. `mutate` may change a spec before it is generated (the control that proves
 * a wrong spec is caught by tsc).
 */
export function runMigration(
  tree: string,
  options: { readonly config?: ProjectConfig; readonly mutate?: (spec: CommandSpecV2) => CommandSpecV2 } = {},
): MigrationRun {
  const config = options.config ?? defaultProjectConfig;
  const dir = makeMigrationProject(tree);
  const originalCheck = typeCheckHost(dir);
  const engine = new ReverseEngineer({ projectRoot: dir, config });
  const reversed = engine.reverseAll(engine.discover(join(dir, config.roots.commands))).filter((r) => r.status !== 'not-a-command');
  const generated = new Map<string, { path: string; content: string } | string[]>();
  // Shared Types files (spec typesFile) are merged into, in spec order, starting from the hand-written text.
  const merged = new Map<string, string | undefined>();
  const originals = new Set<string>();
  for (const result of reversed) {
    if (!result.spec) continue;
    const spec = options.mutate ? options.mutate(result.spec) : result.spec;
    try {
      const plan = generateCommand({ specText: serialiseSpec(spec), specFile: `${result.folder}.spec.json`, config });
      const types = plan.files.find(
        (f) => /\/shared\/[^/]+Types\.ts$/.test(f.path) && f.path.startsWith(`${config.roots.commands}/${plan.model.name}/`),
      );
      if (types) generated.set(result.folder, types);
      for (const edit of plan.edits.filter((e) => e.path === plan.model.typesFile)) {
        const current = merged.has(edit.path) ? merged.get(edit.path) : readIfExists(join(dir, edit.path));
        merged.set(edit.path, edit.apply(current));
        generated.set(result.folder, { path: edit.path, content: merged.get(edit.path)! });
      }
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      generated.set(
        result.folder,
        error.issues.map((i) => `${i.pointer}: ${i.message}`),
      );
    }
    // The hand-written Types file the regenerated one replaces (a shared one is merged into instead).
    if (result.typesFile && result.spec.typesFile !== result.typesFile) originals.add(result.typesFile);
  }
  for (const file of originals) rmSync(join(dir, file), { force: true });
  writeFiles(dir, [
    ...[...generated.values()].filter((g): g is { path: string; content: string } => !Array.isArray(g) && !merged.has(g.path)),
    ...[...merged].map(([path, content]) => ({ path, content: content ?? '' })),
  ]);
  const regeneratedCheck = typeCheckHost(dir);
  // No output from a tsc that never finished would read as "every command compiles".
  if (regeneratedCheck.status === null) throw new Error(`${dir}: ${regeneratedCheck.output}`);
  const errors = errorsByFile(dir, regeneratedCheck.output);
  const folders = reversed.map((r) => r.folder).sort((a, b) => b.length - a.length);
  const ownerOf = (file: string): string | undefined => folders.find((f) => file.startsWith(`${f}/`));
  const errorsOf = new Map<string, string[]>();
  for (const [file, list] of errors) {
    const owner = ownerOf(file);
    if (owner) errorsOf.set(owner, [...(errorsOf.get(owner) ?? []), ...list]);
  }
  const outcomes: MigrationOutcome[] = reversed.map((result) => {
    const plan = generated.get(result.folder);
    if (!result.spec) return { folder: result.folder, status: 'not-reversed', problems: result.warnings.map((w) => w.message) };
    if (Array.isArray(plan)) return { folder: result.folder, name: result.spec.name, status: 'does-not-generate', problems: plan };
    const problems = errorsOf.get(result.folder) ?? [];
    return { folder: result.folder, name: result.spec.name, status: problems.length === 0 ? 'compiles' : 'does-not-compile', problems };
  });
  return { dir, reversed, outcomes, originalCheck, regeneratedCheck };
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
