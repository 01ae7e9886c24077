/**
 * `reverse` and `audit` on the bin's fast path (bin/tree-path.ts) and on the Yeoman path
 * (CONTINUUM_GEN_PATH=yeoman: yeoman-environment runs continuum:reverse / continuum:audit), each
 * in its own copy of a project: the same exit code, the same stdout (the JSON result or report,
 * the specs of --stdout), the same states and the same files. The fast side is run under the
 * module recorder, so each case also proves it took the fast path (no yeoman-environment loaded).
 */
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditTree, initRepository } from '../audit/support.js';
import { listFiles, removeTempProjects, runBin, tempProject, type BinRun } from '../support/generator-run.js';
import { modulesLoadedBy } from '../support/module-graph.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

const STATUS_LINE = /^\s*(create|identical|update|merged|edit|conflict|force|skip) (\S+)(?: \(.*\))?$/;
/** What a fast-path reverse or audit run must never load: the Yeoman path's machinery and its prompts. */
const YEOMAN_PATH = ['/yeoman-environment/', '/yeoman-generator/', '/inquirer/', '/@inquirer/', '/@yeoman/adapter/'];

interface Side {
  readonly run: BinRun;
  readonly dir: string;
}

/** A run's outcome with its project folder written as <project>, so two copies compare. */
interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly states: readonly string[];
  readonly files: Readonly<Record<string, string>>;
  /** The lines on stderr that say why a run stopped. */
  readonly stop: readonly string[];
}

