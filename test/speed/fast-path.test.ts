import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, repoRoot, specsDir } from '../support/paths.js';
import { binPath, listFiles, removeTempProjects, runBin, snapshotFiles, tempProject, type BinRun } from '../support/generator-run.js';
import { bundleInputs, bundlePath, modulesLoadedBy } from '../support/module-graph.js';

const STATUS_LINE = /^\s*(create|identical|conflict|force|skip) (\S+)$/;

/** The conflicter's per-file states as a run reported them, sorted. */
function reportedStates(run: BinRun): string[] {
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .map((line) => STATUS_LINE.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]} ${m[2]}`)
    .sort();
}

/** A project holding the host files the Rust specs edit (the crate's module lists, the IPC composition). */
function hostProject(): string {
  const dir = tempProject();
  cpSync(join(fixturesDir, 'host', 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(fixturesDir, 'rust', 'continuum-core', 'src'), join(dir, 'src', 'workers', 'continuum-core', 'src'), { recursive: true });
  return dir;
}

const fileContents = (dir: string): Record<string, string> => Object.fromEntries(Object.entries(snapshotFiles(dir)).map(([path, { content }]) => [path, content]));

/**
 * Run the same command line through the fast path and through yeoman-environment
 * (CONTINUUM_GEN_PATH=yeoman), each in its own copy of the project, and return both outcomes.
 */
async function bothPaths(args: readonly string[], prepare: (dir: string) => void = () => undefined) {
  const fastDir = hostProject();
  const yeomanDir = hostProject();
  prepare(fastDir);
  prepare(yeomanDir);
  const fast = await runBin([...args, `--cwd=${fastDir}`], { cwd: repoRoot, stdin: 'closed' });
  const yeoman = await runBin([...args, `--cwd=${yeomanDir}`], { cwd: repoRoot, stdin: 'closed', env: { CONTINUUM_GEN_PATH: 'yeoman' } });
  return { fast, yeoman, fastDir, yeomanDir };
}

function assertSameOutcome(outcome: Awaited<ReturnType<typeof bothPaths>>, what: string): void {
  const { fast, yeoman, fastDir, yeomanDir } = outcome;
  assert.equal(fast.code, yeoman.code, `${what}: exit codes\nfast: ${fast.stderr}\nyeoman: ${yeoman.stderr}`);
  assert.deepEqual(reportedStates(fast), reportedStates(yeoman), `${what}: reported states`);
  assert.deepEqual(fileContents(fastDir), fileContents(yeomanDir), `${what}: files on disk`);
}

describe('the fast path and the Yeoman path write and report the same', function () {
  after(removeTempProjects);
  const everySpec = ['command', `--spec=${specsDir}`, '--verbose'];

  it('a batch of every example spec into a fresh project: every file created, byte-identical on both paths', async () => {
    const outcome = await bothPaths(everySpec);
    assertSameOutcome(outcome, 'fresh');
    assert.equal(outcome.fast.code, 0, outcome.fast.stderr);
    const states = reportedStates(outcome.fast);
    assert.ok(states.length > 60 && states.every((s) => s.startsWith('create ') || s.startsWith('force ')), states.join('\n'));
  });

  it('a re-run with nothing changed: every file identical, on both paths', async () => {
    const outcome = await bothPaths(everySpec, (dir) => void runBinSync(everySpec, dir));
    assertSameOutcome(outcome, 're-run');
    assert.ok(reportedStates(outcome.fast).every((s) => s.startsWith('identical ')));
  });

  const readme = 'src/commands/docs/read/README.md';
  const generateThenEdit = (dir: string): void => {
    runBinSync(['command', `--spec=${join(specsDir, 'docs-read.json')}`], dir);
    writeFileSync(join(dir, readme), 'my own notes\n');
  };

  it('an edited file with --force: forced on both paths', async () => {
    const outcome = await bothPaths(['command', `--spec=${join(specsDir, 'docs-read.json')}`, '--force'], generateThenEdit);
    assertSameOutcome(outcome, '--force');
    assert.ok(reportedStates(outcome.fast).includes(`force ${readme}`));
  });

  it('an edited file with --dry-run: reported, nothing written, on both paths', async () => {
    const outcome = await bothPaths(['command', `--spec=${join(specsDir, 'docs-read.json')}`, '--dry-run'], generateThenEdit);
    assertSameOutcome(outcome, '--dry-run');
    assert.equal(readFileSync(join(outcome.fastDir, readme), 'utf8'), 'my own notes\n');
  });

  it('an edited file settled by .yo-resolve: skipped on both paths', async () => {
    const outcome = await bothPaths(['command', `--spec=${join(specsDir, 'docs-read.json')}`], (dir) => {
      generateThenEdit(dir);
      writeFileSync(join(dir, '.yo-resolve'), `${readme} skip\n`);
    });
    assertSameOutcome(outcome, '.yo-resolve');
    assert.ok(reportedStates(outcome.fast).includes(`skip ${readme}`));
  });

  it('an edited file in a non-interactive run: refused with nothing written, on both paths', async () => {
    const outcome = await bothPaths(['command', `--spec=${join(specsDir, 'docs-read.json')}`], generateThenEdit);
    assertSameOutcome(outcome, 'non-interactive conflict');
    assert.equal(outcome.fast.code, 1);
    assert.match(outcome.fast.stderr, /conflict src\/commands\/docs\/read\/README\.md/);
  });

  it('--bail stops at the first change with a non-zero exit, on both paths', async () => {
    const outcome = await bothPaths(['command', `--spec=${join(specsDir, 'docs-read.json')}`, '--bail'], generateThenEdit);
    assert.equal(outcome.fast.code, 1, outcome.fast.stderr);
    assert.equal(outcome.yeoman.code, 1, outcome.yeoman.stderr);
    assert.deepEqual(fileContents(outcome.fastDir), fileContents(outcome.yeomanDir));
  });
});

describe('batch runs', function () {
  after(removeTempProjects);

  it('one bad spec among good ones: its errors listed, nothing written', async () => {
    const specs = tempProject({
      'good.json': readFileSync(join(specsDir, 'docs-read.json'), 'utf8'),
      'bad.json': JSON.stringify({ version: 2, name: 'x/y', description: 'd', results: [{ name: 'a', type: 'Strng' }] }, null, 2),
    });
    const envs: Record<string, string>[] = [{}, { CONTINUUM_GEN_PATH: 'yeoman' }];
    for (const env of envs) {
      const dir = tempProject();
      const run = await runBin(['command', `--spec=${specs}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed', env });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /bad\.json:\d+:\d+ \(at \/results\/0\/type\): unknown type Strng/);
      assert.deepEqual(listFiles(dir), [], 'nothing written');
    }
  });

  it('a glob picks the matching specs, in one process with one summary', async () => {
    const dir = tempProject();
    const run = await runBin(['command', `--spec=${join(specsDir, '*-*.json')}`, `--cwd=${dir}`], { cwd: repoRoot, stdin: 'closed' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^\d+ specs, \d+ files planned$/m);
    assert.match(run.stderr, /^\d+ files: \d+ created/m);
    assert.ok(listFiles(dir).includes('src/commands/docs/read/shared/DocsReadTypes.ts'));
    assert.ok(!listFiles(dir).some((f) => f.includes('/traits/')), 'specs/traits/*.json does not match *-*.json at the top level');
  });
});

