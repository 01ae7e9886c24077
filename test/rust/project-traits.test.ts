import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenDir, repoRoot, specsDir } from '../support/paths.js';
import { listFiles, removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import type { SpecText } from '../../shared/adapters/adapter.js';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import { SpecError } from '../../shared/errors.js';
import { planSpecRun } from '../../shared/run/spec-run.js';
import { fixtureText } from '../support/rust-project.js';

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
  cpSync(join(repoRoot, 'test', 'fixtures', 'rust', 'continuum-core', 'src'), join(dir, 'src', 'workers', 'continuum-core', 'src'), {
    recursive: true,
  });
  mkdirSync(join(dir, 'src', 'generator', 'specs'), { recursive: true });
  if (withOwnTrait)
    writeFileSync(
      join(dir, 'src', 'generator', 'specs', 'traits-cache-control.json'),
      readFileSync(join(goldenDir, 'trait-cache-control', 'spec.json'), 'utf8'),
    );
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

  it("reverse reads the module back with the project's traits, as generation wrote it (no use path of the trait's types left over)", async () => {
    const dir = project(true);
    const generated = await runBin(['command', '--spec=cache-stats.json', `--cwd=${dir}`], { cwd: dir, stdin: 'closed' });
    assert.equal(generated.code, 0, generated.stderr);
    const reversed = await runBin(['reverse', 'src/commands/cache/stats', '--stdout', `--cwd=${dir}`], { cwd: dir, stdin: 'closed' });
    assert.equal(reversed.code, 0, reversed.stderr);
    const spec = JSON.parse(reversed.stdout.split('\n')[0]) as { rust?: unknown };
    // With the shipped traits only, CacheStats (a type of CacheControl's signatures) came back as rust.imports.
    assert.deepEqual(spec.rust, cacheSpec.rust);
  });

  it('the shipped trait specs stay known beside the project ones', async () => {
    const dir = project(true);
    const run = await runBin(['trait', `--spec=${join(specsDir, 'traits', 'managed-service.json')}`, `--cwd=${dir}`], {
      cwd: dir,
      stdin: 'closed',
    });
    assert.equal(run.code, 0, run.stderr);
  });
});

describe("a project's traits, resolved once per run from the specs the run is given", () => {
  const traitSpec: SpecText = {
    file: 'src/generator/specs/traits-cache-control.json',
    text: readFileSync(join(goldenDir, 'trait-cache-control', 'spec.json'), 'utf8'),
  };
  const rustSpec = (name: string): { specText: string; specFile: string } => ({
    specText: JSON.stringify({ ...cacheSpec, name }),
    specFile: `${name.replace('/', '-')}.json`,
  });
  const run = (folder: readonly SpecText[]): { reads: number; plan: () => ReturnType<typeof planSpecRun> } => {
    const counter = {
      reads: 0,
      plan: () =>
        planSpecRun([{ specText: traitSpec.text, specFile: traitSpec.file }, rustSpec('cache/stats'), rustSpec('cache/size')], {
          config: defaultProjectConfig,
          read: (p) => fixtureText(p),
          specs: () => (counter.reads++, folder),
        }),
    };
    return counter;
  };

  it('two rust-ipc specs implement a trait of the specs folder, read through the run (no disk), and the folder is read once for both', () => {
    const counter = run([traitSpec]);
    const plan = counter.plan();
    const module = plan.files.find((f) => f.path.endsWith('/modules/cache.rs'));
    assert.match(module?.content ?? '', /impl CacheControl for CacheModule/);
    // Once for the module members (the run's own specs first), once for the traits: not once per spec.
    assert.equal(counter.reads, 2);
  });

  it('without the trait spec among the specs, the same run refuses CacheControl', () => {
    const counter = run([]);
    assert.throws(
      counter.plan,
      (error: unknown) =>
        error instanceof SpecError &&
        error.issues.some((i) => i.pointer === '/rust/traits/1' && i.message.startsWith('unknown trait CacheControl')),
    );
  });
});
