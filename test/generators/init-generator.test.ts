import { deepStrictEqual, equal, match, ok, rejects } from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { defaultProjectConfig } from '../../shared/config/project-config.js';
import {
  fromRepoRoot,
  listFiles,
  recordingSpyFactory,
  removeTempProjects,
  runBin,
  snapshotFiles,
  tempProject,
} from '../support/generator-run.js';
import { repoRoot, specsDir } from '../support/paths.js';

const initGenerator = join(repoRoot, 'dist', 'generators', 'init', 'index.js');
const SPECS = defaultProjectConfig.roots.specs;
const COPIED = [
  ...['configurable', 'lifecycle', 'managed-service', 'metrics-emitter'].map((t) => `${SPECS}/traits/${t}.json`),
  `${SPECS}/vhsm-encrypt.json`,
];

function runInit(dir: string, options: Record<string, unknown>) {
  fromRepoRoot();
  return helpers
    .run(initGenerator, { tmpdir: false, cwd: dir, forwardCwd: true }, { force: false })
    .withOptions(options)
    .withAdapterOptions({ spyFactory: recordingSpyFactory });
}

/** A git checkout with the host's commands folder: what `init` expects to find. */
const hostCheckout = (files: Record<string, string> = {}): string =>
  tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'src/commands/.keep': '', ...files });
const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

describe('continuum:init', () => {
  after(removeTempProjects);

  it('from a subfolder: writes .yo-rc.json at the git root and copies the trait specs and the example; a re-run changes nothing', async () => {
    const dir = hostCheckout({ 'src/commands/gpu/.keep': '' });
    await runInit(join(dir, 'src', 'commands', 'gpu'), { yes: true });
    deepStrictEqual(JSON.parse(read(dir, '.yo-rc.json')), { 'generator-continuum': { roots: defaultProjectConfig.roots } });
    for (const path of COPIED) ok(listFiles(dir).includes(path), path);
    equal(listFiles(join(dir, 'src', 'commands', 'gpu')).length, 1, 'nothing written below the root');
    // The copy is the shipped spec without the $schema that points into the package.
    const shipped = JSON.parse(readFileSync(join(specsDir, 'traits', 'managed-service.json'), 'utf8')) as Record<string, unknown>;
    delete shipped.$schema;
    deepStrictEqual(JSON.parse(read(dir, `${SPECS}/traits/managed-service.json`)), shipped);

    const before = snapshotFiles(dir);
    await runInit(dir, { yes: true });
    deepStrictEqual(snapshotFiles(dir), before);
  });

  it("keeps other generators' entries, an existing generator-continuum entry, and a spec the user changed", async () => {
    const ours = { 'generator-continuum': { roots: { commands: 'app/commands' } }, 'generator-other': { answer: 42 } };
    const mine = '{ "version": 2, "name": "vhsm/encrypt", "description": "mine" }\n';
    const dir = hostCheckout({
      '.yo-rc.json': JSON.stringify(ours),
      'app/commands/.keep': '',
      'src/generator/specs/vhsm-encrypt.json': mine,
    });
    const result = await runInit(dir, { yes: true });
    deepStrictEqual(JSON.parse(read(dir, '.yo-rc.json')), ours);
    equal(read(dir, `${SPECS}/vhsm-encrypt.json`), mine);
    const log = (result.env as unknown as { adapter: { log: { writeln: { calls: unknown[][] } } } }).adapter.log.writeln.calls.map((c) =>
      String(c[0]),
    );
    ok(
      log.some((line) => /src\/generator\/specs\/vhsm-encrypt\.json: yours differs from the shipped one, kept as it is/.test(line)),
      log.join('\n'),
    );
  });

  it('refuses a folder that does not look like a Continuum checkout, naming what it looked for; --allow-non-host sets it up', async () => {
    const empty = tempProject();
    await rejects(runInit(empty, { yes: true }), (error: Error) => {
      match(error.message, /does not look like a Continuum checkout; nothing was written/);
      match(error.message, /src\/commands\/: not found/);
      match(error.message, /--allow-non-host/);
      return true;
    });
    deepStrictEqual(listFiles(empty), []);
    await runInit(empty, { yes: true, allowNonHost: true });
    ok(listFiles(empty).includes('.yo-rc.json'));
  });

  it('non-interactive without --yes: fails naming --yes, never waits, writes nothing', async () => {
    const dir = hostCheckout();
    await rejects(runInit(dir, { interactive: false }), /confirm it with --yes\. Nothing was written/);
    deepStrictEqual(listFiles(dir), ['.git/HEAD', 'src/commands/.keep']);
    const run = await runBin(['init'], { cwd: dir, stdin: 'open', timeoutMs: 30_000 });
    equal(run.timedOut, false);
    equal(run.code, 1);
    deepStrictEqual(listFiles(dir), ['.git/HEAD', 'src/commands/.keep']);
  });

  it('interactive: asks before writing; no writes nothing', async () => {
    const dir = hostCheckout();
    const declined = await runInit(dir, { interactive: true }).withAnswers({ writeInit: false });
    deepStrictEqual(
      declined.askedQuestions.map((q) => q.name),
      ['writeInit'],
    );
    deepStrictEqual(listFiles(dir), ['.git/HEAD', 'src/commands/.keep']);
    await runInit(dir, { interactive: true }).withAnswers({ writeInit: true });
    ok(listFiles(dir).includes('.yo-rc.json'));
  });

  it('the bin prints the next three commands, and the first of them runs as printed', async () => {
    const dir = hostCheckout();
    const run = await runBin(['init', '--yes'], { cwd: dir, stdin: 'closed', timeoutMs: 60_000 });
    equal(run.code, 0, run.stderr);
    const next = run.stderr.slice(run.stderr.indexOf('Next:'));
    const commands = next
      .split('\n')
      .slice(1, 4)
      .map((line) => line.trim().split(/\s+#/)[0].trim());
    deepStrictEqual(commands, [
      `continuum-gen command --spec=${SPECS}/vhsm-encrypt.json --dry-run`,
      'continuum-gen command',
      'continuum-gen audit',
    ]);
    const first = await runBin(commands[0].split(' ').slice(1), { cwd: dir, stdin: 'closed' });
    equal(first.code, 0, first.stderr);
    deepStrictEqual(
      listFiles(dir).filter((f) => f.startsWith('src/commands/vhsm')),
      [],
      '--dry-run wrote nothing',
    );
  });

  it('writes nothing on --dry-run', async () => {
    const dir = hostCheckout();
    writeFileSync(join(dir, 'marker'), '');
    const run = await runBin(['init', '--yes', '--dry-run'], { cwd: dir, stdin: 'closed', timeoutMs: 60_000 });
    equal(run.code, 0, run.stderr);
    deepStrictEqual(listFiles(dir), ['.git/HEAD', 'marker', 'src/commands/.keep']);
  });
});
