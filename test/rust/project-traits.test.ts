import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenDir, repoRoot, specsDir } from '../support/paths.js';
import { listFiles, removeTempProjects, runBin, tempProject } from '../support/generator-run.js';

/** A rust-ipc spec implementing a trait the project declares itself (CacheControl), not a shipped one. */
const cacheSpec = {
  version: 2,
  name: 'cache/stats',
  description: 'Statistics of the response cache',
  adapter: 'rust-ipc',
  rust: { module: 'modules/cache', command_prefix: 'cache/', traits: ['ManagedService', 'CacheControl'] },
  results: [{ name: 'entries', type: 'integer' }],
};

function project(withOwnTrait: boolean): string {
  const dir = tempProject();
  cpSync(join(repoRoot, 'test', 'fixtures', 'host', 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(repoRoot, 'test', 'fixtures', 'rust', 'continuum-core', 'src'), join(dir, 'src', 'workers', 'continuum-core', 'src'), { recursive: true });
  mkdirSync(join(dir, 'src', 'generator', 'specs'), { recursive: true });
  if (withOwnTrait) writeFileSync(join(dir, 'src', 'generator', 'specs', 'traits-cache-control.json'), readFileSync(join(goldenDir, 'trait-cache-control', 'spec.json'), 'utf8'));
  writeFileSync(join(dir, 'cache-stats.json'), JSON.stringify(cacheSpec, null, 2));
  return dir;
}

describe("a project's own trait specs", function () {
  after(removeTempProjects);

  for (const path of ['fast', 'yeoman'] as const) {
    const env: Record<string, string> = path === 'yeoman' ? { CONTINUUM_GEN_PATH: 'yeoman' } : {};

    it(`a rust-ipc spec may implement a trait declared in the project's specs folder (${path} path)`, async () => {
      const dir = project(true);
      const run = await runBin(['command', '--spec=cache-stats.json', `--cwd=${dir}`], { cwd: dir, stdin: 'closed', env });
      assert.equal(run.code, 0, run.stderr);
      const module = readFileSync(join(dir, 'src/workers/continuum-core/src/modules/cache.rs'), 'utf8');
      assert.match(module, /impl CacheControl for CacheModule/);
      assert.match(module, /impl ManagedService for CacheModule/);
    });

    it(`without that trait spec the same spec is refused, naming the known traits (${path} path)`, async () => {
      const dir = project(false);
      const run = await runBin(['command', '--spec=cache-stats.json', `--cwd=${dir}`], { cwd: dir, stdin: 'closed', env });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /\/rust\/traits\/1\): unknown trait CacheControl/);
      assert.ok(!listFiles(dir).some((f) => f.endsWith('cache.rs')), 'nothing written');
    });
  }

  it('the shipped trait specs stay known beside the project ones', async () => {
    const dir = project(true);
    const run = await runBin(['trait', `--spec=${join(specsDir, 'traits', 'managed-service.json')}`, `--cwd=${dir}`], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 0, run.stderr);
  });
});
