import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, repoRoot, specsDir } from '../support/paths.js';
import {
  binPath,
  forgetGeneration,
  listFiles,
  removeTempProjects,
  runBin,
  snapshotFiles,
  tempProject,
  type BinRun,
} from '../support/generator-run.js';
import { bundleInputs, bundlePath, modulesLoadedBy } from '../support/module-graph.js';

const STATUS_LINE = /^\s*(create|identical|update|merged|edit|conflict|force|skip) (\S+)(?: \(.*\))?$/;

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

const fileContents = (dir: string): Record<string, string> =>
  Object.fromEntries(Object.entries(snapshotFiles(dir)).map(([path, { content }]) => [path, content]));

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
    assert.ok(states.length > 60 && states.every((s) => s.startsWith('create ') || s.startsWith('edit ')), states.join('\n'));
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
    const outcome = await bothPaths(['command', `--spec=${join(specsDir, 'docs-read.json')}`], (dir) => {
      generateThenEdit(dir);
      forgetGeneration(dir);
    });
    assertSameOutcome(outcome, 'non-interactive conflict');
    assert.equal(outcome.fast.code, 1);
    assert.match(outcome.fast.stderr, /conflict src\/commands\/docs\/read\/README\.md/);
  });

  it('--bail stops at the first change with a non-zero exit, on both paths', async () => {
    const outcome = await bothPaths(['command', `--spec=${join(specsDir, 'docs-read.json')}`, '--bail'], (dir) => {
      generateThenEdit(dir);
      forgetGeneration(dir);
    });
    assert.equal(outcome.fast.code, 1, outcome.fast.stderr);
    assert.equal(outcome.yeoman.code, 1, outcome.yeoman.stderr);
    assert.deepEqual(fileContents(outcome.fastDir), fileContents(outcome.yeomanDir));
  });
});

