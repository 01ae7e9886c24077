import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, removeTempProjects, runBin, tempProject } from '../support/generator-run.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

/** The bin end to end: --adapter on `continuum-gen command`, and `continuum-gen adapters`. */
describe('continuum-gen with extra and project-local adapters', () => {
  after(removeTempProjects);

  /** A temp copy of the plugin fixture project (its own layout, the example plugin) with docs/read's spec. */
  function pluginProject(extra: Record<string, string> = {}): string {
    const dir = tempProject({ 'specs/docs-read.json': readFileSync(join(repoRoot, 'specs', 'docs-read.json'), 'utf8'), ...extra });
    cpSync(join(fixturesDir, 'plugins', 'project'), dir, { recursive: true });
    return dir;
  }

  it('command --adapter=swift --adapter=kotlin writes the language files beside the command', async () => {
    const dir = tempProject({ 'specs/vhsm-encrypt.json': readFileSync(join(repoRoot, 'specs', 'vhsm-encrypt.json'), 'utf8') });
    const run = await runBin(['command', '--spec=specs/vhsm-encrypt.json', '--adapter=swift', '--adapter=kotlin'], {
      cwd: dir,
      stdin: 'closed',
    });
    assert.equal(run.code, 0, run.stderr);
    const files = listFiles(dir);
    for (const path of [
      'generated/swift/VhsmEncrypt.swift',
      'generated/swift/CommandTransport.swift',
      'generated/kotlin/commands/vhsm/encrypt/VhsmEncrypt.kt',
      'src/commands/vhsm/encrypt/shared/VhsmEncryptTypes.ts',
    ]) {
      assert.ok(files.includes(path), `${path} in ${files.join(', ')}`);
    }
    assert.match(
      `${run.stdout}${run.stderr}`,
      /--adapter=swift: generated\/swift\/CommandTransport\.swift, generated\/swift\/VhsmEncrypt\.swift/,
    );
  });

  it('an unknown --adapter fails listing the available ones, and writes nothing', async () => {
    const dir = tempProject({ 'specs/docs-read.json': readFileSync(join(repoRoot, 'specs', 'docs-read.json'), 'utf8') });
    const run = await runBin(['command', '--spec=specs/docs-read.json', '--adapter=swfit'], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /adapter swfit \(asked for with --adapter\) is not available; found "swfit"; expected one of .*kotlin.*swift/);
    assert.deepEqual(listFiles(dir), ['specs/docs-read.json']);
  });

  it('a project-local plugin from .yo-rc.json runs with --adapter=<its id>, in the project’s own layout', async () => {
    const dir = pluginProject();
    const run = await runBin(['command', '--spec=specs/docs-read.json', '--adapter=json-schema'], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 0, run.stderr);
    const schema = JSON.parse(readFileSync(join(dir, 'contracts/json/docs-read.schema.json'), 'utf8')) as { title: string };
    assert.equal(schema.title, 'acme docs/read');
    assert.ok(listFiles(dir).includes('app/features/docs/read/shared/DocsReadTypes.ts'));
  });

  it('a broken plugin fails the run naming it, and nothing is written', async () => {
    const dir = pluginProject();
    cpSync(join(fixturesDir, 'plugins', 'broken'), join(dir, 'broken'), { recursive: true });
    const yoRc = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    yoRc['generator-continuum'].adapters = [{ module: './broken/escapes-project.js' }];
    writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify(yoRc, null, 2));
    const files = listFiles(dir);
    const run = await runBin(['command', '--spec=specs/docs-read.json', '--adapter=escapes-project'], { cwd: dir, stdin: 'closed' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /adapter plugin \.\/broken\/escapes-project\.js \(id escapes-project\) planned a path outside the project/);
    assert.match(run.stderr, /nothing was written/);
    assert.deepEqual(listFiles(dir), files, 'no file was added');
  });

  it('adapters lists the built-in and project-local adapters with what each writes', async () => {
    const run = await runBin(['adapters'], { cwd: pluginProject(), stdin: 'closed' });
    assert.equal(run.code, 0, run.stderr);
    for (const id of ['server-only', 'swift', 'kotlin', 'python', 'proto', 'c'])
      assert.match(run.stdout, new RegExp(`^${id} {2}\\(built-in\\)$`, 'm'));
    assert.match(run.stdout, /^json-schema {2}\(\.\/tools\/json-schema-adapter\.js\)$/m);
    assert.match(run.stdout, /writes: contracts\/json\/<name>\.schema\.json/);
  });
});
