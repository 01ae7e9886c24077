import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docsReadFiles, docsReadSpec, listFiles, removeTempProjects, runProcess, tempProject } from '../support/generator-run.js';
import { repoRoot } from '../support/paths.js';

const exec = promisify(execFile);

/** Resolves yeoman-environment from the host project, as yo does, and runs what its lookup registered. */
const LOOKUP_SCRIPT = `
import { createEnv } from 'yeoman-environment';
const env = createEnv({ cwd: process.cwd() });
await env.lookup({ localOnly: true });
const registered = Object.fromEntries(Object.entries(env.getGeneratorsMeta()).filter(([ns]) => ns.startsWith('continuum:')).map(([ns, meta]) => [ns, meta.resolved]));
await env.run(['continuum:command'], { spec: process.argv[2], interactive: false });
process.stdout.write(JSON.stringify(registered));
`;

describe('the npm pack tarball, installed into a temporary project', function () {
  this.timeout(180_000);
  let packed: string[] = [];
  let project = '';

  before(async () => {
    const packDir = tempProject();
    // `npm test` has built dist/ already; the fresh-clone test below covers the build that packing runs.
    const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: repoRoot });
    const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    packed = info.files.map((f) => f.path);
    project = tempProject({ 'package.json': JSON.stringify({ name: 'host-project', private: true }) });
    // The dependencies resolve from the npm registry; --prefer-offline uses the local cache when it can.
    await exec(
      'npm',
      ['install', join(packDir, info.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
      { cwd: project },
    );
  });
  after(removeTempProjects);

  it('ships the compiled generators and bin, templates, schemas, specs, docs and the license; no TypeScript sources, no compiled tests', () => {
    for (const path of [
      'dist/generators/command/index.js',
      'dist/generators/app/index.js',
      'dist/generators/init/index.js',
      'dist/bin/continuum-gen.cjs',
      'dist/bin/cli.bundle.cjs',
      'dist/shared/engine.js',
      'schemas/command-spec-v2.schema.json',
      'package.json',
      'LICENSE',
      'docs/adapters.md',
      'specs/traits/managed-service.json',
    ])
      ok(packed.includes(path), `${path} is packed`);
    ok(packed.some((p) => p.startsWith('shared/adapters/typescript-command/templates/')));
    deepStrictEqual(
      packed.filter((p) => p.endsWith('.ts') || p.startsWith('dist/test/') || p.startsWith('generators/')),
      [],
    );
  });

  it("yeoman-environment's lookup registers continuum:* from the installed dist and runs it", async () => {
    writeFileSync(join(project, 'lookup.mjs'), LOOKUP_SCRIPT);
    const run = await runProcess(process.execPath, ['lookup.mjs', docsReadSpec], { cwd: project, stdin: 'closed', timeoutMs: 60_000 });
    equal(run.code, 0, run.stderr);
    const registered = JSON.parse(run.stdout) as Record<string, string>;
    ok('continuum:app' in registered && 'continuum:command' in registered, JSON.stringify(registered));
    for (const [namespace, resolved] of Object.entries(registered)) {
      equal(
        resolved,
        join(project, 'node_modules', 'generator-continuum', 'dist', 'generators', namespace.slice('continuum:'.length), 'index.js'),
      );
    }
    deepStrictEqual(
      listFiles(join(project, 'src')).map((f) => `src/${f}`),
      docsReadFiles,
    );
  });

  it('the installed bin runs: --help and a --spec run', async () => {
    const bin = join(project, 'node_modules', '.bin', 'continuum-gen');
    const help = await runProcess(bin, ['--help'], { cwd: project, stdin: 'closed' });
    equal(help.code, 0, help.stderr);
    match(help.stdout, /^ {2}command +a Continuum command/m);
    const commandHelp = await runProcess(bin, ['command', '--help'], { cwd: project, stdin: 'closed' });
    for (const flag of ['--force', '--dry-run', '--bail', '--spec <value>']) ok(commandHelp.stdout.includes(flag), flag);

    const target = tempProject();
    const run = await runProcess(bin, ['command', `--spec=${docsReadSpec}`], { cwd: target, stdin: 'open', timeoutMs: 60_000 });
    equal(run.code, 0, run.stderr);
    deepStrictEqual(listFiles(target), docsReadFiles);
  });
});