describe('regeneration that merges: the same files and states on both paths', function () {
  after(removeTempProjects);
  const server = 'src/commands/docs/read/server/DocsReadServerCommand.ts';
  const types = 'src/commands/docs/read/shared/DocsReadTypes.ts';
  const readme = 'src/commands/docs/read/README.md';
  /** The example docs/read spec, changed, in a folder outside both projects (both paths read the same file). */
  const specVersion = (change: (spec: EditableSpec) => void): string => {
    const spec = JSON.parse(readFileSync(join(specsDir, 'docs-read.json'), 'utf8'));
    delete spec.$schema;
    change(spec);
    const path = join(tempProject(), 'docs-read.json');
    writeFileSync(path, JSON.stringify(spec, null, 2));
    return path;
  };
  // Written when the tests start: another block's after hook removes every temporary folder made before.
  let first = '';
  let withEncoding = '';
  let withHtml = '';
  before(() => {
    first = specVersion(() => undefined);
    withEncoding = specVersion((spec) =>
      spec.params.push({ name: 'encoding', type: 'string', optional: true, description: 'Text encoding' }),
    );
    withHtml = specVersion((spec) => (spec.params[2].type = "'markdown' | 'text' | 'html'"));
  });
  /** Generate the first version, then fill in the server command's TODO by hand. */
  const filledIn = (dir: string): void => {
    runBinSync(['command', `--spec=${first}`], dir);
    const text = readFileSync(join(dir, server), 'utf8');
    writeFileSync(
      join(dir, server),
      text.replace(/^ *\/\/ TODO\(docs\/read\):.*$/m, '    const text = await loadDoc(params.path); // hand-written'),
    );
  };
  /** Also edit the line a change of the format param rewrites. */
  const overlapping = (dir: string): void => {
    filledIn(dir);
    const text = readFileSync(join(dir, server), 'utf8');
    writeFileSync(join(dir, server), text.replace("must be one of 'markdown', 'text'", 'must be a known format (hand-written)'));
  };

  it('a clean merge: written without --force, reported merged, every hand-written line kept', async () => {
    const outcome = await bothPaths(['command', `--spec=${withEncoding}`], filledIn);
    assertSameOutcome(outcome, 'clean merge');
    assert.equal(outcome.fast.code, 0, outcome.fast.stderr);
    const states = reportedStates(outcome.fast);
    for (const state of [`merged ${server}`, `update ${types}`, `update ${readme}`])
      assert.ok(states.includes(state), `${state} in\n${states.join('\n')}`);
    const merged = readFileSync(join(outcome.fastDir, server), 'utf8');
    assert.match(merged, /const text = await loadDoc\(params\.path\); \/\/ hand-written/);
    assert.match(merged, /params\.encoding !== undefined/);
  });

  it('overlapping edits without a terminal: refused on both paths, nothing written', async () => {
    const outcome = await bothPaths(['command', `--spec=${withHtml}`], overlapping);
    assertSameOutcome(outcome, 'conflict refused');
    assert.equal(outcome.fast.code, 1);
    assert.match(outcome.fast.stderr, new RegExp(`conflict ${server}: 1 overlapping edit`));
    assert.match(outcome.fast.stderr, /--merge=markers/);
    assert.match(readFileSync(join(outcome.fastDir, server), 'utf8'), /must be a known format \(hand-written\)/);
    assert.doesNotMatch(readFileSync(join(outcome.fastDir, types), 'utf8'), /'html'/, 'not even the files that merged cleanly');
  });

  it('--merge=markers: standard conflict markers written, the rest merged, a non-zero exit, on both paths', async () => {
    const outcome = await bothPaths(['command', `--spec=${withHtml}`, '--merge=markers'], overlapping);
    assertSameOutcome(outcome, '--merge=markers');
    assert.equal(outcome.fast.code, 1);
    assert.ok(reportedStates(outcome.fast).includes(`conflict ${server}`));
    const text = readFileSync(join(outcome.fastDir, server), 'utf8');
    assert.match(
      text,
      /^<<<<<<< .*\(yours, on disk\)\n.*hand-written.*\n\|\|\|\|\|\|\| .*\(generated before\)\n[\s\S]*?^=======\n.*'html'.*\n>>>>>>> .*\(generated now\)$/m,
    );
    assert.match(text, /hand-written\n/);
    assert.match(readFileSync(join(outcome.fastDir, types), 'utf8'), /'html'/);
  });

  it("--dry-run shows each merge's result and writes nothing, on both paths", async () => {
    const outcome = await bothPaths(['command', `--spec=${withEncoding}`, '--dry-run'], filledIn);
    assertSameOutcome(outcome, 'dry-run merge');
    assert.match(outcome.fast.stderr, /^\+ *if \(params\.encoding !== undefined/m);
    assert.match(outcome.fast.stderr, /^Dry run: nothing written\.$/m);
    assert.doesNotMatch(readFileSync(join(outcome.fastDir, server), 'utf8'), /encoding/);
  });

  it('a generated file the user deleted is not brought back without --force, on both paths', async () => {
    const outcome = await bothPaths(['command', `--spec=${withEncoding}`], (dir) => {
      runBinSync(['command', `--spec=${first}`], dir);
      rmSync(join(dir, readme));
    });
    assertSameOutcome(outcome, 'deleted file');
    assert.ok(reportedStates(outcome.fast).includes(`skip ${readme}`));
    assert.equal(existsSync(join(outcome.fastDir, readme)), false);
    const forced = await bothPaths(['command', `--spec=${withEncoding}`, '--force'], (dir) => {
      runBinSync(['command', `--spec=${first}`], dir);
      rmSync(join(dir, readme));
    });
    assertSameOutcome(forced, 'deleted file, --force');
    assert.ok(existsSync(join(forced.fastDir, readme)));
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
    // An empty folder is no host: gpu/stats may create mod.rs and RustCoreIPC.ts here only when told.
    const run = await runBin(['command', `--spec=${join(specsDir, '*-*.json')}`, `--cwd=${dir}`, '--allow-non-host'], {
      cwd: repoRoot,
      stdin: 'closed',
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^\d+ specs, \d+ files planned$/m);
    assert.match(run.stderr, /^\d+ files: \d+ created/m);
    assert.ok(listFiles(dir).includes('src/commands/docs/read/shared/DocsReadTypes.ts'));
    assert.ok(!listFiles(dir).some((f) => f.includes('/traits/')), 'specs/traits/*.json does not match *-*.json at the top level');
  });
});

/** Packages a spec-driven run must never load: the prompt machinery, the TypeScript compiler, the MCP SDK. */
const HEAVY = [
  '/yeoman-environment/',
  '/yeoman-generator/',
  '/inquirer/',
  '/@inquirer/',
  '/ts-morph/',
  '/typescript/',
  '/@yeoman/adapter/',
  '/@modelcontextprotocol/sdk/',
  '/zod/',
];

describe('startup budget of the fast path (module graph, not timing)', function () {
  after(removeTempProjects);
  const docsRead = () => ['command', `--spec=${join(specsDir, 'docs-read.json')}`, `--cwd=${tempProject()}`];

  it('the bundle holds the fast path and its npm packages, and none of the heavy ones', () => {
    const inputs = bundleInputs();
    for (const held of [
      'bin/cli.ts',
      'bin/fast-path.ts',
      'shared/write/commit.ts',
      'shared/engine.ts',
      'node_modules/mem-fs-editor/',
      'node_modules/@yeoman/conflicter/',
    ]) {
      assert.ok(
        inputs.some((input) => input.startsWith(held)),
        `the bundle holds ${held}`,
      );
    }
    // A package, not a folder of this repository that shares its name (shared/targets/typescript/).
    for (const heavy of HEAVY) assert.ok(!inputs.some((input) => input.includes(`node_modules${heavy}`)), `the bundle holds ${heavy}`);
    // Lazy paths stay outside, loaded from tsc's files when a run needs them. (The project's type
    // registry, shared/reverse/exported-types.ts, is read by every generate, so it is inside.)
    for (const lazy of [
      'bin/yeoman-path.ts',
      'bin/mcp-server.ts',
      'bin/agent-commands.ts',
      'bin/wizard-path.ts',
      'shared/reverse/reverse-engineer.ts',
      'shared/reverse/reverse-run.ts',
      'shared/audit/audit.ts',
    ])
      assert.ok(!inputs.some((input) => input.startsWith(lazy)), `the bundle holds ${lazy}`);
  });

  it("the bundle's only import() is the importer the entry replaces (code run from V8's code cache cannot import() on Node 20)", () => {
    // Comments (JSDoc `{import('vinyl')}` in the packages) are not calls.
    const calls = readFileSync(bundlePath, 'utf8')
      .split('\n')
      .filter((line) => /\bimport\(/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line));
    assert.deepEqual(
      calls.map((line) => line.trim()),
      ['importer = (url) => import(url);'],
      'an import() in the bundle: use importModule (shared/import-module.ts)',
    );
  });

  for (const [cache, env] of [
    ['with the code cache', {}],
    ["with Node's loader (NODE_DISABLE_COMPILE_CACHE=1)", { NODE_DISABLE_COMPILE_CACHE: '1' }],
  ] as const) {
    it(`a --spec run loads none of them, and no engine module outside the bundle (${cache})`, async () => {
      for (const extra of [[], ['--json']]) {
        const { run, loaded } = await modulesLoadedBy([...docsRead(), ...extra], env);
        assert.equal(run.code, 0, run.stderr);
        assert.ok(
          loaded.some((url) => url.endsWith('/dist/bin/continuum-gen.cjs')),
          'the recorder sees the entry',
        );
        for (const heavy of HEAVY) assert.ok(!loaded.some((url) => url.includes(heavy)), `the fast path loaded ${heavy}`);
        const outside = loaded.filter(
          (url) =>
            url.includes('/node_modules/') ||
            /\/dist\/(shared|generators)\//.test(url) ||
            /\/dist\/bin\/(?!continuum-gen\.cjs$|cli\.bundle\.cjs$)/.test(url),
        );
        assert.deepEqual(outside, [], 'modules loaded from files instead of the bundle');
      }
    });
  }

  it("the same recorder sees yeoman-environment on the Yeoman path, and the engine's files (the checks can fail)", async () => {
    const { run, loaded } = await modulesLoadedBy(docsRead(), { CONTINUUM_GEN_PATH: 'yeoman' });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(loaded.some((url) => url.includes('/yeoman-environment/')));
    assert.ok(loaded.some((url) => url.includes('/dist/shared/')));
  });
});

/** Run the bin synchronously for test setup (execFileSync keeps the helper simple). */
import { execFileSync } from 'node:child_process';
import type { EditableSpec } from '../support/editable-spec.js';
function runBinSync(args: readonly string[], dir: string): void {
  execFileSync(process.execPath, [binPath, ...args, `--cwd=${dir}`], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'ignore'] });
}
