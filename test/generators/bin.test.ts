import { deepStrictEqual, equal, match, ok } from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  docsReadFiles,
  docsReadSpec,
  forgetGeneration,
  listFiles,
  removeTempProjects,
  runBin,
  snapshotFiles,
  tempProject,
} from '../support/generator-run.js';

const README = 'src/commands/docs/read/README.md';

describe('continuum-gen (the bin, as a child process with no TTY)', () => {
  after(removeTempProjects);

  it('--help lists the sub-generators', async () => {
    const run = await runBin(['--help'], { cwd: tempProject() });
    equal(run.code, 0);
    match(run.stdout, /Usage: continuum-gen <sub-generator> \[options\]/);
    match(run.stdout, /^ {2}command +a Continuum command/m);
  });

  it('<sub-generator> --help lists every option, the environment flags included', async () => {
    const run = await runBin(['command', '--help'], { cwd: tempProject() });
    equal(run.code, 0);
    for (const flag of [
      '--force',
      '--dry-run',
      '--bail',
      '--skip-yo-resolve',
      '--cwd <folder>',
      '--interactive',
      '--spec <value>',
      '--migrate',
      '--name <value>',
      '--access-level <value>',
    ]) {
      ok(run.stdout.includes(flag), `${flag} in:\n${run.stdout}`);
    }
  });

  it('an unknown sub-generator fails with the list', async () => {
    const run = await runBin(['nope'], { cwd: tempProject() });
    equal(run.code, 1);
    match(run.stderr, /unknown sub-generator "nope"/);
    match(run.stderr, /command +a Continuum command/);
  });

  for (const stdin of ['open', 'closed'] as const) {
    it(`a missing value is an error naming it, never a hang (stdin ${stdin})`, async () => {
      const dir = tempProject();
      const run = await runBin(['command'], { cwd: dir, stdin, timeoutMs: 20_000 });
      equal(run.timedOut, false, 'the run must not wait on stdin');
      equal(run.code, 1);
      match(run.stderr, /missing --name/);
      match(run.stderr, /missing --description/);
      deepStrictEqual(listFiles(dir), []);
    });
  }

  it('generates from flags alone in a non-interactive run', async () => {
    const dir = tempProject();
    const run = await runBin(
      ['command', '--name=docs/read', '--description=Read a doc', '--access-level=ai-safe', '--class-name=DocReader'],
      { cwd: dir },
    );
    equal(run.code, 0, run.stderr);
    const spec = JSON.parse(readFileSync(join(dir, 'src/generator/specs/docs-read.json'), 'utf8'));
    deepStrictEqual([spec.accessLevel, spec.className], ['ai-safe', 'DocReader']);
    ok(listFiles(dir).includes('src/commands/docs/read/shared/DocReaderTypes.ts'));
  });

  it('--spec --dry-run writes nothing; --spec writes; a re-run is identical; --cwd picks the folder', async () => {
    const dir = tempProject();
    const dry = await runBin(['command', `--spec=${docsReadSpec}`, '--dry-run'], { cwd: dir });
    equal(dry.code, 0, dry.stderr);
    deepStrictEqual(listFiles(dir), []);

    const real = await runBin(['command', `--spec=${docsReadSpec}`, '--cwd', dir], { cwd: tempProject() });
    equal(real.code, 0, real.stderr);
    deepStrictEqual(listFiles(dir), docsReadFiles);

    const before = snapshotFiles(dir);
    const again = await runBin(['command', `--spec=${docsReadSpec}`], { cwd: dir });
    equal(again.code, 0, again.stderr);
    equal(again.stderr.match(/^\s*identical /gm)?.length, docsReadFiles.length);
    deepStrictEqual(snapshotFiles(dir), before);
  });

  it('a conflict in a non-interactive run fails listing the file (stdin open, no hang); --force then overwrites', async () => {
    const dir = tempProject();
    equal((await runBin(['command', `--spec=${docsReadSpec}`], { cwd: dir })).code, 0);
    const generated = readFileSync(join(dir, README), 'utf8');
    // Without a generation record there is no base to merge with: the edit is a conflict.
    forgetGeneration(dir);
    appendFileSync(join(dir, README), 'my notes\n');
    const before = snapshotFiles(dir);

    const refused = await runBin(['command', `--spec=${docsReadSpec}`], { cwd: dir, stdin: 'open', timeoutMs: 20_000 });
    equal(refused.timedOut, false);
    equal(refused.code, 1);
    match(refused.stderr, /conflict src\/commands\/docs\/read\/README\.md/);
    deepStrictEqual(snapshotFiles(dir), before);

    const dry = await runBin(['command', `--spec=${docsReadSpec}`, '--dry-run'], { cwd: dir, stdin: 'open' });
    equal(dry.code, 0, dry.stderr);
    match(dry.stderr, /-my notes/, 'the dry run prints the diff');
    deepStrictEqual(snapshotFiles(dir), before);

    const forced = await runBin(['command', `--spec=${docsReadSpec}`, '--force'], { cwd: dir, stdin: 'open' });
    equal(forced.code, 0, forced.stderr);
    equal(readFileSync(join(dir, README), 'utf8'), generated);
  });

  it('a bad spec exits non-zero with every issue and writes nothing', async () => {
    const dir = tempProject({
      'bad.json': JSON.stringify({
        version: 2,
        name: 'docs/read',
        description: 'x',
        params: [
          { name: 'a', type: 'Strin' },
          { name: 'a', type: 'string' },
        ],
      }),
    });
    const run = await runBin(['command', '--spec=bad.json'], { cwd: dir });
    equal(run.code, 1);
    match(run.stderr, /2 problems found; nothing was written/);
    match(run.stderr, /bad\.json:1:\d+ \(at \/params\/0\/type\)/);
    match(run.stderr, /bad\.json:1:\d+ \(at \/params\/1\/name\)/);
    deepStrictEqual(listFiles(dir), ['bad.json']);
  });
});
