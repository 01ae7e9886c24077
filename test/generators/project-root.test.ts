import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot, initProjectRoot } from '../../shared/config/project-root.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { docsReadFiles, docsReadSpec, listFiles, removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { fixturesDir, specsDir } from '../support/paths.js';

const YO_RC = JSON.stringify({ 'generator-continuum': {} });
const bothPaths = [
  ['the fast path', {}],
  ['the Yeoman path', { CONTINUUM_GEN_PATH: 'yeoman' }],
] as const;

/** A folder with the host's IPC composition and crate module list (what the Rust specs edit). */
function hostCheckout(files: Record<string, string> = {}): string {
  const dir = tempProject(files);
  cpSync(join(fixturesDir, 'host', 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(fixturesDir, 'rust', 'continuum-core', 'src'), join(dir, 'src', 'workers', 'continuum-core', 'src'), { recursive: true });
  return dir;
}

describe('the project root (shared/config/project-root.ts)', () => {
  after(removeTempProjects);

  it('is the nearest folder holding .yo-rc.json, else the git root, else the start folder', () => {
    const nested = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'app/.yo-rc.json': YO_RC, 'app/src/deep/.keep': '' });
    deepStrictEqual(findProjectRoot(join(nested, 'app', 'src', 'deep')), { root: join(nested, 'app'), foundBy: 'yo-rc' });
    deepStrictEqual(findProjectRoot(join(nested, 'other')), { root: nested, foundBy: 'git' });

    // A .yo-rc.json above the git root belongs to someone else.
    const outer = tempProject({ '.yo-rc.json': YO_RC, 'repo/.git': 'gitdir: /elsewhere\n', 'repo/src/.keep': '' });
    deepStrictEqual(findProjectRoot(join(outer, 'repo', 'src')), { root: join(outer, 'repo'), foundBy: 'git' });

    const bare = tempProject({ 'a/b/.keep': '' });
    deepStrictEqual(findProjectRoot(join(bare, 'a', 'b')), { root: join(bare, 'a', 'b'), foundBy: 'start' });
  });

  it("init's root: the nearest folder that looks like a host, up to the git root", () => {
    const mono = tempProject({ '.git/HEAD': '', 'services/continuum/src/commands/.keep': '', 'services/continuum/src/sub/.keep': '' });
    const start = join(mono, 'services', 'continuum', 'src', 'sub');
    deepStrictEqual(initProjectRoot(start, findProjectRoot(start), defaultProjectConfig), {
      root: join(mono, 'services', 'continuum'),
      foundBy: 'host',
    });
    const plain = tempProject({ '.git/HEAD': '', 'src/commands/.keep': '', 'src/sub/.keep': '' });
    deepStrictEqual(initProjectRoot(join(plain, 'src', 'sub'), findProjectRoot(join(plain, 'src', 'sub')), defaultProjectConfig), {
      root: plain,
      foundBy: 'git',
    });
  });

  for (const [path, env] of bothPaths) {
    it(`a run from a subfolder writes at the project root, never src/src/... (${path})`, async () => {
      const dir = tempProject({ '.yo-rc.json': YO_RC, 'src/commands/.keep': '' });
      const sub = join(dir, 'src', 'commands');
      const run = await runBin(['command', `--spec=${docsReadSpec}`], { cwd: sub, stdin: 'closed', env });
      equal(run.code, 0, run.stderr);
      match(run.stderr, new RegExp(`Project root: ${dir} \\(the folder holding \\.yo-rc\\.json\\)`));
      deepStrictEqual(listFiles(dir), ['.yo-rc.json', 'src/commands/.keep', ...docsReadFiles]);
      equal(
        listFiles(sub).some((f) => f.startsWith('src/')),
        false,
        'nothing below the subfolder',
      );
    });

    it(`--spec given from a subfolder is relative to that subfolder, not to the root (${path})`, async () => {
      const dir = tempProject({
        '.yo-rc.json': YO_RC,
        'src/commands/.keep': '',
        'drafts/docs-read.json': readFileSync(docsReadSpec, 'utf8'),
      });
      const run = await runBin(['command', '--spec=docs-read.json'], { cwd: join(dir, 'drafts'), stdin: 'closed', env });
      equal(run.code, 0, run.stderr);
      ok(listFiles(dir).includes('src/commands/docs/read/shared/DocsReadTypes.ts'));
      ok(listFiles(dir).includes('src/generator/specs/docs-read.json'), 'the spec from outside the specs folder is saved there');
    });

    it(`an empty folder gets a warning; fresh mod.rs and RustCoreIPC.ts are refused there unless --allow-non-host (${path})`, async () => {
      const empty = tempProject();
      const warned = await runBin(['command', `--spec=${docsReadSpec}`], { cwd: empty, stdin: 'closed', env });
      equal(warned.code, 0, warned.stderr);
      match(warned.stderr, /does not look like a Continuum checkout \(none of .*src\/commands\/.*RustCoreIPC\.ts\)/);

      const rust = tempProject();
      const refused = await runBin(['rust-module', `--spec=${join(specsDir, 'gpu-stats.json')}`], { cwd: rust, stdin: 'closed', env });
      equal(refused.code, 1);
      match(refused.stderr, /would create the host's shared files from nothing/);
      match(refused.stderr, /new src\/workers\/continuum-core\/bindings\/RustCoreIPC\.ts/);
      match(refused.stderr, /new src\/workers\/continuum-core\/src\/modules\/mod\.rs/);
      match(refused.stderr, /--allow-non-host/);
      deepStrictEqual(listFiles(rust), []);

      const allowed = await runBin(['rust-module', `--spec=${join(specsDir, 'gpu-stats.json')}`, '--allow-non-host'], {
        cwd: rust,
        stdin: 'closed',
        env,
      });
      equal(allowed.code, 0, allowed.stderr);
      ok(listFiles(rust).includes('src/workers/continuum-core/src/modules/mod.rs'));
    });

    it(`a host checkout gets no warning, and its mod.rs is edited (${path})`, async () => {
      // A git checkout: the root is found from src/commands, where the run starts.
      const dir = hostCheckout({ '.git/HEAD': 'ref: refs/heads/main\n' });
      mkdirSync(join(dir, 'src', 'commands'), { recursive: true });
      const run = await runBin(['rust-module', `--spec=${join(specsDir, 'gpu-stats.json')}`], {
        cwd: join(dir, 'src', 'commands'),
        stdin: 'closed',
        env,
      });
      equal(run.code, 0, run.stderr);
      equal(/does not look like a Continuum checkout/.test(run.stderr), false, run.stderr);
      match(readFileSync(join(dir, 'src/workers/continuum-core/src/modules/mod.rs'), 'utf8'), /^pub mod gpu;$/m);
    });
  }
});
