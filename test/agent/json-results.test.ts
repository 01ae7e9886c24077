import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  docsReadFiles,
  docsReadRecord,
  docsReadSpec,
  forgetGeneration,
  listFiles,
  removeTempProjects,
  runBin,
  snapshotFiles,
  tempProject,
  type BinRun,
} from '../support/generator-run.js';
import { repoRoot, specsDir } from '../support/paths.js';
import { badSpec, fixtureProject, type ReadResult, hostProject, schemaValidator } from './support.js';

const validateResult = schemaValidator('run-result');
const README = 'src/commands/docs/read/README.md';
const yeoman = { CONTINUUM_GEN_PATH: 'yeoman' };

/** stdout holds exactly one JSON document, valid against schemas/run-result.schema.json; returns it. */
function resultOf(run: BinRun): ReadResult {
  let result: ReadResult;
  try {
    result = JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not one JSON document:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
  deepStrictEqual(validateResult(result), [], JSON.stringify(result, null, 2));
  equal(result.exitCode, run.code, 'the result names the exit code the process had');
  equal(result.ok, run.code === 0);
  return result;
}

const states = (result: ReadResult): string[] => result.files.map((f: { path: string; state: string }) => `${f.state} ${f.path}`);

describe('--json: one versioned result on stdout for every sub-generator', function () {
  after(removeTempProjects);

  it("the schema rejects a result with a state outside the conflicter's vocabulary (the check can fail)", () => {
    const doctored = {
      schemaVersion: 1,
      tool: { name: 'x', version: '1' },
      command: 'command',
      ok: true,
      status: 'done',
      exitCode: 0,
      dryRun: false,
      message: '',
      files: [{ path: 'a', state: 'created' }],
      issues: [],
    };
    ok(validateResult(doctored).length > 0);
    ok(validateResult({ ...doctored, files: [], extra: 1 }).length > 0, 'unknown top-level fields are refused');
    deepStrictEqual(validateResult({ ...doctored, files: [{ path: 'a', state: 'create' }] }), []);
  });

  for (const [path, env] of [
    ['fast path', {}],
    ['Yeoman path', yeoman],
  ] as const) {
    it(`command --spec (${path}): every planned file created, then identical; human text on stderr only`, async () => {
      const dir = tempProject();
      const first = resultOf(await runBin(['command', `--spec=${docsReadSpec}`, '--json'], { cwd: dir, env }));
      equal(first.command, 'command');
      equal(first.status, 'done');
      deepStrictEqual(
        states(first),
        docsReadFiles.map((f) => `create ${f}`),
      );
      deepStrictEqual(
        first.specs.map((s) => [s.name, s.adapters]),
        [['docs/read', ['server-only']]],
      );
      deepStrictEqual(listFiles(dir), docsReadFiles);
      const again = await runBin(['command', `--spec=${docsReadSpec}`, '--json'], { cwd: dir, env });
      match(again.stderr, /identical/);
      deepStrictEqual(
        states(resultOf(again)),
        docsReadFiles.map((f) => `identical ${f}`),
      );
    });

    it(`command --spec --dry-run (${path}): the states and a unified diff per changing file; nothing written`, async () => {
      const dir = tempProject();
      equal((await runBin(['command', `--spec=${docsReadSpec}`], { cwd: dir })).code, 0);
      writeFileSync(join(dir, README), 'my notes\n');
      // Without the generation record there is no base to merge with: the edit is a conflict, shown as a diff.
      forgetGeneration(dir);
      const before = snapshotFiles(dir);
      const result = resultOf(await runBin(['command', `--spec=${docsReadSpec}`, '--dry-run', '--json'], { cwd: dir, env }));
      equal(result.dryRun, true);
      const readme = result.files.find((f: { path: string }) => f.path === README);
      ok(readme, `${README} is listed`);
      equal(readme.state, 'conflict');
      match(readme.diff ?? '', /^--- a\/src\/commands\/docs\/read\/README\.md\n\+\+\+ b\/src\/commands\/docs\/read\/README\.md\n@@ /);
      match(readme.diff ?? '', /^-my notes$/m);
      match(readme.diff ?? '', /^\+# docs\/read$/m);
      // The record forgotten above would be written anew; every other file is as generated.
      equal(result.files.find((f: { path: string }) => f.path === docsReadRecord)?.state, 'create');
      ok(
        result.files
          .filter((f: { path: string }) => f.path !== README && f.path !== docsReadRecord)
          .every((f: { state: string; diff?: string }) => f.state === 'identical' && f.diff === undefined),
      );
      deepStrictEqual(snapshotFiles(dir), before);
    });

    it(`a hand-edited file (${path}): status conflict naming the file, exit 1, nothing written, no hang on an open stdin`, async () => {
      const dir = tempProject();
      equal((await runBin(['command', `--spec=${docsReadSpec}`], { cwd: dir })).code, 0);
      appendFileSync(join(dir, README), 'my notes\n');
      // No record to merge with: the hand edit cannot be told from an old generation, so it is a conflict.
      forgetGeneration(dir);
      const before = snapshotFiles(dir);
      const run = await runBin(['command', `--spec=${docsReadSpec}`, '--json'], { cwd: dir, env, stdin: 'open', timeoutMs: 30_000 });
      equal(run.timedOut, false);
      const result = resultOf(run);
      equal(result.status, 'conflict');
      deepStrictEqual(states(result), [`conflict ${README}`]);
      deepStrictEqual(
        result.issues.map((i: { file: string }) => i.file),
        [README],
      );
      deepStrictEqual(snapshotFiles(dir), before);
    });

    it(`a bad spec (${path}): status invalid, every issue with its pointer and line, nothing written`, async () => {
      const dir = tempProject({ 'bad.json': JSON.stringify(badSpec, null, 2) });
      const result = resultOf(await runBin(['command', '--spec=bad.json', '--json'], { cwd: dir, env }));
      equal(result.status, 'invalid');
      deepStrictEqual(result.issues.map((i: { pointer: string }) => i.pointer).sort(), ['/params/0/type', '/results/0/type']);
      ok(result.issues.every((i: { file: string; line?: number }) => i.file === 'bad.json' && typeof i.line === 'number'));
      deepStrictEqual(listFiles(dir), ['bad.json']);
    });
  }

  it('the fast path and the Yeoman path give the same result, byte for byte, for a batch into a host tree', async () => {
    const fastDir = hostProject();
    const yeomanDir = hostProject();
    const fast = await runBin(['command', `--spec=${specsDir}`, '--json', `--cwd=${fastDir}`], { cwd: repoRoot });
    const slow = await runBin(['command', `--spec=${specsDir}`, '--json', `--cwd=${yeomanDir}`], { cwd: repoRoot, env: yeoman });
    const result = resultOf(fast);
    equal(result.status, 'done', fast.stderr);
    equal(slow.stdout, fast.stdout);
    ok(result.specs.length >= 10 && result.files.length > 60, `${result.specs.length} specs, ${result.files.length} files`);
    ok(
      result.specs.some((s) => s.edits.some((e) => e.changes)),
      'edits of shared files are reported',
    );
  });

  it("command from flags alone (the Yeoman path): the wizard's spec and its files", async () => {
    const dir = tempProject();
    const result = resultOf(await runBin(['command', '--name=docs/read', '--description=Read a doc', '--json'], { cwd: dir }));
    ok(states(result).includes('create src/generator/specs/docs-read.json'));
  });

  it('command with a missing value: status invalid, one issue per missing option, never a prompt', async () => {
    const dir = tempProject();
    const run = await runBin(['command', '--json'], { cwd: dir, stdin: 'open', timeoutMs: 30_000 });
    equal(run.timedOut, false);
    const result = resultOf(run);
    equal(result.status, 'invalid');
    deepStrictEqual(
      result.issues.map((i: { file: string; message: string }) => `${i.file} ${i.message.split(':')[0]}`),
      ['<command line> missing --name', '<command line> missing --description'],
    );
  });

  it('--bail: status aborted at the first change', async () => {
    const dir = tempProject();
    const result = resultOf(await runBin(['command', `--spec=${docsReadSpec}`, '--bail', '--json'], { cwd: dir }));
    equal(result.status, 'aborted');
    deepStrictEqual(listFiles(dir), []);
  });

  it('rust-module and trait: the Rust vertical with its edits; a spec of the other adapter is invalid at /adapter', async () => {
    const dir = hostProject();
    const traits = resultOf(await runBin(['trait', `--spec=${join(specsDir, 'traits')}`, '--json'], { cwd: dir }));
    equal(traits.command, 'trait');
    ok(states(traits).includes('create src/workers/continuum-core/src/system/traits/managed_service.rs'), states(traits).join('\n'));
    const gpu = resultOf(await runBin(['rust-module', `--spec=${join(specsDir, 'gpu-stats.json')}`, '--json'], { cwd: dir }));
    equal(gpu.command, 'rust-module');
    ok(states(gpu).includes('create src/workers/continuum-core/src/modules/gpu.rs'));
    ok(gpu.specs[0].edits.some((e: { path: string; changes: boolean }) => e.path.endsWith('modules/mod.rs') && e.changes));
    const wrong = resultOf(await runBin(['rust-module', `--spec=${docsReadSpec}`, '--json'], { cwd: dir }));
    deepStrictEqual([wrong.status, wrong.issues[0].pointer], ['invalid', '/adapter']);
  });

  it('reverse: the inferred specs and warnings per folder; --dry-run writes nothing, a real run creates the spec files', async () => {
    const dir = fixtureProject('reverse-tree');
    const before = snapshotFiles(dir);
    const dry = resultOf(await runBin(['reverse', 'src/commands', '--dry-run', '--json'], { cwd: dir }));
    equal(dry.command, 'reverse');
    deepStrictEqual(snapshotFiles(dir), before);
    const reversed = dry.reversed.filter((r: { status: string }) => r.status === 'reversed');
    ok(reversed.length >= 15, `${reversed.length} reversed`);
    for (const entry of reversed) deepStrictEqual(schemaValidator('command-spec-v2')(entry.spec), [], entry.folder);
    ok(
      dry.reversed.some((r) => r.warnings.length > 0),
      'warnings are carried',
    );
    ok(
      dry.files.every((f: { state: string; diff?: string }) => (f.state === 'create' || f.state === 'conflict') === (f.diff !== undefined)),
    );

    const stdoutRun = resultOf(await runBin(['reverse', 'src/commands', '--stdout', '--json'], { cwd: dir }));
    deepStrictEqual([stdoutRun.files, stdoutRun.reversed.length], [[], dry.reversed.length]);
    deepStrictEqual(snapshotFiles(dir), before);

    const real = resultOf(await runBin(['reverse', 'src/commands', '--missing-only', '--json'], { cwd: dir }));
    ok(real.files.length > 0 && real.files.every((f: { state: string }) => f.state === 'create'), states(real).join('\n'));
    for (const file of real.files) ok(listFiles(dir).includes(file.path));
  });

  it('reverse --from-v1: the migration lists', async () => {
    const dir = tempProject({ 'specs/system-ping.json': readFileSync(join(specsDir, 'system-ping.v1.json'), 'utf8') });
    const result = resultOf(await runBin(['reverse', '--from-v1', 'specs', '--dry-run', '--json'], { cwd: dir }));
    deepStrictEqual(result.migration.v1, ['specs/system-ping.json']);
  });

  it('adapters --json: every built-in adapter with what it writes', async () => {
    const result = resultOf(await runBin(['adapters', '--json'], { cwd: tempProject() }));
    deepStrictEqual(result.adapters.map((a: { id: string }) => a.id).sort(), [
      'browser-only',
      'c',
      'full-stack',
      'kotlin',
      'proto',
      'python',
      'rust-ipc',
      'server-only',
      'swift',
      'trait-only',
    ]);
  });

  it("adapters --json with a broken .yo-rc.json: status invalid with the config's pointer", async () => {
    const dir = tempProject({ '.yo-rc.json': JSON.stringify({ 'generator-continuum': { roots: { commands: '../out' } } }, null, 2) });
    const result = resultOf(await runBin(['adapters', '--json'], { cwd: dir }));
    deepStrictEqual(
      result.issues.map((i: { file: string; pointer: string }) => `${i.file} ${i.pointer}`),
      ['.yo-rc.json /generator-continuum/roots/commands'],
    );
  });
});