function outcomeOf({ run, dir }: Side): Outcome {
  const neutral = (text: string): string => text.split(dir).join('<project>');
  // git's own files (objects, index) differ between two repositories by time; its hooks do not.
  const files = listFiles(dir).filter((path) => !path.startsWith('.git/') || path.startsWith('.git/hooks/'));
  return {
    code: run.code,
    stdout: neutral(run.stdout),
    states: `${run.stdout}\n${run.stderr}`
      .split('\n')
      .map((line) => STATUS_LINE.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]} ${m[2]}`)
      .sort(),
    files: Object.fromEntries(files.map((path) => [path, neutral(readFileSync(join(dir, path), 'utf8'))])),
    stop: neutral(run.stderr)
      .split('\n')
      .filter((line) => line.startsWith('continuum-gen: ')),
  };
}

/** The facets in which two outcomes differ (empty: the same run). */
function differences(fast: Outcome, yeoman: Outcome): string[] {
  const facets: (keyof Outcome)[] = ['code', 'stdout', 'states', 'files', 'stop'];
  return facets.filter((facet) => JSON.stringify(fast[facet]) !== JSON.stringify(yeoman[facet]));
}

/** Run one command line on both paths, each in a fresh copy of the project `make` builds; the fast side under the module recorder. */
async function bothPaths(make: () => string, args: readonly string[], yeomanArgs: readonly string[] = args) {
  const fastDir = make();
  const yeomanDir = make();
  const { run: fastRun, loaded } = await modulesLoadedBy([...args, `--cwd=${fastDir}`]);
  const yeomanRun = await runBin([...yeomanArgs, `--cwd=${yeomanDir}`], {
    cwd: repoRoot,
    stdin: 'closed',
    env: { CONTINUUM_GEN_PATH: 'yeoman' },
    timeoutMs: 300_000,
  });
  const fast = outcomeOf({ run: fastRun, dir: fastDir });
  const yeoman = outcomeOf({ run: yeomanRun, dir: yeomanDir });
  return { fast, yeoman, loaded, fastRun, yeomanRun };
}

type Both = Awaited<ReturnType<typeof bothPaths>>;

function assertSame(both: Both, what: string): void {
  assert.ok(
    both.loaded.some((url) => url.endsWith('/dist/bin/tree.bundle.mjs')),
    `${what}: the fast side ran dist/bin/tree.bundle.mjs`,
  );
  for (const heavy of YEOMAN_PATH)
    assert.ok(
      !both.loaded.some((url) => url.includes(heavy)),
      `${what}: the fast side loaded ${heavy}, so it did not take the fast path\n${both.fastRun.stderr}`,
    );
  assert.deepEqual(
    differences(both.fast, both.yeoman),
    [],
    `${what}: fast vs Yeoman\nfast: ${both.fastRun.stderr.slice(-2000)}\nyeoman: ${both.yeomanRun.stderr.slice(-2000)}`,
  );
}

/** A copy of the reverse fixture tree (its tsconfig, Rust crate and one existing v1 spec, agent/status). */
function reverseProject(): string {
  const dir = tempProject();
  cpSync(join(fixturesDir, 'reverse-tree'), dir, { recursive: true });
  return dir;
}

function auditProject(): string {
  const dir = tempProject();
  cpSync(auditTree, dir, { recursive: true });
  return dir;
}

/** The audit tree as a git repository: every command folder committed on main, at a fixed time (the same commit in every copy). */
function auditRepository(): string {
  const dir = auditProject();
  const saved = { author: process.env.GIT_AUTHOR_DATE, committer: process.env.GIT_COMMITTER_DATE };
  process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = '2024-01-01T00:00:00Z';
  try {
    initRepository(dir);
  } finally {
    for (const [key, value] of [
      ['GIT_AUTHOR_DATE', saved.author],
      ['GIT_COMMITTER_DATE', saved.committer],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return dir;
}

describe('reverse: the fast path and the Yeoman path write and report the same', function () {
  after(removeTempProjects);

  it('a tree with --missing-only: every new spec created, byte-identical on both paths', async () => {
    const both = await bothPaths(reverseProject, ['reverse', 'src/commands', '--missing-only']);
    assertSame(both, '--missing-only');
    assert.equal(both.fast.code, 0);
    assert.ok(
      both.fast.states.length > 10 && both.fast.states.every((s) => s.startsWith('create src/generator/specs/')),
      both.fast.states.join('\n'),
    );
  });

  it('--json --dry-run: the same result on stdout, byte for byte, and nothing written', async () => {
    const both = await bothPaths(reverseProject, ['reverse', 'src/commands', '--json', '--dry-run']);
    assertSame(both, '--json --dry-run');
    const result = JSON.parse(both.fast.stdout) as { command: string; dryRun: boolean; reversed: unknown[] };
    assert.deepEqual([result.command, result.dryRun, result.reversed.length > 10], ['reverse', true, true]);
    assert.deepEqual(
      Object.keys(both.fast.files).filter((path) => path.startsWith('src/generator/specs/')),
      ['src/generator/specs/agent-status.json'],
    );
  });

  it('the existing spec differs and nobody can be asked: refused with nothing written (and its --json result); --force overwrites it', async () => {
    const refused = await bothPaths(reverseProject, ['reverse', 'src/commands', '--json']);
    assertSame(refused, 'refused');
    assert.equal(refused.fast.code, 1);
    assert.equal((JSON.parse(refused.fast.stdout) as { status: string }).status, 'conflict');
    // Spec files have no generation record to merge with: the way on is --force, never --merge.
    assert.match(refused.fastRun.stderr, /^ {2}conflict src\/generator\/specs\/agent-status\.json$/m);
    assert.match(refused.fastRun.stderr, /Re-run with --force to overwrite them/);
    assert.doesNotMatch(refused.fastRun.stderr, /--merge/);
    const forced = await bothPaths(reverseProject, ['reverse', 'src/commands/agent/status', '--force']);
    assertSame(forced, '--force');
    assert.deepEqual(forced.fast.states, ['force src/generator/specs/agent-status.json']);
  });

  it('--stdout: the same specs on stdout, one a line; --from-v1 migrates the same way', async () => {
    const printed = await bothPaths(reverseProject, ['reverse', 'src/commands', '--stdout']);
    assertSame(printed, '--stdout');
    assert.ok(printed.fast.stdout.trim().split('\n').length > 10);
    const migrated = await bothPaths(reverseProject, ['reverse', '--from-v1', 'src/generator/specs', '--force', '--json']);
    assertSame(migrated, '--from-v1');
    assert.deepEqual((JSON.parse(migrated.fast.stdout) as { migration: { v1: string[] } }).migration.v1, [
      'src/generator/specs/agent-status.json',
    ]);
  });

  it('a folder with no command: the same stop on both paths', async () => {
    const both = await bothPaths(reverseProject, ['reverse', 'src/system']);
    assertSame(both, 'no command');
    assert.deepEqual(both.fast.stop, [
      'continuum-gen: No command folder (a folder with shared/<Name>Types.ts) at or under src/system. Nothing was written.',
    ]);
  });

  it('control: two different runs are told apart, in the files, the states and the exit code', async () => {
    const both = await bothPaths(reverseProject, ['reverse', 'src/commands', '--missing-only'], ['reverse', 'src/commands']);
    assert.deepEqual(differences(both.fast, both.yeoman), ['code', 'states', 'files', 'stop']);
  });
});

describe('audit: the fast path and the Yeoman path write and report the same', function () {
  after(removeTempProjects);

  it('--json --sarif: the same report on stdout, the same SARIF file, exit 1 on both paths', async () => {
    const both = await bothPaths(auditProject, ['audit', '--json', '--sarif=reports/audit.sarif']);
    assertSame(both, '--json --sarif');
    assert.equal(both.fast.code, 1);
    assert.equal((JSON.parse(both.fast.stdout) as { passed: boolean }).passed, false);
    assert.ok('reports/audit.sarif' in both.fast.files);
  });

  it('--fix: the same accessors inserted and specs written; --fix --dry-run writes nothing on both paths', async () => {
    const fixed = await bothPaths(auditProject, ['audit', '--fix', '--fail-on=never']);
    assertSame(fixed, '--fix');
    assert.ok(
      fixed.fast.states.some((s) => s.startsWith('create src/generator/specs/')),
      fixed.fast.states.join('\n'),
    );
    assert.ok(
      fixed.fast.states.some((s) => /^force src\/commands\/.*Types\.ts$/.test(s)),
      fixed.fast.states.join('\n'),
    );
    const dry = await bothPaths(auditProject, ['audit', '--fix', '--dry-run', '--json']);
    assertSame(dry, '--fix --dry-run');
    const fixture = Object.fromEntries(listFiles(auditTree).map((path) => [path, readFileSync(join(auditTree, path), 'utf8')]));
    assert.deepEqual(dry.fast.files, fixture, 'nothing written');
  });

  it('--enforce in a git repository, and --install-hook: the same verdict and the same hook', async () => {
    const enforced = await bothPaths(auditRepository, ['audit', '--enforce', '--json']);
    assertSame(enforced, '--enforce');
    assert.equal(enforced.fast.code, 0, 'every folder is committed: none is new');
    const hooked = await bothPaths(auditRepository, ['audit', '--install-hook']);
    assertSame(hooked, '--install-hook');
    assert.match(hooked.fast.files['.git/hooks/pre-commit'], /continuum-gen audit --enforce/);
  });

  it('flags that do not go together: the same stop on both paths', async () => {
    const both = await bothPaths(auditProject, ['audit', '--enforce', '--fix']);
    assertSame(both, '--enforce --fix');
    assert.deepEqual(both.fast.stop, ['continuum-gen: --enforce checks, --fix repairs: run them separately. Nothing was written.']);
  });

  it('control: two different runs are told apart, in stdout and the exit code', async () => {
    const both = await bothPaths(auditProject, ['audit', '--json', '--fail-on=never'], ['audit', '--json']);
    assert.deepEqual(differences(both.fast, both.yeoman), ['code', 'stdout', 'stop']);
  });

  it('control: a file changed on one side only is told apart', async () => {
    const both = await bothPaths(auditProject, ['audit', '--fail-on=never']);
    assertSame(both, 'unchanged');
    const changed = { ...both.yeoman, files: { ...both.yeoman.files, 'tsconfig.json': `${both.yeoman.files['tsconfig.json']} ` } };
    assert.deepEqual(differences(both.fast, changed), ['files']);
  });
});

describe('module graph: a fast-path reverse or audit run loads no yeoman-environment or inquirer', function () {
  after(removeTempProjects);

  for (const args of [
    ['reverse', 'src/commands', '--missing-only', '--json'],
    ['audit', '--json', '--fail-on=never'],
  ]) {
    it(`continuum-gen ${args.join(' ')}`, async () => {
      const dir = args[0] === 'reverse' ? reverseProject() : auditProject();
      const { run, loaded } = await modulesLoadedBy([...args, `--cwd=${dir}`]);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(
        loaded.some((url) => url.endsWith('/dist/bin/tree.bundle.mjs')),
        'the recorder sees the fast path of reverse and audit',
      );
      for (const heavy of YEOMAN_PATH) assert.ok(!loaded.some((url) => url.includes(heavy)), `loaded ${heavy}`);
    });
  }

  it("reverse's and audit's bundle holds this package's code and no npm package (ts-morph and the compiler load from node_modules)", () => {
    const sources = (map: string): string[] =>
      (JSON.parse(readFileSync(join(repoRoot, 'dist', 'bin', map), 'utf8')) as { sources: string[] }).sources.map((source) =>
        source.replace(/^(\.\.\/)+/, ''),
      );
    const inputs = sources('tree.bundle.mjs.map');
    for (const held of [
      'bin/tree-path.ts',
      'shared/run/reverse-run.ts',
      'shared/run/audit-run.ts',
      'generators/_shared/tree-runs.ts',
      'shared/write/commit.ts',
    ])
      assert.ok(inputs.includes(held), `the bundle holds ${held}`);
    assert.deepEqual(
      inputs.filter((input) => input.includes('node_modules/')),
      [],
    );
    // The same reading sees the npm packages the CLI's own bundle holds (the check can fail).
    assert.ok(sources('cli.bundle.cjs.map').some((input) => input.includes('node_modules/')));
  });

  it('control: the same recorder sees yeoman-environment and inquirer when the run takes the Yeoman path', async () => {
    const { run, loaded } = await modulesLoadedBy(['audit', '--json', '--fail-on=never', `--cwd=${auditProject()}`], {
      CONTINUUM_GEN_PATH: 'yeoman',
    });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(loaded.some((url) => url.includes('/yeoman-environment/')));
    assert.ok(loaded.some((url) => url.includes('/inquirer/') || url.includes('/@inquirer/')));
  });

  it('control: a run the fast path declines (--help) goes to the Yeoman path', async () => {
    const { run, loaded } = await modulesLoadedBy(['reverse', '--help', `--cwd=${reverseProject()}`]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(loaded.some((url) => url.includes('/yeoman-environment/')));
  });
});
