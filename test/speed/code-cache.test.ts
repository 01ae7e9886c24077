import { strict as assert } from 'node:assert';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { listFiles, removeTempProjects, runBin, snapshotFiles, tempProject } from '../support/generator-run.js';
import { fixturesDir, repoRoot, specsDir } from '../support/paths.js';

/** Node 22.1+ keeps its own compile cache; older Nodes use the entry's (bin/continuum-gen.cts). */
const nodeHasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** The entry's cache files in a folder (Node's own cache keeps files of other names in subfolders). */
const cacheFiles = (folder: string): string[] =>
  readdirSync(folder).filter((name) => name.startsWith('continuum-gen-') && name.endsWith('.cache'));
/** Whether the cache holds a file of that module (the cache's names carry it between dashes). */
const holdsModule = (cached: readonly string[], file: string): boolean => cached.some((name) => name.includes(`-${file}-`));

const docsRead = (cwd: string): string[] => ['command', `--spec=${join(specsDir, 'docs-read.json')}`, `--cwd=${cwd}`];

/** Run the bin with its code cache in `folder`. */
const runCached = (args: readonly string[], folder: string, env: Record<string, string> = {}) =>
  runBin(args, { cwd: repoRoot, stdin: 'closed', env: { NODE_COMPILE_CACHE: folder, ...env } });

const fileContents = (dir: string): Record<string, string> =>
  Object.fromEntries(Object.entries(snapshotFiles(dir)).map(([path, { content }]) => [path, content]));