/** Packages a spec-driven run must never load: the prompt machinery, the TypeScript compiler, the MCP SDK. */
const HEAVY = ['/yeoman-environment/', '/yeoman-generator/', '/inquirer/', '/@inquirer/', '/ts-morph/', '/typescript/', '/@yeoman/adapter/', '/@modelcontextprotocol/sdk/', '/zod/'];

describe('startup budget of the fast path (module graph, not timing)', function () {
  after(removeTempProjects);
  const docsRead = () => ['command', `--spec=${join(specsDir, 'docs-read.json')}`, `--cwd=${tempProject()}`];

  it('the bundle holds the fast path and its npm packages, and none of the heavy ones', () => {
    const inputs = bundleInputs();
    for (const held of ['bin/cli.ts', 'bin/fast-path.ts', 'bin/fast-commit.ts', 'shared/engine.ts', 'node_modules/mem-fs-editor/', 'node_modules/@yeoman/conflicter/']) {
      assert.ok(inputs.some((input) => input.startsWith(held)), `the bundle holds ${held}`);
    }
    for (const heavy of HEAVY) assert.ok(!inputs.some((input) => `/${input}`.includes(heavy)), `the bundle holds ${heavy}`);
    // Lazy paths stay outside, loaded from tsc's files when a run needs them.
    for (const lazy of ['bin/yeoman-path.ts', 'bin/mcp-server.ts', 'bin/agent-commands.ts', 'shared/reverse/', 'shared/audit/audit.ts']) assert.ok(!inputs.some((input) => input.startsWith(lazy)), `the bundle holds ${lazy}`);
  });

  it("the bundle's only import() is the importer the entry replaces (code run from V8's code cache cannot import() on Node 20)", () => {
    // Comments (JSDoc `{import('vinyl')}` in the packages) are not calls.
    const calls = readFileSync(bundlePath, 'utf8')
      .split('\n')
      .filter((line) => /\bimport\(/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line));
    assert.deepEqual(calls.map((line) => line.trim()), ['importer = (url) => import(url);'], 'an import() in the bundle: use importModule (shared/import-module.ts)');
  });

  for (const [cache, env] of [['with the code cache', {}], ['with Node\'s loader (NODE_DISABLE_COMPILE_CACHE=1)', { NODE_DISABLE_COMPILE_CACHE: '1' }]] as const) {
    it(`a --spec run loads none of them, and no engine module outside the bundle (${cache})`, async () => {
      for (const extra of [[], ['--json']]) {
        const { run, loaded } = await modulesLoadedBy([...docsRead(), ...extra], env);
        assert.equal(run.code, 0, run.stderr);
        assert.ok(loaded.some((url) => url.endsWith('/dist/bin/continuum-gen.cjs')), 'the recorder sees the entry');
        for (const heavy of HEAVY) assert.ok(!loaded.some((url) => url.includes(heavy)), `the fast path loaded ${heavy}`);
        const outside = loaded.filter((url) => url.includes('/node_modules/') || /\/dist\/(shared|generators)\//.test(url) || /\/dist\/bin\/(?!continuum-gen\.cjs$|cli\.bundle\.cjs$)/.test(url));
        assert.deepEqual(outside, [], 'modules loaded from files instead of the bundle');
      }
    });
  }

  it('the same recorder sees yeoman-environment on the Yeoman path, and the engine\'s files (the checks can fail)', async () => {
    const { run, loaded } = await modulesLoadedBy(docsRead(), { CONTINUUM_GEN_PATH: 'yeoman' });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(loaded.some((url) => url.includes('/yeoman-environment/')));
    assert.ok(loaded.some((url) => url.includes('/dist/shared/')));
  });
});

/** Run the bin synchronously for test setup (execFileSync keeps the helper simple). */
import { execFileSync } from 'node:child_process';
function runBinSync(args: readonly string[], dir: string): void {
  execFileSync(process.execPath, [binPath, ...args, `--cwd=${dir}`], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'ignore'] });
}