describe('npm link of a clone (TypeScript sources and compiled JS side by side)', () => {
  after(removeTempProjects);

  it("yeoman-environment's lookup registers the compiled JS, not generators/*/index.ts", async () => {
    // What `npm link` makes: a generator-continuum folder in node_modules that is the clone itself.
    const modules = join(tempProject(), 'node_modules');
    mkdirSync(modules);
    symlinkSync(repoRoot, join(modules, 'generator-continuum'), 'dir');
    const { createEnv } = await import('yeoman-environment');
    const env = createEnv({ cwd: modules });
    const found = await env.lookup({ npmPaths: [modules] });
    ok(
      found.some((g) => g.resolved.endsWith(join('generators', 'command', 'index.ts'))),
      'the lookup sees the TypeScript source too',
    );
    const resolved = Object.entries(env.getGeneratorsMeta()).map(([ns, meta]): [string, string] => [ns, meta.resolved ?? '']);
    ok(resolved.some(([ns]) => ns === 'continuum:command'));
    for (const [namespace, path] of resolved) {
      // Within one package the lookup registers .ts before .js and the last registration of a namespace wins.
      equal(path, join(repoRoot, 'dist', 'generators', namespace.slice('continuum:'.length), 'index.js'));
    }
  });
});

describe('a fresh clone: npm pack builds dist/, and the tarball installed into a scratch prefix runs init and a generate', function () {
  // A clone, npm ci, a build, npm pack and a global install into a prefix: minutes on a 2-core machine.
  this.timeout(900_000);
  after(removeTempProjects);

  it('packs from a clone without a build step, installs with npm install -g, and works from a Continuum checkout', async () => {
    // The committed state of this repository, as a user clones it (no dist/, no node_modules).
    const clone = join(tempProject(), 'generator-continuum');
    await exec('git', ['clone', '--quiet', repoRoot, clone]);
    equal(existsSync(join(clone, 'dist')), false);
    // Scripts off: the only build must be the one packing runs (the README's tarball route).
    await exec('npm', ['ci', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: clone,
      maxBuffer: 64 * 1024 * 1024,
    });
    const { stdout } = await exec('npm', ['pack', '--json', '--loglevel=error'], { cwd: clone, maxBuffer: 64 * 1024 * 1024 });
    const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    ok(
      info.files.some((f) => f.path === 'dist/bin/continuum-gen.cjs'),
      'the tarball has the bin',
    );

    // npm install -g ./generator-continuum-*.tgz, into a scratch prefix instead of the machine's.
    const prefix = tempProject();
    await exec(
      'npm',
      ['install', '-g', '--prefix', prefix, join(clone, info.filename), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: clone, maxBuffer: 64 * 1024 * 1024 },
    );
    const bin = join(prefix, 'bin', 'continuum-gen');
    ok(existsSync(bin), 'npm linked the bin into the prefix');

    const host = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'src/commands/.keep': '' });
    const init = await runProcess(bin, ['init', '--yes'], { cwd: join(host, 'src', 'commands'), stdin: 'closed', timeoutMs: 120_000 });
    equal(init.code, 0, init.stderr);
    ok(listFiles(host).includes('.yo-rc.json'));
    ok(listFiles(host).includes('src/generator/specs/traits/managed-service.json'));
    for (const path of [undefined, 'yeoman'] as const) {
      const run = await runProcess(bin, ['command', '--spec=src/generator/specs/vhsm-encrypt.json', '--force'], {
        cwd: host,
        stdin: 'closed',
        timeoutMs: 120_000,
        env: path ? { CONTINUUM_GEN_PATH: path } : {},
      });
      equal(run.code, 0, `${path ?? 'fast path'}: ${run.stderr}`);
    }
    ok(listFiles(host).includes('src/commands/vhsm/encrypt/shared/VhsmEncryptTypes.ts'));
  });
});