describe('the code cache of the bin (compiled code kept between runs)', function () {
  after(removeTempProjects);

  if (nodeHasCompileCache) {
    it("on this Node, Node's own compile cache fills NODE_COMPILE_CACHE, and a warm run writes the same", async () => {
      const folder = join(tempProject(), 'cache');
      const [cold, warm] = [tempProject(), tempProject()];
      assert.equal((await runCached(docsRead(cold), folder)).code, 0);
      assert.ok(readdirSync(folder).length > 0, 'Node wrote its cache');
      assert.equal((await runCached(docsRead(warm), folder)).code, 0);
      assert.deepEqual(fileContents(warm), fileContents(cold));
    });
    return;
  }

  it('a first run writes one cache file; a second run accepts it (leaves it as it is) and writes the same files', async () => {
    const folder = join(tempProject(), 'cache');
    const [cold, warm] = [tempProject(), tempProject()];
    const first = await runCached(docsRead(cold), folder);
    assert.equal(first.code, 0, first.stderr);
    const [file] = cacheFiles(folder);
    assert.equal(cacheFiles(folder).length, 1, readdirSync(folder).join(', '));
    assert.equal(statSync(folder).mode & 0o777, 0o700, 'the folder is the user’s own');
    const written = statSync(join(folder, file)).mtimeMs;
    const second = await runCached(docsRead(warm), folder);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stderr, first.stderr.replaceAll(cold, warm));
    assert.deepEqual(fileContents(warm), fileContents(cold));
    assert.equal(statSync(join(folder, file)).mtimeMs, written, 'V8 rejected the cache, so the run wrote it again');
  });

  it('a run that does not take the fast path (--help) leaves the cache of the bundle unwritten', async () => {
    const folder = join(tempProject(), 'cache');
    const help = await runCached(['--help'], folder);
    assert.equal(help.code, 0, help.stderr);
    assert.deepEqual(cacheFiles(folder), []);
    assert.equal((await runCached(docsRead(tempProject()), folder)).code, 0);
    assert.equal(cacheFiles(folder).length, 1, 'the fast path wrote it (the check can fail)');
  });

  it('an audit keeps the TypeScript compiler in the cache too (and no ts-morph, which it does not load); a second audit accepts it and reports the same', async () => {
    const folder = join(tempProject(), 'cache');
    const audit = ['audit', `--cwd=${join(fixturesDir, 'audit-tree')}`, '--json'];
    const first = await runBin(audit, { cwd: repoRoot, stdin: 'closed', env: { NODE_COMPILE_CACHE: folder }, timeoutMs: 120_000 });
    const cached = cacheFiles(folder);
    assert.ok(holdsModule(cached, 'typescript.js'), `typescript.js in ${cached.join(', ')}`);
    assert.ok(!holdsModule(cached, 'ts-morph.js'), `an audit that fixes nothing loaded ts-morph: ${cached.join(', ')}`);
    const written = new Map(cached.map((name) => [name, statSync(join(folder, name)).mtimeMs]));
    const second = await runBin(audit, { cwd: repoRoot, stdin: 'closed', env: { NODE_COMPILE_CACHE: folder }, timeoutMs: 120_000 });
    assert.equal(second.code, first.code, second.stderr);
    assert.ok(first.stdout.includes('"findings"'), first.stdout.slice(0, 200));
    assert.equal(second.stdout, first.stdout);
    for (const [name, mtimeMs] of written)
      assert.equal(statSync(join(folder, name)).mtimeMs, mtimeMs, `${name} was written again (rejected)`);
  });

  it('an audit --fix that inserts accessors loads ts-morph, and keeps it in the cache as well', async () => {
    const folder = join(tempProject(), 'cache');
    // A copy outside the checkout, so the tree is its own project root and its missing accessors count.
    const tree = tempProject();
    cpSync(join(fixturesDir, 'audit-tree'), tree, { recursive: true });
    const fix = ['audit', `--cwd=${tree}`, '--fix', '--dry-run', '--json'];
    const run = await runBin(fix, { cwd: repoRoot, stdin: 'closed', env: { NODE_COMPILE_CACHE: folder }, timeoutMs: 120_000 });
    assert.ok(run.stdout.includes('"findings"'), run.stdout.slice(0, 200) + run.stderr);
    const cached = cacheFiles(folder);
    for (const file of ['typescript.js', 'ts-morph.js']) assert.ok(holdsModule(cached, file), `${file} in ${cached.join(', ')}`);
  });

  it('a cache file V8 rejects is replaced, and the run is not affected', async () => {
    const folder = join(tempProject(), 'cache');
    assert.equal((await runCached(docsRead(tempProject()), folder)).code, 0);
    const [file] = cacheFiles(folder);
    writeFileSync(join(folder, file), 'not a code cache');
    const dir = tempProject();
    const run = await runCached(docsRead(dir), folder);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(listFiles(dir).includes('src/commands/docs/read/shared/DocsReadTypes.ts'));
    assert.deepEqual(cacheFiles(folder), [file]);
    assert.notEqual(readFileSync(join(folder, file), 'utf8'), 'not a code cache', 'the rejected cache was replaced');
  });

  it('a cache folder that others can write is neither read nor written', async () => {
    const folder = join(tempProject(), 'shared-cache');
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    const run = await runCached(docsRead(tempProject()), folder);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(cacheFiles(folder), []);
  });

  it('NODE_DISABLE_COMPILE_CACHE=1 writes no cache', async () => {
    const folder = join(tempProject(), 'cache');
    const run = await runCached(docsRead(tempProject()), folder, { NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!existsSync(folder) || cacheFiles(folder).length === 0, 'a cache was written');
  });

  // Code run from V8's code cache cannot import() on Node 20: every import() in the bundle goes
  // through the entry. These runs import modules from a warm cache.
  it('with a warm cache, runs that import modules work: the Yeoman path, validate, a project-local adapter plugin', async () => {
    const folder = join(tempProject(), 'cache');
    assert.equal((await runCached(docsRead(tempProject()), folder)).code, 0);
    assert.equal(cacheFiles(folder).length, 1);

    const yeoman = await runCached(docsRead(tempProject()), folder, { CONTINUUM_GEN_PATH: 'yeoman' });
    assert.equal(yeoman.code, 0, yeoman.stderr);
    const validate = await runCached(['validate', `--spec=${join(specsDir, 'docs-read.json')}`], folder);
    assert.equal(validate.code, 0, validate.stderr);

    const project = tempProject({ 'specs/docs-read.json': readFileSync(join(specsDir, 'docs-read.json'), 'utf8') });
    cpSync(join(fixturesDir, 'plugins', 'project'), project, { recursive: true });
    const plugin = await runBin(['command', '--spec=specs/docs-read.json', '--adapter=json-schema'], {
      cwd: project,
      stdin: 'closed',
      env: { NODE_COMPILE_CACHE: folder },
    });
    assert.equal(plugin.code, 0, plugin.stderr);
    assert.ok(listFiles(project).includes('contracts/json/docs-read.schema.json'));
  });
});
